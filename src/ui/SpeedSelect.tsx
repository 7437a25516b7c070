import { useId } from 'react';
import { useStore } from 'zustand';
import { SPEED_STEPS } from '../store';
import { formatSpeed } from './format';
import { usePlayback, type Playback } from './playback';

/**
 * Playback speed from 0.1× to 100× simulated time per wall time, or "Fastest": as fast as the
 * engine can go while the page stays responsive (a fixed engine budget per frame).
 */
export function SpeedSelect({ playback, testId }: { playback?: Playback; testId: string }) {
  const id = useId();
  const { view, actions } = usePlayback(playback);
  const speed = useStore(view, (s) => s.speed);
  return (
    <label className="speed" htmlFor={id}>
      <span className="speed-label">Speed</span>
      <select
        id={id}
        className="select"
        data-testid={testId}
        value={String(speed)}
        onChange={(e) => actions.setSpeed(Number(e.target.value))}
      >
        {SPEED_STEPS.map((s) => (
          <option key={s} value={String(s)}>
            {formatSpeed(s)}
          </option>
        ))}
      </select>
    </label>
  );
}
