/**
 * Where things are in a JSON text: the line of every key and array element (by path), so a
 * problem of the validator can be shown at its line, and the line and column of a syntax
 * error. A small scanner of our own rather than JSON.parse's message, whose wording and
 * position format differ between browsers.
 */
import { formatPath, type Path, type Segment } from './paths';

export interface SyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

export type Scan =
  { ok: true; lines: Map<string, number>; paths: Path[] } | { ok: false; error: SyntaxProblem };

class Fail extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: at - start + 1 };
}

const describe = (text: string, at: number) =>
  at >= text.length ? 'the text ends' : `found ${JSON.stringify(text[at])}`;

/** Deeper than any scenario; keeps a hostile text from exhausting the stack. */
const MAX_DEPTH = 64;

export function scanJson(text: string): Scan {
  const lines = new Map<string, number>();
  const paths: Path[] = [];
  let i = 0;
  let line = 1;
  const ws = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const mark = (path: Segment[]) => {
    lines.set(formatPath(path), line);
    paths.push(path);
  };
  const string = (): string => {
    const start = i;
    i++; // the opening quote
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Fail(i, 'a \\u escape needs four hex digits');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else throw new Fail(i, 'unknown escape in a string');
      } else if (c < 32)
        throw new Fail(i, 'a string must end on its line (unescaped control character)');
    }
    throw new Fail(start, 'a string is not closed');
  };
  const value = (path: Segment[]): void => {
    if (path.length > MAX_DEPTH) throw new Fail(i, `nested more than ${MAX_DEPTH} levels deep`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"')
          throw new Fail(i, `expected a key in double quotes, ${describe(text, i)}`);
        const keyLine = line;
        const key = string();
        const at = [...path, key];
        lines.set(formatPath(at), keyLine);
        paths.push(at);
        ws();
        if (text[i] !== ':') throw new Fail(i, `expected ":" after a key, ${describe(text, i)}`);
        i++;
        value(at);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        throw new Fail(i, `expected "," or "}", ${describe(text, i)}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        ws();
        mark([...path, n]);
        value([...path, n]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        throw new Fail(i, `expected "," or "]", ${describe(text, i)}`);
      }
    }
    if (c === '"') return void string();
    const literal = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
    if (literal) return void (i += literal[0].length);
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) return void (i += num[0].length);
    throw new Fail(i, `expected a value, ${describe(text, i)}`);
  };
  try {
    mark([]);
    value([]);
    ws();
    if (i < text.length)
      throw new Fail(i, `unexpected text after the document, ${describe(text, i)}`);
    return { ok: true, lines, paths };
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { ok: false, error: { ...lineColumn(text, e.at), reason: e.reason } };
  }
}

/** The line of a path: its own, or that of its nearest ancestor written in the text. */
export function lineOfPath(scan: { lines: Map<string, number> }, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const line = scan.lines.get(formatPath(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return 1;
}
