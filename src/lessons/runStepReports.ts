/**
 * Run a lesson step headless (tests, the CLI): each side's scenario from its start to the
 * step's pause, and its report there. The page gets the same numbers from its own store, since
 * the engine is deterministic and the step's run is built the same way (stepRun.ts).
 */
import { advance, createSim, report, validateScenario, type RunReport } from '../engine';
import type { Lesson } from './lessonSchema';
import { pauseTickOf, stepRun, type RunDocuments, type Side } from './stepRun';

export interface SideReport {
  side: Side;
  report: RunReport;
}

export function runStepReports(lesson: Lesson, index: number, docs: RunDocuments): SideReport[] {
  const run = stepRun(lesson, index, docs);
  return run.sides.map(({ side, raw }) => {
    const v = validateScenario(raw);
    if (!v.ok) throw new Error(`step ${index + 1} (${side}): ${v.errors.join('; ')}`);
    const st = createSim(v.value, run.seed === undefined ? {} : { seed: run.seed });
    const pauseTick = pauseTickOf(run.pauseAtMs, st.tickUs);
    advance(st, Math.min(pauseTick, st.endTick), []);
    return { side, report: report(st) };
  });
}

/** The report a question reads: its side's (default sync), or the only one. */
export function questionReport(reports: readonly SideReport[], side: 'sync' | 'async' | undefined) {
  return reports.find((r) => r.side === (side ?? 'sync')) ?? reports[0]!;
}
