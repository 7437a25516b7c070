/**
 * The series the charts draw for services and consumer groups: orders per second, orders waiting
 * for an answer, busy workers, client latency (flow), and per group lag, records processed and
 * record latency. Measured from runs: they add up to the report's totals, follow the report's
 * levels, and survive a snapshot.
 */
import { describe, expect, test } from 'vitest';
import {
  advance,
  createSim,
  latencyPoints,
  report,
  restore,
  seriesPoints,
  snapshot,
  type SimState,
} from '../../src/engine';
import { loadPreset } from '../../src/scenarios';
import { scenario } from '../broker/helpers';
import { at, member, topic, writer } from '../log/helpers';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The gauge's mean over the bucket that holds `ms` (buckets of 100 ms at 10 ms ticks). */
function levelAt(points: { periodUs: number; values: number[] }, ms: number): number {
  return points.values[Math.floor((ms * 1000) / points.periodUs)]!;
}

describe('consumer lag series (K17: lag = log end offset − committed offset)', () => {
  // 50 records/s over 2 partitions; one member handles 200/s, so it keeps up while it is up.
  const sc = scenario(
    [
      topic('t', 2),
      writer('w', 't', 100_000, 20),
      member('m', 't', 'g', 5, { commit: 'after', maxPollRecords: 20, sessionTimeoutMs: 60_000 }),
    ],
    {
      durationMs: 20_000,
      schedule: [at(2000, { type: 'consumerCrashed', consumerId: 'm', restartAfterMs: 3000 })],
    },
  );

  test("a group's lag grows while its only member is down and falls after it is back", () => {
    const st = createSim(sc);
    advance(st, st.endTick);
    const lag = seriesPoints(st.log.groups[0]!.stats.lagSeries, st.nowUs);
    const before = levelAt(lag, 1900);
    const down = [2500, 3500, 4500].map((ms) => levelAt(lag, ms));
    const peak = Math.max(...lag.values);
    const peakAt = lag.values.indexOf(peak);
    const after = levelAt(lag, 19_000);
    expect(before).toBeLessThan(10);
    // ~50 more records a second with nobody reading.
    for (let i = 1; i < down.length; i++) expect(down[i]!).toBeGreaterThan(down[i - 1]! + 30);
    expect(peak).toBeGreaterThan(150);
    // Back, it reads 200 a second while 50 arrive: the lag falls to nothing.
    expect(levelAt(lag, ((peakAt + 5) * lag.periodUs) / 1000)).toBeLessThan(peak - 40);
    expect(after).toBeLessThan(10);
    expect(report(st).groups.g!.totalLag).toBeLessThan(10);
  });

  test("the series' level is the report's total lag after every tick", () => {
    const st = createSim(sc);
    for (let t = 0; t < 800; t++) {
      advance(st, 1);
      expect(st.log.groups[0]!.stats.lagSeries.level).toBe(report(st).groups.g!.totalLag);
    }
  });

  test('records processed and record latency add up to the group report', () => {
    const st = createSim(sc);
    advance(st, st.endTick);
    const g = st.log.groups[0]!.stats;
    const rep = report(st).groups.g!;
    expect(sum(seriesPoints(g.processedSeries, st.nowUs).values)).toBe(rep.processed);
    const lat = latencyPoints(g.latencySeries, st.nowUs);
    expect(sum(lat.count)).toBe(g.latency.count);
    // Records waited up to 3 s while the member was down: the slowest bucket's p99 shows it.
    expect(Math.max(...lat.p99Us)).toBeGreaterThan(2_500_000);
    expect(lat.p50Us[Math.floor(19_000_000 / lat.periodUs)]!).toBeLessThan(100_000);
  });
});

describe('order series of a design of services only', () => {
  const run = (id: string, ticks?: number): SimState => {
    const st = createSim(loadPreset(id));
    advance(st, ticks ?? st.endTick);
    return st;
  };

  test.each(['compare-tight-coupling-sync', 'compare-hard-recovery-sync'])(
    '%s: orders per bucket sum to the report, and the open orders gauge is placed − answered',
    (id) => {
      const st = run(id);
      const f = report(st).flow!;
      const s = st.flow.series;
      const total = (x: typeof s.accepted) => sum(seriesPoints(x, st.nowUs).values);
      expect(total(s.accepted)).toBe(f.accepted);
      expect(total(s.failed)).toBe(f.failed);
      expect(total(s.rejected)).toBe(f.rejected);
      expect(total(s.completed)).toBe(f.completed);
      expect(f.accepted + f.failed + f.rejected).toBeGreaterThan(0);
      expect(s.open.level).toBe(f.orders - f.accepted - f.failed - f.rejected);
      const lat = latencyPoints(s.latency, st.nowUs);
      expect(sum(lat.count)).toBe(st.flow.stats.clientLatency.count);
      expect(lat.count.length).toBeLessThanOrEqual(600);
    },
  );

  test("busy workers over time average to the report's utilisation", () => {
    const st = run('compare-tight-coupling-sync');
    const rep = report(st).services;
    for (const [i, sv] of st.services.entries()) {
      const id = st.nodeIds[sv.node]!;
      const busy = seriesPoints(sv.stats.busySeries, st.nowUs);
      const meanBusy = (sum(busy.values) * busy.periodUs) / st.nowUs;
      // Read at tick ends, so within a worker-tick per request of the exact busy time.
      expect(meanBusy / sv.concurrency, `${id} (${i})`).toBeCloseTo(rep[id]!.utilisation, 1);
    }
    expect(Math.max(...st.services.map((sv) => sv.stats.busySeries.values.length))).toBeGreaterThan(
      10,
    );
  });
});

describe('snapshots carry the chart series', () => {
  test.each([
    ['compare-tight-coupling-sync', 1777],
    ['kafka-lag', 1234],
    ['compare-hybrid-async', 2222],
  ])('%s: cut at tick %i, restored and continued, the series equal a straight run', (id, cut) => {
    const sc = loadPreset(id);
    const straight = createSim(sc);
    advance(straight, 3000);
    let st = createSim(sc);
    advance(st, cut);
    st = restore(JSON.parse(JSON.stringify(snapshot(st))) as SimState);
    advance(st, 3000 - cut);
    const seriesOf = (s: SimState) =>
      JSON.stringify([
        s.flow.series,
        s.services.map((sv) => sv.stats.busySeries),
        s.log.groups.map((g) => [
          g.stats.lagSeries,
          g.stats.processedSeries,
          g.stats.latencySeries,
        ]),
      ]);
    expect(seriesOf(st)).toEqual(seriesOf(straight));
  });
});
