/**
 * The comparison presets of issue 4, each run headless with both designs on the same seed,
 * workload and faults, and checked against the claim its description makes.
 */
import { describe, expect, test } from 'vitest';
import {
  checkInvariants,
  compareTable,
  createSim,
  report,
  runToEnd,
  type RunReport,
} from '../../src/engine';
import { comparisonIds, loadComparison } from '../../src/scenarios';

function runBoth(id: string): { sync: RunReport; async: RunReport } {
  const c = loadComparison(id);
  const out = {} as { sync: RunReport; async: RunReport };
  for (const design of ['sync', 'async'] as const) {
    const st = createSim(c[design]);
    runToEnd(st);
    expect(checkInvariants(st)).toEqual([]);
    out[design] = report(st);
  }
  return out;
}

const flow = (r: RunReport) => r.flow!;

describe('comparison presets: both designs, same workload, same faults', () => {
  test('there are eight, each with both designs valid and the same order arrivals', () => {
    expect(comparisonIds()).toHaveLength(8);
    for (const id of comparisonIds()) {
      const c = loadComparison(id);
      expect(c.sync.seed).toBe(c.async.seed);
      expect(c.sync.nodes[0]).toEqual(c.async.nodes[0]);
    }
  });

  test('happy path: both complete every order; async answers the customer far sooner', () => {
    const r = runBoth('compare-happy-path');
    for (const d of [r.sync, r.async]) {
      expect(flow(d).failed + flow(d).rejected + flow(d).lost + flow(d).inconsistent).toBe(0);
      expect(flow(d).completed).toBeGreaterThanOrEqual(flow(d).orders - 5);
    }
    expect(flow(r.sync).orders).toBe(flow(r.async).orders);
    expect(flow(r.async).clientLatencyMs.p99).toBeLessThan(flow(r.sync).clientLatencyMs.p50);
  });

  test('tight coupling: Payment down 30 s fails the orders of that window synchronously; async accepts all and completes them soon after recovery', () => {
    const r = runBoth('compare-tight-coupling');
    const s = flow(r.sync);
    const a = flow(r.async);
    // 40 orders/s for 30 s: about 1,200 orders arrive while Payment is down.
    expect(s.failed).toBeGreaterThan(1100);
    expect(s.failed).toBeLessThan(1300);
    expect(s.inconsistent).toBe(s.failed); // inventory was reserved for each of them
    expect(a.accepted).toBe(a.orders);
    expect(a.failed + a.lost + a.inconsistent).toBe(0);
    expect(a.completed).toBeGreaterThanOrEqual(a.orders - 5);
    // The oldest waiting payment finishes within a few seconds of Payment's return.
    expect(a.completionMs.max).toBeLessThan(30_000 + 3_000);
  });

  test("blocking: a 3 s Payment exhausts Order's blocked workers; the async customer p99 stays flat", () => {
    const r = runBoth('compare-blocking');
    const s = flow(r.sync);
    const a = flow(r.async);
    expect(s.rejected + s.failed).toBeGreaterThan(100);
    expect(s.clientLatencyMs.p99).toBeGreaterThan(3000);
    expect(r.sync.services.order!.blockedShare).toBeGreaterThan(0.7);
    expect(a.accepted).toBe(a.orders);
    expect(a.clientLatencyMs.p99).toBeLessThan(50);
    expect(r.async.services.order!.blockedShare).toBe(0);
  });

  test('scalability: 10,000 orders/s against ~2,000/s of Payment; sync rejects most, async accepts all and the backlog shows the gap', () => {
    const r = runBoth('compare-scalability');
    const s = flow(r.sync);
    const a = flow(r.async);
    expect(s.accepted / s.orders).toBeLessThan(0.3);
    expect(a.accepted).toBeGreaterThanOrEqual(a.orders - 100);
    // Payment is the bottleneck in both; completions per second are the same capacity.
    expect(Math.abs(a.completed - s.completed) / s.completed).toBeLessThan(0.05);
    expect(a.pending).toBeGreaterThan(a.orders / 2);
    const table = compareTable(r);
    expect(table.find((row) => row.label === 'Busiest service')!.values).toEqual({
      sync: 'payment',
      async: 'payment',
    });
  });

  test('data loss: a Payment crash mid-request leaves inconsistent orders in sync; none lost or inconsistent in async', () => {
    const r = runBoth('compare-data-loss');
    expect(flow(r.sync).inconsistent).toBeGreaterThan(0);
    expect(r.sync.services.payment!.lostInCrash).toBeGreaterThan(0);
    const a = flow(r.async);
    expect(a.lost + a.inconsistent + a.failed).toBe(0);
    expect(a.completed).toBe(a.accepted);
    expect(r.async.totals.requeued).toBeGreaterThan(0); // the crashed consumer's unacked payments
  });

  test('hard recovery: sync needs compensations; async retries and parks what keeps failing in the DLQ', () => {
    const r = runBoth('compare-hard-recovery');
    const table = compareTable(r);
    const row = (label: string) => table.find((x) => x.label === label)!.values;
    expect(r.sync.services.order!.compensations).toBeGreaterThan(0);
    expect(r.sync.services.order!.callRetries).toBeGreaterThan(100);
    expect(row('Compensations (undo calls that worked)').async).toBe(0);
    expect(r.async.totals.deadLettered).toBeGreaterThan(0);
    expect(flow(r.async).inDeadLetter).toBe(r.async.queues['payment-dlq']!.depth);
    expect(flow(r.async).lost).toBe(0);
    expect(row('Retries').async as number).toBeGreaterThan(100);
  });

  test("hybrid: a crashed payment worker's jobs go to the other workers; no accepted order is lost", () => {
    const r = runBoth('compare-hybrid');
    const a = flow(r.async);
    expect(a.lost + a.inconsistent + a.failed).toBe(0);
    expect(a.completed).toBeGreaterThanOrEqual(a.orders - 5);
    const workers = ['payment-worker-1', 'payment-worker-2', 'payment-worker-3'];
    for (const w of workers) expect(r.async.services[w]!.effects).toBeGreaterThan(0);
    expect(r.async.services['payment-worker-2']!.state).toBe('up');
    expect(r.async.consumers['payment-worker-1']!.acked).toBeGreaterThan(
      r.async.consumers['payment-worker-2']!.acked,
    );
  });

  test('slow notification: the sync customer waits for it; the async customer does not notice', () => {
    const r = runBoth('compare-slow-notification');
    const happy = runBoth('compare-happy-path');
    expect(flow(r.sync).clientLatencyMs.p99).toBeGreaterThan(
      10 * flow(r.async).clientLatencyMs.p99,
    );
    expect(flow(r.async).clientLatencyMs.p99).toBeLessThan(
      1.5 * flow(happy.async).clientLatencyMs.p99,
    );
    expect(flow(r.async).completionMs.p99).toBeGreaterThan(flow(happy.async).completionMs.p99);
    expect(flow(r.async).failed + flow(r.async).lost).toBe(0);
  });
});
