/**
 * `sim compare`: run both designs of a comparison to the end with the same seed and duration,
 * then print the side-by-side table (or one JSON document); with --sweep, do that at several
 * arrival rates and print one row per rate.
 */
import {
  compareTable,
  createSim,
  DESIGNS,
  peakBacklog,
  report,
  validateComparison,
  type Comparison,
  type CompareRow,
  type Design,
  type RunReport,
} from '../engine';
import { toJsonReport, type JsonReport } from './json';
import { runScenario, type ProgressOptions } from './progress';
import { checkSweepProducer, sweepRates, withRate, type SweepSpec } from './sweep';

export interface RunOptions {
  seed?: number;
  durationMs?: number;
}

export interface DesignRuns {
  reports: Record<Design, RunReport>;
  tickMs: number;
}

/** Makes the progress options of one run from its label, or null for no progress. */
export type ProgressFor = (label: string) => ProgressOptions | null;

/** Both designs, one after the other, with the same seed and duration. */
export function runDesigns(
  comparison: Comparison,
  options: RunOptions,
  progressFor: ProgressFor,
  labelPrefix = '',
): DesignRuns {
  let tickMs = 0;
  const reports = {} as Record<Design, RunReport>;
  for (const design of DESIGNS) {
    const st = createSim(comparison[design], options);
    runScenario(st, progressFor(`${labelPrefix}${design}`));
    tickMs = st.tickUs / 1000;
    reports[design] = report(st);
  }
  return { reports, tickMs };
}

export interface CompareJson {
  comparison: string;
  seed: number;
  simulatedMs: number;
  rows: CompareRow[];
  reports: Record<Design, JsonReport>;
}

export function compareJson(comparison: Comparison, runs: DesignRuns): CompareJson {
  return {
    comparison: comparison.name,
    seed: runs.reports.sync.seed,
    simulatedMs: runs.reports.sync.simulatedMs,
    rows: compareTable(runs.reports),
    reports: {
      sync: toJsonReport(runs.reports.sync, runs.tickMs),
      async: toJsonReport(runs.reports.async, runs.tickMs),
    },
  };
}

/** The numbers of one design at one point of a sweep. */
export interface SweepSide {
  orders: number;
  accepted: number;
  rejected: number;
  failed: number;
  /** Accepted ÷ answered (accepted, rejected or failed): orders still unanswered are left out. */
  availabilityPct: number;
  clientLatencyP99Ms: number;
  completed: number;
  completedPerSec: number;
  lost: number;
  inconsistent: number;
  peakBacklog: number;
}

export interface SweepPoint {
  ratePerSec: number;
  sync: SweepSide;
  async: SweepSide;
}

export interface SweepJson {
  comparison: string;
  seed: number;
  simulatedMs: number;
  sweep: { producer: string; from: number; to: number; steps: number };
  points: SweepPoint[];
}

export function sweepSide(r: RunReport): SweepSide {
  const f = r.flow;
  const orders = f?.orders ?? 0;
  const accepted = f?.accepted ?? 0;
  const rejected = f?.rejected ?? 0;
  const failed = f?.failed ?? 0;
  const completed = f?.completed ?? 0;
  const answered = accepted + rejected + failed;
  return {
    orders,
    accepted,
    rejected,
    failed,
    // Orders placed in the last moments of a run have no answer yet; counting them as refused
    // would make every short run look unavailable.
    availabilityPct: answered > 0 ? (100 * accepted) / answered : 0,
    clientLatencyP99Ms: f?.clientLatencyMs.p99 ?? 0,
    completed,
    completedPerSec: (completed * 1000) / Math.max(1, r.simulatedMs),
    lost: f?.lost ?? 0,
    inconsistent: f?.inconsistent ?? 0,
    peakBacklog: peakBacklog(r),
  };
}

export type SweepResult = { ok: true; value: SweepJson } | { ok: false; errors: string[] };

/**
 * Check the sweep against the document, build and validate every point's comparison first (so
 * nothing runs if one is wrong), then run both designs at each rate.
 */
export function runSweep(
  raw: unknown,
  comparison: Comparison,
  spec: SweepSpec,
  options: RunOptions,
  progressFor: ProgressFor,
): SweepResult {
  const unknown = checkSweepProducer(raw, spec);
  if (unknown) return { ok: false, errors: [unknown] };
  const rates = sweepRates(spec.from, spec.to, spec.steps);
  const points: { rate: number; comparison: Comparison }[] = [];
  for (const rate of rates) {
    const doc = withRate(raw, spec.producer, rate);
    if (!doc.ok) return { ok: false, errors: [`--sweep at ${rate}/s: ${doc.error}`] };
    const v = validateComparison(doc.value);
    if (!v.ok)
      return {
        ok: false,
        errors: [
          `--sweep at ${rate}/s: the comparison is not valid:`,
          ...v.errors.map((e) => `  ${e}`),
        ],
      };
    points.push({ rate, comparison: v.value });
  }
  let seed = 0;
  let simulatedMs = 0;
  const out: SweepPoint[] = points.map((p, i) => {
    const runs = runDesigns(p.comparison, options, progressFor, `${i + 1}/${points.length} `);
    seed = runs.reports.sync.seed;
    simulatedMs = runs.reports.sync.simulatedMs;
    return {
      ratePerSec: p.rate,
      sync: sweepSide(runs.reports.sync),
      async: sweepSide(runs.reports.async),
    };
  });
  return {
    ok: true,
    value: {
      comparison: comparison.name,
      seed,
      simulatedMs,
      sweep: { producer: spec.producer, from: spec.from, to: spec.to, steps: spec.steps },
      points: out,
    },
  };
}
