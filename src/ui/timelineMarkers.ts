/** The markers of the timeline: the run's inputs and the scenario's scheduled faults. */
import type { Scenario, TimedInput } from '../engine';
import { describeInput } from './inputLabels';

export interface Marker {
  key: string;
  tick: number;
  label: string;
  scheduled: boolean;
}

export function timelineMarkers(
  timeline: readonly TimedInput[],
  scenario: Scenario,
  tickMs: number,
): Marker[] {
  const inputs = timeline.map((e, i) => ({
    key: `input-${i}`,
    tick: e.tick,
    label: describeInput(e.input),
    scheduled: false,
  }));
  // A scheduled input runs at its exact time, inside the tick that contains it.
  const scheduled = (scenario.schedule ?? []).map((s, i) => ({
    key: `scheduled-${i}`,
    tick: Math.floor(s.atMs / tickMs),
    label: describeInput(s.input),
    scheduled: true,
  }));
  return [...scheduled, ...inputs].sort((a, b) => a.tick - b.tick);
}
