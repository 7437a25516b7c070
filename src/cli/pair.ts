/**
 * `sim compare <a> <b>` with two plain scenarios (issue 5's one-command headless comparison):
 * run both with the same --seed and --duration and measure them with the same general rows,
 * whatever carries their messages (queues, a log broker's topics and consumer groups, services).
 * When both have services, the order rows of the engine's comparison table follow.
 */
import {
  compareTable,
  createSim,
  peakBacklog,
  report,
  summarize,
  type LatencySummary,
  type RunReport,
  type SimState,
} from '../engine';
import { toJsonReport, type JsonReport } from './json';
import { runScenario } from './progress';
import type { ProgressFor, RunOptions } from './compare';
import type { Loaded } from './load';

export const SIDES = ['a', 'b'] as const;
export type Side = (typeof SIDES)[number];

export type ScenarioSource = Extract<Loaded, { ok: true }>['source'];

export interface PairRun {
  source: ScenarioSource;
  report: RunReport;
  tickMs: number;
  /** Publish to ack of every queue consumer and appended to processed of every group, merged;
   * null when nothing was consumed. */
  latency: LatencySummary | null;
}

export interface PairRow {
  group: string;
  label: string;
  unit: string;
  /** A number at full precision, a text (a service id), or null where the measure does not apply. */
  values: Record<Side, number | string | null>;
}

export interface PairJson {
  a: { scenario: string; source: ScenarioSource; report: JsonReport };
  b: { scenario: string; source: ScenarioSource; report: JsonReport };
  rows: PairRow[];
}

type Histogram = SimState['consumers'][number]['stats']['latency'];

/** One histogram holding every value of the given ones (they share the engine's buckets). */
function merge(hs: readonly Histogram[]): Histogram {
  const out: Histogram = { counts: [], count: 0, sumUs: 0, minUs: 0, maxUs: 0 };
  for (const h of hs) {
    if (h.count === 0) continue;
    h.counts.forEach((n, i) => (out.counts[i] = (out.counts[i] ?? 0) + n));
    out.minUs = out.count === 0 ? h.minUs : Math.min(out.minUs, h.minUs);
    out.maxUs = Math.max(out.maxUs, h.maxUs);
    out.count += h.count;
    out.sumUs += h.sumUs;
  }
  return out;
}

/** End-to-end latency over all consumers: queue consumers' latency and groups' latency merged. */
export function endToEndLatency(st: SimState): LatencySummary | null {
  const merged = merge([
    ...st.consumers.map((c) => c.stats.latency),
    ...st.log.groups.map((g) => g.stats.latency),
  ]);
  return merged.count > 0 ? summarize(merged) : null;
}

export function runPair(
  scenarios: Record<Side, Extract<Loaded, { ok: true }>>,
  options: RunOptions,
  progressFor: ProgressFor,
): Record<Side, PairRun> {
  const run = (side: Side): PairRun => {
    const st = createSim(scenarios[side].scenario, options);
    runScenario(st, progressFor(side));
    return {
      source: scenarios[side].source,
      report: report(st),
      tickMs: st.tickUs / 1000,
      latency: endToEndLatency(st),
    };
  };
  return { a: run('a'), b: run('b') };
}

const sum = <T>(items: Record<string, T>, f: (item: T) => number) =>
  Object.values(items).reduce((n, item) => n + f(item), 0);

const groups = (r: RunReport) => Object.values(r.groups);

/** Records a group processed again: processed, less the records that had an effect. */
function reprocessed(r: RunReport): number {
  return groups(r).reduce(
    (n, g) => n + Math.max(0, g.processed - g.ledger.exactlyOnce - g.ledger.duplicated),
    0,
  );
}

type Metric = (run: PairRun) => number | string | null;

const GENERAL: [string, string, string, Metric][] = [
  ['Volume', 'Published', 'messages', ({ report: r }) => r.totals.published],
  [
    'Volume',
    'Delivered / processed',
    'messages',
    ({ report: r }) => r.totals.delivered + sum(r.groups, (g) => g.processed),
  ],
  [
    'Volume',
    'Throughput (acked / processed)',
    '/s',
    ({ report: r }) =>
      ((r.totals.acked + sum(r.groups, (g) => g.processed)) * 1000) / Math.max(1, r.simulatedMs),
  ],
  ['Latency', 'End-to-end latency, p50', 'ms', ({ latency }) => latency?.p50 ?? null],
  ['Latency', 'End-to-end latency, p99', 'ms', ({ latency }) => latency?.p99 ?? null],
  [
    'Backlog',
    'Peak backlog (queues, services)',
    'waiting',
    ({ report: r }) =>
      Object.keys(r.queues).length + Object.keys(r.services).length > 0 ? peakBacklog(r) : null,
  ],
  [
    'Backlog',
    'Backlog at the end (queue depth + group lag)',
    'waiting',
    ({ report: r }) => sum(r.queues, (q) => q.depth) + sum(r.groups, (g) => g.totalLag),
  ],
  [
    'Delivery guarantees',
    'Lost',
    'messages',
    ({ report: r }) => sum(r.queues, (q) => q.ledger.lost) + sum(r.groups, (g) => g.ledger.lost),
  ],
  [
    'Delivery guarantees',
    'Duplicated',
    'messages',
    ({ report: r }) =>
      sum(r.queues, (q) => q.ledger.duplicated) + sum(r.groups, (g) => g.ledger.duplicated),
  ],
  ['Delivery guarantees', 'Dead-lettered', 'messages', ({ report: r }) => r.totals.deadLettered],
  [
    'Delivery guarantees',
    'Redelivered / reprocessed',
    'messages',
    ({ report: r }) => r.totals.redelivered + reprocessed(r),
  ],
];

/** Order rows of the engine's table already covered by the general rows. */
const COVERED = new Set(['Peak backlog', 'Dead-lettered']);

/** The general rows, then the order rows when both scenarios have services. */
export function pairRows(runs: Record<Side, PairRun>): PairRow[] {
  const rows: PairRow[] = GENERAL.map(([group, label, unit, metric]) => ({
    group,
    label,
    unit,
    values: { a: metric(runs.a), b: metric(runs.b) },
  }));
  if (runs.a.report.flow && runs.b.report.flow)
    for (const row of compareTable({ sync: runs.a.report, async: runs.b.report }))
      if (!COVERED.has(row.label))
        rows.push({
          group: row.group,
          label: row.label,
          unit: row.unit,
          values: { a: row.values.sync, b: row.values.async },
        });
  return rows;
}

export function pairJson(runs: Record<Side, PairRun>): PairJson {
  const side = (run: PairRun) => ({
    scenario: run.report.scenario,
    source: run.source,
    report: toJsonReport(run.report, run.tickMs),
  });
  return { a: side(runs.a), b: side(runs.b), rows: pairRows(runs) };
}
