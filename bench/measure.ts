/** Small measuring helpers for the benchmarks: wall time, medians, memory. */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

/** Wall time of `fn` in nanoseconds (process.hrtime.bigint: monotonic, ns resolution). */
export function timeNs<T>(fn: () => T): { ns: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ns: Number(process.hrtime.bigint() - start), value };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A full garbage collection, so heapUsed reads the live heap rather than live + garbage not yet
 * collected. `npm run bench` starts Node without --expose-gc, so the flag is set at run time and
 * `gc` is fetched from a fresh context (a documented V8 technique); null if that is refused.
 */
export const collectGarbage: (() => void) | null = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();

export const MB = 1024 * 1024;

export interface HeapSample {
  /** heapUsed when sampled, garbage included. */
  heapUsedMB: number;
  /** heapUsed after a full GC: what the run really holds (null without gc). */
  liveHeapMB: number | null;
}

export function sampleHeap(): HeapSample {
  const heapUsedMB = process.memoryUsage().heapUsed / MB;
  if (!collectGarbage) return { heapUsedMB, liveHeapMB: null };
  collectGarbage();
  return { heapUsedMB, liveHeapMB: process.memoryUsage().heapUsed / MB };
}

/** Peak resident set size of the process so far, in MB (maxRSS is in kilobytes). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
