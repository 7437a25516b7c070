/**
 * A second engine run of the same scenario, seed and timeline, from tick 0: the export's trace
 * replays through it to collect every event (the store keeps only a bounded log). It is reached
 * through the store object (store.replay) rather than imported by src/export: a runtime import
 * of the engine or the store from a second lazy chunk made the bundler split the engine out of
 * the main chunk, which cost 3.8 KB of initial JS.
 */
import { advance, createSim, report, type EventSink, type RunReport } from '../engine';
import type { ExportData } from './exportData';

export interface Replay {
  tick(): number;
  /** Advance up to `ticks` ticks (never past the exported tick), events to `sink`. */
  advance(ticks: number, sink: EventSink): void;
  report(): RunReport;
}

export function createReplay(d: ExportData): Replay {
  const sim = createSim(d.scenario, { ...d.options, seed: d.seed });
  return {
    tick: () => sim.tick,
    advance(ticks, sink) {
      advance(sim, Math.min(ticks, d.tick - sim.tick), d.timeline, sink);
    },
    report: () => report(sim),
  };
}
