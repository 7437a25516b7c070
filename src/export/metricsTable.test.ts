import { describe, expect, it } from 'vitest';
import { loadPreset } from '../scenarios';
import { createRun } from '../store/run';
import { exportData } from '../store/exportData';
import { counterSum, gaugeMean, metricsTable } from './metricsTable';

describe('re-reading a series over an interval', () => {
  // Buckets of 100 µs: [0,100) = 2, [100,200) = 4, [200,250) = 8 (partial, now = 250).
  const gauge = { periodUs: 100, values: [2, 4, 8] };
  it('takes the time-weighted mean of a gauge, only where the series reaches', () => {
    expect(gaugeMean(gauge, 250, 0, 200)).toBe(3);
    expect(gaugeMean(gauge, 250, 50, 150)).toBe(3);
    expect(gaugeMean(gauge, 250, 150, 300)).toBeCloseTo((4 * 50 + 8 * 50) / 100);
    expect(gaugeMean(gauge, 250, 300, 400)).toBeNull();
    expect(gaugeMean(null, 250, 0, 100)).toBeNull();
  });

  it('shares a counter bucket that straddles an edge in proportion', () => {
    const acks = { periodUs: 100, values: [10, 20, 5] };
    expect(counterSum(acks, 250, 0, 100)).toBe(10);
    expect(counterSum(acks, 250, 50, 150)).toBe(15);
    // The partial last bucket spans 50 µs: all its 5 are in [200, 250).
    expect(counterSum(acks, 250, 200, 300)).toBe(5);
    expect(counterSum(acks, 250, 0, 250)).toBe(35);
  });
});

function tableAt(presetId: string, tick: number) {
  const run = createRun(loadPreset(presetId), {});
  run.advanceBy(tick);
  const data = exportData(run);
  return { data, table: metricsTable(data) };
}

describe('metricsTable', () => {
  it('has one row per chart bucket up to the tick, the last one partial', () => {
    const { data, table } = tableAt('competing-consumers', 1234);
    expect(data.bucketTicks).toBeGreaterThan(1);
    expect(1234 % data.bucketTicks).not.toBe(0);
    expect(table.rows).toHaveLength(Math.ceil(1234 / data.bucketTicks));
    for (const row of table.rows) expect(row).toHaveLength(table.header.length);
    const last = table.rows.at(-1)!;
    expect(last[1]).toBeCloseTo(data.nowUs / 1e6, 6);
    expect(table.header).toContain('depth_mean:tasks');
    expect(table.header.filter((h) => h.startsWith('depth_mean:'))).toHaveLength(1);
  });

  it('gives every ack once: the rates times the bucket widths add up to the acks so far', () => {
    const { data, table } = tableAt('competing-consumers', 3000);
    const col = table.header.indexOf('throughput_per_s:all');
    expect(col).toBeGreaterThan(0);
    let acks = 0;
    for (const r of table.rows) acks += (r[col] as number) * ((r[1] as number) - (r[0] as number));
    expect(acks).toBeCloseTo(data.report.totals.acked, 3);
    // The latency buckets count the same acks.
    const n = table.rows.reduce(
      (s, r) => s + (r[table.header.indexOf('acks_in_bucket')] as number),
      0,
    );
    expect(n).toBe(data.report.totals.acked);
  });

  it('ends with the in-flight count the report gives now', () => {
    const { data, table } = tableAt('work-queue', 777);
    expect(table.rows.at(-1)!.at(-1)).toBe(data.report.totals.inFlight);
  });

  it('has no rows at tick 0', () => {
    expect(tableAt('work-queue', 0).table.rows).toEqual([]);
  });
});
