/**
 * The run's seed. A new seed is a new run of the same scenario (every random draw changes) with
 * the same inputs; it is applied on Enter or when the field loses focus, and checked first.
 */
import { useId, useState } from 'react';
import { useSim } from './SimStoreContext';

const SEED_MAX = 4294967295;

export function SeedField() {
  const id = useId();
  const errorId = useId();
  const seed = useSim((s) => s.seed);
  const setSeed = useSim((s) => s.actions.setSeed);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(seed);
  const value = Number(text);
  const valid = /^\d+$/.test(text.trim()) && value <= SEED_MAX;

  const commit = () => {
    if (draft === null) return;
    if (valid && value !== seed) setSeed(value);
    if (valid) setDraft(null);
  };

  return (
    <div className="seed">
      <label htmlFor={id} className="seed-label">
        Seed
      </label>
      <input
        id={id}
        className="input input--seed"
        data-testid="seed"
        inputMode="numeric"
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      {valid ? null : (
        <span id={errorId} className="field-error" role="alert">
          A whole number from 0 to {SEED_MAX}
        </span>
      )}
    </div>
  );
}
