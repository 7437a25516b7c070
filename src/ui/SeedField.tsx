/**
 * The run's seed. A new seed is a new run of the same scenario (every random draw changes) with
 * the same inputs; it is applied on Enter or when the field loses focus, and checked first. The
 * compare view's "Seed (both)" is this field on the pair.
 */
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { usePlayback, type Playback } from './playback';

const SEED_MAX = 4294967295;

export function SeedField({
  playback,
  label = 'Seed',
  testId = 'seed',
}: {
  playback?: Playback;
  label?: string;
  testId?: string;
}) {
  const id = useId();
  const errorId = useId();
  const { view, actions } = usePlayback(playback);
  const seed = useStore(view, (s) => s.seed);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(seed);
  const value = Number(text);
  const valid = /^\d+$/.test(text.trim()) && value <= SEED_MAX;

  const commit = () => {
    if (draft === null) return;
    if (valid && value !== seed) actions.setSeed(value);
    if (valid) setDraft(null);
  };

  return (
    <div className="seed">
      <label htmlFor={id} className="seed-label">
        {label}
      </label>
      <input
        id={id}
        className="input input--seed"
        data-testid={testId}
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
