/**
 * Message TTL (R19) and head-of-line expiry (R20), with reference scenario 7.
 */
import { describe, expect, test } from 'vitest';
import { advance, checkInvariants, createSim, report, type SimEvent } from '../../src/engine';
import {
  atMs,
  consumer,
  msgIds,
  ofType,
  producer,
  queue,
  run,
  scenario,
  type Spec,
} from './helpers';

/** One message with optional per-message TTL into `q`, no consumer: when does it expire? */
function expiresAt(q: Spec, ttlMs?: number): number[] {
  const tpl = ttlMs === undefined ? {} : { templates: [{ ttlMs }] };
  const { events } = run(
    scenario([producer('p', 'q', 1, tpl), queue('q', q)], { durationMs: 5000 }),
  );
  return ofType(events, 'expired').map((e) => Math.ceil(atMs(e)));
}

describe('R19 message TTL', () => {
  test('R19 a queue TTL expires messages that long after they arrive', () => {
    expect(expiresAt({ messageTtlMs: 1000 })).toEqual([1001]);
  });

  test('R19 a per-message expiration works the same way', () => {
    expect(expiresAt({}, 500)).toEqual([501]);
  });

  test('R19 the lower of the queue TTL and the message TTL wins', () => {
    expect(expiresAt({ messageTtlMs: 1000 }, 300)).toEqual([301]);
    expect(expiresAt({ messageTtlMs: 300 }, 1000)).toEqual([301]);
  });

  test('R19 expired messages are never delivered', () => {
    const sc = scenario(
      [producer('p', 'q', 3, { templates: [{ ttlMs: 1000 }] }), queue('q'), consumer('c', 'q')],
      {
        schedule: [
          { atMs: 0, input: { type: 'consumerCrashed', consumerId: 'c', restartAfterMs: 2000 } },
        ],
      },
    );
    const { events, rep } = run(sc);
    expect(ofType(events, 'delivered')).toEqual([]);
    expect(rep.queues.q).toMatchObject({ expired: 3, depth: 0 });
  });

  test('R19 TTL 0 expires a message unless it can be delivered at once', () => {
    const sc = scenario([
      producer('p', 'x', 3),
      { id: 'x', kind: 'exchange', type: 'fanout', bindings: [{ queue: 'q' }, { queue: 'idle' }] },
      queue('q', { messageTtlMs: 0 }),
      queue('idle', { messageTtlMs: 0 }),
      consumer('c', 'q', 100, { prefetch: 1 }),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'delivered').map((e) => e.originId)).toEqual([1]);
    const expired = ofType(events, 'expired');
    expect(expired.filter((e) => e.queue === 'q').map((e) => e.msgId).length).toBe(2);
    expect(expired.filter((e) => e.queue === 'idle')).toHaveLength(3);
    expect(expired.every((e) => e.atUs <= 1)).toBe(true);
  });

  test('R19 requeue keeps the original expiry: a message nacked after it expired is not redelivered', () => {
    const sc = scenario([
      producer('p', 'q', 1, { templates: [{ ttlMs: 1000 }] }),
      queue('q'),
      consumer('c', 'q', 1500, { failure: { poisonMessages: [1] } }),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'nacked')).toHaveLength(1);
    expect(msgIds(events, 'delivered')).toEqual([1]);
    expect(ofType(events, 'expired').map(atMs)).toEqual([1500]);
  });

  test('R19 a message requeued before its expiry still expires at its original time', () => {
    const sc = scenario(
      [
        producer('p', 'q', 1, { templates: [{ ttlMs: 1000 }] }),
        queue('q'),
        consumer('c', 'q', 5000),
      ],
      {
        schedule: [
          { atMs: 300, input: { type: 'consumerCrashed', consumerId: 'c' } },
          { atMs: 1200, input: { type: 'consumerRestarted', consumerId: 'c' } },
        ],
      },
    );
    const { events } = run(sc);
    expect(msgIds(events, 'delivered')).toEqual([1]);
    const expired = ofType(events, 'expired').map(atMs);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toBeGreaterThan(1000);
    expect(expired[0]).toBeLessThanOrEqual(1010);
  });
});

describe('R20 head-of-line expiry', () => {
  // Reference scenario 7: five messages with expiration 60 s, then five with 1 s, no consumer.
  const seven = (type: string) => {
    const sc = scenario(
      [
        producer('long', 'q', 5, { templates: [{ ttlMs: 60_000 }] }),
        producer('short', 'q', 5, { templates: [{ ttlMs: 1000 }], startMs: 10 }),
        queue('q', { type }),
      ],
      { durationMs: 61_000 },
    );
    const st = createSim(sc);
    const events: SimEvent[] = [];
    advance(st, 500, [], events); // t = 5 s: the 1 s messages are long past their expiry
    const early = report(st).queues.q!;
    advance(st, st.endTick, [], events);
    expect(checkInvariants(st)).toEqual([]);
    return { early, late: report(st).queues.q!, events };
  };

  for (const type of ['classic', 'quorum']) {
    test(`R20 reference scenario 7 (${type}): expired messages behind a live head linger in the stats`, () => {
      const { early, late, events } = seven(type);
      expect(early).toMatchObject({ depth: 10, expired: 0 });
      expect(late).toMatchObject({ depth: 0, expired: 10 });
      // They all go when the head expires, the 1 s messages right behind it.
      const at = ofType(events, 'expired').map(atMs);
      expect(at.every((t) => t > 60_000 && t <= 60_010 + 1)).toBe(true);
      expect(ofType(events, 'expired').map((e) => e.msgId)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
    });
  }

  test('R20 an expired message behind a live one is dropped once it reaches the head', () => {
    const sc = scenario(
      [
        producer('p', 'q', 2, { templates: [{}, { ttlMs: 100 }], pick: 'cycle' }),
        queue('q'),
        consumer('c', 'q', 10),
      ],
      {
        schedule: [
          { atMs: 0, input: { type: 'consumerCrashed', consumerId: 'c', restartAfterMs: 1000 } },
        ],
      },
    );
    const st = createSim(sc);
    const events: SimEvent[] = [];
    advance(st, 50, [], events);
    expect(report(st).queues.q).toMatchObject({ depth: 2, expired: 0 });
    advance(st, st.endTick, [], events);
    expect(checkInvariants(st)).toEqual([]);
    expect(msgIds(events, 'delivered')).toEqual([1]);
    expect(ofType(events, 'expired').map((e) => [e.msgId, atMs(e)])).toEqual([[2, 1000]]);
  });
});
