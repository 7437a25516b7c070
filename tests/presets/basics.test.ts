/**
 * The "Basics" presets and the work queue: competing consumers, a worker crash, bursty traffic,
 * and a job queue shared by three workers. Each block runs its preset headless to the end and
 * asserts what the preset's description says, with the run's exact numbers (runs are
 * deterministic: same scenario and seed, same run).
 */
import { describe, expect, test } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { loadPreset } from '../../src/scenarios';
import { countBy, expectCleanEnd, groupBy, mean, ofType, presetRun, tickAt } from './support';

/**
 * Prefetch 1 seen from the broker: every delivery to a consumer after its first comes at or
 * after the broker processed the ack of that consumer's previous delivery. Returns the number
 * of deliveries checked.
 */
function deliveriesWaitForAck(events: readonly SimEvent[], consumer: string): number {
  let outstanding = 0;
  let checked = 0;
  for (const e of events) {
    if (e.type === 'delivered' && e.consumer === consumer) {
      expect(outstanding, `delivery of msg ${e.msgId} to ${consumer} at ${e.atUs} µs`).toBe(0);
      outstanding++;
      checked++;
    } else if (e.type === 'acked' && e.consumer === consumer) outstanding--;
  }
  return checked;
}

describe('competing-consumers: two workers share one queue, each takes the next message when free', () => {
  const run = presetRun('competing-consumers');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('orders arrive at random (Poisson: exponential gaps, mean 700 ms)', () => {
    const { rep, events } = run();
    const times = ofType(events, 'published').map((e) => e.atUs / 1000);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(rep.totals.published).toBe(457);
    const m = mean(gaps);
    expect(Math.abs(m - 700) / 700).toBeLessThan(0.1);
    const sd = Math.sqrt(mean(gaps.map((g) => (g - m) ** 2)));
    expect(Math.abs(sd / m - 1)).toBeLessThan(0.15); // coefficient of variation 1
  });

  test('each message goes to exactly one worker, and the two share the work', () => {
    const { rep, events } = run();
    const acked = ofType(events, 'acked');
    expect(rep.totals.redelivered).toBe(0);
    expect(new Set(acked.map((e) => e.originId)).size).toBe(acked.length);
    expect(countBy(acked, (e) => e.consumer)).toEqual({ 'worker-a': 201, 'worker-b': 199 });
    expect(rep.consumers['worker-a']!.acked).toBe(201);
    expect(rep.consumers['worker-b']!.acked).toBe(199);
    expect(rep.queues.tasks!.ledger).toMatchObject({ exactlyOnce: 400, duplicated: 0, lost: 0 });
  });

  test('a worker takes the next message only when it is free (prefetch 1), in queue order', () => {
    const { rep, events } = run();
    expect(deliveriesWaitForAck(events, 'worker-a')).toBe(202);
    expect(deliveriesWaitForAck(events, 'worker-b')).toBe(200);
    const order = ofType(events, 'delivered').map((e) => e.originId);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(rep.queues.tasks!.outOfOrder).toBe(0);
  });
});

describe('consumer-crash: B crashes at 20 s holding messages, A takes them redelivered, B is back at 40 s', () => {
  const run = presetRun('consumer-crash');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('worker B crashes at 20 s while holding messages, and the broker puts them back', () => {
    const { rep, events } = run();
    const crash = ofType(events, 'consumerCrashed');
    expect(crash).toHaveLength(1);
    expect(crash[0]).toMatchObject({
      atUs: 20_000_000,
      consumer: 'worker-b',
      requeued: 2,
      lost: 0,
    });
    expect(ofType(events, 'requeued').map((e) => [e.atUs, e.consumer, e.reason])).toEqual([
      [20_000_000, 'worker-b', 'consumerCrashed'],
      [20_000_000, 'worker-b', 'consumerCrashed'],
    ]);
    expect(rep.queues.tasks!.requeued).toBe(2);
  });

  test('worker A takes the requeued messages, marked redelivered', () => {
    const { rep, events } = run();
    const ids = new Set(ofType(events, 'requeued').map((e) => e.msgId));
    const again = ofType(events, 'delivered').filter((e) => ids.has(e.msgId) && e.atUs >= 20e6);
    expect(again).toHaveLength(2);
    for (const d of again)
      expect(d).toMatchObject({ consumer: 'worker-a', redelivered: true, deliveryCount: 2 });
    const acks = ofType(events, 'acked').filter((e) => ids.has(e.msgId));
    expect(acks.map((e) => e.consumer)).toEqual(['worker-a', 'worker-a']);
    expect(rep.consumers['worker-a']!.redelivered).toBe(2);
    expect(rep.consumers['worker-b']!.redelivered).toBe(0);
  });

  test('B gets nothing while down and receives again after it restarts at 40 s', () => {
    const { events } = run();
    expect(ofType(events, 'consumerRestarted')).toEqual([
      { type: 'consumerRestarted', atUs: 40_000_000, consumer: 'worker-b' },
    ]);
    const toB = ofType(events, 'delivered').filter((e) => e.consumer === 'worker-b');
    expect(toB.filter((e) => e.atUs >= 20e6 && e.atUs < 40e6)).toEqual([]);
    expect(toB.filter((e) => e.atUs >= 40e6).length).toBeGreaterThan(20);
  });

  test('nothing is lost: every message is acked once or still in flight at the end', () => {
    const { rep } = run();
    expect(rep.queues.tasks!.ledger).toMatchObject({ exactlyOnce: 157, duplicated: 0, lost: 0 });
    expect(rep.totals.acked + rep.totals.inFlight).toBe(rep.totals.published);
    expect(rep.totals.gone).toEqual({});
  });
});

