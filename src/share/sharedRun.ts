/** What a link carries: a run (scenario, seed, input timeline) and the tick it is seen at. */
import type { Scenario, TimedInput, Validation } from '../engine';

export interface SharedRun {
  scenario: Scenario;
  /** Set when the scenario is this preset, unchanged: the link names it instead (short). */
  presetId: string | null;
  seed: number;
  timeline: readonly TimedInput[];
  tick: number;
}

/** What decoding needs from the app, passed in so the decoder stays a pure function. */
export interface LinkDeps {
  presetIds: readonly string[];
  /** A preset's validated scenario. */
  loadPreset(id: string): Promise<Scenario>;
  validateScenario(raw: unknown): Validation<Scenario>;
  /** The page's own check of inputs (src/store/validators.ts), for the whole timeline. */
  validateTimeline(raw: unknown, scenario: Scenario, maxItems: number): Validation<TimedInput[]>;
  /** The seed a run of this scenario uses when none is given, and its last tick. */
  runShape(scenario: Scenario, seed: number | undefined): { seed: number; endTick: number };
}
