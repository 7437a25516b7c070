/**
 * Amazon SQS semantics: the visibility timeout (S2) and the redrive policy (S3), with reference
 * scenario 23 (timeout 30 s, processing 45 s, two consumers).
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import { atMs, consumer, ofType, producer, queue, run, scenario, type Spec } from './helpers';

const sqs = (extra: Spec = {}) => queue('q', { type: 'sqs', ...extra });

describe('S2 visibility timeout', () => {
  // Reference scenario 23.
  const twentyThree = (q: Spec = {}) =>
    run(
      scenario(
        [
          producer('p', 'q', 1),
          sqs(q),
          queue('dlq', { type: 'sqs' }),
          consumer('a', 'q', 45_000),
          consumer('b', 'q', 45_000),
        ],
        { durationMs: 200_000 },
      ),
    );

  test('S2 reference scenario 23: a message not deleted within 30 s (the default) is received again', () => {
    const { events, rep } = twentyThree();
    const got = ofType(events, 'delivered')
      .slice(0, 4)
      .map((e) => [atMs(e), e.consumer, e.deliveryCount, e.redelivered]);
    expect(got).toEqual([
      [0, 'a', 1, false],
      [30_000, 'b', 2, true],
      [60_000, 'a', 3, true],
      [90_000, 'b', 4, true],
    ]);
    expect(
      ofType(events, 'requeued')
        .slice(0, 3)
        .map((e) => [atMs(e), e.reason]),
    ).toEqual([
      [30_000, 'visibilityTimeout'],
      [60_000, 'visibilityTimeout'],
      [90_000, 'visibilityTimeout'],
    ]);
    // Double processing: both consumers apply the effect; their late deletes fail.
    const applied = ofType(events, 'processed').filter((e) => e.effect === 'applied');
    expect(applied.slice(0, 2).map((e) => [atMs(e), e.consumer])).toEqual([
      [45_000, 'a'],
      [75_000, 'b'],
    ]);
    expect(ofType(events, 'ackIgnored').slice(0, 2).map(atMs)).toEqual([45_000, 75_000]);
    expect(rep.totals.duplicateEffects).toBeGreaterThanOrEqual(1);
  });

  test('S2 reference scenario 23 with maxReceiveCount=3: moved to the DLQ on the fourth receive attempt', () => {
    const { events, rep } = twentyThree({ maxReceiveCount: 3, deadLetterTo: 'dlq' });
    expect(
      ofType(events, 'delivered')
        .filter((e) => e.queue === 'q')
        .map((e) => e.deliveryCount),
    ).toEqual([1, 2, 3]);
    expect(ofType(events, 'deadLettered').map((e) => [atMs(e), e.from, e.to, e.reason])).toEqual([
      [90_000, 'q', 'dlq', 'max_receive_count'],
    ]);
    expect(rep.queues.dlq!.depth).toBe(1);
  });

  test('S2 a received message stays in the queue, hidden, until deleted', () => {
    const sc = scenario(
      [
        producer('p', 'q', 1),
        sqs({ visibilityTimeoutMs: 1000 }),
        consumer('a', 'q', 800),
        consumer('b', 'q', 10),
      ],
      { durationMs: 5000 },
    );
    const { events, rep } = run(sc);
    expect(ofType(events, 'delivered').map((e) => e.consumer)).toEqual(['a']);
    expect(ofType(events, 'acked').map((e) => [e.consumer, atMs(e)])).toEqual([['a', 800]]);
    expect(rep.queues.q).toMatchObject({ depth: 0, unacked: 0, requeued: 0 });
  });

  test('S2 a failed message is not deleted: it reappears after the timeout', () => {
    const sc = scenario(
      [
        producer('p', 'q', 1),
        sqs({ visibilityTimeoutMs: 1000 }),
        consumer('c', 'q', 100, {
          failure: { poisonMessages: [1] },
          retry: { policy: 'fixed', maxAttempts: 3 },
        }),
      ],
      { durationMs: 5000 },
    );
    const { events } = run(sc);
    expect(ofType(events, 'delivered').map(atMs)).toEqual([0, 1000, 2000]);
  });

  test('S2 ChangeMessageVisibility to 0 (policy requeue) makes it visible at once', () => {
    const sc = scenario(
      [
        producer('p', 'q', 1),
        sqs({ visibilityTimeoutMs: 1000 }),
        consumer('c', 'q', 100, {
          failure: { poisonMessages: [1] },
          retry: { policy: 'requeue', maxAttempts: 3 },
        }),
      ],
      { durationMs: 5000 },
    );
    const { events } = run(sc);
    expect(ofType(events, 'delivered').map(atMs)).toEqual([0, 100, 200]);
  });
});

describe('S2 visibility timeout range', () => {
  test('S2 the visibility timeout may be set from 0 s to 12 h', () => {
    const ok = (visibilityTimeoutMs: number) =>
      validateScenario({
        version: 1,
        name: 'vis',
        durationMs: 1000,
        nodes: [sqs({ visibilityTimeoutMs })],
      }).ok;
    const twelveHours = 12 * 3600 * 1000;
    expect([0, 1, 30_000, twelveHours, twelveHours + 1].map(ok)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('S3 redrive policy', () => {
  const redrive = (maxReceiveCount: number, extra: Spec = {}, schedule: Spec[] = []) =>
    run(
      scenario(
        [
          producer('p', 'q', 3),
          sqs({ visibilityTimeoutMs: 1000, maxReceiveCount, deadLetterTo: 'dlq' }),
          queue('dlq', { type: 'sqs' }),
          consumer('c', 'q', 100, {
            failure: { poisonMessages: [2] },
            retry: { policy: 'fixed' },
            ...extra,
          }),
        ],
        { durationMs: 20_000, schedule },
      ),
    );

  test('S3 at most maxReceiveCount receives (AWS: 5 → "receives a message six times" → moved)', () => {
    const { events } = redrive(5);
    const receives = ofType(events, 'delivered').filter((e) => e.originId === 2);
    expect(receives.map((e) => e.deliveryCount)).toEqual([1, 2, 3, 4, 5]);
    const moved = ofType(events, 'deadLettered');
    expect(moved.map((e) => [e.originId, e.reason])).toEqual([[2, 'max_receive_count']]);
    expect(moved[0]!.atUs).toBeGreaterThan(receives[4]!.atUs);
  });

  test('S3 the DLQ holds exactly the messages that exceeded maxReceiveCount', () => {
    const { rep, events } = redrive(2);
    expect(rep.queues.dlq!.depth).toBe(1);
    expect(
      ofType(events, 'enqueued')
        .filter((e) => e.queue === 'dlq')
        .map((e) => e.originId),
    ).toEqual([2]);
    expect(rep.queues.q!.acked).toBe(2);
  });

  test('S3 redriven messages get new message ids', () => {
    const { events } = redrive(1, {}, [
      { atMs: 10_000, input: { type: 'dlqRedriven', queueId: 'dlq' } },
    ]);
    const inDlq = ofType(events, 'enqueued').find((e) => e.queue === 'dlq')!;
    const redriven = ofType(events, 'redriven');
    expect(redriven.map((e) => [e.from, e.to])).toEqual([['dlq', 'q']]);
    const back = ofType(events, 'enqueued').filter((e) => e.queue === 'q' && e.atUs >= 10_000_000);
    expect(back).toHaveLength(1);
    expect(back[0]!.originId).toBe(inDlq.originId);
    expect(back[0]!.msgId).not.toBe(inDlq.msgId);
  });

  test('S3 the dead-letter queue must be of the same type as its source queue', () => {
    const r = validateScenario({
      version: 1,
      name: 'sqs dlq type',
      durationMs: 1000,
      nodes: [
        producer('p', 'q', 1),
        sqs({ maxReceiveCount: 3, deadLetterTo: 'dlq' }),
        queue('dlq', { type: 'classic' }),
      ],
    });
    expect(r.ok).toBe(false);
  });
});
