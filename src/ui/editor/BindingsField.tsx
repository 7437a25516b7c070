/**
 * An exchange's bindings as a small list: the queue and the key of each. Headers bindings keep
 * their headers (edited in the JSON view).
 */
import { asRecord, getAt, removeAt } from './docEdit';
import { fieldDomId, fieldKey } from './fieldIds';
import { FieldProblems } from './FieldProblems';
import { idsOfKind, nodesOf } from './nodeDefaults';
import type { DocFieldProps, Path } from './paths';

export function BindingsField({ path, doc, problemsAt, onChange }: DocFieldProps) {
  const raw = getAt(doc, path);
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  const queues = idsOfKind(nodesOf(doc), ['queue']);
  const problemsOf = (p: Path) => problemsAt.get(fieldKey(p)) ?? [];
  return (
    <div className="editor-bindings">
      {list.length === 0 ? <p className="muted">No bindings: nothing is routed.</p> : null}
      <ol className="editor-binding-list">
        {list.map((b, j) => {
          const rec = asRecord(b);
          const queue = typeof rec?.queue === 'string' ? rec.queue : '';
          const qPath = [...path, j, 'queue'];
          const kPath = [...path, j, 'key'];
          const rowProblems = [
            ...problemsOf([...path, j]),
            ...problemsOf(qPath),
            ...problemsOf(kPath),
          ];
          return (
            <li key={j} className="editor-binding" data-field={fieldKey([...path, j])}>
              <label className="visually-hidden" htmlFor={fieldDomId(qPath)}>
                Binding {j + 1}: queue
              </label>
              <select
                id={fieldDomId(qPath)}
                className="select editor-select"
                value={queue}
                aria-invalid={problemsOf(qPath).length > 0}
                onChange={(e) => onChange(qPath, e.target.value)}
              >
                <option value="">choose a queue…</option>
                {queue && !queues.includes(queue) ? (
                  <option value={queue}>{queue} (no such queue)</option>
                ) : null}
                {queues.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
              <label className="visually-hidden" htmlFor={fieldDomId(kPath)}>
                Binding {j + 1}: key
              </label>
              <input
                id={fieldDomId(kPath)}
                className="input editor-key"
                type="text"
                placeholder="key"
                value={typeof rec?.key === 'string' ? rec.key : ''}
                aria-invalid={problemsOf(kPath).length > 0}
                onChange={(e) =>
                  onChange(kPath, e.target.value === '' ? undefined : e.target.value)
                }
              />
              {rec && 'headers' in rec ? (
                <span className="muted">headers: in the JSON view</span>
              ) : null}
              <button
                type="button"
                className="btn btn--small"
                aria-label={`Remove binding ${j + 1}`}
                onClick={() => onChange(path, getAt(removeAt(doc, path, j), path))}
              >
                ✕
              </button>
              <FieldProblems id={`${fieldDomId([...path, j])}-problems`} problems={rowProblems} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn--small"
        data-testid="add-binding"
        onClick={() => onChange([...path, list.length], { queue: queues[0] ?? '' })}
      >
        + Binding
      </button>
    </div>
  );
}
