import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { exp, ln, lnUint32, lnUnitFraction, pow2, sqrt } from './detMath';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('deterministic math agrees with the platform to within a few ulps', () => {
  test('ln over many magnitudes', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(Math.abs(ln(x) - Math.log(x))).toBeLessThanOrEqual(
          4e-16 * Math.max(1, Math.abs(Math.log(x))),
        );
      }),
      { numRuns: 2000 },
    );
  });
  test('lnUint32 and lnUnitFraction on integers', () => {
    for (const n of [1, 2, 3, 7, 1000, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1])
      expect(rel(lnUint32(n), Math.log(n)) || Math.abs(lnUint32(n) - Math.log(n))).toBeLessThan(
        1e-15,
      );
    expect(lnUnitFraction(2 ** 32)).toBe(0);
    expect(Math.abs(lnUnitFraction(1) - Math.log(2 ** -32))).toBeLessThan(1e-13);
  });
  test('exp over its range', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(rel(exp(x), Math.exp(x))).toBeLessThan(1e-14);
      }),
      { numRuns: 2000 },
    );
    expect(exp(0)).toBe(1);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
  });
  test('sqrt is correct to the last bit or one ulp', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        expect(rel(sqrt(x), Math.sqrt(x))).toBeLessThan(3e-16);
      }),
      { numRuns: 2000 },
    );
    expect(sqrt(4)).toBe(2);
    expect(sqrt(0)).toBe(0);
    expect(Number.isNaN(sqrt(-1))).toBe(true);
  });
  test('pow2 is exact', () => {
    expect(pow2(10)).toBe(1024);
    expect(pow2(-3)).toBe(0.125);
    expect(pow2(-1074)).toBe(5e-324);
  });
});
