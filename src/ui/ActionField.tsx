/** One labelled field of an action form (ActionForm.tsx): a choice or an optional number. */
import { useId } from 'react';
import type { ActionContext, FormField } from './nodeActions';

export function ActionField({
  field,
  ctx,
  actionId,
  value,
  disabled,
  onChange,
}: {
  field: FormField;
  ctx: ActionContext;
  actionId: string;
  value: string;
  disabled: boolean;
  onChange(v: string): void;
}) {
  const id = useId();
  const testId = `field-${actionId}-${field.id}`;
  return (
    <div className="form-field">
      <label htmlFor={id}>{field.label}</label>
      {field.kind === 'select' ? (
        <select
          id={id}
          className="input input--select"
          data-testid={testId}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        >
          {field.options(ctx).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="input"
          type="number"
          data-testid={testId}
          min={field.min}
          max={field.max}
          step="any"
          placeholder={field.hint}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
