import { describe, expect, it } from 'vitest';
import { validateComparison } from '../engine';
import { COMPARISONS } from '../scenarios';
import { checkSweepProducer, parseSweep, sweepRates, withRate } from './sweep';

const happyPath = COMPARISONS.find((c) => c.id === 'compare-happy-path')!.raw;

/** The happy-path comparison with the customers' arrival replaced. */
function withArrival(arrival: unknown): unknown {
  const doc = structuredClone(happyPath) as { workload: { arrival: unknown }[] };
  doc.workload[0]!.arrival = arrival;
  return doc;
}

const arrivalOf = (doc: unknown) =>
  (doc as { workload: { arrival: unknown }[] }).workload[0]!.arrival;

describe('parseSweep', () => {
  it('reads producer, parameter and range; node ids may hold dots', () => {
    expect(parseSweep('orders.ratePerSec=10..400')).toEqual({
      ok: true,
      value: { producer: 'orders', param: 'ratePerSec', from: 10, to: 400, steps: 6 },
    });
    expect(parseSweep('web.eu.ratePerSec=0.5..2.5e3', 3)).toEqual({
      ok: true,
      value: { producer: 'web.eu', param: 'ratePerSec', from: 0.5, to: 2500, steps: 3 },
    });
  });

  it.each([
    ['orders', /expected <producerId>\.ratePerSec=<from>\.\.<to>/],
    ['orders=10..400', /name a producer and its parameter/],
    ['.ratePerSec=10..400', /name a producer and its parameter/],
    ['orders.meanMs=10..400', /only ratePerSec can be swept, got "meanMs"/],
    ['orders.ratePerSec=10-400', /the range must be <from>\.\.<to>/],
    ['orders.ratePerSec=10..20..30', /the range must be <from>\.\.<to>/],
    ['orders.ratePerSec=0..400', /from must be a positive number.*got "0"/],
    ['orders.ratePerSec=-1..400', /from must be a positive number.*got "-1"/],
    ['orders.ratePerSec=10..x', /to must be a positive number.*got "x"/],
    ['orders.ratePerSec=10..Infinity', /to must be a positive number/],
    ['orders.ratePerSec=10..0x20', /to must be a positive number/],
    ['orders.ratePerSec=400..10', /from must be less than to, got 400\.\.10/],
    ['orders.ratePerSec=10..10', /from must be less than to/],
    ['orders.ratePerSec=10..1000001', /to must be at most 1,000,000\/s, got 1000001/],
  ])('refuses %j', (text, message) => {
    const result = parseSweep(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('sweepRates', () => {
  it('spaces rates geometrically, both ends included', () => {
    expect(sweepRates(10, 1000, 3)).toEqual([10, 100, 1000]);
    const rates = sweepRates(10, 400, 6);
    expect(rates).toHaveLength(6);
    expect(rates[0]).toBe(10);
    expect(rates[5]).toBe(400);
    for (let i = 1; i < rates.length; i++) {
      expect(rates[i]! / rates[i - 1]!).toBeCloseTo(Math.pow(40, 1 / 5), 2);
    }
  });

  it('keeps rates strictly increasing even when rounding would merge them', () => {
    const rates = sweepRates(1, 1.001, 50);
    expect(rates).toHaveLength(50);
    for (let i = 1; i < rates.length; i++) expect(rates[i]!).toBeGreaterThan(rates[i - 1]!);
  });
});

describe('withRate', () => {
  it('sets the mean gap to 1000/rate for each kind of arrival, leaving the original alone', () => {
    expect(arrivalOf(unwrap(withRate(happyPath, 'orders', 200)))).toEqual({
      dist: 'exponential',
      meanMs: 5,
    });
    expect(arrivalOf(happyPath)).toEqual({ dist: 'exponential', meanMs: 25 });
    const at = (arrival: unknown, rate: number) =>
      arrivalOf(unwrap(withRate(withArrival(arrival), 'orders', rate)));
    expect(at({ dist: 'constant', ms: 7 }, 50)).toEqual({ dist: 'constant', ms: 20 });
    expect(at({ dist: 'lognormal', meanMs: 7, sigma: 0.5 }, 100)).toEqual({
      dist: 'lognormal',
      meanMs: 10,
      sigma: 0.5,
    });
    // Uniform 10..30 (mean 20) at 100/s (mean 10): scaled by one half.
    expect(at({ dist: 'uniform', minMs: 10, maxMs: 30 }, 100)).toEqual({
      dist: 'uniform',
      minMs: 5,
      maxMs: 15,
    });
  });

  it('gives a document that still validates', () => {
    expect(validateComparison(unwrap(withRate(happyPath, 'orders', 1_000_000))).ok).toBe(true);
  });

  it('refuses what it cannot scale', () => {
    const zero = withRate(withArrival({ dist: 'uniform', minMs: 0, maxMs: 0 }), 'orders', 10);
    expect(zero).toMatchObject({ ok: false, error: expect.stringMatching(/zero mean/) });
    const odd = withRate(withArrival({ dist: 'pareto' }), 'orders', 10);
    expect(odd).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^workload\[0\] \(orders\): its arrival must be/),
    });
  });
});

describe('checkSweepProducer', () => {
  it('accepts a workload producer and lists the known ones otherwise', () => {
    const spec = unwrap(parseSweep('orders.ratePerSec=1..2'));
    expect(checkSweepProducer(happyPath, spec)).toBeNull();
    expect(checkSweepProducer(happyPath, { ...spec, producer: 'order' })).toBe(
      `--sweep: no producer "order" in the comparison's workload; the workload's producers are: orders`,
    );
  });
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
