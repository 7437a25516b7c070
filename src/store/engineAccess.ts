/**
 * The only place outside the engine that reads engine state internals (everything else reads
 * report(), events and the scenario). The engine is being extended; keeping these reads here,
 * each with a safe fallback, means a change of its state layout costs one file.
 */
import { readySlots, seriesPoints, summarize, type SimState } from '../engine';
import type { LatencySummary } from '../engine';

type Series = Parameters<typeof seriesPoints>[0];
type QueueState = SimState['queues'][number];

export interface SeriesData {
  periodUs: number;
  values: number[];
}

/** Index of a node within its kind's state array, or -1. */
function kindIndex(sim: Readonly<SimState>, id: string): number {
  const node = sim.nodeIds.indexOf(id);
  return node < 0 ? -1 : (sim.nodeIndex[node] ?? -1);
}

/**
 * The consumer state of a node: a consumer's own, or the consuming side of a service (a service
 * with `from` is compiled as a consumer whose index its service state keeps).
 */
function consumerIndex(sim: Readonly<SimState>, id: string): number {
  const node = sim.nodeIds.indexOf(id);
  if (node < 0) return -1;
  const i = sim.nodeIndex[node] ?? -1;
  if (sim.nodeKinds?.[node] !== 'service') return i;
  const c = (sim.services?.[i] as { consumer?: unknown } | undefined)?.consumer;
  return typeof c === 'number' ? c : -1;
}

const queueOf = (sim: Readonly<SimState>, id: string): QueueState | undefined =>
  sim.queues[kindIndex(sim, id)];

/** A series' points up to `nowUs` (idle buckets filled in by the engine). */
function readSeries(s: Series | undefined, nowUs: number): SeriesData | null {
  if (!s || !Array.isArray(s.values)) return null;
  return seriesPoints(s, nowUs);
}

export function queueDepthSeries(sim: Readonly<SimState>, id: string): SeriesData | null {
  return readSeries(queueOf(sim, id)?.stats?.depthSeries, sim.nowUs);
}

export function consumerAckSeries(sim: Readonly<SimState>, id: string): SeriesData | null {
  const c = sim.consumers[consumerIndex(sim, id)] as { stats?: { ackSeries?: Series } } | undefined;
  return readSeries(c?.stats?.ackSeries, sim.nowUs);
}

/** Link latency, µs: how far back a trip still on screen may have started. */
export function linkLatencyUs(sim: Readonly<SimState>): number {
  const v = (sim as { linkLatencyUs?: unknown }).linkLatencyUs;
  return typeof v === 'number' && v > 0 ? v : 0;
}

/** Ready messages of a priority queue by priority level (index = priority), else null. */
export function readyByPriority(sim: Readonly<SimState>, id: string): number[] | null {
  const levels = queueOf(sim, id)?.levels;
  if (!Array.isArray(levels) || levels.length < 2) return null;
  return levels.map((r) => (typeof r?.size === 'number' ? r.size : 0));
}

/** The queue a consumer reads, from the state: consumers added by an input are not in the scenario. */
export function consumerQueueId(sim: Readonly<SimState>, id: string): string | undefined {
  const q = sim.consumers[consumerIndex(sim, id)]?.queue;
  const node = typeof q === 'number' ? sim.queues[q]?.node : undefined;
  return typeof node === 'number' ? sim.nodeIds[node] : undefined;
}

/** Does this consumer ack automatically (nothing travels back after processing)? */
export function consumerAutoAck(sim: Readonly<SimState>, id: string): boolean {
  return sim.consumers[consumerIndex(sim, id)]?.autoAck === true;
}

/** The consumer's transient failure probability, if the state has one. */
export function consumerFailureRate(sim: Readonly<SimState>, id: string): number | undefined {
  const p = sim.consumers[consumerIndex(sim, id)]?.failure?.probability;
  return typeof p === 'number' ? p : undefined;
}

/** A service's failure probability for requests (not in the report). */
export function serviceFailureRate(sim: Readonly<SimState>, id: string): number | undefined {
  if (sim.nodeKinds?.[sim.nodeIds.indexOf(id)] !== 'service') return undefined;
  const s = sim.services?.[kindIndex(sim, id)] as { failureP?: unknown } | undefined;
  return typeof s?.failureP === 'number' ? s.failureP : undefined;
}

/** What a service's node shows beyond its report: workers waiting on calls, the slow-down now. */
export interface ServiceLive {
  /** Workers held by a request that waits on a call it made (or on the backoff before a retry). */
  blocked: number;
  /** Service-time factor now (1 when up). */
  factor: number;
}

/** Request locations where the worker waits on a downstream call (engine RLoc.Calling, Backoff). */
const BLOCKED_LOCS = new Set([3, 4]);

