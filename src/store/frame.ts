/**
 * What a renderer draws: the live engine state, the scenario (labels, layout) and the simulated
 * time on screen. `displayUs` runs between two ticks while playing (tick + fraction), so dots
 * glide even when a frame is shorter than a tick; when paused it equals the engine's time.
 */
import type { Scenario, SimState } from '../engine';
import type { Flight } from './flights';

export interface Frame {
  /** The engine state: read it, never change it (user actions go through the store's inputs). */
  sim: Readonly<SimState>;
  scenario: Scenario;
  displayUs: number;
  flights: readonly Flight[];
}

export type FrameListener = (frame: Frame) => void;
