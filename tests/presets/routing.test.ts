/**
 * Routing presets: the topic quiz (R2, R3, R6) and publish/subscribe fan-out (R1).
 */
import { describe, expect, test } from 'vitest';
import { expectCleanEnd, groupBy, ofType, presetRun, type PresetRun } from './support';

describe('topic-routing: Q1 binds *.orange.*, Q2 binds *.*.rabbit and lazy.#', () => {
  const run = presetRun('topic-routing');
  const keyOf = ({ events }: PresetRun) =>
    new Map(ofType(events, 'published').map((e) => [e.originId, e.routingKey]));

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the five keys are published in turn, twice each', () => {
    expect(ofType(run().events, 'published').map((e) => e.routingKey)).toEqual([
      'quick.orange.rabbit',
      'lazy.pink.rabbit',
      'quick.brown.fox',
      'lazy',
      'quick.orange.new.rabbit',
      'quick.orange.rabbit',
      'lazy.pink.rabbit',
      'quick.brown.fox',
      'lazy',
      'quick.orange.new.rabbit',
    ]);
  });

  test('each key reaches the queues the topic rules say (R2), one copy per queue (R3)', () => {
    const { rep, events } = run();
    const key = keyOf(run());
    const routed = new Map<string, string[]>();
    for (const e of ofType(events, 'routed')) routed.set(key.get(e.originId)!, e.queues);
    expect(Object.fromEntries(routed)).toEqual({
      'quick.orange.rabbit': ['Q1', 'Q2'], // the one key that reaches both
      'lazy.pink.rabbit': ['Q2'], // matches *.*.rabbit and lazy.#, yet one copy
      lazy: ['Q2'], // lazy.# matches zero further words
    });
    // Copies over the two rounds: nothing for the keys that match no binding.
    const copies: Record<string, string[]> = {};
    for (const e of ofType(events, 'enqueued')) (copies[key.get(e.originId)!] ??= []).push(e.queue);
    expect(copies).toEqual({
      'quick.orange.rabbit': ['Q1', 'Q2', 'Q1', 'Q2'],
      'lazy.pink.rabbit': ['Q2', 'Q2'],
      lazy: ['Q2', 'Q2'],
    });
    // lazy.pink.rabbit reaches Q2 exactly once per publish, despite two matching bindings.
    const lazyPink = ofType(events, 'enqueued').filter(
      (e) => key.get(e.originId) === 'lazy.pink.rabbit',
    );
    const perPublish = groupBy(lazyPink, (e) => e.originId);
    expect(perPublish.size).toBe(2);
    for (const [, es] of perPublish) expect(es.map((e) => e.queue)).toEqual(['Q2']);
    expect(rep.queues.Q1!.enqueued).toBe(2);
    expect(rep.queues.Q2!.enqueued).toBe(6);
  });

  test('quick.brown.fox and quick.orange.new.rabbit match nothing and come back to the publisher (R6)', () => {
    const { rep, events } = run();
    const key = keyOf(run());
    expect(ofType(events, 'unroutable').map((e) => [key.get(e.originId), e.outcome])).toEqual([
      ['quick.brown.fox', 'returned'],
      ['quick.orange.new.rabbit', 'returned'],
      ['quick.brown.fox', 'returned'],
      ['quick.orange.new.rabbit', 'returned'],
    ]);
    expect(rep.producers.publisher!.returned).toBe(4);
    expect(rep.totals.returned).toBe(4);
    expect(rep.exchanges.animals).toEqual({ routed: 6, unroutable: 4, copies: 8 });
    expect(rep.totals.notRouted).toEqual({}); // returned, not silently dropped
  });

  test('every routed copy is consumed', () => {
    const { rep } = run();
    expect(rep.queues.Q1!.acked).toBe(2);
    expect(rep.queues.Q2!.acked).toBe(6);
    expect(rep.totals.inFlight).toBe(0);
  });
});

describe('pubsub-fanout: one order_created publish, one copy for each of three services', () => {
  const run = presetRun('pubsub-fanout');
  const queues = ['inventory-q', 'payment-q', 'notification-q'];

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('every order is published once and gets exactly one copy in each of the three queues', () => {
    const { rep, events } = run();
    const published = ofType(events, 'published');
    expect(published).toHaveLength(160);
    expect(new Set(published.map((e) => e.originId)).size).toBe(160);
    for (const e of ofType(events, 'routed')) expect(e.queues).toEqual(queues);
    const byOrigin = groupBy(ofType(events, 'enqueued'), (e) => e.originId);
    expect(byOrigin.size).toBe(160);
    for (const [, copies] of byOrigin)
      expect(copies.map((e) => e.queue).sort()).toEqual([...queues].sort());
    for (const q of queues) expect(rep.queues[q]!.enqueued).toBe(160);
    expect(rep.exchanges.order_created).toEqual({ routed: 160, unroutable: 0, copies: 480 });
  });

  test('each service works on its own copies at its own pace', () => {
    const { rep, events } = run();
    // Each consumer only ever sees its own queue's copies.
    for (const e of ofType(events, 'delivered')) expect(e.queue).toBe(`${e.consumer}-q`);
    // Inventory (300 ms) keeps up; Payment (650 ms) and Notification (2 x 1.5 s) fall behind.
    expect(rep.queues['inventory-q']!).toMatchObject({ acked: 160, depth: 0 });
    expect(rep.queues['payment-q']!).toMatchObject({ acked: 132, depth: 27 });
    expect(rep.queues['notification-q']!).toMatchObject({ acked: 127, depth: 31 });
    expect(rep.consumers.inventory!.waitMs.mean).toBeLessThan(rep.consumers.payment!.waitMs.mean);
    for (const q of queues) {
      expect(rep.queues[q]!.ledger.duplicated).toBe(0);
      expect(rep.queues[q]!.ledger.lost).toBe(0);
    }
  });
});
