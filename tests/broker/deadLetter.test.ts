/**
 * Dead-lettering (R15-R17): the four triggers, republishing with x-death, and cycles. Reference
 * scenario 6 (delayed retry through a TTL queue).
 */
import { describe, expect, test } from 'vitest';
import {
  advance,
  checkInvariants,
  createSim,
  type SimEvent,
  type SimState,
} from '../../src/engine';
import { atMs, consumer, exchange, ofType, producer, queue, run, scenario } from './helpers';

/** x-death of the live copy of `origin`, newest first, with queue names. */
function xDeath(st: SimState, origin: number) {
  const m = st.msgs.find((x) => x !== null && x.origin === origin);
  if (!m) throw new Error(`no live copy of ${origin}`);
  return m.deaths.map((d) => ({
    queue: st.nodeIds[st.queues[d.queue]!.node],
    reason: d.reason,
    count: d.count,
  }));
}

const deadLettered = (events: SimEvent[]) =>
  ofType(events, 'deadLettered').map((e) => [e.from, e.to, e.reason]);

describe('R15 the four triggers', () => {
  test('R15 rejected, expired, maxlen and delivery_limit each dead-letter with their reason', () => {
    const sc = scenario([
      producer('p', 'x', 2),
      exchange('x', 'fanout', [
        { queue: 'rej' },
        { queue: 'ttl' },
        { queue: 'len' },
        { queue: 'qq' },
      ]),
      queue('rej', { deadLetterTo: 'dlq' }),
      queue('ttl', { messageTtlMs: 100, deadLetterTo: 'dlq' }),
      queue('len', { maxLength: 1, deadLetterTo: 'dlq' }),
      queue('qq', { type: 'quorum', deliveryLimit: 1, deadLetterTo: 'dlq' }),
      queue('dlq'),
      consumer('c1', 'rej', 10, { failure: { poisonMessages: [1] }, retry: { policy: 'reject' } }),
      consumer('c2', 'qq', 10, {
        failure: { poisonMessages: [1] },
        retry: { policy: 'requeue', method: 'reject' },
      }),
    ]);
    const { events, rep } = run(sc);
    const got = ofType(events, 'deadLettered').map((e) => `${e.from}:${e.reason}:${e.originId}`);
    expect(got.sort()).toEqual([
      'len:maxlen:1',
      'qq:delivery_limit:1',
      'rej:rejected:1',
      'ttl:expired:1',
      'ttl:expired:2',
    ]);
    expect(rep.queues.dlq!.enqueued).toBe(5);
    expect(rep.totals.deadLettered).toBe(5);
  });

  test('R15 requeues, crashes, ack timeouts and acks are not dead-letter triggers', () => {
    const sc = scenario(
      [
        producer('p', 'q', 6),
        queue('q', { type: 'quorum', deliveryLimit: -1, ackTimeoutMs: 500, deadLetterTo: 'dlq' }),
        queue('dlq'),
        consumer('a', 'q', 100, {
          failure: { poisonMessages: [1] },
          retry: { policy: 'requeue', maxAttempts: 3 },
        }),
        consumer('b', 'q', 700),
      ],
      {
        durationMs: 5000,
        schedule: [
          { atMs: 150, input: { type: 'consumerCrashed', consumerId: 'a', restartAfterMs: 10 } },
        ],
      },
    );
    const { events } = run(sc);
    expect(ofType(events, 'requeued').length).toBeGreaterThan(0);
    expect(ofType(events, 'channelClosed').length).toBeGreaterThan(0);
    expect(ofType(events, 'consumerCrashed')[0]!.requeued).toBeGreaterThan(0);
    expect(ofType(events, 'acked').length).toBeGreaterThan(0);
    // Only the third failure of #1 (maxAttempts reached: reject without requeue) dead-letters.
    expect(deadLettered(events)).toEqual([['q', 'dlq', 'rejected']]);
  });

  test('R15 a dead-letter exchange that routes nowhere drops the message silently', () => {
    const sc = scenario([
      producer('p', 'q', 1),
      queue('q', { messageTtlMs: 100, deadLetterTo: 'dlx' }),
      exchange('dlx', 'direct', [{ queue: 'dlq', key: 'other' }]),
      queue('dlq'),
    ]);
    const { events, rep } = run(sc);
    expect(ofType(events, 'deadLettered')).toEqual([]);
    expect(ofType(events, 'discarded').map((e) => e.reason)).toEqual(['dlx-unroutable']);
    expect(rep.queues.dlq!.enqueued).toBe(0);
  });
});