describe('bursty-traffic: 5 s bursts and 10 s of quiet; the queue absorbs each burst and drains', () => {
  // Reports just before each burst after the first starts (t = 15 s, 30 s, ... 105 s).
  const starts = [1, 2, 3, 4, 5, 6, 7].map((k) => k * 15_000);
  const ticks = starts.map((ms) => tickAt(loadPreset('bursty-traffic'), ms));
  const run = presetRun('bursty-traffic', { at: ticks });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('messages are published only during the 5 s "on" phases', () => {
    const { events } = run();
    const published = ofType(events, 'published');
    expect(published).toHaveLength(420);
    for (const e of published) expect(e.atUs % 15_000_000).toBeLessThanOrEqual(5_000_000);
    expect(ofType(events, 'burstEnded').map((e) => e.atUs / 1000)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((k) => k * 15_000 + 5_000),
    );
  });

  test('the queue absorbs each burst: it builds up during the burst', () => {
    const { rep, events } = run();
    const byCycle = groupBy(ofType(events, 'enqueued'), (e) => Math.floor(e.atUs / 15_000_000));
    expect(byCycle.size).toBe(8);
    for (const [, enq] of byCycle) expect(Math.max(...enq.map((e) => e.depth))).toBeGreaterThan(10);
    expect(rep.queues.buffer!.depthMax).toBe(37);
  });

  test('and drains between bursts: the queue is empty before each new burst starts', () => {
    const { mid } = run();
    // Ready messages just before the bursts at 15 s, 30 s, ... 105 s (workers may be busy).
    const depths = ticks.map((t) => mid.get(t)!.queues.buffer!.depth);
    expect(depths).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  test('everything published is processed by the end', () => {
    const { rep } = run();
    expect(rep.queues.buffer!.depth).toBe(0);
    expect(rep.totals.acked).toBe(420);
    expect(rep.totals.inFlight).toBe(0);
  });
});

describe('work-queue: each task goes to exactly one of three workers, one task at a time', () => {
  const run = presetRun('work-queue');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('each task is acked by exactly one worker, once', () => {
    const { rep, events } = run();
    const acked = ofType(events, 'acked');
    expect(rep.totals.redelivered).toBe(0);
    expect(new Set(acked.map((e) => e.originId)).size).toBe(acked.length);
    const byOrigin = groupBy(ofType(events, 'delivered'), (e) => e.originId);
    for (const [, ds] of byOrigin) expect(ds).toHaveLength(1);
    expect(rep.queues.tasks!.ledger).toMatchObject({ exactlyOnce: 296, duplicated: 0, lost: 0 });
  });

  test('the three workers share the work', () => {
    const { rep, events } = run();
    expect(countBy(ofType(events, 'acked'), (e) => e.consumer)).toEqual({
      'worker-1': 100,
      'worker-2': 94,
      'worker-3': 102,
    });
    for (const c of ['worker-1', 'worker-2', 'worker-3'])
      expect(rep.consumers[c]!.acked / rep.totals.acked).toBeGreaterThan(0.25);
  });

  test('a busy worker gets no new task until the broker has its ack for the last one', () => {
    const { events } = run();
    expect(deliveriesWaitForAck(events, 'worker-1')).toBe(101);
    expect(deliveriesWaitForAck(events, 'worker-2')).toBe(95);
    expect(deliveriesWaitForAck(events, 'worker-3')).toBe(103);
  });
});
