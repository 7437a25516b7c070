/**
 * Dispatch and acknowledgement (R8-R11): round-robin, auto-ack, prefetch, nack/reject. Reference
 * scenarios 3 (fair dispatch) and 4 (crash with 20 held, 10 processed).
 */
import { describe, expect, test } from 'vitest';
import { advance, checkInvariants, createSim, report } from '../../src/engine';
import { atMs, consumer, msgIds, ofType, producer, queue, run, scenario } from './helpers';

describe('R8 round-robin dispatch', () => {
  test('R8 deliveries go round-robin over three consumers', () => {
    const sc = scenario([
      producer('p', 'q', 9),
      queue('q'),
      consumer('a', 'q'),
      consumer('b', 'q'),
      consumer('c', 'q'),
    ]);
    const { events } = run(sc);
    const who = ofType(events, 'delivered').map((e) => e.consumer);
    expect(who).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
  });

  test('R8 a consumer whose prefetch window is full is skipped, the others keep taking turns', () => {
    const sc = scenario([
      producer('p', 'q', 12),
      queue('q'),
      consumer('a', 'q', 1000),
      consumer('b', 'q', 10),
      consumer('c', 'q', 10),
    ]);
    const { events } = run(sc);
    const early = ofType(events, 'delivered').filter((e) => atMs(e) < 1000);
    expect(early.filter((e) => e.consumer === 'a')).toHaveLength(1);
    const rest = early.filter((e) => e.consumer !== 'a').map((e) => e.consumer);
    expect(rest.slice(0, 6)).toEqual(['b', 'c', 'b', 'c', 'b', 'c']);
  });
});

describe('R9 auto-ack', () => {
  test('R9 the broker counts an auto-acked message as done once it is sent', () => {
    const sc = scenario([
      producer('p', 'q', 3),
      queue('q'),
      consumer('c', 'q', 1000, { ackMode: 'auto' }),
    ]);
    const st = createSim(sc);
    advance(st, 50); // t = 500 ms: one in service, two waiting at the consumer
    const rep = report(st);
    expect(rep.queues.q).toMatchObject({ depth: 0, unacked: 0, delivered: 3, acked: 3 });
    expect(rep.consumers.c).toMatchObject({ unacked: 0, busy: 1, acked: 0 });
    expect(checkInvariants(st)).toEqual([]);
  });

  test('R9 if the connection closes before the consumer gets the messages, they are lost', () => {
    const sc = scenario(
      [producer('p', 'q', 3), queue('q'), consumer('c', 'q', 10, { ackMode: 'auto' })],
      {
        linkLatencyMs: 50,
        schedule: [{ atMs: 70, input: { type: 'consumerCrashed', consumerId: 'c' } }],
      },
    );
    const { events, rep } = run(sc);
    expect(ofType(events, 'delivered')).toHaveLength(3); // written to the socket at 50 ms
    expect(ofType(events, 'consumerCrashed')[0]).toMatchObject({ requeued: 0, lost: 3 });
    expect(ofType(events, 'processed')).toEqual([]);
    expect(rep.queues.q!.ledger.lostByReason).toEqual({ autoAcked: 3 });
    expect(rep.queues.q!.depth).toBe(0);
  });
});

describe('R10 prefetch', () => {
  const held = (prefetch: number, consumers = ['c']) => {
    const sc = scenario([
      producer('p', 'q', 10),
      queue('q'),
      ...consumers.map((id) => consumer(id, 'q', 1000, { prefetch })),
    ]);
    const st = createSim(sc);
    advance(st, 50);
    expect(checkInvariants(st)).toEqual([]);
    return report(st);
  };

  test('R10 prefetch_count caps the unacked deliveries of a consumer', () => {
    const rep = held(3);
    expect(rep.consumers.c!.unacked).toBe(3);
    expect(rep.queues.q).toMatchObject({ depth: 7, unacked: 3 });
  });

  test('R10 prefetch 0 means unlimited', () => {
    const rep = held(0);
    expect(rep.consumers.c!.unacked).toBe(10);
    expect(rep.queues.q!.depth).toBe(0);
  });

  test('R10 the limit holds per consumer', () => {
    const rep = held(2, ['a', 'b']);
    expect([rep.consumers.a!.unacked, rep.consumers.b!.unacked]).toEqual([2, 2]);
    expect(rep.queues.q!.depth).toBe(6);
  });

  test('R10 a new prefetch applies to the next deliveries', () => {
    const sc = scenario(
      [producer('p', 'q', 10), queue('q'), consumer('c', 'q', 1000, { prefetch: 1 })],
      {
        schedule: [{ atMs: 500, input: { type: 'prefetchChanged', consumerId: 'c', prefetch: 4 } }],
      },
    );
    const { events } = run(sc);
    expect(ofType(events, 'delivered').filter((e) => atMs(e) === 500)).toHaveLength(3);
  });

  // Reference scenario 3: two consumers, 10 ms vs 1 s per message, 100 messages at once.
  const fair = (prefetch: number) =>
    run(
      scenario(
        [
          producer('p', 'q', 100),
          queue('q'),
          consumer('fast', 'q', 10, { prefetch }),
          consumer('slow', 'q', 1000, { prefetch }),
        ],
        { durationMs: 120_000 },
      ),
    ).rep.consumers;

  test('R10 reference scenario 3, prefetch 0: about 50 each, the slow one hoarding its half', () => {
    const c = fair(0);
    expect([c.fast!.acked, c.slow!.acked]).toEqual([50, 50]);
    expect(c.slow!.latencyMs.max).toBeGreaterThan(40_000);
  });

  test('R10 reference scenario 3, prefetch 1: the fast consumer takes about 99', () => {
    const c = fair(1);
    expect(c.fast!.acked).toBeGreaterThanOrEqual(98);
    expect(c.slow!.acked).toBeLessThanOrEqual(2);
    expect(c.fast!.acked + c.slow!.acked).toBe(100);
  });
});

