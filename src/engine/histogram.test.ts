import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  bucketBounds,
  bucketOf,
  createHistogram,
  histAdd,
  histMeanUs,
  histQuantileUs,
} from './histogram';
import { createSeries, seriesCount, seriesSetLevel } from './series';
import { seriesPoints } from './metrics';

describe('histogram', () => {
  test('every value lies inside its bucket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 45 }), (v) => {
        const [lo, hi] = bucketBounds(bucketOf(v));
        expect(v).toBeGreaterThanOrEqual(lo);
        expect(v).toBeLessThan(hi);
        // Exact below 32 µs; above, a bucket is at most 1/32 of its lower bound wide.
        if (lo >= 32) expect((hi - lo) / lo).toBeLessThanOrEqual(1 / 32);
        else expect(hi - lo).toBe(1);
      }),
    );
  });

  test('quantiles are within 1.6 % of the exact sample quantile; the mean is exact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 500 }),
        (values) => {
          const h = createHistogram();
          for (const v of values) histAdd(h, v);
          const sorted = [...values].sort((a, b) => a - b);
          for (const q of [0.5, 0.95, 0.99]) {
            const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
            const got = histQuantileUs(h, q);
            expect(Math.abs(got - exact)).toBeLessThanOrEqual(Math.max(1, exact / 64 + 1));
          }
          expect(histMeanUs(h)).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
        },
      ),
    );
  });

  test('memory stays bounded whatever the number of samples', () => {
    const h = createHistogram();
    for (let i = 0; i < 100_000; i++) histAdd(h, (i * 7919) % 5_000_000);
    expect(h.counts.length).toBeLessThan(32 * 24);
  });
});

describe('series', () => {
  test('never holds more than cap points, and a counter keeps its total through compaction', () => {
    const s = createSeries(false, 10, 16);
    let total = 0;
    for (let t = 0; t < 100_000; t += 3) {
      seriesCount(s, t, 1);
      total++;
    }
    const pts = seriesPoints(s, 100_000);
    expect(pts.values.length).toBeLessThanOrEqual(16);
    expect(pts.values.reduce((a, b) => a + b, 0)).toBe(total);
  });

  test('a gauge reports the time-weighted mean of each bucket', () => {
    const s = createSeries(true, 100, 8);
    seriesSetLevel(s, 0, 2);
    seriesSetLevel(s, 50, 4); // 2 for 50 µs, 4 for 50 µs → mean 3 in [0, 100)
    seriesSetLevel(s, 200, 0); // 4 for all of [100, 200)
    const pts = seriesPoints(s, 250);
    expect(pts.values.slice(0, 2)).toEqual([3, 4]);
  });
});
