/**
 * The default exchange (R5), unroutable messages and alternate exchanges (R6), and copies of one
 * message that live independently in their queues (R7).
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import {
  consumer,
  cycleTemplates,
  enqueuedByOrigin,
  exchange,
  ofType,
  producer,
  queue,
  run,
  scenario,
  type Spec,
} from './helpers';

describe('R5 default exchange', () => {
  test('R5 publishing to a queue goes through the default exchange under the queue’s own name', () => {
    const sc = scenario([
      producer('pa', 'a', 2),
      producer('pb', 'b', 3),
      queue('a'),
      queue('b'),
      consumer('ca', 'a'),
      consumer('cb', 'b'),
    ]);
    const { events, rep } = run(sc);
    const keys = ofType(events, 'published').map((e) => [e.producer, e.routingKey]);
    expect(new Set(keys.map((k) => k.join(':')))).toEqual(new Set(['pa:a', 'pb:b']));
    const by = new Map(ofType(events, 'published').map((e) => [e.originId, e.producer]));
    const pairs = ofType(events, 'enqueued').map((e) => `${by.get(e.originId)}->${e.queue}`);
    expect(new Set(pairs)).toEqual(new Set(['pa->a', 'pb->b']));
    expect([rep.queues.a!.acked, rep.queues.b!.acked]).toEqual([2, 3]);
    expect(ofType(events, 'routed')).toEqual([]); // no named exchange was involved
  });

  test('R5 the nameless default exchange cannot be declared or addressed explicitly', () => {
    const bad = validateScenario({
      version: 1,
      name: 'default exchange',
      durationMs: 1000,
      nodes: [
        { id: '', kind: 'exchange', type: 'direct', bindings: [{ queue: 'q', key: 'q' }] },
        { id: 'p', kind: 'producer', to: '', arrival: { dist: 'constant', ms: 0 }, count: 1 },
        { id: 'q', kind: 'queue' },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    // Both the declaration and the publish naming "" are refused.
    expect(
      bad.errors.filter((e) => e.startsWith('nodes[0].id') || e.startsWith('nodes[1].to')),
    ).toHaveLength(2);
  });
});

describe('R6 unroutable messages', () => {
  const nodes = (
    extra: Spec,
    x: Spec[] = [exchange('x', 'direct', [{ queue: 'q', key: 'k' }])],
  ) => [
    producer('p', 'x', 2, {
      ...cycleTemplates([{ routingKey: 'k' }, { routingKey: 'none' }]),
      ...extra,
    }),
    ...x,
    queue('q'),
    queue('alt'),
  ];

  test('R6 mandatory=false (default): an unroutable message is discarded', () => {
    const { events, rep } = run(scenario(nodes({})));
    expect(ofType(events, 'unroutable').map((e) => [e.originId, e.outcome])).toEqual([
      [2, 'dropped'],
    ]);
    expect(rep.totals.notRouted.unroutable).toBe(1);
    expect(rep.totals.returned).toBe(0);
    expect(enqueuedByOrigin(events).get(2)).toBeUndefined();
  });

  test('R6 an alternate exchange takes what the exchange cannot route', () => {
    const xs = [
      exchange('x', 'direct', [{ queue: 'q', key: 'k' }], { alternateExchange: 'ae' }),
      exchange('ae', 'fanout', [{ queue: 'alt' }]),
    ];
    const { events, rep } = run(scenario(nodes({ mandatory: true }, xs)));
    const where = enqueuedByOrigin(events);
    expect([where.get(1), where.get(2)]).toEqual([['q'], ['alt']]);
    expect(ofType(events, 'unroutable')).toEqual([]);
    expect(rep.totals.returned).toBe(0); // routed by the alternate: nothing to return
  });

  test('R6 mandatory=true: basic.return, sent before the confirm’s basic.ack', () => {
    const { events, rep } = run(
      scenario(nodes({ mandatory: true, confirms: true }), { linkLatencyMs: 2 }),
    );
    const about2 = events.filter(
      (e) => (e.type === 'unroutable' || e.type === 'confirmed') && e.originId === 2,
    );
    expect(about2.map((e) => e.type)).toEqual(['unroutable', 'confirmed']);
    expect(about2[0]).toMatchObject({ outcome: 'returned' });
    expect(about2[1]).toMatchObject({ ack: true });
    expect(about2[0]!.atUs).toBeLessThanOrEqual(about2[1]!.atUs);
    expect(rep.producers.p!.returned).toBe(1);
  });
});

describe('R7 independent copies', () => {
  test('R7 each queue’s copy expires or dead-letters on its own', () => {
    const sc = scenario([
      producer('p', 'x', 1),
      exchange('x', 'fanout', [{ queue: 'short' }, { queue: 'long' }]),
      queue('short', { messageTtlMs: 1000, deadLetterTo: 'dlq' }),
      queue('long'),
      queue('dlq'),
      consumer('c', 'long', 5000),
    ]);
    const { events, rep } = run(sc);
    expect(ofType(events, 'expired').map((e) => e.queue)).toEqual(['short']);
    expect(ofType(events, 'deadLettered').map((e) => [e.from, e.reason])).toEqual([
      ['short', 'expired'],
    ]);
    expect(ofType(events, 'acked').map((e) => [e.queue, e.originId])).toEqual([['long', 1]]);
    expect(rep.queues.dlq!.depth).toBe(1);
  });

  test('R7 a rejection in one queue does not touch the copy in another', () => {
    const sc = scenario([
      producer('p', 'x', 1),
      exchange('x', 'fanout', [{ queue: 'picky' }, { queue: 'easy' }]),
      queue('picky', { deadLetterTo: 'dlq' }),
      queue('easy'),
      queue('dlq'),
      consumer('c1', 'picky', 10, {
        failure: { poisonMessages: [1] },
        retry: { policy: 'reject' },
      }),
      consumer('c2', 'easy', 50),
    ]);
    const { events, rep } = run(sc);
    expect(ofType(events, 'deadLettered').map((e) => [e.from, e.reason])).toEqual([
      ['picky', 'rejected'],
    ]);
    expect(ofType(events, 'acked').map((e) => [e.queue, e.originId])).toEqual([['easy', 1]]);
    expect([rep.queues.dlq!.depth, rep.queues.easy!.ledger.exactlyOnce]).toEqual([1, 1]);
  });
});
