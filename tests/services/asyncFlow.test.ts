/**
 * The asynchronous flow: Order publishes and answers at once; consuming services take their
 * copies from the broker, so a service that is down only delays its work; what acks, retries
 * and dead-lettering do to orders is counted in the order ledger.
 */
import { describe, expect, test } from 'vitest';
import { exchange, ofType, queue, run, scenario, type Spec } from '../broker/helpers';
import { clients, down, service } from './helpers';

const fanout = (over: Record<string, Spec> = {}): Spec[] => [
  service('order', 2, { effect: false, publish: { to: 'order_created' }, ...over.order }),
  exchange('order_created', 'fanout', [
    { queue: 'inventory-q' },
    { queue: 'payment-q' },
    { queue: 'notification-q' },
  ]),
  queue('inventory-q'),
  queue('payment-q', over.paymentQ),
  queue('notification-q'),
  service('inventory', 10, { from: 'inventory-q', ...over.inventory }),
  service('payment', 40, { from: 'payment-q', ...over.payment }),
  service('notification', 15, { from: 'notification-q', ...over.notification }),
];

describe('asynchronous flow', () => {
  test('the client is answered after Order alone; the order completes when all three effects are applied', () => {
    const { rep } = run(
      scenario([clients('order', 1, 10), ...fanout()], { linkLatencyMs: 1, durationMs: 1000 }),
    );
    expect(rep.flow!.clientLatencyMs.max).toBeCloseTo(4, 1); // 1 there + 2 work + 1 back
    expect(rep.flow!.completed).toBe(1);
    // Accepted at 14 ms; the slowest effect (payment) at 10 + 1 + 2 + 1 (to broker) + 1 (to consumer) + 40.
    expect(rep.flow!.completionMs.max).toBeCloseTo(41, 0);
    expect(rep.services.payment!.effects).toBe(1);
  });

  test('each subscriber gets its own copy (fan-out): three effects per order', () => {
    const { rep } = run(scenario([clients('order', 50, 20), ...fanout()], { durationMs: 5000 }));
    for (const s of ['inventory', 'payment', 'notification'])
      expect(rep.services[s]!.effects).toBe(50);
    expect(rep.flow!.completed).toBe(50);
  });

  test('a chain of events: each service publishes the next event with the same order id', () => {
    const nodes: Spec[] = [
      clients('order', 20, 50),
      service('order', 2, {
        effect: false,
        publish: { to: 'events', routingKey: 'order_created' },
      }),
      exchange('events', 'direct', [
        { queue: 'inventory-q', key: 'order_created' },
        { queue: 'payment-q', key: 'inventory_reserved' },
        { queue: 'notification-q', key: 'payment_done' },
      ]),
      queue('inventory-q'),
      queue('payment-q'),
      queue('notification-q'),
      service('inventory', 10, {
        from: 'inventory-q',
        publish: { to: 'events', routingKey: 'inventory_reserved' },
      }),
      service('payment', 40, {
        from: 'payment-q',
        publish: { to: 'events', routingKey: 'payment_done' },
      }),
      service('notification', 15, { from: 'notification-q' }),
    ];
    const { rep, events } = run(scenario(nodes, { durationMs: 5000 }));
    expect(rep.flow!.completed).toBe(20);
    // Completion = order → inventory → payment → notification in sequence: 10 + 40 + 15 after Order.
    expect(rep.flow!.completionMs.p50).toBeCloseTo(65, 0);
    const first = ofType(events, 'enqueued')
      .filter((e) => e.originId === 1)
      .map((e) => e.queue);
    expect(first).toEqual(['inventory-q', 'payment-q', 'notification-q']);
  });

  test('a down consumer leaves its messages in the queue; they are processed after recovery and none is lost', () => {
    const sc = scenario(
      [clients('order', 200, 10), ...fanout({ payment: { concurrency: 4, prefetch: 4 } })],
      {
        durationMs: 30_000,
        schedule: [down('payment', 500, 1000)],
      },
    );
    const { rep, events } = run(sc);
    expect(rep.flow!.accepted).toBe(200);
    expect(rep.flow!.failed).toBe(0);
    expect(rep.flow!.completed).toBe(200);
    expect(rep.flow!.lost).toBe(0);
    // Payment was away for 1 s: no order waited much longer than that plus the drain.
    expect(rep.flow!.completionMs.max).toBeLessThan(1000 + 1000);
    expect(rep.queues['payment-q']!.depthMax).toBeGreaterThan(90);
    const states = ofType(events, 'serviceStateChanged').map((e) => [e.atUs / 1000, e.state]);
    expect(states).toEqual([
      [500, 'down'],
      [1500, 'up'],
    ]);
  });

  test('manual acks: a consumer crash requeues its unacked payments; auto-ack loses them (accepted but lost)', () => {
    const crash = [down('payment', 105, 100)];
    const manual = run(
      scenario(
        [clients('order', 20, 10), ...fanout({ payment: { concurrency: 2, prefetch: 5 } })],
        { durationMs: 5000, schedule: crash },
      ),
    );
    expect(manual.rep.flow!.lost).toBe(0);
    expect(manual.rep.flow!.completed).toBe(20);
    const auto = run(
      scenario(
        [
          clients('order', 20, 10),
          ...fanout({ payment: { concurrency: 2, prefetch: 5, ackMode: 'auto' } }),
        ],
        {
          durationMs: 5000,
          schedule: crash,
        },
      ),
    );
    expect(auto.rep.flow!.lost).toBeGreaterThan(0);
    expect(auto.rep.flow!.completed + auto.rep.flow!.lost).toBe(20);
  });

  test('retries then a dead-letter queue: a poison payment is parked, counted as in the DLQ, not lost', () => {
    const sc = scenario(
      [
        clients('order', 10, 50),
        ...fanout({
          paymentQ: { deadLetterTo: 'payment-dlq' },
          payment: {
            failure: { poisonMessages: [3] },
            retry: { policy: 'fixed', baseMs: 10, maxAttempts: 3 },
          },
        }),
        queue('payment-dlq'),
      ],
      { durationMs: 5000 },
    );
    const { rep } = run(sc);
    expect(rep.totals.deadLettered).toBe(1);
    expect(rep.flow!.completed).toBe(9);
    expect(rep.flow!.pending).toBe(1);
    expect(rep.flow!.inDeadLetter).toBe(1);
    expect(rep.flow!.lost).toBe(0);
  });

  test('slow: the consuming side takes factor × its service time, then returns to up', () => {
    const sc = scenario([clients('order', 1, 10), ...fanout()], {
      durationMs: 2000,
      schedule: [
        {
          atMs: 0,
          input: {
            type: 'serviceStateChanged',
            serviceId: 'payment',
            state: 'slow',
            factor: 5,
            forMs: 1000,
          },
        },
      ],
    });
    const { rep } = run(sc);
    expect(rep.services.payment!.state).toBe('up');
    expect(rep.consumers.payment!.serviceMs.max).toBeCloseTo(200, 1);
  });

  test('the client does not feel a slow downstream service', () => {
    const nodes = [
      clients('order', 100, 20),
      ...fanout({ payment: { concurrency: 4, prefetch: 4 } }),
    ];
    const base = run(scenario(nodes, { durationMs: 10_000 }));
    const slow = run(
      scenario(nodes, {
        durationMs: 10_000,
        schedule: [
          {
            atMs: 0,
            input: { type: 'serviceStateChanged', serviceId: 'payment', state: 'slow', factor: 20 },
          },
        ],
      }),
    );
    expect(slow.rep.flow!.clientLatencyMs.p99).toBe(base.rep.flow!.clientLatencyMs.p99);
    expect(slow.rep.flow!.completionMs.p99).toBeGreaterThan(10 * base.rep.flow!.completionMs.p99);
  });
});
