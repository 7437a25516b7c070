/**
 * Queueing theory: long runs of M/M/1, M/M/c and M/D/1 match the textbook formulas for mean
 * wait in queue (Wq), mean time in system (W) and utilisation within 3 %, and Little's law
 * (L = λ·W) holds for every queue. Times in ms.
 */
import { describe, expect, test } from 'vitest';
import { createSim, report, runToEnd } from '../../src/engine';
import { mustValidate } from '../support/run';

function run(
  arrivalMeanMs: number,
  service: object,
  concurrency: number,
  messages: number,
  seed: number,
) {
  const sc = mustValidate({
    version: 1,
    name: 'theory',
    seed,
    durationMs: arrivalMeanMs * messages,
    tickMs: 100,
    nodes: [
      {
        id: 'src',
        kind: 'producer',
        to: 'q',
        arrival: { dist: 'exponential', meanMs: arrivalMeanMs },
      },
      { id: 'q', kind: 'queue' },
      { id: 'srv', kind: 'consumer', from: 'q', concurrency, prefetch: 1, service },
    ],
  });
  const st = createSim(sc);
  runToEnd(st);
  const r = report(st);
  return { q: r.queues.q!, c: r.consumers.srv! };
}

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term = (term * a) / k;
    sum += term;
  }
  const last = ((term * a) / c) * (c / (c - a));
  return last / (sum + last);
}

const within = (got: number, want: number, tol = 0.03) => {
  expect(
    Math.abs(got - want) / want,
    `got ${got.toFixed(4)}, theory ${want.toFixed(4)}`,
  ).toBeLessThan(tol);
};

describe('queueing theory holds over long runs', () => {
  test('M/M/1 at ρ = 0.7: Wq = ρ/(μ-λ), W = 1/(μ-λ), utilisation = ρ', () => {
    const lambda = 1 / 10; // per ms
    const mu = 1 / 7;
    const { q, c } = run(10, { dist: 'exponential', meanMs: 7 }, 1, 2_000_000, 101);
    within(c.waitMs.mean, lambda / mu / (mu - lambda));
    within(c.latencyMs.mean, 1 / (mu - lambda));
    within(c.utilisation, lambda / mu);
    within(q.meanWaitMs, c.waitMs.mean, 0.001);
  });

  test('M/M/3 at ρ = 0.8: Erlang C', () => {
    const lambda = 1 / 10;
    const mu = 1 / 24;
    const cServers = 3;
    const wq = erlangC(cServers, lambda / mu) / (cServers * mu - lambda);
    // Wq of a pooled queue is small and noisy, so this run is longer (about ±1 % across seeds).
    const { c } = run(10, { dist: 'exponential', meanMs: 24 }, cServers, 4_000_000, 202);
    within(c.waitMs.mean, wq);
    within(c.latencyMs.mean, wq + 1 / mu);
    within(c.utilisation, lambda / (cServers * mu));
  });

  test('M/D/1 at ρ = 0.8: Pollaczek–Khinchine, Wq = ρ·D / (2(1-ρ))', () => {
    const D = 8;
    const rho = 0.8;
    const wq = (rho * D) / (2 * (1 - rho));
    const { c } = run(10, { dist: 'constant', ms: D }, 1, 2_000_000, 303);
    within(c.waitMs.mean, wq);
    within(c.latencyMs.mean, wq + D);
    within(c.utilisation, rho);
    expect(c.serviceMs.p50).toBe(D);
  });

  test("Little's law per queue: mean depth = arrival rate × mean wait", () => {
    for (const [service, k] of [
      [{ dist: 'exponential', meanMs: 9 }, 1],
      [{ dist: 'lognormal', meanMs: 25, sigma: 1 }, 3],
      [{ dist: 'uniform', minMs: 5, maxMs: 30 }, 2],
    ] as const) {
      const { q } = run(10, service, k, 200_000, 404);
      const lambdaPerMs = q.arrivalRatePerSec / 1000;
      within(q.depthMean, lambdaPerMs * q.meanWaitMs, 0.01);
    }
  });
});
