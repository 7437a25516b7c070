/**
 * Time travel: the view at a tick is the same whichever way the tick was reached (straight run,
 * seek back from later, seek forward from earlier, in small or large steps), and a fork drops
 * exactly the future. "The view" is everything the page shows that depends on the tick: the
 * engine's report, the event log, the moving messages, the fates, the store's chart buckets.
 */
import { describe, expect, it } from 'vitest';
import { report, type TimedInput } from '../engine';
import { loadPreset } from '../scenarios';
import { chartData, chartKinds } from './chartData';
import { createRun, type Run } from './run';
import { sampleFlights } from './sample';
import { DOT_CAP } from './tuning';

function viewOf(run: Run) {
  const sim = run.sim();
  // Every chart the scenario has: queues, groups (lag, records, record latency) and services
  // (orders, orders waiting, busy workers, client latency).
  const charts = chartKinds(run.scenario).map((k) => [
    k,
    chartData(run, k).lines.map((l) => [l.id, l.solid]),
  ]);
  return {
    tick: sim.tick,
    report: report(sim),
    log: JSON.stringify(run.trace.log.view(sim.nowUs)),
    flights: JSON.stringify(run.trace.flights.active(sim.nowUs)),
    sample: JSON.stringify(sampleFlights(run.trace.flights.active(sim.nowUs), sim.nowUs, DOT_CAP)),
    fades: JSON.stringify(run.trace.fades(sim.nowUs)),
    charts: JSON.stringify(charts),
  };
}

const goTo = (run: Run, tick: number) => {
  run.prepareSeek(tick);
  run.advanceBy(tick - run.sim().tick);
  expect(run.sim().tick).toBe(tick);
};

/** worker-2 of work-queue has a delivery on its way at this tick (checked below). */
const REMOVAL_TICK = 172;
const REMOVAL: TimedInput[] = [
  { tick: REMOVAL_TICK, input: { type: 'consumerRemoved', consumerId: 'worker-2' } },
];

const CASES: [string, number, TimedInput[]][] = [
  ['consumer-crash', 1700, []],
  [
    'competing-consumers',
    3100,
    [{ tick: 900, input: { type: 'consumerCrashed', consumerId: 'worker-a' } }],
  ],
  [
    'mm1',
    2345,
    [{ tick: 1000, input: { type: 'rateChanged', producerId: 'arrivals', ratePerSec: 50 } }],
  ],
  // Busy enough that the log's event cap, not its time window, decides how far a seek replays.
  ['mmc', 9050, []],
  // A consumer removed while a delivery is on its way to it: the delivery turns back (R12).
  ['work-queue', REMOVAL_TICK + 1, REMOVAL],
  // Broker trips: routing hops, dead letters, acks going back, duplicates, crashes and redrive.
  [
    'retry-backoff-dlq',
    2600,
    [{ tick: 2000, input: { type: 'dlqRedriven', queueId: 'payments-dlq' } }],
  ],
  ['sqs-visibility', 1700, []],
  [
    'broker-crash-durability',
    700,
    [{ tick: 300, input: { type: 'brokerCrashed', brokerId: 'rabbit', restartAfterMs: 2000 } }],
  ],
  [
    'ack-modes-crash',
    900,
    [
      {
        tick: 400,
        input: { type: 'consumerCrashed', consumerId: 'manual', window: 'afterEffect' },
      },
    ],
  ],
  // Services: requests and replies travelling, failed orders fading, a service taken down.
  [
    'compare-hard-recovery-sync',
    2600,
    [
      {
        tick: 2000,
        input: { type: 'serviceStateChanged', serviceId: 'payment', state: 'down', forMs: 3000 },
      },
    ],
  ],
  ['compare-tight-coupling-async', 2300, []],
  // Services only: the order, busy-worker and client-latency charts from the engine's series.
  [
    'compare-tight-coupling-sync',
    2450,
    [{ tick: 1500, input: { type: 'serviceStateChanged', serviceId: 'payment', state: 'slow' } }],
  ],
  // The log broker: appends (recordAppended), poll trains, commits, a rebalance, a
  // member crash with a duplicate, a seek of a group, and a log broker crash.
  ['kafka-group-scaling', 2100, []],
  // Consumer lag that grows (a slow group) and a paused partition.
  [
    'kafka-lag',
    1900,
    [{ tick: 900, input: { type: 'consumerCrashed', consumerId: 'billing-export' } }],
  ],
  [
    'kafka-commit-timing',
    700,
    [{ tick: 300, input: { type: 'groupSeek', groupId: 'commit-after', to: 'beginning' } }],
  ],
  [
    'kafka-acks-replication',
    1600,
    [{ tick: 1200, input: { type: 'logBrokerCrashed', broker: 2, restartAfterMs: 1000 } }],
  ],
];

