/**
 * The draft as JSON text: line numbers, problems at their lines (a syntax error at its line and
 * column), import from a file or by pasting into the text, export as `<name>.json`. A file that
 * is too large or not JSON leaves the draft as it was and says why; a comparison document can
 * be opened as one of its two designs.
 */
import { useEffect, useMemo, useRef } from 'react';
import { validators } from '../../store';
import { asRecord } from './docEdit';
import { readText, setDoc, setMessage, setText } from './draftStore';
import type { SyntaxProblem } from './jsonLines';
import { lineOfPath, scanJson } from './jsonLines';
import { download, fileNameFor, readFileText } from './fileIO';
import type { Problem } from './paths';

const DESIGNS = [
  ['sync', 'synchronous'],
  ['async', 'asynchronous'],
] as const;

export function syntaxText(s: SyntaxProblem): string {
  return `Not valid JSON: line ${s.line}, column ${s.column}: ${s.reason}`;
}

/** Put the caret at the start of a line (1-based), column `column`, and scroll to it. */
function goToLine(area: HTMLTextAreaElement, line: number, column = 1): void {
  const lines = area.value.split('\n');
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i]!.length + 1;
  at += column - 1;
  area.focus();
  area.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

export function JsonView({
  text,
  doc,
  syntax,
  problems,
  goTo,
}: {
  text: string;
  doc: unknown;
  syntax: SyntaxProblem | null;
  problems: readonly Problem[];
  /** A line to show at once (set by the summary), or null. */
  goTo: { line: number; column: number } | null;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = useMemo(() => text.split('\n').length, [text]);
  const placed = useMemo(() => {
    if (syntax) return [];
    const scan = scanJson(text);
    if (!scan.ok) return [];
    return problems
      .map((p) => ({ p, line: lineOfPath(scan, p.path) }))
      .sort((a, b) => a.line - b.line);
  }, [text, syntax, problems]);
  const badLines = useMemo(
    () => new Set(syntax ? [syntax.line] : placed.map((x) => x.line)),
    [syntax, placed],
  );
  useEffect(() => {
    if (goTo && area.current) goToLine(area.current, goTo.line, goTo.column);
  }, [goTo]);
  const compare = !syntax && asRecord(doc)?.kind === 'compare';

  const importText = (body: string, file: string) => {
    const read = readText(body);
    if (!read.ok)
      return setMessage({
        kind: 'error',
        text: `Not imported: ${file} is not a JSON document (line ${read.error.line}, column ${read.error.column}: ${read.error.reason}). The draft is unchanged.`,
      });
    setText(body);
    setMessage({
      kind: 'info',
      text:
        asRecord(read.doc)?.kind === 'compare'
          ? `${file} is a comparison: open one of its two designs below.`
          : `Imported ${file}. Apply to run it.`,
    });
  };

  return (
    <section className="editor-json" aria-label="JSON">
      <div className="editor-json-bar">
        <label className="btn btn--small editor-file">
          Import a file…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              void readFileText(file).then(
                (r) =>
                  r.ok
                    ? importText(r.text, file.name)
                    : setMessage({
                        kind: 'error',
                        text: `Not imported: ${r.reason}. The draft is unchanged.`,
                      }),
                () =>
                  setMessage({
                    kind: 'error',
                    text: `Not imported: ${file.name} could not be read.`,
                  }),
              );
            }}
          />
        </label>
        <button
          type="button"
          className="btn btn--small"
          data-testid="export-draft"
          onClick={() => download(text, fileNameFor(asRecord(doc)?.name))}
        >
          Export {fileNameFor(asRecord(doc)?.name)}
        </button>
        <span className="muted">or paste a document over the text.</span>
      </div>
      {compare ? (
        <div className="editor-confirm" data-testid="compare-import">
          <p>
            This is a comparison of two designs (<code>&quot;kind&quot;: &quot;compare&quot;</code>
            ). The editor holds one scenario: open one of its designs. The side-by-side table of a
            comparison is in the CLI (<code>sim compare</code>).
          </p>
          {DESIGNS.map(([design, words]) => (
            <button
              key={design}
              type="button"
              className="btn btn--small"
              onClick={() => {
                const v = validators();
                if (!v) return;
                setDoc(v.designDocument(doc, design), {
                  kind: 'info',
                  text: `Opened the ${words} design of the comparison. Apply to run it.`,
                });
              }}
            >
              Open the {words} design
            </button>
          ))}
        </div>
      ) : null}
      <div className="editor-code">
        <div className="editor-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <span key={i} className={badLines.has(i + 1) ? 'editor-gutter-bad' : undefined}>
              {i + 1}
            </span>
          ))}
        </div>
        <textarea
          ref={area}
          className="editor-textarea"
          data-testid="json-text"
          aria-label="The scenario as JSON"
          aria-invalid={syntax !== null || placed.length > 0}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <ul className="editor-json-problems" data-testid="json-problems">
        {syntax ? (
          <li>
            <button
              type="button"
              className="editor-link"
              data-testid="json-syntax"
              onClick={() => area.current && goToLine(area.current, syntax.line, syntax.column)}
            >
              {syntaxText(syntax)}
            </button>
          </li>
        ) : (
          placed.map(({ p, line }) => (
            <li key={p.text}>
              <button
                type="button"
                className="editor-link"
                data-line={line}
                onClick={() => area.current && goToLine(area.current, line)}
              >
                Line {line}: {p.text}
              </button>
            </li>
          ))
        )}
      </ul>
    </section>
  );
}
