import { formatCount, formatSeconds } from './format';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';

/** Where the run is: tick number and simulated time, out of the run's length. */
export function TimeReadout() {
  useRenderCount('TimeReadout');
  const tick = useSim((s) => s.tick);
  const simMs = useSim((s) => s.simMs);
  const endMs = useSim((s) => s.endTick * s.tickMs);
  return (
    <dl className="clock" aria-label="Simulated time">
      <div className="clock-item">
        <dt>Tick</dt>
        <dd data-testid="tick">{formatCount(tick)}</dd>
      </div>
      <div className="clock-item">
        <dt>Time</dt>
        <dd>
          <span data-testid="sim-time">{formatSeconds(simMs)}</span>
          <span className="clock-of"> of {formatSeconds(endMs)}</span>
        </dd>
      </div>
    </dl>
  );
}
