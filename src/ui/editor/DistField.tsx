/**
 * A distribution (time between messages, processing time): its kind, and the numbers that kind
 * takes. Switching the kind keeps the mean.
 */
import { asRecord, getAt } from './docEdit';
import { fieldDomId, fieldKey } from './fieldIds';
import { FieldProblems } from './FieldProblems';
import { DIST_FIELDS, DISTS, switchDist, type DistKind } from './nodeOps';
import { NumberInput } from './NumberInput';
import type { DocFieldProps } from './paths';

const isDist = (x: unknown): x is DistKind => (DISTS as readonly unknown[]).includes(x);

export function DistField({ path, doc, problemsAt, onChange }: DocFieldProps) {
  const value = asRecord(getAt(doc, path));
  const kind = value?.dist;
  const kindPath = [...path, 'dist'];
  const kindId = fieldDomId(kindPath);
  const kindProblems = problemsAt.get(fieldKey(kindPath)) ?? [];
  return (
    <div className="editor-dist">
      <div className="editor-field" data-field={fieldKey(kindPath)}>
        <label htmlFor={kindId}>Distribution</label>
        <select
          id={kindId}
          className="select editor-select"
          value={isDist(kind) ? kind : ''}
          aria-invalid={kindProblems.length > 0}
          onChange={(e) => {
            if (isDist(e.target.value)) onChange(path, switchDist(value, e.target.value));
          }}
        >
          {isDist(kind) ? null : <option value="">choose…</option>}
          {DISTS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <FieldProblems id={`${kindId}-problems`} problems={kindProblems} />
      </div>
      {isDist(kind)
        ? DIST_FIELDS[kind].map((f) => {
            const p = [...path, f.key];
            const id = fieldDomId(p);
            const problems = problemsAt.get(fieldKey(p)) ?? [];
            return (
              <div key={f.key} className="editor-field" data-field={fieldKey(p)}>
                <label htmlFor={id}>{f.label}</label>
                <NumberInput
                  id={id}
                  value={value?.[f.key]}
                  min={f.min}
                  max={f.max}
                  invalid={problems.length > 0}
                  describedBy={problems.length > 0 ? `${id}-problems` : undefined}
                  onChange={(n) => onChange(p, n)}
                />
                <FieldProblems id={`${id}-problems`} problems={problems} />
              </div>
            );
          })
        : null}
    </div>
  );
}
