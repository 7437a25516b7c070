/**
 * The M/D/1 preset: Poisson arrivals, constant service at 80 % load, over its full hour without
 * an event sink, against Pollaczek-Khinchine, and against the same run with exponential service
 * (times in ms, rates per ms). The runs are deterministic, so the tolerances cannot flake.
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import { PRESETS } from '../../src/scenarios';
import { expectCleanEnd, presetRun, within } from './support';

describe('md1: Poisson arrivals, constant 8 ms service at 80 % load', () => {
  const lambda = 1 / 10;
  const D = 8;
  const rho = lambda * D;
  const run = presetRun('md1', { events: false });
  /** The same preset with exponential service of the same mean: M/M/1, same seed and length. */
  const expo = presetRun('md1', {
    events: false,
    scenario: (() => {
      const raw = structuredClone(PRESETS.find((p) => p.id === 'md1')!.raw) as {
        nodes: { id: string; service?: unknown }[];
      };
      raw.nodes.find((n) => n.id === 'server')!.service = { dist: 'exponential', meanMs: D };
      const v = validateScenario(raw);
      if (!v.ok) throw new Error(v.errors.join('\n'));
      return v.value;
    })(),
  });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('service is constant and the worker is 80 % busy', () => {
    const c = run().rep.consumers.server!;
    expect(c.serviceMs.p50).toBe(D);
    expect(c.serviceMs.max).toBe(D);
    within(c.utilisation, rho, 0.01, 'utilisation');
  });

  test('mean wait matches Pollaczek-Khinchine: Wq = rho D / (2 (1 - rho)) = 16 ms', () => {
    const c = run().rep.consumers.server!;
    within(c.waitMs.mean, (rho * D) / (2 * (1 - rho)), 0.03, 'Wq');
    within(c.latencyMs.mean, (rho * D) / (2 * (1 - rho)) + D, 0.03, 'W');
  });

  test('half the queueing of the exponential case at the same load', () => {
    const c = run().rep.consumers.server!;
    // Theory: M/M/1 with the same mean service waits rho / (mu - lambda) = 32 ms.
    const mm1Wq = rho / (1 / D - lambda);
    within(c.waitMs.mean / mm1Wq, 0.5, 0.03, 'Wq(M/D/1) / Wq(M/M/1 theory)');
    // Measured: the exponential variant of the same run.
    const e = expo();
    expectCleanEnd(e);
    const m = e.rep.consumers.server!;
    within(m.utilisation, rho, 0.01, 'exponential variant utilisation');
    within(c.waitMs.mean / m.waitMs.mean, 0.5, 0.03, 'Wq(M/D/1) / Wq(M/M/1 measured)');
  });
});
