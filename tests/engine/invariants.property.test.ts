/**
 * Property tests: random valid scenarios and random input timelines (crashes, restarts, pauses,
 * rate and concurrency changes, both scheduled and user-applied), with every invariant checked
 * after every tick. fast-check prints the seed and path of any failure; rerun it with
 * FC_SEED=<seed> to reproduce.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { scenarioArb } from '../support/arbitraries';
import { checkedRun, mustValidate } from '../support/run';

const FC_RUNS = Number(process.env.FC_RUNS ?? 150);

describe('invariants hold after every tick', () => {
  test('conservation, depth >= 0, unacked <= prefetch × concurrency, time never goes back', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, timeline }) => {
        expect(() => checkedRun(mustValidate(scenario), timeline)).not.toThrow();
      }),
      { numRuns: FC_RUNS },
    );
  });
});
