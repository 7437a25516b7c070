/**
 * Dispatch presets: fair dispatch with prefetch 0 vs 1 (R8, R10) and priority queues with the
 * prefetch trap (R22: only ready messages are reordered).
 */
import { describe, expect, test } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { countBy, expectCleanEnd, mean, ofType, presetRun } from './support';

/** Most deliveries a consumer held unacked at once, seen from the broker. */
function peakUnacked(events: readonly SimEvent[], consumer: string): number {
  let now = 0;
  let peak = 0;
  for (const e of events) {
    if (e.type === 'delivered' && e.consumer === consumer) peak = Math.max(peak, ++now);
    else if (e.type === 'acked' && e.consumer === consumer) now--;
  }
  return peak;
}

describe('fair-dispatch: the same 100 messages to a fast (10 ms) and a slow (1 s) consumer', () => {
  const run = presetRun('fair-dispatch');
  const ackedIn = (queue: string) => ofType(run().events, 'acked').filter((e) => e.queue === queue);
  const lastAckMs = (consumer: string) =>
    Math.max(
      ...ofType(run().events, 'acked')
        .filter((e) => e.consumer === consumer)
        .map((e) => e.atUs / 1000),
    );

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('both queues get all 100 messages', () => {
    const { rep } = run();
    expect(rep.queues.unlimited!.enqueued).toBe(100);
    expect(rep.queues['prefetch-1']!.enqueued).toBe(100);
    expect(rep.totals.acked).toBe(200);
  });

  test('prefetch 0: round-robin splits them 50/50 and the slow consumer hoards its half', () => {
    const { rep, events } = run();
    expect(countBy(ackedIn('unlimited'), (e) => e.consumer)).toEqual({
      'fast-0': 50,
      'slow-0': 50,
    });
    // The slow one holds all 50 at once while the fast one sits idle after half a second.
    expect(peakUnacked(events, 'slow-0')).toBe(50);
    expect(lastAckMs('fast-0')).toBeLessThan(1_000);
    expect(lastAckMs('slow-0')).toBeGreaterThanOrEqual(50_000);
    expect(rep.consumers['fast-0']!.utilisation).toBeLessThan(0.01);
  });

  test('prefetch 1: the fast consumer does almost all the work', () => {
    const { rep, events } = run();
    expect(countBy(ackedIn('prefetch-1'), (e) => e.consumer)).toEqual({
      'fast-1': 98,
      'slow-1': 2,
    });
    expect(rep.consumers['fast-1']!.acked).toBeGreaterThanOrEqual(98);
    expect(peakUnacked(events, 'fast-1')).toBe(1);
    expect(peakUnacked(events, 'slow-1')).toBe(1);
    // So the whole batch is done in under 3 s instead of 50 s.
    expect(Math.max(lastAckMs('fast-1'), lastAckMs('slow-1'))).toBeLessThan(3_000);
  });
});

describe('priority: refunds (priority 5) jump the queue with prefetch 1, not past a prefetch of 10', () => {
  const run = presetRun('priority');
  const enqueued = () => {
    const out = new Map<number, { atUs: number; queue: string; priority: number }>();
    for (const e of ofType(run().events, 'enqueued')) out.set(e.msgId, e);
    return out;
  };
  /** Mean wait of a queue's copies of one priority, from enqueue to the given event (ms). */
  const meanWaitMs = (queue: string, priority: number, kind: 'delivered' | 'processingStarted') => {
    const enq = enqueued();
    const waits: number[] = [];
    for (const e of run().events) {
      if (e.type !== kind) continue;
      const q = enq.get(e.msgId)!;
      if (q.queue === queue && q.priority === priority) waits.push((e.atUs - q.atUs) / 1000);
    }
    return mean(waits);
  };
  /** For each refund of a queue: payments that started after it arrived and before it did. */
  const overtakenBy = (queue: string): number[] => {
    const enq = enqueued();
    const started = ofType(run().events, 'processingStarted').filter(
      (e) => enq.get(e.msgId)!.queue === queue,
    );
    return started
      .filter((s) => enq.get(s.msgId)!.priority === 5)
      .map((s) => {
        const arrived = enq.get(s.msgId)!.atUs;
        return started.filter(
          (o) => enq.get(o.msgId)!.priority === 0 && o.atUs > arrived && o.atUs < s.atUs,
        ).length;
      });
  };

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('both queues get the same payments and 19 refunds (priority 5)', () => {
    const { rep } = run();
    const refunds = (q: string) =>
      [...enqueued().values()].filter((e) => e.queue === q && e.priority === 5);
    expect(refunds('prio-prefetch-1')).toHaveLength(19);
    expect(refunds('prio-prefetch-10')).toHaveLength(19);
    expect(rep.queues['prio-prefetch-1']!.enqueued).toBe(202);
    expect(rep.queues['prio-prefetch-10']!.enqueued).toBe(202);
  });

  test('prefetch 1: a refund jumps the queue (processed next) and waits far less', () => {
    // At most the one payment already on its way to the consumer goes first.
    const overtaken = overtakenBy('prio-prefetch-1');
    expect(overtaken).toHaveLength(19);
    expect(Math.max(...overtaken)).toBeLessThanOrEqual(1);
    const refund = meanWaitMs('prio-prefetch-1', 5, 'delivered');
    const payment = meanWaitMs('prio-prefetch-1', 0, 'delivered');
    expect(refund).toBeLessThan(payment / 10);
    expect(meanWaitMs('prio-prefetch-1', 5, 'processingStarted')).toBeLessThan(1_000);
  });

  test('prefetch 10: a refund waits behind the payments the consumer already holds', () => {
    const overtaken = overtakenBy('prio-prefetch-10');
    expect(overtaken).toHaveLength(19);
    // Once the backlog builds, the held payments (up to ten) go first.
    expect(mean(overtaken)).toBeGreaterThan(5);
    expect(Math.min(...overtaken.slice(-10))).toBeGreaterThanOrEqual(5);
    expect(meanWaitMs('prio-prefetch-10', 5, 'processingStarted')).toBeGreaterThan(3_000);
  });

  test("so the refunds' advantage over payments is much smaller with prefetch 10", () => {
    const adv = (q: string, kind: 'delivered' | 'processingStarted') =>
      meanWaitMs(q, 0, kind) - meanWaitMs(q, 5, kind);
    // Broker-side wait (enqueue -> delivered): only ready messages are reordered (R22).
    expect(adv('prio-prefetch-10', 'delivered')).toBeLessThan(
      adv('prio-prefetch-1', 'delivered') / 2,
    );
    // Until processing starts, which is what a customer waiting for a refund feels.
    expect(adv('prio-prefetch-10', 'processingStarted')).toBeLessThan(
      adv('prio-prefetch-1', 'processingStarted') / 2,
    );
    const ratio = (q: string) =>
      meanWaitMs(q, 5, 'processingStarted') / meanWaitMs(q, 0, 'processingStarted');
    expect(ratio('prio-prefetch-1')).toBeLessThan(0.1);
    expect(ratio('prio-prefetch-10')).toBeGreaterThan(0.3);
  });
});
