/**
 * A delivery on its way to a consumer that is removed (or crashes) goes back to the queue in the
 * engine at once (R12: unstarted deliveries return, flagged redelivered). The picture must agree:
 * from that tick no dot travels on to the consumer; it turns round and goes back to the queue.
 */
import { describe, expect, it } from 'vitest';
import type { TimedInput } from '../engine';
import { loadPreset } from '../scenarios';
import type { Flight } from './flights';
import { createRun, type Run } from './run';
import { turnBack } from './turnBack';

const PRESET = 'work-queue';
const REMOVED = 'worker-2';

/** Where a dot is along the queue → consumer edge (0 at the queue, 1 at the consumer). */
function along(f: Flight, atUs: number): number {
  const t = (atUs - f.departUs) / (f.arriveUs - f.departUs);
  return f.from === 'tasks' ? t : 1 - t;
}

/**
 * The first tick after `from` at which a delivery to REMOVED left over a tick ago and will still
 * be on its way a tick later (so its way back lasts over a tick) (the run without the removal is the same up to then: it is deterministic).
 */
function tickWithDeliveryOnTheWay(from = 100): { tick: number; flight: Flight } {
  const run = createRun(loadPreset(PRESET), {});
  const tickUs = run.sim().tickUs;
  run.advanceBy(from);
  for (let i = 0; i < 3000; i++) {
    const now = run.sim().nowUs;
    const f = run.trace.flights
      .active(now)
      .find((x) => x.to === REMOVED && x.departUs < now - tickUs && x.arriveUs > now + tickUs);
    if (f) return { tick: run.sim().tick, flight: f };
    run.advanceBy(1);
  }
  throw new Error(`no delivery to ${REMOVED} on its way in ${PRESET}`);
}

const removalAt = (tick: number): TimedInput[] => [
  { tick, input: { type: 'consumerRemoved', consumerId: REMOVED } },
];

const flightsOf = (run: Run) => run.trace.flights.active(run.sim().nowUs);

describe('a delivery handed back by a removed consumer (R12)', () => {
  it('stops travelling to the consumer at the removal and turns back to the queue', () => {
    const { tick, flight } = tickWithDeliveryOnTheWay();
    const run = createRun(loadPreset(PRESET), {}, removalAt(tick));
    run.advanceBy(tick);
    // Still on its way just before the removal runs.
    expect(flightsOf(run)).toContainEqual(flight);
    run.advanceBy(1);
    const atUs = tick * run.sim().tickUs;
    // The engine sent it back (a requeued event for that copy, naming the removed consumer) ...
    const back = run.trace.log
      .view(run.sim().nowUs)
      .filter((e) => e.type === 'requeued' && e.reason === 'consumerRemoved');
    expect(back).toContainEqual(
      expect.objectContaining({ msgId: flight.msgId, consumer: REMOVED, atUs }),
    );
    // ... so no dot goes on to the removed consumer, although it would not have arrived yet.
    expect(flight.arriveUs).toBeGreaterThan(run.sim().nowUs);
    expect(flightsOf(run).filter((f) => f.to === REMOVED)).toEqual([]);
    // It goes back from where it was, redelivered, and is back no later than it would have
    // arrived.
    const home = flightsOf(run).find((f) => f.from === REMOVED && f.msgId === flight.msgId);
    expect(home).toMatchObject({ to: 'tasks', state: 'redelivered', originId: flight.originId });
    expect(along(home!, atUs)).toBeCloseTo(along(flight, atUs), 9);
    expect(home!.arriveUs).toBeGreaterThan(atUs);
    expect(home!.arriveUs).toBeLessThanOrEqual(flight.arriveUs);
    // Once it is back, nothing of it moves on that edge any more.
    run.advanceBy(Math.ceil((home!.arriveUs - run.sim().nowUs) / run.sim().tickUs) + 1);
    expect(flightsOf(run).filter((f) => f.from === REMOVED || f.to === REMOVED)).toEqual([]);
  });

  it('leaves a delivery to another consumer alone', () => {
    const { tick } = tickWithDeliveryOnTheWay();
    const plain = createRun(loadPreset(PRESET), {});
    const removed = createRun(loadPreset(PRESET), {}, removalAt(tick));
    plain.advanceBy(tick);
    removed.advanceBy(tick);
    const others = (run: Run) => flightsOf(run).filter((f) => f.to !== REMOVED);
    expect(others(removed)).toEqual(others(plain));
  });
});

describe('turnBack', () => {
  const out: Flight = {
    msgId: 7,
    originId: 7,
    from: 'q',
    to: 'c',
    departUs: 1000,
    arriveUs: 5000,
    state: 'new',
  };
  it('starts where the dot was and ends at the queue within a hop', () => {
    const back = turnBack(out, 2000, 600)!;
    expect(back).toMatchObject({ from: 'c', to: 'q', state: 'redelivered', arriveUs: 2600 });
    // A quarter of the way out; on the way back that is three quarters of the reverse trip.
    expect((2000 - back.departUs) / (back.arriveUs - back.departUs)).toBeCloseTo(0.75, 12);
  });
  it('is no longer than the way out so far, nor than the time left to arrive', () => {
    expect(turnBack(out, 1100, 600)!.arriveUs).toBe(1200);
    expect(turnBack(out, 4900, 600)!.arriveUs).toBe(5000);
  });
  it('draws nothing for a delivery that had not left', () => {
    expect(turnBack(out, 1000, 600)).toBeNull();
  });
});
