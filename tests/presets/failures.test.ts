/**
 * Failure-handling presets: poison messages (R11, R15, R32), retries with backoff and jitter
 * then a DLQ (P1), auto vs manual ack across a consumer crash (R9, R12), and an SQS visibility
 * timeout that is too short (S2, S3).
 */
import { describe, expect, test } from 'vitest';
import { countBy, expectCleanEnd, groupBy, mean, ofType, presetRun, tickAt } from './support';
import { loadPreset } from '../../src/scenarios';

describe('poison-message: messages 20 and 70 always fail', () => {
  const run = presetRun('poison-message');
  const deliveriesOf = (queue: string, origin: number) =>
    ofType(run().events, 'delivered').filter((e) => e.queue === queue && e.originId === origin);
  const dead = () => ofType(run().events, 'deadLettered');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the consumers fail on exactly messages 20 and 70', () => {
    const failed = ofType(run().events, 'processed').filter((e) => e.outcome === 'failed');
    expect(new Set(failed.map((e) => e.originId))).toEqual(new Set([20, 70]));
  });

  test('classic queue with requeue: message 20 loops forever, redelivered and never acked', () => {
    const { rep, events } = run();
    const loops = deliveriesOf('classic', 20);
    expect(loops).toHaveLength(625);
    expect(loops.map((e) => e.deliveryCount)).toEqual(loops.map((_, i) => i + 1));
    expect(loops.slice(1).every((e) => e.redelivered)).toBe(true);
    const nacks = ofType(events, 'nacked').filter((e) => e.queue === 'classic');
    expect(nacks).toHaveLength(624);
    expect(nacks.every((e) => e.requeue && e.method === 'nack')).toBe(true);
    const acks20 = ofType(events, 'acked').filter(
      (e) => e.queue === 'classic' && e.originId === 20,
    );
    expect(acks20).toEqual([]);
    expect(dead().filter((e) => e.from === 'classic')).toEqual([]);
    // Requeued to its original position at the head (R11), it blocks everything behind it:
    // messages 1-19 are acked, 21-100 (70 among them) never even reach the consumer.
    expect(rep.queues.classic!).toMatchObject({ acked: 19, requeued: 624, depth: 80 });
    expect(deliveriesOf('classic', 70)).toEqual([]);
    expect(loops.at(-1)!.atUs).toBeGreaterThan(59_000_000); // still looping at the end
  });

  test('quorum queue: dead-lettered past its delivery limit, after exactly limit + 1 deliveries (R32)', () => {
    const { rep, sc } = run();
    const quorum = sc.nodes.find((n) => n.id === 'quorum')!;
    const limit = quorum.kind === 'queue' ? quorum.deliveryLimit! : NaN;
    expect(limit).toBe(20);
    // The consumer returns it with basic.reject, which 4.3 counts ("returned more than
    // delivery-limit times": the 21st return dead-letters it).
    const limited = sc.nodes.find((n) => n.id === 'limited')!;
    expect(limited.kind === 'consumer' && limited.retry?.method).toBe('reject');
    for (const origin of [20, 70]) {
      const ds = deliveriesOf('quorum', origin);
      expect(ds).toHaveLength(limit + 1);
      expect(ds.map((e) => e.deliveryCount)).toEqual(ds.map((_, i) => i + 1));
      const dl = dead().filter((e) => e.from === 'quorum' && e.originId === origin);
      expect(dl).toHaveLength(1);
      expect(dl[0]).toMatchObject({ to: 'dlq', reason: 'delivery_limit' });
      expect(dl[0]!.atUs).toBeGreaterThan(ds.at(-1)!.atUs);
    }
    expect(rep.queues.quorum!).toMatchObject({
      acked: 98,
      requeued: 2 * limit,
      deadLettered: { delivery_limit: 2 },
      depth: 0,
    });
  });

  test('reject without requeue: dead-lettered at once, after exactly one delivery (R15)', () => {
    const { rep } = run();
    for (const origin of [20, 70]) {
      expect(deliveriesOf('rejecting', origin)).toHaveLength(1);
      const dl = dead().filter((e) => e.from === 'rejecting' && e.originId === origin);
      expect(dl).toHaveLength(1);
      expect(dl[0]).toMatchObject({ to: 'dlq', reason: 'rejected' });
    }
    expect(rep.queues.rejecting!).toMatchObject({
      acked: 98,
      requeued: 0,
      deadLettered: { rejected: 2 },
    });
  });

  test('the DLQ holds both poison messages from each of the quorum and rejecting queues', () => {
    expect(run().rep.queues.dlq!.depth).toBe(4);
    expect(countBy(dead(), (e) => `${e.from}:${e.originId}:${e.reason}`)).toEqual({
      'rejecting:20:rejected': 1,
      'quorum:20:delivery_limit': 1,
      'rejecting:70:rejected': 1,
      'quorum:70:delivery_limit': 1,
    });
  });
});