/** ServiceLive of every service, by id (one pass over the live requests). */
export function servicesLive(sim: Readonly<SimState>): Map<string, ServiceLive> {
  const out = new Map<string, ServiceLive>();
  const services = Array.isArray(sim.services) ? sim.services : [];
  const byIndex: ServiceLive[] = services.map((s) => {
    const live = { blocked: 0, factor: typeof s.factor === 'number' ? s.factor : 1 };
    out.set(sim.nodeIds[s.node] ?? '', live);
    return live;
  });
  if (byIndex.length === 0 || !Array.isArray(sim.reqs)) return out;
  for (const r of sim.reqs)
    if (r && BLOCKED_LOCS.has(r.loc) && byIndex[r.svc]) byIndex[r.svc]!.blocked++;
  return out;
}

/** Effects applied more than once so far (the engine counts them as they happen). */
export function duplicateEffects(sim: Readonly<SimState>): number {
  const n = (sim.totals as { duplicateEffects?: unknown } | undefined)?.duplicateEffects;
  return typeof n === 'number' ? n : 0;
}

/** One ready message of a dead-letter queue, with its newest x-death entry (R16). */
export interface DeadLetter {
  msgId: number;
  originId: number;
  reason: string;
  count: number;
  fromQueue: string;
  /** Every x-death entry, newest first, as "queue: reason ×count". */
  deaths: string[];
}

/** The ready messages of a queue that carry an x-death history, in delivery order; at most `max`. */
export function deadLetters(
  sim: Readonly<SimState>,
  id: string,
  max: number,
): { total: number; items: DeadLetter[] } {
  const q = queueOf(sim, id);
  if (!q || !Array.isArray(q.levels)) return { total: 0, items: [] };
  const name = (qi: number) => {
    const node = sim.queues[qi]?.node;
    return node === undefined ? `queue ${qi}` : (sim.nodeIds[node] ?? `queue ${qi}`);
  };
  const items: DeadLetter[] = [];
  let total = 0;
  for (const slot of readySlots(q as QueueState)) {
    const m = sim.msgs[slot];
    const deaths = Array.isArray(m?.deaths) ? m.deaths : [];
    const newest = deaths[0];
    if (!m || !newest) continue;
    total++;
    if (items.length >= max) continue;
    items.push({
      msgId: m.id,
      originId: m.origin,
      reason: newest.reason,
      count: newest.count,
      fromQueue: name(newest.queue),
      deaths: deaths.map((d) => `${name(d.queue)}: ${d.reason} ×${d.count}`),
    });
  }
  return { total, items };
}

/** A consumer's retry policy as the engine holds it now (inputs may have changed it). */
export interface RetryLive {
  policy: string;
  baseMs: number;
  capMs: number;
  /** 0: no limit. */
  maxAttempts: number;
  method: 'nack' | 'reject';
}

/** What a queue consumer's settings stand for now: its retry policy and its guarantee. */
export interface ConsumerSettingsLive {
  retry: RetryLive | undefined;
  autoAck: boolean;
  idempotent: boolean;
  /** The named guarantee these settings give (auto-ack: at most once; idempotent: exactly). */
  guarantee: 'at-most-once' | 'at-least-once' | 'exactly-once';
}

export function consumerSettings(
  sim: Readonly<SimState>,
  id: string,
): ConsumerSettingsLive | undefined {
  const c = sim.consumers[consumerIndex(sim, id)] as
    { retry?: Record<string, unknown>; autoAck?: unknown; dedup?: unknown } | undefined;
  if (!c) return undefined;
  const r = c.retry;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const retry: RetryLive | undefined =
    r && typeof r.policy === 'string'
      ? {
          policy: r.policy,
          baseMs: num(r.baseUs) / 1000,
          capMs: num(r.capUs) / 1000,
          maxAttempts: num(r.maxAttempts),
          method: r.reject === true ? 'reject' : 'nack',
        }
      : undefined;
  const autoAck = c.autoAck === true;
  const idempotent = c.dedup !== null && c.dedup !== undefined;
  const guarantee = autoAck ? 'at-most-once' : idempotent ? 'exactly-once' : 'at-least-once';
  return { retry, autoAck, idempotent, guarantee };
}

type Histogram = SimState['consumers'][number]['stats']['latency'];

/**
 * Publish → ack latency over every queue consumer and append → processed over every consumer
 * group, merged into one histogram (they share the engine's buckets); null before any. The
 * compare view's table reads it, as `sim compare` does.
 */
export function endToEndLatency(sim: Readonly<SimState>): LatencySummary | null {
  const out: Histogram = { counts: [], count: 0, sumUs: 0, minUs: 0, maxUs: 0 };
  const all = [
    ...(sim.consumers ?? []).map((c) => c.stats?.latency),
    ...(sim.log?.groups ?? []).map((g) => g.stats?.latency),
  ];
  for (const h of all) {
    if (!h || h.count === 0) continue;
    h.counts.forEach((n, i) => (out.counts[i] = (out.counts[i] ?? 0) + n));
    out.minUs = out.count === 0 ? h.minUs : Math.min(out.minUs, h.minUs);
    out.maxUs = Math.max(out.maxUs, h.maxUs);
    out.count += h.count;
    out.sumUs += h.sumUs;
  }
  return out.count > 0 ? summarize(out) : null;
}
