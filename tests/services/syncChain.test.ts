/**
 * The synchronous chain: blocking calls hold the caller's worker, latency is the sum of the
 * chain, a down or timed-out callee fails the whole order, and partial work is counted.
 */
import { describe, expect, test } from 'vitest';
import { seriesPoints } from '../../src/engine';
import { ofType, run, scenario, type Spec } from '../broker/helpers';
import { call, clients, down, service } from './helpers';

const chain = (extra: { payment?: Spec; order?: Spec; calls?: Spec } = {}) => [
  clients('order', 1, 10),
  service('order', 2, {
    effect: false,
    calls: [
      call('inventory', extra.calls),
      call('payment', extra.calls),
      call('notification', extra.calls),
    ],
    ...extra.order,
  }),
  service('inventory', 10),
  service('payment', 40, extra.payment),
  service('notification', 15),
];

describe('synchronous chain', () => {
  test('client latency is the sum of every hop of the chain', () => {
    const { rep } = run(scenario(chain(), { linkLatencyMs: 1, durationMs: 1000 }));
    // 1 (to order) + 2 + 3 calls × (1 there + work + 1 back) + 1 (reply) = 2 + 10 + 40 + 15 + 6 + 2
    expect(rep.flow!.clientLatencyMs.max).toBeCloseTo(75, 1);
    expect(rep.flow!.accepted).toBe(1);
    expect(rep.flow!.completed).toBe(1);
    // The order worker was blocked for the three calls: 12 + 42 + 17 = 71 ms of its 73 ms.
    expect(rep.services.order!.blockedMs).toBeCloseTo(71, 1);
  });

  test('the caller worker is held while it waits: a one-worker Order with no waiting room rejects the next order', () => {
    const sc = scenario(
      [
        clients('order', 3, 20),
        service('order', 1, {
          effect: false,
          concurrency: 1,
          queueLimit: 0,
          calls: [call('payment')],
        }),
        service('payment', 50),
      ],
      { durationMs: 1000 },
    );
    const { rep } = run(sc);
    // Orders at 20, 40, 60 ms: the first holds the only worker until 71 ms.
    expect(rep.flow!.accepted).toBe(1);
    expect(rep.flow!.rejected).toBe(2);
    expect(rep.services.order!.rejected).toBe(2);
  });

  test('a down service fails the whole order; work already done upstream stays: an inconsistent order', () => {
    const sc = scenario([...chain()], { durationMs: 1000, schedule: [down('payment', 0)] });
    const { rep } = run(sc);
    expect(rep.flow!.failed).toBe(1);
    expect(rep.flow!.inconsistent).toBe(1); // inventory reserved, no payment
    expect(rep.services.payment!.refused).toBe(1);
    expect(rep.services.notification!.received).toBe(0);
  });

  test('a call that times out fails the order, and the late reply is wasted work', () => {
    const sc = scenario(chain({ calls: { timeoutMs: 30 } }), { durationMs: 1000 });
    const { rep, events } = run(sc);
    expect(rep.flow!.failed).toBe(1);
    expect(rep.services.order!.callTimeouts).toBe(1);
    expect(rep.services.payment!.lateReplies).toBe(1);
    // Payment finished after its caller gave up: inventory and payment done, order refused.
    expect(rep.flow!.inconsistent).toBe(1);
    expect(rep.flow!.lateEffects).toBe(1);
    expect(ofType(events, 'serviceNote').some((e) => e.what === 'callTimedOut')).toBe(true);
  });

  test('retrying a timed-out call runs the work twice downstream: a duplicate payment', () => {
    const sc = scenario(chain({ calls: { timeoutMs: 30, maxAttempts: 2, backoffMs: 5 } }), {
      durationMs: 1000,
    });
    const { rep } = run(sc);
    expect(rep.services.order!.callRetries).toBe(1); // payment timed out, retried, timed out again
    expect(rep.services.payment!.received).toBe(2);
    expect(rep.services.payment!.duplicateEffects).toBe(1);
    expect(rep.flow!.duplicateEffects).toBe(1);
  });

  test('a retry that succeeds completes the order despite a transient failure', () => {
    const sc = scenario(
      [
        clients('order', 200, 50),
        service('order', 1, {
          effect: false,
          concurrency: 4,
          calls: [call('payment', { maxAttempts: 5, backoffMs: 1 })],
        }),
        service('payment', 5, { failure: { probability: 0.3 } }),
      ],
      { durationMs: 20_000 },
    );
    const { rep } = run(sc);
    expect(rep.services.order!.callRetries).toBeGreaterThan(30);
    // 0.3^5 ≈ 0.2 %: nearly every order gets through.
    expect(rep.flow!.completed).toBeGreaterThanOrEqual(198);
  });

  test('a crash mid-request: the caller gets an error at once, the work in progress is lost', () => {
    const sc = scenario(chain(), { durationMs: 1000, schedule: [down('payment', 30)] });
    const { rep, events } = run(sc);
    // The order reached payment at 22 ms (no link latency): payment would finish at 62 ms.
    expect(rep.services.payment!.lostInCrash).toBe(1);
    expect(rep.services.payment!.effects).toBe(0);
    expect(rep.flow!.failed).toBe(1);
    expect(rep.flow!.inconsistent).toBe(1);
    // The client hears of the failure at 30 ms, not after a timeout.
    const failed = ofType(events, 'request').filter(
      (e) => e.service === 'order' && e.phase === 'failed',
    );
    expect(failed.map((e) => e.atUs)).toEqual([30_000]);
  });
});