describe('R16 republishing', () => {
  const keyed = (q: Record<string, unknown>) =>
    run(
      scenario([
        producer('p', 'q', 1, { routingKey: 'orders.eu' }),
        queue('q', { messageTtlMs: 100, deadLetterTo: 'dlx', ...q }),
        exchange('dlx', 'topic', [
          { queue: 'byKey', key: 'orders.#' },
          { queue: 'parked', key: 'parked' },
        ]),
        queue('byKey'),
        queue('parked'),
      ]),
    );

  test('R16 the message keeps its original routing key when no dead-letter routing key is set', () => {
    const { events } = keyed({});
    expect(ofType(events, 'enqueued').map((e) => e.queue)).toEqual(['q', 'byKey']);
  });

  test('R16 x-dead-letter-routing-key replaces the key when set', () => {
    const { events } = keyed({ deadLetterRoutingKey: 'parked' });
    expect(ofType(events, 'enqueued').map((e) => e.queue)).toEqual(['q', 'parked']);
  });

  test('R16 the per-message TTL is stripped: the copy does not expire again in the DLQ', () => {
    const sc = scenario([
      producer('p', 'q', 1, { templates: [{ ttlMs: 100 }] }),
      queue('q', { deadLetterTo: 'dlq' }),
      queue('dlq'),
    ]);
    const { events, rep } = run(sc);
    expect(ofType(events, 'expired').map((e) => e.queue)).toEqual(['q']);
    expect(rep.queues.dlq!.depth).toBe(1);
  });

  test('R16 x-death lists (queue, reason, count), newest first, counts rising (reference scenario 6)', () => {
    // work -> (rejected) -> retry, a TTL queue -> (expired) -> work -> ...
    const sc = scenario(
      [
        producer('p', 'work', 1),
        queue('work', { deadLetterTo: 'retry' }),
        queue('retry', { messageTtlMs: 5000, deadLetterTo: 'work' }),
        consumer('c', 'work', 10, {
          failure: { poisonMessages: [1] },
          retry: { policy: 'reject' },
        }),
      ],
      { durationMs: 12_000 },
    );
    const st = createSim(sc);
    const events: SimEvent[] = [];
    advance(st, st.endTick, [], events);
    expect(checkInvariants(st)).toEqual([]);
    const deaths = ofType(events, 'deadLettered').map((e) => [e.from, e.reason, e.count, atMs(e)]);
    expect(deaths).toEqual([
      ['work', 'rejected', 1, 10],
      ['retry', 'expired', 1, 5010.001],
      ['work', 'rejected', 2, 5020.001],
      ['retry', 'expired', 2, 10020.002],
      ['work', 'rejected', 3, 10030.002],
    ]);
    // After three tries the consumer could park it: x-death says so.
    expect(xDeath(st, 1)).toEqual([
      { queue: 'work', reason: 'rejected', count: 3 },
      { queue: 'retry', reason: 'expired', count: 2 },
    ]);
    // x-last-death is the newest entry; x-first-death is the first dead-lettering seen above.
    expect(deaths[deaths.length - 1]!.slice(0, 2)).toEqual(['work', 'rejected']);
  });
});

describe('R17 dead-letter cycles', () => {
  test('R17 a queue whose expired messages would come straight back to it drops them', () => {
    const sc = scenario([
      producer('p', 'q', 1),
      queue('q', { messageTtlMs: 100, deadLetterTo: 'back' }),
      exchange('back', 'fanout', [{ queue: 'q' }]),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'deadLettered')).toEqual([]);
    expect(ofType(events, 'discarded').map((e) => [e.queue, e.reason])).toEqual([
      ['q', 'dlx-cycle'],
    ]);
  });

  test('R17 a cycle that includes a rejection is not dropped', () => {
    const sc = scenario(
      [
        producer('p', 'q', 1),
        queue('q', { deadLetterTo: 'back' }),
        exchange('back', 'fanout', [{ queue: 'q' }]),
        consumer('c', 'q', 100, { failure: { poisonMessages: [1] }, retry: { policy: 'reject' } }),
      ],
      { durationMs: 1000 },
    );
    const { events } = run(sc);
    const counts = ofType(events, 'deadLettered').map((e) => [e.reason, e.count]);
    expect(counts.slice(0, 3)).toEqual([
      ['rejected', 1],
      ['rejected', 2],
      ['rejected', 3],
    ]);
    expect(ofType(events, 'discarded')).toEqual([]);
  });

  test('R17 a TTL-only cycle through two queues is dropped when it comes back', () => {
    const sc = scenario(
      [
        producer('p', 'q1', 1),
        queue('q1', { messageTtlMs: 100, deadLetterTo: 'q2' }),
        queue('q2', { messageTtlMs: 100, deadLetterTo: 'q1' }),
      ],
      { durationMs: 2000 },
    );
    const { events, rep } = run(sc);
    expect(deadLettered(events)).toEqual([['q1', 'q2', 'expired']]);
    expect(ofType(events, 'discarded').map((e) => [e.queue, e.reason])).toEqual([
      ['q2', 'dlx-cycle'],
    ]);
    expect(rep.totals.inFlight).toBe(0);
  });
});
