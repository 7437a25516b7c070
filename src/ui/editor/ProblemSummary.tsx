/**
 * How many problems the draft has, and each one as a button that goes to its field (or, in the
 * JSON view, its line). The draft's text only ever appears as text.
 */
import { whereText } from './linkWords';
import type { Problem } from './paths';

export function ProblemSummary({
  doc,
  problems,
  syntaxText,
  onGo,
}: {
  doc: unknown;
  problems: readonly Problem[];
  syntaxText: string | null;
  onGo(problem: Problem | null): void;
}) {
  const n = syntaxText ? 1 : problems.length;
  return (
    <div
      className={`editor-summary${n > 0 ? ' editor-summary--bad' : ''}`}
      data-testid="editor-summary"
    >
      <p className="editor-summary-count" data-testid="problem-count" data-count={n}>
        {n === 0
          ? 'No problems: Apply loads this scenario as the run.'
          : `${n === 1 ? '1 problem' : `${n} problems`}: Apply will refuse the draft, and the run keeps going as it is.`}
      </p>
      {n > 0 ? (
        <details className="editor-summary-list" open={n <= 6}>
          <summary>Where</summary>
          <ul>
            {syntaxText ? (
              <li>
                <button type="button" className="editor-link" onClick={() => onGo(null)}>
                  {syntaxText}
                </button>
              </li>
            ) : (
              problems.map((p) => (
                <li key={p.text}>
                  <button type="button" className="editor-link" onClick={() => onGo(p)}>
                    <strong>{whereText(doc, p.path)}</strong>: {p.reason}
                  </button>
                </li>
              ))
            )}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
