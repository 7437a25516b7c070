/**
 * An action with choices (crash at a chosen moment with an optional restart, ack mode, redrive
 * target): labelled fields and one button. Submitting builds the input; the engine's
 * validation message appears inline when it is refused.
 */
import { useId, useState } from 'react';
import { ActionField } from './ActionField';
import type { ActionContext, FormAction } from './nodeActions';
import { useSim } from './SimStoreContext';

export function ActionForm({
  action,
  ctx,
  disabled,
}: {
  action: FormAction;
  ctx: ActionContext;
  disabled: boolean;
}) {
  const errorId = useId();
  const applyInput = useSim((s) => s.actions.applyInput);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const values = { ...action.initial(ctx), ...draft };
  const note = action.note?.(ctx) ?? null;
  const explain = action.explain?.(values) ?? '';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = applyInput(action.input(ctx, values));
    if (result.ok) {
      setDraft({});
      setError(null);
    } else setError(result.errors.join('; '));
  };

  return (
    <form
      className="action-form"
      onSubmit={submit}
      aria-describedby={error ? errorId : undefined}
      data-testid={`form-${action.id}`}
    >
      {note ? (
        <p className="muted hint" data-testid={`now-${action.id}`}>
          {note}
        </p>
      ) : null}
      {action.fields.map((f) => (
        <ActionField
          key={f.id}
          field={f}
          ctx={ctx}
          actionId={action.id}
          value={values[f.id] ?? ''}
          disabled={disabled}
          onChange={(v) => setDraft((d) => ({ ...d, [f.id]: v }))}
        />
      ))}
      {explain ? (
        <p className="hint" data-testid={`explain-${action.id}`}>
          {explain}
        </p>
      ) : null}
      <button type="submit" className="btn" data-testid={`action-${action.id}`} disabled={disabled}>
        {action.label}
      </button>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
