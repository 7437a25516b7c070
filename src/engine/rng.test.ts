import { describe, expect, test } from 'vitest';
import { addStream, nextU32, uniform01, uniformInt } from './rng';

describe('seeded streams', () => {
  test('the same seed and name give the same sequence; another name or seed does not', () => {
    const draw = (seed: number, name: string) => {
      const rng: number[] = [];
      const o = addStream(rng, seed, name);
      return Array.from({ length: 5 }, () => nextU32(rng, o));
    };
    expect(draw(7, 'arrival:a')).toEqual(draw(7, 'arrival:a'));
    expect(draw(7, 'arrival:a')).not.toEqual(draw(7, 'arrival:b'));
    expect(draw(7, 'arrival:a')).not.toEqual(draw(8, 'arrival:a'));
  });

  test('streams are independent: draws on one never shift another', () => {
    const rngA: number[] = [];
    const a1 = addStream(rngA, 1, 'x');
    const b1 = addStream(rngA, 1, 'y');
    const rngB: number[] = [];
    const a2 = addStream(rngB, 1, 'x');
    const b2 = addStream(rngB, 1, 'y');
    for (let i = 0; i < 100; i++) nextU32(rngA, a1); // extra draws on stream x only
    void a2;
    expect(Array.from({ length: 10 }, () => nextU32(rngA, b1))).toEqual(
      Array.from({ length: 10 }, () => nextU32(rngB, b2)),
    );
  });

  test('uniform01 has the right mean and fills [0, 1)', () => {
    const rng: number[] = [];
    const o = addStream(rng, 123, 'u');
    let sum = 0;
    const bins = new Array<number>(10).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = uniform01(rng, o);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      sum += u;
      bins[Math.floor(u * 10)]!++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(n / 100);
  });

  test('uniformInt stays in range', () => {
    const rng: number[] = [];
    const o = addStream(rng, 5, 'i');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(uniformInt(rng, o, 7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
