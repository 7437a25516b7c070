/**
 * When a consumer goes away (R12) or holds a delivery too long (R14), the broker takes back its
 * unacked deliveries and requeues them, flagged redelivered.
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import { atMs, consumer, ofType, producer, queue, run, scenario, type Spec } from './helpers';

describe('R12 consumer death', () => {
  // a holds four deliveries at 112 ms: #1's ack is travelling back, #2 is in service, #3 and #4
  // wait in its buffer. b is down until a has them all.
  const sc = scenario(
    [
      producer('p', 'q', 4),
      queue('q'),
      consumer('a', 'q', 100, { prefetch: 4 }),
      consumer('b', 'q', 100, { prefetch: 4 }),
    ],
    {
      linkLatencyMs: 5,
      schedule: [
        { atMs: 0, input: { type: 'consumerCrashed', consumerId: 'b' } },
        { atMs: 10, input: { type: 'consumerRestarted', consumerId: 'b' } },
        { atMs: 112, input: { type: 'consumerCrashed', consumerId: 'a' } },
      ],
    },
  );

  test('R12 every unacked delivery of a dead consumer is requeued, even one whose ack is in flight', () => {
    const { events } = run(sc);
    expect(
      ofType(events, 'delivered')
        .filter((e) => !e.redelivered)
        .map((e) => e.consumer),
    ).toEqual(['a', 'a', 'a', 'a']);
    expect(ofType(events, 'consumerCrashed').find((e) => e.consumer === 'a')).toMatchObject({
      requeued: 4,
    });
    expect(ofType(events, 'requeued').map((e) => [e.msgId, e.reason])).toEqual([
      [1, 'consumerCrashed'],
      [2, 'consumerCrashed'],
      [3, 'consumerCrashed'],
      [4, 'consumerCrashed'],
    ]);
  });

  test('R12 the requeued messages go to another consumer with redelivered=true; first deliveries are false', () => {
    const { events, rep } = run(sc);
    const delivered = ofType(events, 'delivered');
    expect(delivered.filter((e) => e.deliveryCount === 1).every((e) => !e.redelivered)).toBe(true);
    const again = delivered.filter((e) => e.deliveryCount === 2);
    expect(again.map((e) => [e.msgId, e.consumer, e.redelivered])).toEqual([
      [1, 'b', true],
      [2, 'b', true],
      [3, 'b', true],
      [4, 'b', true],
    ]);
    expect(ofType(events, 'acked').map((e) => e.consumer)).toEqual(['b', 'b', 'b', 'b']);
    // #1 was processed by a before the crash, so its effect is applied twice.
    expect(rep.queues.q!.ledger).toMatchObject({
      exactlyOnce: 3,
      duplicated: 1,
      duplicatedIds: [1],
    });
  });
});

describe('R14 consumer (ack) timeout', () => {
  const slow = (q: Spec, serviceMs: number, durationMs: number) =>
    scenario(
      [producer('p', 'q', 2), queue('q', q), consumer('c', 'q', serviceMs, { prefetch: 2 })],
      {
        durationMs,
      },
    );

  test('R14 a delivery unacked past the timeout closes the channel and requeues all its deliveries', () => {
    const { events } = run(slow({ type: 'quorum', ackTimeoutMs: 1000 }, 1500, 1600));
    const closed = ofType(events, 'channelClosed');
    expect(closed[0]).toMatchObject({ consumer: 'c', reason: 'ackTimeout', requeued: 2 });
    expect(atMs(closed[0]!)).toBeGreaterThanOrEqual(1000);
    expect(atMs(closed[0]!)).toBeLessThanOrEqual(61_000); // checked (at least) once a minute
    expect(ofType(events, 'requeued').map((e) => [e.msgId, e.reason])).toEqual([
      [1, 'ackTimeout'],
      [2, 'ackTimeout'],
    ]);
    // The work in progress finishes, but its ack belongs to the closed channel.
    expect(ofType(events, 'ackIgnored').map((e) => [e.msgId, atMs(e)])).toEqual([[1, 1500]]);
    const again = ofType(events, 'delivered').filter((e) => e.redelivered);
    expect(again.map((e) => e.msgId)).toEqual([1, 2]);
  });

  test('R14 a quorum queue enforces the default consumer_timeout of 30 minutes', () => {
    const { events } = run(slow({ type: 'quorum' }, 40 * 60_000, 32 * 60_000));
    const closed = ofType(events, 'channelClosed');
    expect(closed.length).toBeGreaterThanOrEqual(1);
    expect(atMs(closed[0]!)).toBeGreaterThanOrEqual(30 * 60_000);
    expect(atMs(closed[0]!)).toBeLessThanOrEqual(31 * 60_000);
  });

  test('R14 a classic queue no longer enforces the consumer timeout (4.3)', () => {
    const raw = {
      version: 1,
      name: 'classic timeout',
      durationMs: 5000,
      nodes: [
        producer('p', 'q', 2),
        queue('q', { ackTimeoutMs: 1000 }),
        consumer('c', 'q', 1500, { prefetch: 2 }),
      ],
    };
    // Either the option is refused on a classic queue, or it has no effect there.
    const v = validateScenario(raw);
    if (!v.ok) {
      expect(v.errors.some((e) => e.includes('ackTimeoutMs'))).toBe(true);
      return;
    }
    const { events, rep } = run(v.value);
    expect(ofType(events, 'channelClosed')).toEqual([]);
    expect(rep.consumers.c).toMatchObject({ acked: 2, redelivered: 0 });
  });

  test('R14 without a timeout a classic queue lets a delivery stay unacked past 30 minutes', () => {
    const { events, rep } = run(slow({}, 40 * 60_000, 45 * 60_000));
    expect(ofType(events, 'channelClosed')).toEqual([]);
    expect(rep.consumers.c).toMatchObject({ acked: 1, redelivered: 0 });
  });
});
