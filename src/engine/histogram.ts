/**
 * Latency histogram with bounded memory: log-linear buckets over integer microseconds, 32 per
 * power of two, so a percentile read from it is within about 1.6 % of the true value whatever
 * the range. The mean is exact (kept as a sum). Plain data, like the rest of the state.
 */
import { pow2 } from './detMath';

const SUB = 32;
const SUB_BITS = 5;

export interface Histogram {
  counts: number[];
  count: number;
  sumUs: number;
  minUs: number;
  maxUs: number;
}

export function createHistogram(): Histogram {
  return { counts: [], count: 0, sumUs: 0, minUs: 0, maxUs: 0 };
}

export function bucketOf(v: number): number {
  if (v < SUB) return v;
  let e: number;
  let top: number;
  if (v < 2147483648) {
    e = 31 - Math.clz32(v);
    top = v >>> (e - SUB_BITS);
  } else {
    e = 31;
    let x = v / 2147483648;
    while (x >= 2) {
      x = x / 2;
      e++;
    }
    top = Math.floor(v / pow2(e - SUB_BITS));
  }
  return SUB + (e - SUB_BITS) * SUB + (top - SUB);
}

/** [lower, upper) bounds of a bucket in microseconds. */
export function bucketBounds(index: number): [number, number] {
  if (index < SUB) return [index, index + 1];
  const e = SUB_BITS + Math.floor((index - SUB) / SUB);
  const sub = (index - SUB) % SUB;
  const width = pow2(e - SUB_BITS);
  return [(SUB + sub) * width, (SUB + sub + 1) * width];
}

export function histAdd(h: Histogram, valueUs: number): void {
  const counts = h.counts;
  if (valueUs <= 0) {
    // Zero (no wait, no send delay) is the commonest value: a short path for it.
    if (counts.length === 0) counts.push(0);
    counts[0]!++;
    h.minUs = 0;
    h.count++;
    return;
  }
  const b = bucketOf(valueUs);
  if (b >= counts.length) growTo(counts, b);
  counts[b]!++;
  if (h.count === 0 || valueUs < h.minUs) h.minUs = valueUs;
  if (valueUs > h.maxUs) h.maxUs = valueUs;
  h.count++;
  h.sumUs += valueUs;
}

function growTo(counts: number[], b: number): void {
  while (counts.length <= b) counts.push(0);
}

export function histMeanUs(h: Histogram): number {
  return h.count === 0 ? 0 : h.sumUs / h.count;
}

/** The q-quantile (0 < q <= 1): the midpoint of the bucket holding that rank, within [min, max]. */
export function histQuantileUs(h: Histogram, q: number): number {
  if (h.count === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * h.count));
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i]!;
    if (seen >= rank) {
      const [lo, hi] = bucketBounds(i);
      const mid = i < SUB ? lo : (lo + hi) / 2;
      return Math.min(h.maxUs, Math.max(h.minUs, mid));
    }
  }
  return h.maxUs;
}
