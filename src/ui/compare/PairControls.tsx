/**
 * The one control bar of the compare view: play/pause, step back and forward, speed, reset and
 * the pair's seed, for both runs at once, and where the pair is (its tick, and each side's).
 */
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ComparePair } from '../../compare/comparePair';
import { SPEED_STEPS } from '../../store';
import { formatCount, formatSeconds, formatSpeed } from '../format';

const SEED_MAX = 4294967295;

function PairSeed({ pair }: { pair: ComparePair }) {
  const id = useId();
  const errorId = useId();
  const seed = useStore(pair.view, (s) => s.seed);
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(seed);
  const valid = /^\d+$/.test(text.trim()) && Number(text) <= SEED_MAX;
  const commit = () => {
    if (draft === null || !valid) return;
    if (Number(text) !== seed) pair.actions.setSeed(Number(text));
    setDraft(null);
  };
  return (
    <div className="seed">
      <label htmlFor={id} className="seed-label">
        Seed (both)
      </label>
      <input
        id={id}
        className="input input--seed"
        data-testid="pair-seed"
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

export function PairControls({ pair }: { pair: ComparePair }) {
  const speedId = useId();
  const playing = useStore(pair.view, (s) => s.playing);
  const finished = useStore(pair.view, (s) => s.finished);
  const tick = useStore(pair.view, (s) => s.tick);
  const tickMs = useStore(pair.view, (s) => s.tickMs);
  const speed = useStore(pair.view, (s) => s.speed);
  const a = pair.actions;
  return (
    <div className="playbar compare-playbar">
      <div className="controls" role="group" aria-label="Playback of both runs">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="pair-play"
          data-state={playing ? 'playing' : 'paused'}
          disabled={finished && !playing}
          onClick={a.toggle}
          title="Play or pause both runs (space)"
        >
          <span aria-hidden="true" className="btn-icon">
            {playing ? '❚❚' : '▶'}
          </span>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="pair-step-back"
          disabled={tick === 0}
          onClick={a.stepBack}
          title="Both runs back one tick (left arrow while paused)"
        >
          <span aria-hidden="true" className="btn-icon">
            ❙◀
          </span>
          Back
        </button>
        <button
          type="button"
          className="btn"
          data-testid="pair-step"
          disabled={finished}
          onClick={a.stepTick}
          title="Both runs one tick on (right arrow while paused)"
        >
          <span aria-hidden="true" className="btn-icon">
            ▶❙
          </span>
          Step
        </button>
        <label className="speed" htmlFor={speedId}>
          <span className="speed-label">Speed</span>
          <select
            id={speedId}
            className="select"
            data-testid="pair-speed"
            value={String(speed)}
            onChange={(e) => a.setSpeed(Number(e.target.value))}
          >
            {SPEED_STEPS.map((s) => (
              <option key={s} value={String(s)}>
                {formatSpeed(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          data-testid="pair-reset"
          onClick={a.reset}
          title="Both runs back to the start"
        >
          <span aria-hidden="true" className="btn-icon">
            ↺
          </span>
          Reset
        </button>
      </div>
      <PairSeed pair={pair} />
      <dl className="clock" aria-label="Simulated time of both runs">
        <div className="clock-item">
          <dt>Tick</dt>
          <dd data-testid="pair-tick">{formatCount(tick)}</dd>
        </div>
        <div className="clock-item">
          <dt>Time</dt>
          <dd>{formatSeconds(tick * tickMs)}</dd>
        </div>
      </dl>
    </div>
  );
}