describe('the view at a tick does not depend on the way there', () => {
  for (const [id, tick, timeline] of CASES) {
    it(`${id} at tick ${tick}`, () => {
      const scenario = loadPreset(id);
      const straight = createRun(scenario, {}, timeline);
      straight.advanceBy(tick);
      const want = viewOf(straight);
      // Something happened (broker messages, or orders through services).
      expect(want.report.totals.published + (want.report.flow?.orders ?? 0)).toBeGreaterThan(0);
      // Every chart the scenario has draws something by then.
      for (const kind of chartKinds(scenario)) {
        const lines = chartData(straight, kind).lines;
        expect(Math.max(...lines.map((l) => l.solid.length)), kind).toBeGreaterThan(1);
      }

      const back = createRun(scenario, {}, timeline);
      back.advanceBy(tick + 1500);
      goTo(back, tick);
      expect(viewOf(back)).toEqual(want);
      // Back and forth again, landing on the same tick.
      goTo(back, 3);
      goTo(back, tick + 700);
      goTo(back, tick);
      expect(viewOf(back)).toEqual(want);

      const stepped = createRun(scenario, {}, timeline);
      for (let t = 0; t < tick; t += 7) stepped.advanceBy(Math.min(7, tick - t));
      expect(viewOf(stepped)).toEqual(want);

      // A long seek forward from a fresh run (only the last stretch replays in full detail).
      const jump = createRun(scenario, {}, timeline);
      goTo(jump, tick);
      expect(viewOf(jump)).toEqual(want);

      // A seek interrupted halfway (the user pressed play) settles into a proper view there.
      const half = Math.floor(tick / 2);
      const interrupted = createRun(scenario, {}, timeline);
      interrupted.prepareSeek(tick);
      interrupted.advanceBy(half);
      interrupted.settleHere();
      const straightHalf = createRun(scenario, {}, timeline);
      straightHalf.advanceBy(half);
      expect(viewOf(interrupted)).toEqual(viewOf(straightHalf));

      // Step back one tick at a time from further on.
      const stepBack = createRun(scenario, {}, timeline);
      stepBack.advanceBy(tick + 3);
      for (let t = tick + 2; t >= tick; t--) goTo(stepBack, t);
      expect(viewOf(stepBack)).toEqual(want);
    });
  }
});

describe('a consumer removed with a delivery on its way', () => {
  it('shows that delivery going back to the queue at the tick the cases above compare', () => {
    const run = createRun(loadPreset('work-queue'), {}, REMOVAL);
    run.advanceBy(REMOVAL_TICK + 1);
    const flights = run.trace.flights.active(run.sim().nowUs);
    expect(flights.filter((f) => f.to === 'worker-2')).toEqual([]);
    expect(flights).toContainEqual(
      expect.objectContaining({ from: 'worker-2', to: 'tasks', state: 'redelivered' }),
    );
  });
});

describe('forking the timeline', () => {
  it('drops checkpoints, buckets and the horizon after the fork tick', () => {
    const run = createRun(loadPreset('competing-consumers'), {});
    run.advanceBy(2000);
    goTo(run, 700);
    expect(run.horizonTick()).toBe(2000);
    expect(run.horizonSim()?.tick).toBe(2000);
    run.setTimeline([{ tick: 700, input: { type: 'consumerCrashed', consumerId: 'worker-b' } }]);
    run.forkAt(700);
    expect(run.horizonTick()).toBe(700);
    expect(run.horizonSim()).toBeNull();
    expect(run.checkpoints.list().every((c) => c.tick <= 700)).toBe(true);
    expect(run.buckets.latency.length).toBeLessThanOrEqual(Math.floor(700 / run.buckets.ticks));
    // The fork is replayable: a fresh run with the same timeline gives the same view.
    run.advanceBy(500);
    const fresh = createRun(loadPreset('competing-consumers'), {}, [...run.timeline()]);
    fresh.advanceBy(1200);
    expect(viewOf(run)).toEqual(viewOf(fresh));
  });
});

describe('checkpoint cache', () => {
  it('stays bounded on a long run by thinning', () => {
    const run = createRun(loadPreset('md1'), {});
    run.advanceBy(run.sim().endTick);
    const stats = run.checkpoints.stats();
    expect(stats.count).toBeLessThanOrEqual(400);
    expect(stats.strideTicks).toBeGreaterThan(200);
    goTo(run, 123_457);
    expect(run.sim().tick).toBe(123_457);
  });
});
