/**
 * Series the store derives per chart bucket, because the engine does not keep them (yet):
 * latency p50/p95/p99 of the acks in each bucket (from the 'acked' events' latencyUs), and the
 * number of messages in flight sampled at each bucket boundary (the engine's
 * report().totals.inFlight at that tick).
 *
 * Buckets have a fixed width per run (whole ticks, ≥ 1 s, ≤ 600 per run), so bucket i always
 * covers the same ticks. Completed buckets are stored by index and stay valid up to the run's
 * explored horizon (the charts draw the part after the current tick faintly); only the bucket
 * being filled is per-position state, and checkpoints carry a copy of it. A fork truncates.
 */
import {
  cloneHistogram,
  createLatencyHistogram,
  histAdd,
  histQuantileUs,
  type LatencyHistogram,
} from './latencyHistogram';
import { BUCKET_MIN_US, BUCKETS_PER_RUN_MAX } from './tuning';

export interface LatencyPoint {
  /** Acks in the bucket; the percentiles are -1 when it is 0. */
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface Buckets {
  /** Width of a bucket in ticks. */
  readonly ticks: number;
  /** Completed latency buckets by index (bucket i covers ticks [i·ticks, (i+1)·ticks)). */
  readonly latency: LatencyPoint[];
  /** In-flight count at tick i·ticks, by i. */
  readonly inFlight: number[];
  addLatency(us: number): void;
  /** The bucket ending at `tick` (a multiple of `ticks`) is complete. */
  close(tick: number): void;
  sampleInFlight(tick: number, value: number): void;
  /** The bucket being filled, as it stands. */
  partial(): LatencyPoint;
  savePartial(): LatencyHistogram;
  restorePartial(h: LatencyHistogram): void;
  /** Forget everything after `tick` (the timeline forked there). */
  truncate(tick: number): void;
}

export function bucketTicks(tickUs: number, endTick: number): number {
  const minTicks = Math.ceil(BUCKET_MIN_US / tickUs);
  return Math.max(1, minTicks, Math.ceil(endTick / BUCKETS_PER_RUN_MAX));
}

const toMs = (us: number) => (us < 0 ? -1 : us / 1000);

function pointOf(h: LatencyHistogram): LatencyPoint {
  return {
    count: h.count,
    p50Ms: toMs(histQuantileUs(h, 0.5)),
    p95Ms: toMs(histQuantileUs(h, 0.95)),
    p99Ms: toMs(histQuantileUs(h, 0.99)),
  };
}

export function createBuckets(tickUs: number, endTick: number): Buckets {
  const ticks = bucketTicks(tickUs, endTick);
  const latency: LatencyPoint[] = [];
  const inFlight: number[] = [];
  let cur = createLatencyHistogram();
  return {
    ticks,
    latency,
    inFlight,
    addLatency: (us) => histAdd(cur, us),
    close(tick) {
      latency[tick / ticks - 1] = pointOf(cur);
      cur = createLatencyHistogram();
    },
    sampleInFlight(tick, value) {
      inFlight[tick / ticks] = value;
    },
    partial: () => pointOf(cur),
    savePartial: () => cloneHistogram(cur),
    restorePartial(h) {
      cur = cloneHistogram(h);
    },
    truncate(tick) {
      latency.length = Math.min(latency.length, Math.floor(tick / ticks));
      inFlight.length = Math.min(inFlight.length, Math.floor(tick / ticks) + 1);
    },
  };
}
