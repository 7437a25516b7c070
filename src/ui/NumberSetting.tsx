/**
 * An editable number of a node (rate, concurrency): shows the live value, and applies a new one
 * as an input on Enter or with the button. Errors from the engine's validation appear inline.
 */
import { useId, useState } from 'react';
import type { NumberAction } from './nodeActions';
import { useSim } from './SimStoreContext';

export function NumberSetting({
  action,
  nodeId,
  current,
  disabled,
}: {
  action: NumberAction;
  nodeId: string;
  current: number | undefined;
  disabled: boolean;
}) {
  const id = useId();
  const errorId = useId();
  const applyInput = useSim((s) => s.actions.applyInput);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? (current === undefined ? '' : String(Number(current.toFixed(3))));

  const apply = () => {
    const value = Number(shown);
    if (shown.trim() === '' || !Number.isFinite(value)) return setError('Enter a number');
    const result = applyInput(action.input(nodeId, value));
    if (result.ok) {
      setDraft(null);
      setError(null);
    } else setError(result.errors.join('; '));
  };

  return (
    <div className="setting">
      <label htmlFor={id}>{action.label}</label>
      <div className="setting-row">
        <input
          id={id}
          className="input"
          type="number"
          data-testid={`setting-${action.id}`}
          min={action.min}
          max={action.max}
          step={action.integer ? 1 : 'any'}
          value={shown}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
        <button
          type="button"
          className="btn btn--small"
          data-testid={`apply-${action.id}`}
          disabled={disabled || draft === null}
          onClick={apply}
        >
          Apply
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
