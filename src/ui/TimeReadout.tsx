import { useStore } from 'zustand';
import { formatCount, formatSeconds } from './format';
import { usePlayback, type Playback } from './playback';
import { useRenderCount } from './renderCount';

export interface ReadoutNames {
  label: string;
  tick: string;
  time: string;
}

const RUN_NAMES: ReadoutNames = { label: 'Simulated time', tick: 'tick', time: 'sim-time' };

/** Where the run is: tick number and simulated time, out of the run's length. */
export function TimeReadout({
  playback,
  names = RUN_NAMES,
}: {
  playback?: Playback;
  names?: ReadoutNames;
}) {
  useRenderCount('TimeReadout');
  const { view } = usePlayback(playback);
  const tick = useStore(view, (s) => s.tick);
  const simMs = useStore(view, (s) => s.simMs);
  const endMs = useStore(view, (s) => s.endTick * s.tickMs);
  return (
    <dl className="clock" aria-label={names.label}>
      <div className="clock-item">
        <dt>Tick</dt>
        <dd data-testid={names.tick}>{formatCount(tick)}</dd>
      </div>
      <div className="clock-item">
        <dt>Time</dt>
        <dd>
          <span data-testid={names.time}>{formatSeconds(simMs)}</span>
          <span className="clock-of"> of {formatSeconds(endMs)}</span>
        </dd>
      </div>
    </dl>
  );
}
