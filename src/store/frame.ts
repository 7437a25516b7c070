/**
 * What a renderer draws: the live engine state and its report, the scenario (labels, layout),
 * the simulated time on screen, the moving messages, recent fates and the selection.
 * `displayUs` runs between two ticks while playing (tick + fraction), so dots glide even when a
 * frame is shorter than a tick; when paused it equals the engine's time.
 */
import type { RunReport, Scenario, SimState } from '../engine';
import type { Flight } from './flights';
import type { MessageSelection } from './journey';
import type { Fade } from './trace';

export interface Frame {
  /** The engine state: read it, never change it (user actions go through the store's inputs). */
  sim: Readonly<SimState>;
  /** report(sim), computed once per tick. */
  report: RunReport;
  scenario: Scenario;
  displayUs: number;
  /** Trips not yet arrived at the engine's time (sample them with sampleFlights). */
  flights: readonly Flight[];
  /** Messages gone without an ack in the last FADE_US. */
  fades: readonly Fade[];
  selectedNode: string | null;
  selectedMsg: MessageSelection | null;
}

export type FrameListener = (frame: Frame) => void;
