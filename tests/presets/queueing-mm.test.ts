/**
 * Queueing-theory presets with exponential service: M/M/1 at 90 %, M/M/3 at 80 % and the two
 * payment workers (M/M/2 at 80 %). Full-length runs without an event sink, compared with the
 * textbook formulas and Erlang C (times in ms, rates per ms). The runs are deterministic, so
 * the tolerances cannot flake.
 */
import { describe, expect, test } from 'vitest';
import { erlangC, expectCleanEnd, presetRun, within } from './support';

describe('mm1: Poisson arrivals, one exponential worker at 90 % load', () => {
  const lambda = 1 / 10;
  const mu = 1 / 9;
  const rho = lambda / mu;
  const run = presetRun('mm1', { events: false });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the worker is 90 % busy', () => {
    const { rep } = run();
    within(rep.consumers.server!.utilisation, rho, 0.01, 'utilisation');
    within(rep.queues.queue!.arrivalRatePerSec, 1000 * lambda, 0.01, 'arrivals per second');
    expect(rep.consumers.server!.acked).toBe(360_565);
  });

  test('mean wait matches M/M/1: Wq = rho / (mu - lambda) = 81 ms, W = 1 / (mu - lambda) = 90 ms', () => {
    const { rep } = run();
    const c = rep.consumers.server!;
    const q = rep.queues.queue!;
    within(c.waitMs.mean, rho / (mu - lambda), 0.03, 'Wq');
    within(c.latencyMs.mean, 1 / (mu - lambda), 0.03, 'W');
    within(q.depthMean, lambda * q.meanWaitMs, 0.01, "Little's law Lq = lambda Wq");
  });

  test('waiting explodes near 100 %: a message waits about rho / (1 - rho) = 9 service times', () => {
    const c = run().rep.consumers.server!;
    const ratio = c.waitMs.mean / c.serviceMs.mean;
    within(ratio, rho / (1 - rho), 0.03, 'Wq / S');
    expect(ratio).toBeGreaterThan(8);
    expect(c.waitMs.p99).toBeGreaterThan(300); // the tail: hundreds of ms for a 9 ms job
  });
});

describe('mmc: Poisson arrivals shared by three exponential workers at 80 % load', () => {
  const lambda = 1 / 10;
  const mu = 1 / 24;
  const c = 3;
  const wq = erlangC(c, lambda / mu) / (c * mu - lambda);
  const run = presetRun('mmc', { events: false });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the three workers are 80 % busy', () => {
    const servers = run().rep.consumers.servers!;
    expect(servers.concurrency).toBe(3);
    within(servers.utilisation, lambda / (c * mu), 0.01, 'utilisation');
  });

  test('mean wait matches M/M/3 (Erlang C): Wq = C(3, 2.4) / (3 mu - lambda) = 25.9 ms', () => {
    const servers = run().rep.consumers.servers!;
    expect(wq).toBeCloseTo(25.888, 3);
    within(servers.waitMs.mean, wq, 0.03, 'Wq');
    within(servers.latencyMs.mean, wq + 1 / mu, 0.03, 'W');
  });

  test('pooled workers wait far less than three separate queues would', () => {
    // Three separate M/M/1 queues, each with a third of the traffic: Wq = rho / (mu - lambda/3).
    const separate = lambda / c / mu / (mu - lambda / c);
    expect(separate).toBeCloseTo(96, 6);
    expect(run().rep.consumers.servers!.waitMs.mean).toBeLessThan(separate / 3);
  });
});

describe('two-payment-workers: 80 payments a second, one consumer with two workers', () => {
  const lambda = 80 / 1000;
  const mu = 1 / 20;
  const c = 2;
  const wq = erlangC(c, lambda / mu) / (c * mu - lambda);
  const run = presetRun('two-payment-workers', { events: false });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('80 payments a second arrive and the two workers are 80 % busy', () => {
    const { rep } = run();
    const payment = rep.consumers.payment!;
    expect(payment.concurrency).toBe(2);
    within(rep.queues.payments!.arrivalRatePerSec, 80, 0.01, 'arrivals per second');
    within(payment.throughputPerSec, 80, 0.01, 'acks per second');
    within(payment.utilisation, lambda / (c * mu), 0.02, 'utilisation');
  });

  test('mean wait matches M/M/2 (Erlang C): Wq = C(2, 1.6) / (2 mu - lambda) = 35.6 ms', () => {
    const payment = run().rep.consumers.payment!;
    expect(wq).toBeCloseTo(35.556, 3);
    within(payment.waitMs.mean, wq, 0.03, 'Wq');
    within(payment.latencyMs.mean, wq + 1 / mu, 0.03, 'W');
  });
});
