/**
 * Single active consumer (R33) and ordering (R34), with reference scenario 13: three consumers,
 * a requeue reorders processing without SAC; with SAC the order holds and the active consumer
 * fails over when it is killed.
 */
import { describe, expect, test } from 'vitest';
import {
  consumer,
  exchange,
  msgIds,
  ofType,
  producer,
  queue,
  run,
  scenario,
  type Spec,
} from './helpers';

const isIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);

/** Nine messages at once, consumers a, b, c with prefetch 1; a dies at 50 ms holding #1. */
function three(q: Spec) {
  return run(
    scenario(
      [
        producer('p', 'q', 9),
        queue('q', q),
        consumer('a', 'q', 100),
        consumer('b', 'q', 100),
        consumer('c', 'q', 100),
      ],
      {
        schedule: [{ atMs: 50, input: { type: 'consumerCrashed', consumerId: 'a' } }],
      },
    ),
  );
}

describe('R33 single active consumer', () => {
  test('R33 only one registered consumer receives while it is alive', () => {
    const sc = scenario([
      producer('p', 'q', 9),
      queue('q', { singleActiveConsumer: true }),
      consumer('a', 'q', 10, { prefetch: 3 }),
      consumer('b', 'q', 10, { prefetch: 3 }),
      consumer('c', 'q', 10, { prefetch: 3 }),
    ]);
    const { events, rep } = run(sc);
    expect(new Set(ofType(events, 'delivered').map((e) => e.consumer))).toEqual(new Set(['a']));
    expect([rep.consumers.a!.acked, rep.consumers.b!.acked, rep.consumers.c!.acked]).toEqual([
      9, 0, 0,
    ]);
  });

  test('R33 reference scenario 13: with SAC the next consumer takes over when the active one dies, in order', () => {
    const { events } = three({ singleActiveConsumer: true });
    expect(ofType(events, 'activeConsumerChanged').map((e) => [e.queue, e.consumer])).toEqual([
      ['q', 'b'],
    ]);
    const delivered = ofType(events, 'delivered');
    expect(delivered.map((e) => [e.msgId, e.consumer])).toEqual([
      [1, 'a'],
      [1, 'b'],
      ...[2, 3, 4, 5, 6, 7, 8, 9].map((id) => [id, 'b']),
    ]);
    expect(delivered[1]!.redelivered).toBe(true);
    const acked = msgIds(events, 'acked');
    expect(acked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('R33 a consumer that registers again after dying does not take over from the active one', () => {
    const sc = scenario(
      [
        producer('p', 'q', 20, { arrival: { dist: 'constant', ms: 50 } }),
        queue('q', { singleActiveConsumer: true }),
        consumer('a', 'q', 100),
        consumer('b', 'q', 100),
      ],
      {
        schedule: [
          { atMs: 120, input: { type: 'consumerCrashed', consumerId: 'a' } },
          { atMs: 525, input: { type: 'consumerRestarted', consumerId: 'a' } },
        ],
      },
    );
    const { events } = run(sc);
    // b became active at 120 ms and is busy when a comes back; it stays the only receiver.
    expect(ofType(events, 'activeConsumerChanged').map((e) => e.consumer)).toEqual(['b']);
    expect(
      ofType(events, 'delivered').filter((e) => e.consumer === 'a' && e.atUs > 120_000),
    ).toEqual([]);
    // Message 1 is processed again by b after a's crash, and still before message 2: order holds.
    const started = msgIds(events, 'processingStarted');
    expect(started.every((x, i) => i === 0 || started[i - 1]! <= x)).toBe(true);
    // One receiver at a time: no two consumers ever work on deliveries of q at once.
    const busy = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'consumerCrashed') busy.set(e.consumer, 0); // a crash ends its work
      if (e.type !== 'processingStarted' && e.type !== 'processed') continue;
      busy.set(e.consumer, (busy.get(e.consumer) ?? 0) + (e.type === 'processingStarted' ? 1 : -1));
      expect([...busy.values()].filter((n) => n > 0).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('R34 ordering', () => {
  test('R34 one channel’s messages are enqueued in publish order in every target queue', () => {
    const sc = scenario([
      producer('p', 'x', 20, { arrival: { dist: 'constant', ms: 1 } }),
      exchange('x', 'fanout', [{ queue: 'q1' }, { queue: 'q2' }]),
      queue('q1'),
      queue('q2'),
    ]);
    const { events } = run(sc);
    const order = (q: string) =>
      ofType(events, 'enqueued')
        .filter((e) => e.queue === q)
        .map((e) => e.originId);
    const published = ofType(events, 'published').map((e) => e.originId);
    expect(order('q1')).toEqual(published);
    expect(order('q2')).toEqual(published);
  });

  test('R34 the queue keeps that order across requeues', () => {
    const sc = scenario(
      [producer('p', 'q', 8), queue('q'), consumer('a', 'q', 100, { prefetch: 4 })],
      {
        schedule: [
          { atMs: 250, input: { type: 'consumerCrashed', consumerId: 'a' } },
          { atMs: 300, input: { type: 'consumerRestarted', consumerId: 'a' } },
        ],
      },
    );
    const { events, rep } = run(sc);
    // #1 and #2 were acked; #3 (in service), #4, #5 and #6 come back ahead of #7 and #8.
    expect(msgIds(events, 'delivered')).toEqual([1, 2, 3, 4, 5, 6, 3, 4, 5, 6, 7, 8]);
    expect(msgIds(events, 'acked')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rep.queues.q!.outOfOrder).toBe(3); // #3, #4, #5 came after #6 had been delivered
  });

  test('R34 reference scenario 13: without SAC a requeue lets consumers observe reordering', () => {
    const { events, rep } = three({});
    const acked = msgIds(events, 'acked');
    expect(acked.slice(0, 3)).toEqual([2, 3, 1]);
    expect(isIncreasing(acked)).toBe(false);
    expect(rep.queues.q!.outOfOrder).toBeGreaterThanOrEqual(1);
  });

  test('R34 several consumers reorder processing even without requeues', () => {
    const sc = scenario([
      producer('p', 'q', 4),
      queue('q'),
      consumer('slow', 'q', 500),
      consumer('fast', 'q', 10),
    ]);
    const { events } = run(sc);
    expect(msgIds(events, 'acked')).toEqual([2, 3, 4, 1]);
  });

  test('R34 priorities reorder what the consumer sees', () => {
    // The consumer is away while all three arrive, so they are all ready when it comes back.
    const sc = scenario(
      [
        producer('p', 'q', 3, {
          templates: [{ priority: 0 }, { priority: 0 }, { priority: 5 }],
          pick: 'cycle',
        }),
        queue('q', { maxPriority: 5 }),
        consumer('c', 'q', 10),
      ],
      {
        schedule: [
          { atMs: 0, input: { type: 'consumerCrashed', consumerId: 'c', restartAfterMs: 5 } },
        ],
      },
    );
    const { events, rep } = run(sc);
    expect(msgIds(events, 'delivered')).toEqual([3, 1, 2]);
    expect(rep.queues.q!.outOfOrder).toBe(2);
  });

  test('R34 different channels interleave, each keeping its own order', () => {
    const sc = scenario([
      producer('p1', 'q', 5, { arrival: { dist: 'constant', ms: 10 } }),
      producer('p2', 'q', 5, { arrival: { dist: 'constant', ms: 10 }, startMs: 5 }),
      queue('q'),
    ]);
    const { events } = run(sc);
    const by = new Map(ofType(events, 'published').map((e) => [e.originId, e.producer]));
    const seq = ofType(events, 'enqueued').map((e) => by.get(e.originId));
    expect(seq).toEqual(['p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1', 'p2']);
    for (const p of ['p1', 'p2']) {
      const mine = ofType(events, 'enqueued')
        .filter((e) => by.get(e.originId) === p)
        .map((e) => e.originId);
      expect(isIncreasing(mine)).toBe(true);
    }
  });
});
