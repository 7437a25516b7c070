/**
 * The trace's events come from a second engine run from tick 0 to the exported tick, with the
 * same scenario, seed and timeline (the store keeps only a bounded log). It runs in slices of
 * ~12 ms with a yield to the page between them, so the page stays responsive and can say how
 * far it got. Determinism makes the replay the run: its report must equal the page's, which is
 * checked before the file is offered.
 */
import type { ExportData, Replay } from '../../store';
import { createEventCollector, traceJson } from '../traceDocument';

const SLICE_MS = 12;
const TICKS_PER_STEP = 25;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface TraceResult {
  text: string;
  eventCount: number;
  eventsIncluded: number;
  capped: boolean;
}

export async function buildTrace(
  d: ExportData,
  sim: Replay,
  onProgress: (fraction: number) => void,
  cancelled: () => boolean = () => false,
): Promise<TraceResult | null> {
  const events = createEventCollector();
  while (sim.tick() < d.tick) {
    const started = performance.now();
    while (sim.tick() < d.tick && performance.now() - started < SLICE_MS)
      sim.advance(TICKS_PER_STEP, events);
    onProgress(sim.tick() / d.tick);
    await nextTask();
    if (cancelled()) return null;
  }
  const replayed = sim.report();
  if (JSON.stringify(replayed) !== JSON.stringify(d.report))
    throw new Error(
      `the replay to tick ${d.tick} did not give the page's numbers (please report this)`,
    );
  const text = traceJson(
    {
      scenario: d.scenario,
      seed: d.seed,
      options: d.options.durationMs === undefined ? {} : { durationMs: d.options.durationMs },
      timeline: d.timeline,
      tick: d.tick,
      tickMs: d.tickUs / 1000,
      simulatedMs: d.nowUs / 1000,
      report: d.report,
    },
    events,
  );
  return {
    text,
    eventCount: events.count(),
    eventsIncluded: events.kept(),
    capped: events.capped(),
  };
}
