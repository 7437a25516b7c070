/**
 * The only place outside the engine that reads engine state internals (everything else reads
 * report(), events and the scenario). The engine is being extended; keeping these reads here,
 * each with a safe fallback, means a change of its state layout costs one file.
 */
import { seriesPoints, type SimState } from '../engine';

type Series = Parameters<typeof seriesPoints>[0];

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
 * A series' points up to `nowUs`, as if every bucket up to now were closed. seriesPoints drops
 * the buckets a series has not been touched in (a queue whose depth has not changed, a consumer
 * with no recent acks): this fills them in (same level for a gauge, zero for a counter). See the
 * engine request in docs/ui.md.
 */
export function readSeries(s: Series | undefined, nowUs: number): SeriesData | null {
  if (!s || !Array.isArray(s.values)) return null;
  const { periodUs, values } = seriesPoints(s, nowUs);
  const out = values.slice();
  let startUs = s.curStartUs;
  if (nowUs - startUs >= periodUs) {
    // The bucket in progress when the series was last touched, then idle whole buckets.
    out.push(s.gauge ? (s.acc + s.level * (startUs + periodUs - s.lastUs)) / periodUs : s.acc);
    startUs += periodUs;
    while (nowUs - startUs >= periodUs) {
      out.push(s.gauge ? s.level : 0);
      startUs += periodUs;
    }
    if (nowUs > startUs) out.push(s.gauge ? s.level : 0);
  }
  return { periodUs, values: out };
}

export function queueDepthSeries(sim: Readonly<SimState>, id: string): SeriesData | null {
  const q = sim.queues[kindIndex(sim, id)] as { stats?: { depthSeries?: Series } } | undefined;
  return readSeries(q?.stats?.depthSeries, sim.nowUs);
}

export function consumerAckSeries(sim: Readonly<SimState>, id: string): SeriesData | null {
  const c = sim.consumers[kindIndex(sim, id)] as { stats?: { ackSeries?: Series } } | undefined;
  return readSeries(c?.stats?.ackSeries, sim.nowUs);
}

/** Link latency, µs: how far back a trip still on screen may have started. */
export function linkLatencyUs(sim: Readonly<SimState>): number {
  const v = (sim as { linkLatencyUs?: unknown }).linkLatencyUs;
  return typeof v === 'number' && v > 0 ? v : 0;
}
