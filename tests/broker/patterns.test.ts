/**
 * Patterns: backoff and jitter (P1, tested on retryDelayUs directly and through the engine) and
 * the idempotent consumer (P2).
 */
import { describe, expect, test } from 'vitest';
import { addStream } from '../../src/engine/rng';
import { retryDelayUs } from '../../src/engine/retryPolicy';
import type { ConsumerState } from '../../src/engine';
import { atMs, consumer, ofType, producer, queue, run, scenario, type Spec } from './helpers';

type Policy = ConsumerState['retry']['policy'];
const BASE = 100_000; // 100 ms
const CAP = 30_000_000; // 30 s

function policy(p: Policy, baseUs = BASE, capUs = CAP): ConsumerState['retry'] {
  return { policy: p, baseUs, capUs, maxAttempts: 0, reject: false };
}

/** `n` draws of the delay for retry number `attempt` (from 0), from a fresh seeded stream. */
function draws(p: Policy, attempt: number, previousUs = 0, n = 20_000, capUs = CAP): number[] {
  const rng: number[] = [];
  const stream = addStream(rng, 42, `p1:${p}:${attempt}`);
  return Array.from({ length: n }, () =>
    retryDelayUs(policy(p, BASE, capUs), attempt, previousUs, rng, stream),
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('P1 backoff and jitter', () => {
  test('P1 fixed backoff is always the base', () => {
    expect([0, 1, 5, 20].map((n) => draws('fixed', n, 0, 1)[0])).toEqual([BASE, BASE, BASE, BASE]);
  });

  test('P1 exponential backoff is min(cap, base·2^n)', () => {
    const got = [0, 1, 2, 3, 8, 9, 10, 60, 1000].map((n) => draws('exponential', n, 0, 1)[0]);
    expect(got).toEqual([100_000, 200_000, 400_000, 800_000, 25_600_000, CAP, CAP, CAP, CAP]);
  });

  test('P1 full jitter is U(0, expo): range and mean', () => {
    const expo = 800_000; // n = 3
    const xs = draws('full-jitter', 3);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(expo);
    expect(Math.min(...xs)).toBeLessThan(expo * 0.01);
    expect(Math.max(...xs)).toBeGreaterThan(expo * 0.99);
    expect(mean(xs) / (expo / 2)).toBeCloseTo(1, 1);
    expect(Math.abs(mean(xs) - expo / 2)).toBeLessThan(expo * 0.01);
  });

  test('P1 full jitter is capped like the exponential', () => {
    const xs = draws('full-jitter', 20, 0, 5000);
    expect(Math.max(...xs)).toBeLessThanOrEqual(CAP);
    expect(Math.abs(mean(xs) - CAP / 2)).toBeLessThan(CAP * 0.02);
  });

  test('P1 equal jitter is expo/2 + U(0, expo/2): range and mean', () => {
    const expo = 1_600_000; // n = 4
    const xs = draws('equal-jitter', 4);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(expo / 2);
    expect(Math.max(...xs)).toBeLessThanOrEqual(expo);
    expect(Math.min(...xs)).toBeLessThan(expo * 0.51);
    expect(Math.max(...xs)).toBeGreaterThan(expo * 0.99);
    expect(Math.abs(mean(xs) - 0.75 * expo)).toBeLessThan(expo * 0.01);
  });

  test('P1 decorrelated jitter is min(cap, U(base, previous·3)): range and mean', () => {
    const prev = 1_000_000;
    const xs = draws('decorrelated-jitter', 5, prev);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(BASE);
    expect(Math.max(...xs)).toBeLessThanOrEqual(3 * prev);
    expect(Math.max(...xs)).toBeGreaterThan(3 * prev * 0.99);
    expect(Math.abs(mean(xs) - (BASE + 3 * prev) / 2)).toBeLessThan(prev * 0.02);
  });

  test('P1 decorrelated jitter starts from the base and never exceeds the cap', () => {
    const first = draws('decorrelated-jitter', 0, 0);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(BASE);
    expect(Math.max(...first)).toBeLessThanOrEqual(3 * BASE);
    expect(Math.abs(mean(first) - 2 * BASE)).toBeLessThan(BASE * 0.02);
    const capped = draws('decorrelated-jitter', 9, 20_000_000, 5000);
    expect(Math.max(...capped)).toBe(CAP); // U(base, 60 s) above 30 s is cut to the cap
    expect(capped.filter((x) => x === CAP).length / capped.length).toBeCloseTo(0.5, 1);
  });

  test('P1 through the engine: exponential retries wait base·2^n and go back to the tail', () => {
    const sc = scenario([
      producer('p', 'q', 1),
      producer('later', 'q', 2, { startMs: 315 }),
      queue('q', { deadLetterTo: 'dlq' }),
      queue('dlq'),
      consumer('c', 'q', 10, {
        failure: { poisonMessages: [1] },
        retry: { policy: 'exponential', baseMs: 100, maxAttempts: 4 },
      }),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'retryScheduled').map((e) => [e.attempt, e.delayUs, atMs(e)])).toEqual([
      [1, 100_000, 10],
      [2, 200_000, 120],
      [3, 400_000, 345],
    ]);
    // #1 is back at 320 ms, behind #3, which was already waiting.
    expect(ofType(events, 'delivered').map((e) => [e.originId, atMs(e)])).toEqual([
      [1, 0],
      [1, 110],
      [2, 315],
      [3, 325],
      [1, 335],
      [1, 745],
    ]);
    expect(ofType(events, 'deadLettered').map((e) => [e.reason, atMs(e)])).toEqual([
      ['rejected', 755],
    ]);
  });
});

describe('P2 idempotent consumer', () => {
  // A consumer dies after applying the effect, before its ack leaves: the message comes back.
  const redelivered = (idempotent?: Spec) =>
    run(
      scenario(
        [
          producer('p', 'q', 3),
          queue('q'),
          consumer('c', 'q', 10, idempotent ? { idempotent } : {}),
        ],
        {
          schedule: [
            {
              atMs: 0,
              input: {
                type: 'consumerCrashed',
                consumerId: 'c',
                window: 'afterEffect',
                restartAfterMs: 100,
              },
            },
          ],
        },
      ),
    );

  test('P2 a redelivered duplicate is acked without applying its effect again', () => {
    const { events, rep } = redelivered({});
    const first = ofType(events, 'processed').filter((e) => e.originId === 1);
    expect(first.map((e) => e.effect)).toEqual(['applied', 'duplicateSkipped']);
    expect(ofType(events, 'acked').map((e) => e.originId)).toEqual([1, 2, 3]);
    expect(rep.consumers.c).toMatchObject({ effects: 3, duplicatesSkipped: 1 });
    expect(rep.queues.q!.ledger).toMatchObject({ exactlyOnce: 3, duplicated: 0 });
  });

  test('P2 without the idempotency store the same redelivery applies the effect twice', () => {
    const { rep } = redelivered();
    expect(rep.queues.q!.ledger).toMatchObject({
      exactlyOnce: 2,
      duplicated: 1,
      duplicatedIds: [1],
    });
  });

  // Publisher retries: the confirm of #1 waits for the fsync at 1000 ms, the publisher gives up
  // waiting at 500 ms and sends #1 again. Another message (#2) is published at 100 ms. The
  // consumer takes 600 ms per message: #1 ends at 600, #2 at 1200, the resent #1 at 1800.
  const resent = (idempotent?: Spec) =>
    run(
      scenario([
        producer('p', 'q', 1, {
          persistent: true,
          confirms: true,
          publishRetry: { timeoutMs: 500, maxAttempts: 2 },
        }),
        producer('other', 'q', 1, { startMs: 100 }),
        queue('q'),
        consumer('c', 'q', 600, idempotent ? { idempotent } : {}),
        { id: 'rabbit', kind: 'broker', persistIntervalMs: 1000 },
      ]),
    );
  const effectsOf1 = (r: ReturnType<typeof resent>) =>
    ofType(r.events, 'processed')
      .filter((e) => e.originId === 1)
      .map((e) => [atMs(e), e.effect]);

  test('P2 a duplicate from a publisher retry is acked without a second effect', () => {
    const r = resent({});
    expect(ofType(r.events, 'publishRetried').map((e) => [e.originId, e.reason])).toEqual([
      [1, 'timeout'],
    ]);
    expect(effectsOf1(r)).toEqual([
      [600, 'applied'],
      [1800, 'duplicateSkipped'],
    ]);
    expect(r.rep.queues.q!.ledger).toMatchObject({ exactlyOnce: 2, duplicated: 0 });
  });

  test('P2 a store too small to remember the id lets the old duplicate through', () => {
    const r = resent({ storeSize: 1 });
    expect(effectsOf1(r)).toEqual([
      [600, 'applied'],
      [1800, 'applied'],
    ]);
    expect(r.rep.queues.q!.ledger).toMatchObject({
      exactlyOnce: 1,
      duplicated: 1,
      duplicatedIds: [1],
    });
    expect(r.rep.consumers.c!.idempotencyStore).toBe(1);
  });

  test('P2 an id older than the retention is forgotten and its duplicate applied again', () => {
    expect(effectsOf1(resent({ retentionMs: 1500 }))).toEqual([
      [600, 'applied'],
      [1800, 'duplicateSkipped'],
    ]);
    expect(effectsOf1(resent({ retentionMs: 1000 }))).toEqual([
      [600, 'applied'],
      [1800, 'applied'],
    ]);
  });
});
