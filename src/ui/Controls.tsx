/**
 * Playback controls: play/pause, step back, step one tick, step to the next event, speed,
 * reset and clear inputs. Native buttons and a select, so they are keyboard-operable and
 * announced by screen readers without extra ARIA. The play button's name says what it will do
 * (Play / Pause), so it is not also a toggle (aria-pressed). The compare view's bar is this one
 * with its own names and test ids, driving both runs (playback.ts).
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { usePlayback, type Playback } from './playback';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';
import { SpeedSelect } from './SpeedSelect';

export interface ControlNames {
  group: string;
  play: string;
  back: string;
  step: string;
  /** Next event and clear inputs belong to one run: without their test id they are left out. */
  event?: string;
  speed: string;
  reset: string;
  clear?: string;
}

const RUN_NAMES: ControlNames = {
  group: 'Playback',
  play: 'play-toggle',
  back: 'step-back',
  step: 'step',
  event: 'step-event',
  speed: 'speed',
  reset: 'reset',
  clear: 'clear-inputs',
};

function ClearInputs({ testId }: { testId: string }) {
  const hasInputs = useSim((s) => s.timeline.length > 0);
  const clearInputs = useSim((s) => s.actions.clearInputs);
  return (
    <button
      type="button"
      className="btn"
      data-testid={testId}
      disabled={!hasInputs}
      onClick={clearInputs}
      title="Remove every input you added and start again"
    >
      Clear inputs
    </button>
  );
}

/** A control with an icon (hidden from screen readers) and a word. */
function ControlButton({
  testId,
  disabled,
  onClick,
  title,
  icon,
  children,
}: {
  testId: string;
  disabled?: boolean;
  onClick(): void;
  title: string;
  icon: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="btn"
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      title={title}
    >
      <span aria-hidden="true" className="btn-icon">
        {icon}
      </span>
      {children}
    </button>
  );
}

export function Controls({
  playback: given,
  names = RUN_NAMES,
}: {
  playback?: Playback;
  names?: ControlNames;
}) {
  useRenderCount('Controls');
  const { view, actions } = usePlayback(given);
  const playing = useStore(view, (s) => s.playing);
  const finished = useStore(view, (s) => s.finished);
  const atStart = useStore(view, (s) => s.tick === 0);
  return (
    <div className="controls" role="group" aria-label={names.group}>
      <button
        type="button"
        className="btn btn--primary"
        data-testid={names.play}
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
      <ControlButton
        testId={names.back}
        disabled={atStart}
        onClick={actions.stepBack}
        title="Step back one tick (left arrow while paused)"
        icon="❙◀"
      >
        Back
      </ControlButton>
      <ControlButton
        testId={names.step}
        disabled={finished}
        onClick={actions.stepTick}
        title="Step one tick (right arrow while paused)"
        icon="▶❙"
      >
        Step
      </ControlButton>
      {names.event ? (
        <ControlButton
          testId={names.event}
          disabled={finished}
          onClick={actions.stepToNextEvent}
          title="Step to the next event (shift + right arrow)"
          icon="▶▶❙"
        >
          Next event
        </ControlButton>
      ) : null}
      <SpeedSelect playback={given} testId={names.speed} />
      <ControlButton
        testId={names.reset}
        onClick={actions.reset}
        title="Back to the start; your inputs replay"
        icon="↺"
      >
        Reset
      </ControlButton>
      {names.clear ? <ClearInputs testId={names.clear} /> : null}
    </div>
  );
}
