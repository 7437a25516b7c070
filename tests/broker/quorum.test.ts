/**
 * Quorum queue delivery limit (R32) and reference scenario 5 (poison message): a classic queue
 * with nack(requeue) loops hot; a quorum queue dead-letters after delivery-limit returns, with
 * RabbitMQ 4.3 counting (reject and crash) or 4.0-4.2 counting (every return).
 */
import { describe, expect, test } from 'vitest';
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

/** One poison message (#1) into `q`, consumer failing it with `retry`, for `durationMs`. */
function poison(q: Spec, retry: Spec, durationMs = 5000, extra: Spec = {}) {
  return run(
    scenario(
      [
        producer('p', 'q', 1),
        queue('q', { deadLetterTo: 'dlq', ...q }),
        queue('dlq'),
        consumer('c', 'q', 10, { failure: { poisonMessages: [1] }, retry, ...extra }),
      ],
      { durationMs },
    ),
  );
}

const deliveries = (r: ReturnType<typeof poison>) =>
  ofType(r.events, 'delivered').filter((e) => e.queue === 'q').length;
const deaths = (r: ReturnType<typeof poison>) =>
  ofType(r.events, 'deadLettered').map((e) => [e.reason, atMs(e)]);

describe('reference scenario 5: a poison message', () => {
  test('R11 classic queue, nack(requeue=true): the message loops hot and never leaves', () => {
    const r = poison({}, { policy: 'requeue' }, 2000);
    expect(deliveries(r)).toBeGreaterThanOrEqual(199); // one attempt every 10 ms
    expect(deaths(r)).toEqual([]);
  });

  test('R32 quorum queue, basic.reject: dead-lettered after the default delivery-limit of 20 returns', () => {
    const r = poison({ type: 'quorum' }, { policy: 'requeue', method: 'reject' });
    expect(deliveries(r)).toBe(21);
    expect(deaths(r)).toEqual([['delivery_limit', 210]]);
    expect(r.rep.queues.dlq!.depth).toBe(1);
  });

  test('R32 quorum queue, basic.nack with 4.3 counting: nack does not count, so it loops on', () => {
    const r = poison({ type: 'quorum' }, { policy: 'requeue' }, 2000);
    expect(deliveries(r)).toBeGreaterThanOrEqual(199);
    expect(deaths(r)).toEqual([]);
  });

  test('R32 quorum queue, basic.nack with 4.0-4.2 counting (all-returns): dead-lettered after 20 returns', () => {
    const r = poison({ type: 'quorum', deliveryLimitCounts: 'all-returns' }, { policy: 'requeue' });
    expect(deliveries(r)).toBe(21);
    expect(deaths(r)).toEqual([['delivery_limit', 210]]);
  });

  test('R15 reject(requeue=false) sends it to the DLQ at once, reason rejected', () => {
    for (const type of ['classic', 'quorum']) {
      const r = poison({ type }, { policy: 'reject' });
      expect(deliveries(r)).toBe(1);
      expect(deaths(r)).toEqual([['rejected', 10]]);
    }
  });
});

describe('R32 delivery limit', () => {
  test('R32 an explicit delivery-limit: returned more than that many times is dead-lettered', () => {
    const r = poison({ type: 'quorum', deliveryLimit: 3 }, { policy: 'requeue', method: 'reject' });
    expect(deliveries(r)).toBe(4);
    expect(ofType(r.events, 'deadLettered')[0]).toMatchObject({
      reason: 'delivery_limit',
      to: 'dlq',
      count: 1,
    });
  });

  test('R32 consumer crashes count as returns', () => {
    const crash = (atMs: number) => ({
      atMs,
      input: { type: 'consumerCrashed', consumerId: 'c', restartAfterMs: 50 },
    });
    const r = run(
      scenario(
        [
          producer('p', 'q', 1),
          queue('q', { type: 'quorum', deliveryLimit: 2, deadLetterTo: 'dlq' }),
          queue('dlq'),
          consumer('c', 'q', 1000),
        ],
        { schedule: [crash(100), crash(300), crash(500)] },
      ),
    );
    expect(deliveries(r)).toBe(3);
    expect(ofType(r.events, 'requeued').map(atMs)).toEqual([100, 300]);
    expect(deaths(r)).toEqual([['delivery_limit', 500]]);
  });

  const timingOut = (counts?: string) =>
    run(
      scenario(
        [
          producer('p', 'q', 1),
          queue('q', {
            type: 'quorum',
            deliveryLimit: 1,
            ackTimeoutMs: 100,
            deadLetterTo: 'dlq',
            ...(counts ? { deliveryLimitCounts: counts } : {}),
          }),
          queue('dlq'),
          consumer('c', 'q', 150),
        ],
        { durationMs: 2000 },
      ),
    );

  test('R32 a consumer timeout does not count as a return with 4.3 counting', () => {
    const r = timingOut();
    expect(ofType(r.events, 'channelClosed').length).toBeGreaterThanOrEqual(10);
    expect(deaths(r)).toEqual([]);
  });

  test('R32 with 4.0-4.2 counting every return counts, consumer timeouts included', () => {
    const r = timingOut('all-returns');
    expect(ofType(r.events, 'channelClosed')).toHaveLength(2);
    expect(deaths(r).map((d) => d[0])).toEqual(['delivery_limit']);
    expect(deliveries(r)).toBe(2);
  });

  test('R32 -1 means no limit', () => {
    const r = poison(
      { type: 'quorum', deliveryLimit: -1 },
      { policy: 'requeue', method: 'reject' },
      2000,
    );
    expect(deliveries(r)).toBeGreaterThanOrEqual(199);
    expect(deaths(r)).toEqual([]);
  });

  const threeWithPoisonFirst = (q: Spec) =>
    run(
      scenario([
        producer('p', 'q', 3),
        queue('q', { type: 'quorum', ...q }),
        consumer('c', 'q', 10, {
          failure: { poisonMessages: [1] },
          retry: { policy: 'requeue', method: 'reject', maxAttempts: 2 },
        }),
      ]),
    );

  test('R32 with no limit a returned message goes to the back of the queue', () => {
    const { events } = threeWithPoisonFirst({ deliveryLimit: -1 });
    expect(msgIds(events, 'delivered')).toEqual([1, 2, 3, 1]);
  });

  test('R32 with a limit a returned message keeps its place at the front (R11)', () => {
    const { events } = threeWithPoisonFirst({ deliveryLimit: 5 });
    expect(msgIds(events, 'delivered')).toEqual([1, 1, 2, 3]);
  });
});
