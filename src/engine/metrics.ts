/**
 * The run's numbers, read from the state without changing it: totals, per-queue depth and wait,
 * per-consumer throughput, latency, queue wait and service time (mean, p50, p95, p99, max).
 * Times are reported in milliseconds.
 */
import { histMeanUs, histQuantileUs, type Histogram } from './histogram';
import type { Series } from './series';
import type { SimState } from './state';

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface QueueReport {
  depth: number;
  depthMax: number;
  depthMean: number;
  enqueued: number;
  delivered: number;
  arrivalRatePerSec: number;
  meanWaitMs: number;
}

export interface ConsumerReport {
  up: boolean;
  concurrency: number;
  prefetch: number;
  busy: number;
  unacked: number;
  delivered: number;
  redelivered: number;
  acked: number;
  throughputPerSec: number;
  utilisation: number;
  latencyMs: LatencySummary;
  waitMs: LatencySummary;
  serviceMs: LatencySummary;
}

export interface ProducerReport {
  published: number;
  paused: boolean;
  ratePerSec: number;
}

export interface RunReport {
  scenario: string;
  seed: number;
  tick: number;
  simulatedMs: number;
  totals: {
    published: number;
    enqueued: number;
    delivered: number;
    redelivered: number;
    requeued: number;
    processed: number;
    acked: number;
    inFlight: number;
    throughputPerSec: number;
  };
  producers: Record<string, ProducerReport>;
  queues: Record<string, QueueReport>;
  consumers: Record<string, ConsumerReport>;
}

const ms = (us: number) => us / 1000;

export function summarize(h: Histogram): LatencySummary {
  return {
    count: h.count,
    mean: ms(histMeanUs(h)),
    p50: ms(histQuantileUs(h, 0.5)),
    p95: ms(histQuantileUs(h, 0.95)),
    p99: ms(histQuantileUs(h, 0.99)),
    max: ms(h.maxUs),
  };
}

const perSec = (count: number, us: number) => (us > 0 ? (count * 1_000_000) / us : 0);

export function report(st: SimState): RunReport {
  const now = st.nowUs;
  const producers: Record<string, ProducerReport> = {};
  for (const p of st.producers) {
    producers[st.nodeIds[p.node]!] = {
      published: p.published,
      paused: p.paused,
      ratePerSec: p.baseMeanUs > 0 ? 1_000_000 / (p.baseMeanUs * p.rateScale) : 0,
    };
  }
  const queues: Record<string, QueueReport> = {};
  for (const q of st.queues) {
    const s = q.stats;
    const area = s.depthAreaUs + q.ready.size * (now - s.depthChangedUs);
    queues[st.nodeIds[q.node]!] = {
      depth: q.ready.size,
      depthMax: s.depthMax,
      depthMean: now > 0 ? area / now : 0,
      enqueued: s.enqueued,
      delivered: s.delivered,
      arrivalRatePerSec: perSec(s.enqueued, now),
      meanWaitMs: s.delivered > 0 ? ms(s.waitSumUs / s.delivered) : 0,
    };
  }
  const consumers: Record<string, ConsumerReport> = {};
  for (const c of st.consumers) {
    const s = c.stats;
    const busyArea = s.busyAreaUs + c.busy * (now - s.busyChangedUs);
    consumers[st.nodeIds[c.node]!] = {
      up: c.up,
      concurrency: c.concurrency,
      prefetch: c.prefetch,
      busy: c.busy,
      unacked: c.unacked,
      delivered: s.delivered,
      redelivered: s.redelivered,
      acked: s.acked,
      throughputPerSec: perSec(s.acked, now),
      utilisation: now > 0 ? busyArea / now / c.concurrency : 0,
      latencyMs: summarize(s.latency),
      waitMs: summarize(s.wait),
      serviceMs: summarize(s.service),
    };
  }
  const t = st.totals;
  return {
    scenario: st.name,
    seed: st.seed,
    tick: st.tick,
    simulatedMs: ms(now),
    totals: {
      ...t,
      inFlight: t.published - t.acked,
      throughputPerSec: perSec(t.acked, now),
    },
    producers,
    queues,
    consumers,
  };
}

/** A series' points up to `nowUs` (including the partial last bucket), without changing it. */
export function seriesPoints(s: Series, nowUs: number): { periodUs: number; values: number[] } {
  const values = s.values.slice();
  const partialUs = nowUs - s.curStartUs;
  if (partialUs > 0 && partialUs < s.periodUs) {
    const acc = s.gauge ? s.acc + s.level * (nowUs - s.lastUs) : s.acc;
    values.push(s.gauge ? acc / partialUs : acc);
  }
  return { periodUs: s.periodUs, values };
}
