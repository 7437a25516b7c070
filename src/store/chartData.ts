/**
 * The data of the charts, read from the run. Which charts a scenario has depends on what it is
 * made of (chartKinds): queues give queue depth, acks per consumer, messages in flight and ack
 * latency; consumer groups give lag, records per second and record latency; services give
 * orders per second, orders waiting for an answer, busy workers and client latency. A mixed
 * scenario gets what applies of each, on the same charts where the measure is the same.
 *
 * Engine series (chartLines.ts) give every line but two, which the store derives per chart
 * bucket (buckets.ts): messages in flight and the acks' latency. Each line is solid up to the
 * current tick and, while the current tick is behind the run's explored horizon, continues
 * faintly after it ("ghost"): what happens next on this branch, so the cursor can be scrubbed
 * over a known curve.
 */
import type { Scenario } from '../engine';
import { consumerAckSeries, queueDepthSeries } from './engineAccess';
import {
  flowSeries,
  groupIds,
  groupLagSeries,
  groupLatency,
  groupProcessedSeries,
  orderLatency,
  serviceBusySeries,
} from './engineAccessSeries';
import { bucketLine, seconds, type ChartLine, type Point } from './chartPoints';
import { latencyLines, PERCENTILES, seriesLines, type SeriesSource } from './chartLines';
import type { Run } from './run';

export type { ChartLine, Point } from './chartPoints';

export interface ChartData {
  lines: ChartLine[];
  /** Right end of the x axis: the explored horizon (or the current time if later). */
  xMaxS: number;
  /** The current time, where the cursor is drawn. */
  cursorS: number;
}

export type ChartKind = 'depth' | 'throughput' | 'orders' | 'inFlight' | 'busy' | 'latency';

type NodeOf = Scenario['nodes'][number];

/** What a scenario is made of, as far as the charts care. */
export interface ChartFacts {
  queues: boolean;
  /** Nodes consuming from a queue: consumers, and services with a consuming side on a queue. */
  queueConsumers: NodeOf[];
  /** Nodes reading a topic in a group. */
  groups: boolean;
  services: NodeOf[];
}

/** Nodes that consume from a queue: consumers, and services with a consuming side on a queue. */
export function consumersOf(scenario: Scenario): (n: NodeOf) => boolean {
  const set = new Set(chartFacts(scenario).queueConsumers);
  return (n) => set.has(n);
}

const factsCache = new WeakMap<Scenario, ChartFacts>();

/** Facts of a scenario (kept per scenario object: the charts ask ≈10 times a second). */
export function chartFacts(scenario: Scenario): ChartFacts {
  let f = factsCache.get(scenario);
  if (!f) {
    f = factsOf(scenario);
    factsCache.set(scenario, f);
  }
  return f;
}

function factsOf(scenario: Scenario): ChartFacts {
  const kindOf = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
  const reads = (n: NodeOf, kind: string) =>
    (n.kind === 'consumer' || n.kind === 'service') &&
    n.from !== undefined &&
    kindOf.get(n.from) === kind;
  return {
    queues: scenario.nodes.some((n) => n.kind === 'queue'),
    queueConsumers: scenario.nodes.filter((n) => reads(n, 'queue')),
    groups: scenario.nodes.some((n) => reads(n, 'topic')),
    services: scenario.nodes.filter((n) => n.kind === 'service'),
  };
}

/** The charts that have something to show for this scenario, in page order. */
export function chartKinds(scenario: Scenario): ChartKind[] {
  const f = chartFacts(scenario);
  const services = f.services.length > 0;
  const out: ChartKind[] = [];
  if (f.queues || f.groups) out.push('depth');
  if (f.queueConsumers.length > 0 || f.groups) out.push('throughput');
  if (services) out.push('orders');
  if (f.queues || services) out.push('inFlight');
  if (services) out.push('busy');
  if (f.queues || f.groups || services) out.push('latency');
  return out;
}

const labelOf = (n: NodeOf) => n.label ?? n.id;

function depthLines(run: Run, f: ChartFacts): ChartLine[] {
  const queues: SeriesSource[] = run.scenario.nodes
    .filter((n) => n.kind === 'queue')
    .map((n) => ({ id: n.id, label: labelOf(n), read: (s) => queueDepthSeries(s, n.id) }));
  const groups: SeriesSource[] = f.groups
    ? groupIds(run.sim()).map((g) => ({
        id: `lag-${g}`,
        label: `${g} lag`,
        dash: 'dashed',
        read: (s) => groupLagSeries(s, g),
      }))
    : [];
  return seriesLines(run, [...queues, ...groups], false);
}

function throughputLines(run: Run, f: ChartFacts): ChartLine[] {
  const acks: SeriesSource[] = f.queueConsumers.map((n) => ({
    id: n.id,
    label: labelOf(n),
    read: (s) => consumerAckSeries(s, n.id),
  }));
  const lines = seriesLines(run, acks, true, 'all consumers');
  if (!f.groups) return lines;
  const records: SeriesSource[] = groupIds(run.sim()).map((g) => ({
    id: `records-${g}`,
    label: `${g} records`,
    dash: 'dotted',
    read: (s) => groupProcessedSeries(s, g),
  }));
  return [...lines, ...seriesLines(run, records, true, undefined, lines.length)];
}