describe('R11 nack and reject', () => {
  const poisonFirst = (retry: Record<string, unknown>, deadLetterTo?: string) =>
    scenario([
      producer('p', 'q', 5),
      queue('q', deadLetterTo ? { deadLetterTo } : {}),
      queue('dlq'),
      consumer('c', 'q', 100, { prefetch: 3, failure: { poisonMessages: [1] }, retry }),
    ]);

  test('R11 nack with requeue puts the message back at its original position', () => {
    const { events } = run(poisonFirst({ policy: 'requeue', maxAttempts: 2 }));
    expect(msgIds(events, 'delivered')).toEqual([1, 2, 3, 1, 4, 5]);
    const again = ofType(events, 'delivered')[3]!;
    expect(again).toMatchObject({ msgId: 1, redelivered: true, deliveryCount: 2 });
    expect(ofType(events, 'nacked').map((e) => [e.msgId, e.requeue, e.method])).toEqual([
      [1, true, 'nack'],
      [1, false, 'nack'],
    ]);
  });

  test('R11 basic.reject with requeue also goes back to the original position', () => {
    const { events } = run(poisonFirst({ policy: 'requeue', method: 'reject', maxAttempts: 2 }));
    expect(msgIds(events, 'delivered')).toEqual([1, 2, 3, 1, 4, 5]);
    expect(ofType(events, 'nacked')[0]).toMatchObject({ requeue: true, method: 'reject' });
  });

  test('R11 requeue can loop: a message that always fails is redelivered again and again', () => {
    const sc = scenario(
      [
        producer('p', 'q', 1),
        queue('q'),
        consumer('c', 'q', 10, { failure: { poisonMessages: [1] } }),
      ],
      { durationMs: 1000 },
    );
    const { events } = run(sc);
    expect(ofType(events, 'delivered').length).toBeGreaterThanOrEqual(99);
    expect(ofType(events, 'requeued').length).toBeGreaterThanOrEqual(98);
  });

  test('R11 requeue=false dead-letters to the DLX if there is one', () => {
    const { events, rep } = run(poisonFirst({ policy: 'reject' }, 'dlq'));
    expect(ofType(events, 'nacked').map((e) => [e.msgId, e.requeue])).toEqual([[1, false]]);
    expect(ofType(events, 'deadLettered').map((e) => [e.msgId, e.to, e.reason])).toEqual([
      [1, 'dlq', 'rejected'],
    ]);
    expect(rep.queues.dlq!.depth).toBe(1);
    expect(rep.queues.q!.acked).toBe(4);
  });

  test('R11 requeue=false without a DLX discards the message', () => {
    const { events, rep } = run(poisonFirst({ policy: 'reject' }));
    expect(ofType(events, 'discarded').map((e) => [e.msgId, e.reason])).toEqual([[1, 'rejected']]);
    expect(rep.totals.gone).toEqual({ rejected: 1 });
    expect(ofType(events, 'delivered').filter((e) => e.msgId === 1)).toHaveLength(1);
  });
});

describe('reference scenario 4: a consumer crashes holding 20, 10 of them processed', () => {
  // b is down until a has taken all 20; a crashes at 1050 ms with 10 acked, 1 in service, 9 buffered.
  const crash = (ackMode: 'manual' | 'auto') =>
    run(
      scenario(
        [
          producer('p', 'q', 20),
          queue('q'),
          consumer('a', 'q', 100, { prefetch: 20, ackMode }),
          consumer('b', 'q', 100, { prefetch: 20 }),
        ],
        {
          schedule: [
            { atMs: 0, input: { type: 'consumerCrashed', consumerId: 'b' } },
            { atMs: 1050, input: { type: 'consumerCrashed', consumerId: 'a' } },
            { atMs: 1050, input: { type: 'consumerRestarted', consumerId: 'b' } },
          ],
        },
      ),
    );

  test('R9 with auto-ack the crash loses the 10 unprocessed messages', () => {
    const { events, rep } = crash('auto');
    expect(ofType(events, 'consumerCrashed').find((e) => e.consumer === 'a')).toMatchObject({
      requeued: 0,
      lost: 10,
    });
    expect(rep.consumers.b!.delivered).toBe(0);
    expect(rep.queues.q!.ledger).toMatchObject({
      exactlyOnce: 10,
      lost: 10,
      lostByReason: { autoAcked: 10 },
    });
  });

  test('R12 with manual ack the 10 go to the peer flagged redelivered', () => {
    const { events, rep } = crash('manual');
    expect(ofType(events, 'consumerCrashed').find((e) => e.consumer === 'a')).toMatchObject({
      requeued: 10,
      lost: 0,
    });
    const toB = ofType(events, 'delivered').filter((e) => e.consumer === 'b');
    expect(toB.map((e) => e.msgId)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(toB.every((e) => e.redelivered)).toBe(true);
    expect(rep.queues.q!.ledger).toMatchObject({ exactlyOnce: 20, lost: 0 });
  });
});
