/**
 * A small log-linear histogram of whole microseconds (16 buckets per power of two, so a
 * percentile read from it is within ~3 % of the exact value) for one chart bucket of latencies.
 * Integer arithmetic only, so every browser puts a value in the same bucket.
 */
const SUB = 16;
const SUB_BITS = 4;

export interface LatencyHistogram {
  counts: number[];
  count: number;
}

export const createLatencyHistogram = (): LatencyHistogram => ({ counts: [], count: 0 });

/** Exponent of the highest set bit, exact for any safe integer. */
function log2Floor(v: number): number {
  if (v < 2147483648) return 31 - Math.clz32(v);
  let e = 31;
  let x = Math.floor(v / 2147483648);
  while (x >= 2) {
    x = Math.floor(x / 2);
    e++;
  }
  return e;
}

export function bucketIndex(valueUs: number): number {
  const v = Math.max(0, Math.floor(valueUs));
  if (v < SUB) return v;
  const e = log2Floor(v);
  const top = Math.floor(v / 2 ** (e - SUB_BITS));
  return SUB + (e - SUB_BITS) * SUB + (top - SUB);
}

/** Midpoint of a bucket, in microseconds. */
export function bucketMidUs(index: number): number {
  if (index < SUB) return index;
  const e = SUB_BITS + Math.floor((index - SUB) / SUB);
  const sub = (index - SUB) % SUB;
  const width = 2 ** (e - SUB_BITS);
  return (SUB + sub + 0.5) * width;
}

export function histAdd(h: LatencyHistogram, valueUs: number): void {
  const b = bucketIndex(valueUs);
  while (h.counts.length <= b) h.counts.push(0);
  h.counts[b]!++;
  h.count++;
}

/** The q-quantile (0 < q ≤ 1) in microseconds, or -1 when empty. */
export function histQuantileUs(h: LatencyHistogram, q: number): number {
  if (h.count === 0) return -1;
  const rank = Math.max(1, Math.ceil(q * h.count));
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i]!;
    if (seen >= rank) return bucketMidUs(i);
  }
  return -1;
}

export const cloneHistogram = (h: LatencyHistogram): LatencyHistogram => ({
  counts: h.counts.slice(),
  count: h.count,
});
