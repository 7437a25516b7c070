/**
 * Services, requests, the order ledger and the log broker are plain data too: a run snapshot at
 * any tick, restored and continued, gives exactly the trace of a straight run.
 */
import { describe, expect, test } from 'vitest';
import {
  advance,
  createSim,
  createTraceHasher,
  restore,
  snapshot,
  validateScenario,
  type Scenario,
  type TimedInput,
} from '../../src/engine';
import { GOLDEN_SCENARIO, GOLDEN_TIMELINE } from '../../src/scenarios/golden';
import { loadPreset } from '../../src/scenarios';

function hashStraight(sc: Scenario, timeline: TimedInput[]): string {
  const st = createSim(sc);
  const h = createTraceHasher();
  advance(st, st.endTick, timeline, h);
  return h.hex();
}

function hashThroughSnapshots(sc: Scenario, timeline: TimedInput[], cuts: number[]): string {
  let st = createSim(sc);
  const h = createTraceHasher();
  for (const cut of cuts) {
    advance(st, cut - st.tick, timeline, h);
    // Through JSON, as the app's checkpoints and saved runs do.
    st = restore(JSON.parse(JSON.stringify(snapshot(st))));
  }
  advance(st, st.endTick - st.tick, timeline, h);
  return h.hex();
}

describe('snapshot and restore with services and topics', () => {
  test('the golden run (services, a replicated topic, a rebalancing group) through three snapshots', () => {
    const v = validateScenario(GOLDEN_SCENARIO);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const timeline = [...GOLDEN_TIMELINE];
    expect(hashThroughSnapshots(v.value, timeline, [1234, 1801, 3333])).toBe(
      hashStraight(v.value, timeline),
    );
  });

  test.each(['compare-hybrid-async', 'compare-hard-recovery-sync', 'compare-data-loss-async'])(
    '%s through two snapshots',
    (id) => {
      const sc = loadPreset(id);
      expect(hashThroughSnapshots(sc, [], [999, 2501])).toBe(hashStraight(sc, []));
    },
  );
});
