import { useId } from 'react';
import { SPEED_STEPS } from '../store';
import { formatSpeed } from './format';
import { useSim } from './SimStoreContext';

/**
 * Playback speed from 0.1× to 100× simulated time per wall time, or "Fastest": as fast as the
 * engine can go while the page stays responsive (a fixed engine budget per frame).
 */
export function SpeedSelect() {
  const id = useId();
  const speed = useSim((s) => s.speed);
  const setSpeed = useSim((s) => s.actions.setSpeed);
  return (
    <label className="speed" htmlFor={id}>
      <span className="speed-label">Speed</span>
      <select
        id={id}
        className="select"
        data-testid="speed"
        value={String(speed)}
        onChange={(e) => setSpeed(Number(e.target.value))}
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
