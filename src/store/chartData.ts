/**
 * The data of the four charts, read from the run: queue depth and throughput from the engine's
 * series (depth per queue, acks per consumer), messages in flight and latency percentiles from
 * the store's buckets (buckets.ts). Each line is solid up to the current tick and, while the
 * current tick is behind the run's explored horizon, continues faintly after it ("ghost"): what
 * happens next on this branch of the run, so the cursor can be scrubbed over a known curve.
 */
import type { SimState } from '../engine';
import { consumerAckSeries, queueDepthSeries, type SeriesData } from './engineAccess';
import {
  bucketLine,
  ghostAfter,
  seconds,
  seriesToPoints,
  sumCounters,
  widenCounter,
  type ChartLine,
  type Dash,
  type Point,
} from './chartPoints';
import type { Run } from './run';

export type { ChartLine, Point } from './chartPoints';

export interface ChartData {
  lines: ChartLine[];
  /** Right end of the x axis: the explored horizon (or the current time if later). */
  xMaxS: number;
  /** The current time, where the cursor is drawn. */
  cursorS: number;
}

export type ChartKind = 'depth' | 'throughput' | 'inFlight' | 'latency';

type Reader = (sim: Readonly<SimState>, id: string) => SeriesData | null;

type NodeOf = Run['scenario']['nodes'][number];

/** Nodes that consume from a queue: consumers, and services with a consuming side on a queue. */
export function consumersOf(run: Run): (n: NodeOf) => boolean {
  const queues = new Set(run.scenario.nodes.filter((n) => n.kind === 'queue').map((n) => n.id));
  return (n) =>
    n.kind === 'consumer' || (n.kind === 'service' && n.from !== undefined && queues.has(n.from));
}

/** One line per node that matches from an engine series, plus a total of counters if several. */
function engineLines(
  run: Run,
  match: (n: NodeOf) => boolean,
  readRaw: Reader,
  rate: boolean,
): ChartLine[] {
  const sim = run.sim();
  const widthUs = run.buckets.ticks * sim.tickUs;
  const read: Reader = rate ? (s, id) => widenCounter(readRaw(s, id), widthUs) : readRaw;
  const horizon = run.horizonSim();
  const cursorS = seconds(sim.nowUs);
  const nodes = run.scenario.nodes.filter(match);
  const line = (
    id: string,
    label: string,
    color: number,
    dash: Dash,
    now: SeriesData | null,
    later: SeriesData | null,
  ): ChartLine => {
    const solid = seriesToPoints(now, sim.nowUs, rate);
    const ghost = horizon
      ? ghostAfter(seriesToPoints(later, horizon.nowUs, rate), cursorS, solid.at(-1))
      : [];
    return { id, label, color, dash, solid, ghost };
  };
  const lines = nodes.map((n, i) =>
    line(n.id, n.label ?? n.id, i, 'solid', read(sim, n.id), horizon && read(horizon, n.id)),
  );
  if (!rate || nodes.length < 2) return lines;
  const total = (s: Readonly<SimState> | null) =>
    s ? sumCounters(nodes.map((n) => read(s, n.id))) : null;
  return [
    line('total', 'all consumers', nodes.length, 'dashed', total(sim), total(horizon)),
    ...lines,
  ];
}

function inFlightLines(run: Run): ChartLine[] {
  const sim = run.sim();
  const b = run.buckets;
  const atS = (i: number) => seconds(i * b.ticks * sim.tickUs);
  const totals = run.report().totals as { inFlight?: number };
  const current: Point | null =
    sim.tick % b.ticks === 0 ? null : [seconds(sim.nowUs), totals.inFlight ?? 0];
  const base = { id: 'inflight', label: 'in flight', color: 0, dash: 'solid' as const };
  return [bucketLine(base, b.inFlight, atS, Math.floor(sim.tick / b.ticks) + 1, current)];
}

function latencyLines(run: Run): ChartLine[] {
  const sim = run.sim();
  const b = run.buckets;
  const endS = (i: number) => seconds((i + 1) * b.ticks * sim.tickUs);
  const partial = b.partial();
  const onBoundary = sim.tick % b.ticks === 0;
  const keys = [
    ['p50', 'p50Ms', 'solid'],
    ['p95', 'p95Ms', 'dashed'],
    ['p99', 'p99Ms', 'dotted'],
  ] as const;
  return keys.map(([id, key, dash], color) => {
    const values = b.latency.map((p) => (p && p.count > 0 ? p[key] : null));
    const current: Point | null = onBoundary
      ? null
      : [seconds(sim.nowUs), partial.count > 0 ? partial[key] : null];
    const solidCount = Math.floor(sim.tick / b.ticks);
    return bucketLine({ id, label: id, color, dash }, values, endS, solidCount, current);
  });
}

export function chartData(run: Run, kind: ChartKind): ChartData {
  const sim = run.sim();
  const cursorS = seconds(sim.nowUs);
  const xMaxS = Math.max(cursorS, seconds(run.horizonTick() * sim.tickUs));
  let lines: ChartLine[];
  if (kind === 'depth')
    lines = engineLines(run, (n) => n.kind === 'queue', queueDepthSeries, false);
  else if (kind === 'throughput')
    lines = engineLines(run, consumersOf(run), consumerAckSeries, true);
  else if (kind === 'inFlight') lines = inFlightLines(run);
  else lines = latencyLines(run);
  return { lines, xMaxS, cursorS };
}
