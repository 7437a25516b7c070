/** Helpers to run generated or preset scenarios in tests. */
import {
  advance,
  checkInvariants,
  createSim,
  createTraceHasher,
  report,
  validateScenario,
  type Scenario,
  type SimState,
  type TimedInput,
} from '../../src/engine';

export function mustValidate(raw: unknown): Scenario {
  const r = validateScenario(raw);
  if (!r.ok) throw new Error(`scenario should be valid:\n${r.errors.join('\n')}`);
  return r.value;
}

/** Run to the end in one call; return the trace hash and the final report. */
export function straightRun(
  scenario: Scenario,
  timeline: TimedInput[] = [],
): { hash: string; events: number; report: string; state: SimState } {
  const st = createSim(scenario);
  const h = createTraceHasher();
  advance(st, st.endTick, timeline, h);
  return { hash: h.hex(), events: h.count, report: JSON.stringify(report(st)), state: st };
}

/**
 * Run tick by tick, checking every invariant after each tick and that time never goes back.
 * Throws with the tick and the violations on the first failure.
 */
export function checkedRun(
  scenario: Scenario,
  timeline: TimedInput[] = [],
): { hash: string; report: string } {
  const st = createSim(scenario);
  const h = createTraceHasher();
  let last = st.nowUs;
  while (st.tick < st.endTick) {
    advance(st, 1, timeline, h);
    if (st.nowUs < last)
      throw new Error(`time went back at tick ${st.tick}: ${last} -> ${st.nowUs}`);
    last = st.nowUs;
    const violations = checkInvariants(st);
    if (violations.length > 0) throw new Error(`tick ${st.tick}: ${violations.join('; ')}`);
  }
  return { hash: h.hex(), report: JSON.stringify(report(st)) };
}