describe('compensation (saga-style undo)', () => {
  test('a failed payment undoes the inventory reservation: no inconsistent order, one compensation', () => {
    const sc = scenario(
      chain({ order: { compensate: true }, payment: { failure: { probability: 1 } } }),
      {
        durationMs: 1000,
      },
    );
    const { rep } = run(sc);
    expect(rep.flow!.failed).toBe(1);
    expect(rep.flow!.inconsistent).toBe(0);
    expect(rep.services.order!.compensations).toBe(1);
    expect(rep.services.inventory!.undone).toBe(1);
    expect(rep.services.inventory!.received).toBe(2); // the reservation and its undo
  });

  test('an undo can fail too: the order stays inconsistent and the failure is counted', () => {
    const sc = scenario(
      [
        clients('order', 1, 10),
        service('order', 2, {
          effect: false,
          compensate: true,
          calls: [call('inventory'), call('payment')],
        }),
        service('inventory', 10),
        service('payment', 40, { failure: { probability: 1 } }),
      ],
      {
        durationMs: 1000,
        schedule: [
          {
            atMs: 40,
            input: { type: 'serviceStateChanged', serviceId: 'inventory', state: 'down' },
          },
        ],
      },
    );
    const { rep } = run(sc);
    expect(rep.services.order!.compensationFailures).toBe(1);
    expect(rep.flow!.inconsistent).toBe(1);
  });
});

describe('P4 circuit breaker', () => {
  const breakerScenario = (schedule: object[]) =>
    scenario(
      [
        clients('order', 100, 10),
        service('order', 1, {
          effect: false,
          concurrency: 10,
          calls: [call('payment', { timeoutMs: 100 })],
          circuitBreaker: { failureThreshold: 3, openMs: 200 },
        }),
        service('payment', 5),
      ],
      { durationMs: 2000, schedule },
    );

  test('P4: closed counts failures; at the threshold it opens and fails fast without calling', () => {
    const { rep, events } = run(breakerScenario([down('payment', 0)]));
    const opened = ofType(events, 'serviceNote').filter((e) => e.what === 'breakerOpened');
    // Three refusals open it; every 200 ms one half-open trial fails and reopens it.
    expect(opened.length).toBeGreaterThanOrEqual(4);
    expect(rep.services.order!.breakerRejected).toBeGreaterThan(80);
    // Payment only saw the three failures plus one trial per open period.
    expect(rep.services.payment!.received).toBe(3 + opened.length - 1);
    expect(rep.flow!.failed).toBe(100);
  });

  test('P4: half-open: after the reset timeout one trial call closes it again on success', () => {
    const { rep } = run(breakerScenario([down('payment', 0, 300)]));
    // Down until 300 ms; after the next trial succeeds, the rest of the orders complete.
    expect(rep.flow!.completed).toBeGreaterThan(50);
    expect(rep.services.order!.breakerOpened).toBeGreaterThanOrEqual(1);
    expect(rep.flow!.completed + rep.flow!.failed).toBe(100);
  });
});

describe('order time series', () => {
  test('per-bucket counts of accepted, failed, rejected and completed orders add up to the totals', () => {
    const sc = scenario(
      chain({ order: { concurrency: 1, queueLimit: 1 } }).map((n) =>
        n.id === 'clients' ? { ...n, count: 300, arrival: { dist: 'constant', ms: 3 } } : n,
      ),
      {
        durationMs: 5000,
        schedule: [down('payment', 300, 200)],
      },
    );
    const { st, rep } = run(sc);
    const total = (s: { values: number[] }) => s.values.reduce((a, b) => a + b, 0);
    const f = rep.flow!;
    expect(total(seriesPoints(st.flow.series.accepted, st.nowUs))).toBe(f.accepted);
    expect(total(seriesPoints(st.flow.series.failed, st.nowUs))).toBe(f.failed);
    expect(total(seriesPoints(st.flow.series.rejected, st.nowUs))).toBe(f.rejected);
    expect(total(seriesPoints(st.flow.series.completed, st.nowUs))).toBe(f.completed);
    expect(f.failed).toBeGreaterThan(0);
    expect(f.rejected).toBeGreaterThan(0);
  });
});