describe('retry-backoff-dlq: 30 % failures, a few poison messages, full-jitter retries, DLQ after 5 attempts', () => {
  const run = presetRun('retry-backoff-dlq');
  const failuresOf = () => {
    const out = new Map<number, number>();
    for (const e of ofType(run().events, 'processed'))
      if (e.outcome === 'failed') out.set(e.originId, (out.get(e.originId) ?? 0) + 1);
    return out;
  };
  const deadIds = () => new Set(ofType(run().events, 'deadLettered').map((e) => e.originId));

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('messages that fail 5 attempts go to the DLQ with reason rejected, after exactly 5', () => {
    const { rep, events } = run();
    const dead = ofType(events, 'deadLettered');
    const failures = failuresOf();
    const deliveries = countBy(ofType(events, 'delivered'), (e) => e.originId);
    expect(dead).toHaveLength(23);
    for (const e of dead) {
      expect(e).toMatchObject({ from: 'payments', to: 'payments-dlq', reason: 'rejected' });
      expect(failures.get(e.originId), `failures of ${e.originId}`).toBe(5);
      expect(deliveries[e.originId], `deliveries of ${e.originId}`).toBe(5);
    }
    // No message is tried a sixth time, and every one that failed 5 times is in the DLQ.
    const ids = deadIds();
    for (const [origin, n] of failures) {
      expect(n).toBeLessThanOrEqual(5);
      if (n === 5) expect(ids.has(origin)).toBe(true);
    }
    expect(rep.queues['payments-dlq']!.depth).toBe(23);
    expect(rep.queues.payments!.deadLettered).toEqual({ rejected: 23 });
  });

  test('failures are retried after a delay within the full-jitter bound min(cap, base * 2^n) (P1)', () => {
    const scheduled = ofType(run().events, 'retryScheduled');
    expect(scheduled).toHaveLength(369);
    const byAttempt = groupBy(scheduled, (e) => e.attempt);
    expect([...byAttempt.keys()].sort()).toEqual([1, 2, 3, 4]); // the 5th failure is final
    for (const e of scheduled) {
      const bound = Math.min(5_000_000, 200_000 * 2 ** (e.attempt - 1));
      expect(e.delayUs).toBeGreaterThanOrEqual(0);
      expect(e.delayUs).toBeLessThanOrEqual(bound);
    }
    // The delays grow with the attempt: each mean is about half its bound (uniform jitter).
    const means = [1, 2, 3, 4].map((n) => mean(byAttempt.get(n)!.map((e) => e.delayUs / 1000)));
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]!);
    [200, 400, 800, 1600].forEach((bound, i) => {
      expect(means[i]! / bound).toBeGreaterThan(0.35);
      expect(means[i]! / bound).toBeLessThan(0.65);
    });
  });

  test('the gateway fails about 30 % of the attempts on ordinary messages', () => {
    const ids = deadIds();
    const ordinary = ofType(run().events, 'processed').filter((e) => !ids.has(e.originId));
    const rate = ordinary.filter((e) => e.outcome === 'failed').length / ordinary.length;
    expect(rate).toBeGreaterThan(0.27);
    expect(rate).toBeLessThan(0.33);
  });

  test('most messages are acked in the end, many of them after retries', () => {
    const { rep, events } = run();
    expect(rep.totals.published).toBe(634);
    expect(rep.totals.acked).toBe(597);
    expect(rep.totals.acked / (rep.totals.acked + deadIds().size)).toBeGreaterThan(0.95);
    const failures = failuresOf();
    const retriedThenAcked = ofType(events, 'acked').filter((e) => failures.has(e.originId));
    expect(retriedThenAcked).toHaveLength(177);
    expect(rep.queues.payments!.ledger).toMatchObject({ exactlyOnce: 597, duplicated: 0, lost: 0 });
  });
});

