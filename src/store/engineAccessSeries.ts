/**
 * Reads of the engine's chart series of services and consumer groups (engine levels.ts,
 * latencySeries.ts): orders per bucket, orders waiting for an answer, client latency, busy
 * workers per service, and per group lag, records processed and record latency. Like
 * engineAccess.ts, the only place that knows where they sit in the state; every read has a
 * fallback (null), so a state without them reads as "no line".
 */
import { latencyPoints, seriesPoints, type LatencyPoints, type SimState } from '../engine';
import type { SeriesData } from './engineAccess';

type Series = Parameters<typeof seriesPoints>[0];
type LatencySeries = Parameters<typeof latencyPoints>[0];

export type { LatencyPoints };

export type FlowSeriesName = 'accepted' | 'failed' | 'rejected' | 'completed' | 'open';

const isSeries = (s: unknown): s is Series =>
  typeof s === 'object' && s !== null && Array.isArray((s as Series).values);

const isLatency = (s: unknown): s is LatencySeries =>
  typeof s === 'object' && s !== null && Array.isArray((s as LatencySeries).count);

const read = (s: unknown, nowUs: number): SeriesData | null =>
  isSeries(s) ? seriesPoints(s, nowUs) : null;

const readLatency = (s: unknown, nowUs: number): LatencyPoints | null =>
  isLatency(s) ? latencyPoints(s, nowUs) : null;

type FlowSeries = Partial<Record<FlowSeriesName | 'latency', unknown>>;
const flowSeriesOf = (sim: Readonly<SimState>): FlowSeries | undefined =>
  (sim as { flow?: { series?: FlowSeries } }).flow?.series;

/** Orders per bucket by answer (a counter), or orders waiting for an answer ('open', a gauge). */
export function flowSeries(sim: Readonly<SimState>, name: FlowSeriesName): SeriesData | null {
  return read(flowSeriesOf(sim)?.[name], sim.nowUs);
}

/** Client latency of accepted orders, per bucket. */
export function orderLatency(sim: Readonly<SimState>): LatencyPoints | null {
  return readLatency(flowSeriesOf(sim)?.latency, sim.nowUs);
}

/** Busy workers of a service over time (its consuming side included). */
export function serviceBusySeries(sim: Readonly<SimState>, id: string): SeriesData | null {
  const node = sim.nodeIds.indexOf(id);
  if (node < 0 || sim.nodeKinds?.[node] !== 'service') return null;
  const sv = sim.services?.[sim.nodeIndex[node] ?? -1] as { stats?: { busySeries?: unknown } };
  return read(sv?.stats?.busySeries, sim.nowUs);
}

type GroupStats = { lagSeries?: unknown; processedSeries?: unknown; latencySeries?: unknown };

function groupStats(sim: Readonly<SimState>, groupId: string): GroupStats | undefined {
  const groups = (sim as { log?: { groups?: { id: string; stats?: GroupStats }[] } }).log?.groups;
  return Array.isArray(groups) ? groups.find((g) => g.id === groupId)?.stats : undefined;
}

/** The consumer groups of the run, in state order. */
export function groupIds(sim: Readonly<SimState>): string[] {
  const groups = (sim as { log?: { groups?: { id: string }[] } }).log?.groups;
  return Array.isArray(groups) ? groups.map((g) => g.id) : [];
}

/** A group's lag summed over its partitions (K17), time-weighted per bucket. */
export function groupLagSeries(sim: Readonly<SimState>, groupId: string): SeriesData | null {
  return read(groupStats(sim, groupId)?.lagSeries, sim.nowUs);
}

/** Records the group processed per bucket. */
export function groupProcessedSeries(sim: Readonly<SimState>, groupId: string): SeriesData | null {
  return read(groupStats(sim, groupId)?.processedSeries, sim.nowUs);
}

/** Append → processed latency of the group's records, per bucket. */
export function groupLatency(sim: Readonly<SimState>, groupId: string): LatencyPoints | null {
  return readLatency(groupStats(sim, groupId)?.latencySeries, sim.nowUs);
}
