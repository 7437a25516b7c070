/** What React may read from a simulation store (through narrow selectors), and its actions. */
import type { Input, RunReport, Scenario, SimEvent, TimedInput, Validation } from '../engine';
import type { CreateOptions } from '../engine';
import type { MessageSelection } from './journey';

export interface Notice {
  /** Bumped for every new notice, so the same text twice is still announced. */
  id: number;
  kind: 'fork' | 'error' | 'info';
  text: string;
}

export interface Computing {
  fromTick: number;
  targetTick: number;
}

export interface SimActions {
  play(): void;
  /** Play at the current speed and pause exactly at this tick (a lesson step's pause). */
  playUntil(tick: number): void;
  pause(): void;
  toggle(): void;
  /** Advance exactly one tick (pausing first if playing). */
  stepTick(): void;
  /** Back one tick: a seek to tick − 1. */
  stepBack(): void;
  /** Forward to the end of the tick in which the next engine event happens. */
  stepToNextEvent(): void;
  /** Show the run at this tick (pauses). */
  seek(tick: number): void;
  /** Scrubbing: seeks in between publish to React at most ~10 times a second. */
  beginScrub(): void;
  endScrub(): void;
  setSpeed(speed: number): void;
  /** Back to tick 0, paused; the input timeline is kept and replays. */
  reset(): void;
  /** Drop every input of the timeline and go back to tick 0. */
  clearInputs(): void;
  /** Replace the run (paused at tick 0); `timeline`, already validated, replays (a link's). */
  loadScenario(scenario: Scenario, options?: CreateOptions, timeline?: readonly TimedInput[]): void;
  /** Reload the scenario with this seed (inputs are kept). */
  setSeed(seed: number): void;
  /** Validate an input and add it to the timeline at the current tick (forking if in the past). */
  applyInput(raw: unknown): Validation<Input>;
  selectNode(id: string | null): void;
  selectMessage(sel: MessageSelection | null): void;
  /** Seek to the tick at which an event of the log has happened, and select its message. */
  jumpToEvent(e: SimEvent): void;
  dismissNotice(): void;
}

/** What playback controls call: a run's own, or the compare pair's on both runs. */
export type PlaybackActions = Pick<
  SimActions,
  | 'play'
  | 'playUntil'
  | 'pause'
  | 'toggle'
  | 'stepTick'
  | 'stepBack'
  | 'stepToNextEvent'
  | 'seek'
  | 'beginScrub'
  | 'endScrub'
  | 'setSpeed'
  | 'reset'
  | 'setSeed'
>;

export interface SimView {
  scenario: Scenario;
  seed: number;
  tick: number;
  endTick: number;
  simMs: number;
  tickMs: number;
  playing: boolean;
  finished: boolean;
  speed: number;
  report: RunReport;
  timeline: readonly TimedInput[];
  /** The furthest tick computed on this branch of the run. */
  horizonTick: number;
  /** A seek still computing toward its target, or null. */
  computing: Computing | null;
  notice: Notice | null;
  selectedNode: string | null;
  selectedMsg: MessageSelection | null;
  /** Changes whenever the event log may have changed (re-read it then). */
  logVersion: number;
  actions: SimActions;
}
