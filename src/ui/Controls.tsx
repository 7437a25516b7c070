/**
 * Playback controls: play/pause, step one tick, speed, reset. Native buttons and a select, so
 * they are keyboard-operable and announced by screen readers without extra ARIA. The play
 * button's name says what it will do (Play / Pause), so it is not also a toggle (aria-pressed).
 */
import { useSim } from './SimStoreContext';
import { SpeedSelect } from './SpeedSelect';

export function Controls() {
  const playing = useSim((s) => s.playing);
  const finished = useSim((s) => s.finished);
  const actions = useSim((s) => s.actions);
  return (
    <div className="controls" role="group" aria-label="Playback">
      <button
        type="button"
        className="btn btn--primary"
        data-testid="play-toggle"
        data-state={playing ? 'playing' : 'paused'}
        disabled={finished && !playing}
        onClick={actions.toggle}
        title="Play or pause (space)"
      >
        <span aria-hidden="true" className="btn-icon">
          {playing ? '❚❚' : '▶'}
        </span>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="btn"
        data-testid="step"
        disabled={finished}
        onClick={actions.stepTick}
        title="Step one tick (right arrow while paused)"
      >
        <span aria-hidden="true" className="btn-icon">
          ▶❙
        </span>
        Step
      </button>
      <SpeedSelect />
      <button
        type="button"
        className="btn"
        data-testid="reset"
        onClick={actions.reset}
        title="Back to the start"
      >
        <span aria-hidden="true" className="btn-icon">
          ↺
        </span>
        Reset
      </button>
    </div>
  );
}