function orderLines(run: Run): ChartLine[] {
  const src = (name: 'accepted' | 'failed' | 'rejected' | 'completed', label: string) => ({
    id: `orders-${name}`,
    label,
    dash: name === 'completed' ? ('dashed' as const) : undefined,
    read: (s: Parameters<typeof flowSeries>[0]) => flowSeries(s, name),
  });
  return seriesLines(
    run,
    [
      src('accepted', 'orders accepted /s'),
      src('failed', 'orders failed /s'),
      src('rejected', 'orders turned away /s'),
      src('completed', 'orders completed /s'),
    ],
    true,
  );
}

function brokerInFlight(run: Run, label: string): ChartLine {
  const sim = run.sim();
  const b = run.buckets;
  const atS = (i: number) => seconds(i * b.ticks * sim.tickUs);
  const totals = run.report().totals as { inFlight?: number };
  const current: Point | null =
    sim.tick % b.ticks === 0 ? null : [seconds(sim.nowUs), totals.inFlight ?? 0];
  const base = { id: 'inflight', label, color: 0, dash: 'solid' as const };
  return bucketLine(base, b.inFlight, atS, Math.floor(sim.tick / b.ticks) + 1, current);
}

function inFlightLines(run: Run, f: ChartFacts): ChartLine[] {
  const services = f.services.length > 0;
  const lines = f.queues
    ? [brokerInFlight(run, services ? 'messages in flight' : 'in flight')]
    : [];
  if (!services) return lines;
  const open: SeriesSource = {
    id: 'orders-open',
    label: 'orders waiting for an answer',
    dash: 'dashed',
    read: (s) => flowSeries(s, 'open'),
  };
  return [...lines, ...seriesLines(run, [open], false, undefined, lines.length)];
}

function busyLines(run: Run, f: ChartFacts): ChartLine[] {
  return seriesLines(
    run,
    f.services.map((n) => ({
      id: n.id,
      label: labelOf(n),
      read: (s) => serviceBusySeries(s, n.id),
    })),
    false,
  );
}

/** The acks' latency, from the store's buckets (the 'acked' events). */
function ackLatencyLines(
  run: Run,
  prefix: string,
  color: (i: number) => number,
  only?: readonly string[],
): ChartLine[] {
  const sim = run.sim();
  const b = run.buckets;
  const endS = (i: number) => seconds((i + 1) * b.ticks * sim.tickUs);
  const partial = b.partial();
  const onBoundary = sim.tick % b.ticks === 0;
  const shown = only ? PERCENTILES.filter(([p]) => only.includes(p)) : PERCENTILES;
  return shown.map(([id, , dash], i) => {
    const key = `${id}Ms` as const;
    const values = b.latency.map((p) => (p && p.count > 0 ? p[key] : null));
    const current: Point | null = onBoundary
      ? null
      : [seconds(sim.nowUs), partial.count > 0 ? partial[key] : null];
    const solidCount = Math.floor(sim.tick / b.ticks);
    const label = prefix ? `${prefix} ${id}` : id;
    return bucketLine({ id, label, color: color(i), dash }, values, endS, solidCount, current);
  });
}

/**
 * Percentiles of each source: acks (publish → ack), orders (client latency of accepted orders)
 * and each group's records (append → processed). One source: p50, p95 and p99, coloured by
 * percentile, labelled "p50"...; several: p50 and p99 of each (five sources would draw fifteen
 * lines otherwise), coloured by source, the percentile in the dash and the label.
 */
function latencyChart(run: Run, f: ChartFacts): ChartLine[] {
  const groups = f.groups ? groupIds(run.sim()) : [];
  const n = (f.queues ? 1 : 0) + (f.services.length > 0 ? 1 : 0) + groups.length;
  let source = 0;
  const next = () => {
    const s = source++;
    return (i: number) => (n === 1 ? i : s);
  };
  const prefix = (name: string) => (n === 1 ? '' : name);
  const only = n === 1 ? undefined : ['p50', 'p99'];
  const lines: ChartLine[] = [];
  if (f.queues) lines.push(...ackLatencyLines(run, prefix('acks'), next(), only));
  if (f.services.length > 0)
    lines.push(
      ...latencyLines(
        run,
        { id: 'orders', label: prefix('orders'), read: orderLatency },
        next(),
        only,
      ),
    );
  for (const g of groups)
    lines.push(
      ...latencyLines(
        run,
        { id: `group-${g}`, label: prefix(g), read: (s) => groupLatency(s, g) },
        next(),
        only,
      ),
    );
  return lines;
}

export function chartData(run: Run, kind: ChartKind): ChartData {
  const sim = run.sim();
  const cursorS = seconds(sim.nowUs);
  const xMaxS = Math.max(cursorS, seconds(run.horizonTick() * sim.tickUs));
  const f = chartFacts(run.scenario);
  let lines: ChartLine[];
  if (kind === 'depth') lines = depthLines(run, f);
  else if (kind === 'throughput') lines = throughputLines(run, f);
  else if (kind === 'orders') lines = orderLines(run);
  else if (kind === 'inFlight') lines = inFlightLines(run, f);
  else if (kind === 'busy') lines = busyLines(run, f);
  else lines = latencyChart(run, f);
  return { lines, xMaxS, cursorS };
}
