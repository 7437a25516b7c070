/**
 * One setting of the form: a labelled input for its type (text, number with bounds, choice,
 * flag, link to a node of the right kinds, distribution, bindings), with the validator's
 * problems at that field under it.
 */
import { BindingsField } from './BindingsField';
import { DistField } from './DistField';
import { getAt } from './docEdit';
import { fieldDomId, fieldKey } from './fieldIds';
import { FieldProblems } from './FieldProblems';
import type { FieldSpec } from './fields';
import { idsOfKind, nodesOf } from './nodeDefaults';
import { NumberInput } from './NumberInput';
import type { Path, Problem } from './paths';

export interface FieldProps {
  spec: FieldSpec;
  /** The path of the object holding the field (a node, or the document). */
  base: Path;
  doc: unknown;
  problemsAt: ReadonlyMap<string, Problem[]>;
  onChange(path: Path, value: unknown): void;
}

export function Field({ spec, base, doc, problemsAt, onChange }: FieldProps) {
  const path = [...base, spec.key];
  const id = fieldDomId(path);
  const problems = problemsAt.get(fieldKey(path)) ?? [];
  const errorId = `${id}-problems`;
  const value = getAt(doc, path);
  const common = {
    id,
    'aria-invalid': problems.length > 0,
    'aria-describedby': problems.length > 0 ? errorId : undefined,
  };
  if (spec.type === 'dist' || spec.type === 'bindings') {
    const Sub = spec.type === 'dist' ? DistField : BindingsField;
    return (
      <fieldset className="editor-field editor-group" data-field={fieldKey(path)}>
        <legend>{spec.label}</legend>
        <Sub path={path} doc={doc} problemsAt={problemsAt} onChange={onChange} />
        <FieldProblems id={errorId} problems={problems} />
      </fieldset>
    );
  }
  let input: React.ReactNode;
  switch (spec.type) {
    case 'text':
      input = spec.multiline ? (
        <textarea
          {...common}
          className="input editor-text"
          rows={2}
          maxLength={spec.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) =>
            onChange(path, e.target.value === '' && spec.optional ? undefined : e.target.value)
          }
        />
      ) : (
        <input
          {...common}
          className="input editor-text"
          type="text"
          maxLength={spec.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) =>
            onChange(path, e.target.value === '' && spec.optional ? undefined : e.target.value)
          }
        />
      );
      break;
    case 'number':
      input = (
        <NumberInput
          id={id}
          value={value}
          min={spec.min}
          max={spec.max}
          integer={spec.integer}
          invalid={problems.length > 0}
          describedBy={common['aria-describedby']}
          onChange={(n) => onChange(path, n)}
        />
      );
      break;
    case 'choice': {
      const known = typeof value !== 'string' || spec.options.includes(value);
      input = (
        <select
          {...common}
          className="select editor-select"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(path, e.target.value === '' ? undefined : e.target.value)}
        >
          {spec.defaultText !== undefined || value === undefined ? (
            <option value="">
              {spec.defaultText !== undefined ? `default (${spec.defaultText})` : 'choose…'}
            </option>
          ) : null}
          {known ? null : <option value={value}>{value}</option>}
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'flag':
      input = (
        <input
          {...common}
          type="checkbox"
          className="editor-check"
          checked={typeof value === 'boolean' ? value : spec.defaultValue}
          onChange={(e) =>
            onChange(path, e.target.checked === spec.defaultValue ? undefined : e.target.checked)
          }
        />
      );
      break;
    case 'link': {
      const ids = idsOfKind(nodesOf(doc), spec.kinds);
      const dangling = typeof value === 'string' && value !== '' && !ids.includes(value);
      input = (
        <select
          {...common}
          className="select editor-select"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(path, e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{spec.optional ? 'none' : 'choose…'}</option>
          {dangling ? <option value={value}>{value} (no such node)</option> : null}
          {ids.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    }
  }
  return (
    <div
      className={`editor-field${spec.type === 'flag' ? ' editor-field--flag' : ''}`}
      data-field={fieldKey(path)}
    >
      <label htmlFor={id}>{spec.label}</label>
      {input}
      <FieldProblems id={errorId} problems={problems} />
    </div>
  );
}
