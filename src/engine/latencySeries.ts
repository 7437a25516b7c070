/**
 * Latency percentiles over time: p50/p95/p99 of the values that ended in each bucket (orders'
 * client latency, a group's record latency). Percentiles of two buckets cannot be merged from
 * the percentiles alone, so unlike series.ts this series never compacts: its bucket width is
 * chosen up front from the run's length (whole ticks, at least 1 s, at most LATENCY_BUCKETS_MAX
 * buckets per run; a run never passes its end). Only the open bucket keeps a histogram.
 */
import { createHistogram, histAdd, histQuantileUs, type Histogram } from './histogram';

export const LATENCY_BUCKET_MIN_US = 1_000_000;
export const LATENCY_BUCKETS_MAX = 600;

export interface LatencySeries {
  periodUs: number;
  /** Completed buckets: how many values, and their percentiles in µs (0 when none). */
  count: number[];
  p50Us: number[];
  p95Us: number[];
  p99Us: number[];
  /** Start of the open bucket (= count.length · periodUs). */
  curStartUs: number;
  cur: Histogram;
}

/** The bucket width for a run: whole ticks, ≥ 1 s, and the run in ≤ LATENCY_BUCKETS_MAX buckets. */
export function latencyPeriodUs(tickUs: number, endTick: number): number {
  const ticks = Math.max(
    1,
    Math.ceil(LATENCY_BUCKET_MIN_US / tickUs),
    Math.ceil(endTick / LATENCY_BUCKETS_MAX),
  );
  return ticks * tickUs;
}

export function createLatencySeries(periodUs: number): LatencySeries {
  return {
    periodUs,
    count: [],
    p50Us: [],
    p95Us: [],
    p99Us: [],
    curStartUs: 0,
    cur: createHistogram(),
  };
}

function push(s: LatencySeries, h: Histogram): void {
  s.count.push(h.count);
  s.p50Us.push(histQuantileUs(h, 0.5));
  s.p95Us.push(histQuantileUs(h, 0.95));
  s.p99Us.push(histQuantileUs(h, 0.99));
}

/** Record a latency that ended at `nowUs`. */
export function latencyAdd(s: LatencySeries, nowUs: number, valueUs: number): void {
  while (nowUs >= s.curStartUs + s.periodUs) {
    push(s, s.cur);
    if (s.cur.count > 0) s.cur = createHistogram();
    s.curStartUs += s.periodUs;
  }
  histAdd(s.cur, valueUs);
}

export interface LatencyPoints {
  periodUs: number;
  count: number[];
  p50Us: number[];
  p95Us: number[];
  p99Us: number[];
}

/**
 * The buckets up to `nowUs`, without changing the series: buckets passed with nothing in them
 * are filled in (count 0), and the open bucket is included as it stands.
 */
export function latencyPoints(s: LatencySeries, nowUs: number): LatencyPoints {
  const out: LatencyPoints = {
    periodUs: s.periodUs,
    count: s.count.slice(),
    p50Us: s.p50Us.slice(),
    p95Us: s.p95Us.slice(),
    p99Us: s.p99Us.slice(),
  };
  let start = s.curStartUs;
  let h = s.cur;
  while (start < nowUs) {
    out.count.push(h.count);
    out.p50Us.push(histQuantileUs(h, 0.5));
    out.p95Us.push(histQuantileUs(h, 0.95));
    out.p99Us.push(histQuantileUs(h, 0.99));
    if (h.count > 0) h = createHistogram();
    start += s.periodUs;
  }
  return out;
}
