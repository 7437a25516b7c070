/**
 * Paths into a scenario document, as the engine's validator writes them
 * (`nodes[2].service.meanMs: must be ...`), and where a problem is shown: at the form field
 * whose path is the longest prefix of the problem's path, else at its node, else at the top.
 */
export type Segment = string | number;
export type Path = readonly Segment[];

export interface Problem {
  /** The path of the document the problem is about ([] = the document itself). */
  path: Path;
  reason: string;
  /** The validator's line as it came. */
  text: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** The validator's spelling of a path: `nodes[2].service.meanMs`, `(scenario)` for none. */
export function formatPath(path: Path): string {
  if (path.length === 0) return '(scenario)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENT.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** Read a path at the start of `text`; returns it and where it ends, or null. */
function readPath(text: string): { path: Segment[]; end: number } | null {
  if (text.startsWith('(scenario)')) return { path: [], end: '(scenario)'.length };
  const path: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ident = /^\.?([A-Za-z_$][\w$]*)/.exec(rest);
    if (ident && (i === 0 ? !rest.startsWith('.') : rest.startsWith('.'))) {
      path.push(ident[1]!);
      i += ident[0].length;
      continue;
    }
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      path.push(Number(index[1]));
      i += index[0].length;
      continue;
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (quoted) {
      path.push(JSON.parse(quoted[1]!) as string);
      i += quoted[0].length;
      continue;
    }
    break;
  }
  return path.length > 0 ? { path, end: i } : null;
}

/** Split one of the validator's lines into its path and its reason. */
export function parseProblem(text: string): Problem {
  const read = readPath(text);
  if (read && text.slice(read.end, read.end + 2) === ': ')
    return { path: read.path, reason: text.slice(read.end + 2), text };
  return { path: [], reason: text, text };
}

export const startsWith = (path: Path, prefix: Path): boolean =>
  prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

/**
 * The key (formatted path) of the field that shows a problem: the longest of `fields` that is a
 * prefix of the problem's path, or null when none is.
 */
export function fieldKeyFor(path: Path, fields: readonly Path[]): string | null {
  let best: Path | null = null;
  for (const f of fields) if (startsWith(path, f) && (!best || f.length > best.length)) best = f;
  return best ? formatPath(best) : null;
}

/** Problems by the field that shows them; `rest` are those no field shows. */
export function placeProblems(
  problems: readonly Problem[],
  fields: readonly Path[],
): { at: Map<string, Problem[]>; rest: Problem[] } {
  const at = new Map<string, Problem[]>();
  const rest: Problem[] = [];
  for (const p of problems) {
    const key = fieldKeyFor(p.path, fields);
    if (key === null) rest.push(p);
    else at.set(key, [...(at.get(key) ?? []), p]);
  }
  return { at, rest };
}

/** The node a problem is about (its index in `nodes`), or null. */
export const nodeIndexOf = (path: Path): number | null =>
  path[0] === 'nodes' && typeof path[1] === 'number' ? path[1] : null;

/** What every field of the form gets: where it is, the draft, the problems by field, and a setter. */
export interface DocFieldProps {
  path: Path;
  doc: unknown;
  problemsAt: ReadonlyMap<string, Problem[]>;
  onChange(path: Path, value: unknown): void;
}
