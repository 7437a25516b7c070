/**
 * Determinism: the same scenario, seed and input timeline give the same trace, bit for bit,
 * however the run is driven (one call, tick by tick, or through a snapshot and restore).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { advance, createSim, createTraceHasher, report, restore, snapshot } from '../../src/engine';
import { GOLDEN_HASH, goldenTraceHash } from '../../src/scenarios/golden';
import { scenarioArb } from '../support/arbitraries';
import { checkedRun, mustValidate, straightRun } from '../support/run';

describe('determinism', () => {
  test('200 random seeds, each with a random valid scenario: two runs give the same trace hash', () => {
    const hashes = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, ({ scenario, timeline }) => {
        const sc = mustValidate(scenario);
        const a = straightRun(sc, timeline);
        const b = straightRun(sc, timeline);
        expect(b.hash).toBe(a.hash);
        expect(b.report).toBe(a.report);
        hashes.add(a.hash);
      }),
      { numRuns: 200 },
    );
    // Different seeds and scenarios must not collapse onto a few traces.
    expect(hashes.size).toBeGreaterThan(150);
  });

  test('stepping tick by tick gives exactly the trace of one long advance', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, timeline }) => {
        const sc = mustValidate(scenario);
        expect(checkedRun(sc, timeline).hash).toBe(straightRun(sc, timeline).hash);
      }),
      { numRuns: 60 },
    );
  });

  test('snapshot at a random tick, restore, continue: identical to a straight run', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ scenario, timeline }, at) => {
          const sc = mustValidate(scenario);
          const straight = straightRun(sc, timeline);

          const st = createSim(sc);
          const h = createTraceHasher();
          advance(st, Math.floor(at * st.endTick), timeline, h);
          const snap = snapshot(st);
          // The snapshot is plain JSON: it survives text serialisation unchanged.
          expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
          const resumed = restore(JSON.parse(JSON.stringify(snap)));
          advance(resumed, resumed.endTick, timeline, h);
          expect(h.hex()).toBe(straight.hash);
          expect(JSON.stringify(report(resumed))).toBe(straight.report);
          expect(snapshot(resumed)).toEqual(snapshot(straight.state));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('the seed matters: another seed gives another trace', () => {
    const sc = mustValidate({
      version: 1,
      name: 's',
      durationMs: 5000,
      nodes: [
        { id: 'p', kind: 'producer', to: 'q', arrival: { dist: 'exponential', meanMs: 20 } },
        { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', from: 'q', service: { dist: 'exponential', meanMs: 15 } },
      ],
    });
    expect(straightRun({ ...sc, seed: 1 }).hash).not.toBe(straightRun({ ...sc, seed: 2 }).hash);
  });

  test('golden trace: this Node run reproduces the recorded hash (Chromium checks the same in e2e)', () => {
    const { hash, events } = goldenTraceHash();
    expect(events).toBeGreaterThan(10_000);
    expect(hash).toBe(GOLDEN_HASH);
  });
});
