/**
 * Playback controls: play/pause, step back, step one tick, step to the next event, speed,
 * reset and clear inputs. Native buttons and a select, so they are keyboard-operable and
 * announced by screen readers without extra ARIA. The play button's name says what it will do
 * (Play / Pause), so it is not also a toggle (aria-pressed).
 */
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';
import { SpeedSelect } from './SpeedSelect';

export function Controls() {
  useRenderCount('Controls');
  const playing = useSim((s) => s.playing);
  const finished = useSim((s) => s.finished);
  const atStart = useSim((s) => s.tick === 0);
  const hasInputs = useSim((s) => s.timeline.length > 0);
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
        data-testid="step-back"
        disabled={atStart}
        onClick={actions.stepBack}
        title="Step back one tick (left arrow while paused)"
      >
        <span aria-hidden="true" className="btn-icon">
          ❙◀
        </span>
        Back
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
      <button
        type="button"
        className="btn"
        data-testid="step-event"
        disabled={finished}
        onClick={actions.stepToNextEvent}
        title="Step to the next event (shift + right arrow)"
      >
        <span aria-hidden="true" className="btn-icon">
          ▶▶❙
        </span>
        Next event
      </button>
      <SpeedSelect />
      <button
        type="button"
        className="btn"
        data-testid="reset"
        onClick={actions.reset}
        title="Back to the start; your inputs replay"
      >
        <span aria-hidden="true" className="btn-icon">
          ↺
        </span>
        Reset
      </button>
      <button
        type="button"
        className="btn"
        data-testid="clear-inputs"
        disabled={!hasInputs}
        onClick={actions.clearInputs}
        title="Remove every input you added and start again"
      >
        Clear inputs
      </button>
    </div>
  );
}