describe('ack-modes-crash: both consumers crash at 10 s and restart at 15 s', () => {
  const crashTick = tickAt(loadPreset('ack-modes-crash'), 10_000);
  const run = presetRun('ack-modes-crash', { at: [crashTick] });
  const crash = (consumer: string) =>
    ofType(run().events, 'consumerCrashed').find((e) => e.consumer === consumer);

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('the auto-ack consumer had taken everything into its buffer and loses it all', () => {
    const { rep, mid } = run();
    expect(mid.get(crashTick)!.queues['auto-q']!.depth).toBe(0); // nothing left in the queue
    expect(crash('auto')).toMatchObject({ atUs: 10_000_000, requeued: 0, lost: 19 });
    const ledger = rep.queues['auto-q']!.ledger;
    expect(ledger.lost).toBe(19);
    expect(ledger.lostByReason).toEqual({ autoAcked: 19 });
    expect(ledger.exactlyOnce).toBe(131);
    expect(rep.consumers.auto!.redelivered).toBe(0);
  });

  test('the manual-ack consumer loses nothing: its unacked messages come back, flagged redelivered', () => {
    const { rep, events } = run();
    expect(crash('manual')).toMatchObject({ atUs: 10_000_000, requeued: 13, lost: 0 });
    const requeued = ofType(events, 'requeued').filter((e) => e.queue === 'manual-q');
    expect(requeued).toHaveLength(13);
    const ids = new Set(requeued.map((e) => e.msgId));
    const again = ofType(events, 'delivered').filter((e) => ids.has(e.msgId) && e.atUs > 10e6);
    expect(again).toHaveLength(13);
    for (const e of again) expect(e).toMatchObject({ redelivered: true, consumer: 'manual' });
    expect(Math.min(...again.map((e) => e.atUs))).toBeGreaterThanOrEqual(15_000_000);
    expect(rep.consumers.manual!.redelivered).toBe(13);
    const ledger = rep.queues['manual-q']!.ledger;
    expect(ledger.lost).toBe(0);
    expect(ledger.exactlyOnce + ledger.duplicated).toBe(150);
    expect(rep.queues['manual-q']!.acked).toBe(150);
  });
});

describe('sqs-visibility: 45 s of processing against a 30 s visibility timeout', () => {
  const run = presetRun('sqs-visibility');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('each message reappears when its visibility timeout ends, before the work is done', () => {
    const { rep, events } = run();
    const timeouts = ofType(events, 'requeued').filter((e) => e.reason === 'visibilityTimeout');
    // Five messages reappear three times each, once per receive.
    expect(timeouts).toHaveLength(15);
    // Every delete comes after the timeout, so none is accepted: nothing is ever deleted.
    expect(rep.totals.acked).toBe(0);
    expect(ofType(events, 'ackIgnored')).toHaveLength(15);
  });

  test('and is processed again: duplicated work', () => {
    const { rep, events } = run();
    expect(rep.totals.duplicateEffects).toBe(10);
    expect(countBy(ofType(events, 'processed'), (e) => e.originId)).toEqual({
      1: 3,
      2: 3,
      3: 3,
      4: 3,
      5: 3,
    });
  });

  test('by a second worker: each message processed more than once is processed by both', () => {
    const workers = groupBy(ofType(run().events, 'processed'), (e) => e.originId);
    const byWhom: Record<number, string[]> = {};
    for (const [origin, ps] of workers)
      byWhom[origin] = [...new Set(ps.map((e) => e.consumer))].sort();
    expect(byWhom).toEqual({
      1: ['worker-a', 'worker-b'],
      2: ['worker-a', 'worker-b'],
      3: ['worker-a', 'worker-b'],
      4: ['worker-a', 'worker-b'],
      5: ['worker-a', 'worker-b'],
    });
  });

  test('the receive count climbs; after maxReceiveCount receives the message moves to the DLQ (S3)', () => {
    const { rep, sc, events } = run();
    const jobs = sc.nodes.find((n) => n.id === 'jobs')!;
    expect(jobs.kind === 'queue' && jobs.maxReceiveCount).toBe(3);
    const byMsg = groupBy(ofType(events, 'delivered'), (e) => e.originId);
    const dead = ofType(events, 'deadLettered');
    expect(dead.map((e) => e.originId)).toEqual([1, 2, 3, 4, 5]);
    for (const e of dead) {
      expect(e).toMatchObject({ from: 'jobs', to: 'jobs-dlq', reason: 'max_receive_count' });
      const ds = byMsg.get(e.originId)!;
      expect(ds.map((d) => d.deliveryCount)).toEqual([1, 2, 3]);
      expect(ds.map((d) => d.redelivered)).toEqual([false, true, true]);
    }
    // A worker busy with a message it can no longer delete takes nothing new, so message 6
    // has its first receive only near the end.
    expect(byMsg.get(6)!.map((d) => d.deliveryCount)).toEqual([1]);
    expect(rep.queues['jobs-dlq']!.depth).toBe(5);
    expect(rep.queues.jobs!.deadLettered).toEqual({ max_receive_count: 5 });
  });
});
