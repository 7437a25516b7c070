/**
 * The message lifecycle in the core and the broker rules it already implements:
 * round-robin dispatch (R8), prefetch (R10), and requeue of unacked deliveries on a consumer
 * crash with the redelivered flag (R12, invariant 5).
 */
import { describe, expect, test } from 'vitest';
import { advance, createSim, report, type SimEvent } from '../../src/engine';
import { mustValidate } from '../support/run';

type NodeSpec = Record<string, unknown>;
function scenario(nodes: NodeSpec[], extra: Record<string, unknown> = {}) {
  return mustValidate({
    version: 1,
    name: 't',
    seed: 5,
    durationMs: 60_000,
    tickMs: 10,
    nodes,
    ...extra,
  });
}
function runEvents(sc: ReturnType<typeof scenario>, ticks = Infinity, timeline = []) {
  const st = createSim(sc);
  const events: SimEvent[] = [];
  advance(st, Math.min(ticks, st.endTick), timeline, events);
  return { st, events };
}
const producer = (extra: NodeSpec = {}) => ({
  id: 'p',
  kind: 'producer',
  to: 'q',
  arrival: { dist: 'constant', ms: 100 },
  ...extra,
});
const queue = { id: 'q', kind: 'queue' };
const consumer = (id: string, extra: NodeSpec = {}) => ({
  id,
  kind: 'consumer',
  from: 'q',
  service: { dist: 'constant', ms: 10 },
  ...extra,
});

describe('message lifecycle', () => {
  test('published → enqueued → delivered → processingStarted → processed → ackSent → acked, with link latency in between', () => {
    const { events } = runEvents(
      scenario([producer({ count: 1 }), queue, consumer('c')], { linkLatencyMs: 5 }),
    );
    // Message 1 is both the first business message (originId) and its only copy (msgId).
    const steps = events
      .filter((e) => ('msgId' in e && e.msgId === 1) || ('originId' in e && e.originId === 1))
      .map((e) => [e.type, e.atUs]);
    expect(steps).toEqual([
      ['published', 100_000],
      ['enqueued', 105_000],
      ['delivered', 105_000],
      ['processingStarted', 110_000],
      ['processed', 120_000],
      ['ackSent', 120_000],
      ['acked', 125_000],
    ]);
  });

  test('a producer with a count stops after that many messages', () => {
    const { st, events } = runEvents(scenario([producer({ count: 7 }), queue, consumer('c')]));
    expect(st.totals.published).toBe(7);
    expect(events.filter((e) => e.type === 'producerFinished')).toHaveLength(1);
  });

  test('startMs delays the first message; bursts publish only while on', () => {
    const { events } = runEvents(
      scenario(
        [producer({ startMs: 1000, bursts: { onMs: 1000, offMs: 2000 } }), queue, consumer('c')],
        { durationMs: 10_000 },
      ),
    );
    const times = events.filter((e) => e.type === 'published').map((e) => e.atUs / 1000);
    expect(times[0]).toBe(1100);
    // On in [1000, 2000), [4000, 5000), [7000, 8000); off otherwise.
    for (const t of times) expect([1, 4, 7]).toContain(Math.floor(t / 1000));
    expect(times).toHaveLength(27); // 9 per one-second burst at 100 ms gaps
  });

  test('pause, resume and rate change take effect at their tick', () => {
    const sc = scenario([producer(), queue, consumer('c')], { durationMs: 30_000 });
    const { st, events } = (() => {
      const st = createSim(sc);
      const events: SimEvent[] = [];
      advance(
        st,
        st.endTick,
        [
          { tick: 1000, input: { type: 'producerPaused', producerId: 'p' } },
          { tick: 2000, input: { type: 'producerResumed', producerId: 'p' } },
          { tick: 2000, input: { type: 'rateChanged', producerId: 'p', ratePerSec: 50 } },
        ],
        events,
      );
      return { st, events };
    })();
    const pub = events.filter((e) => e.type === 'published').map((e) => e.atUs / 1000);
    expect(pub.filter((t) => t >= 10_000 && t < 20_000)).toEqual([]);
    expect(pub.filter((t) => t < 10_000)).toHaveLength(99); // every 100 ms from 100 to 9900
    expect(pub.filter((t) => t >= 20_000)).toHaveLength(499); // every 20 ms from 20020 to 29980
    expect(report(st).producers.p!.ratePerSec).toBeCloseTo(50, 9);
  });
});

describe('R8 round-robin dispatch to competing consumers', () => {
  test('deliveries alternate between two idle consumers', () => {
    const { events } = runEvents(
      scenario([producer({ count: 10 }), queue, consumer('a'), consumer('b')]),
    );
    const who = events
      .filter((e) => e.type === 'delivered')
      .map((e) => (e.type === 'delivered' ? e.consumer : ''));
    expect(who).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
  });
});

describe('R10 prefetch limits unacked deliveries per consumer (0 = unlimited)', () => {
  // Reference scenario 3: two consumers, 10 ms vs 1 s per message, 100 messages at once.
  const fair = (prefetch: number) => {
    const sc = scenario(
      [
        producer({ arrival: { dist: 'constant', ms: 0 }, count: 100 }),
        queue,
        consumer('fast', { prefetch, service: { dist: 'constant', ms: 10 } }),
        consumer('slow', { prefetch, service: { dist: 'constant', ms: 1000 } }),
      ],
      { durationMs: 200_000 },
    );
    const { st } = runEvents(sc);
    return report(st).consumers;
  };
  test('prefetch 0: the broker pushes everything round-robin, about 50 each, and the slow one hoards', () => {
    const c = fair(0);
    expect(c.fast!.acked).toBe(50);
    expect(c.slow!.acked).toBe(50);
  });
  test('prefetch 1: the fast consumer takes almost all of them', () => {
    const c = fair(1);
    expect(c.fast!.acked).toBeGreaterThanOrEqual(98);
    expect(c.slow!.acked).toBeLessThanOrEqual(2);
  });
  test('unacked never exceeds prefetch × concurrency', () => {
    const sc = scenario(
      [
        producer({ arrival: { dist: 'constant', ms: 1 } }),
        queue,
        consumer('c', { prefetch: 3, concurrency: 2, service: { dist: 'constant', ms: 50 } }),
      ],
      { durationMs: 5000 },
    );
    const st = createSim(sc);
    let maxUnacked = 0;
    let maxBuffered = 0;
    while (st.tick < st.endTick) {
      advance(st, 1);
      maxUnacked = Math.max(maxUnacked, st.consumers[0]!.unacked);
      maxBuffered = Math.max(maxBuffered, st.consumers[0]!.buffer.size);
    }
    expect(maxUnacked).toBe(6);
    expect(maxBuffered).toBe(4); // 6 unacked = 2 in service + 4 waiting in the consumer
  });
});

describe('R12 a crashed consumer’s unacked deliveries are requeued and redelivered, flagged', () => {
  test('messages held by the crashed consumer go to its peer with redelivered=true', () => {
    const sc = scenario(
      [
        producer({ arrival: { dist: 'constant', ms: 0 }, count: 20 }),
        queue,
        consumer('a', { prefetch: 5, service: { dist: 'constant', ms: 1000 } }),
        consumer('b', { prefetch: 5, service: { dist: 'constant', ms: 1000 } }),
      ],
      {
        durationMs: 60_000,
        schedule: [{ atMs: 500, input: { type: 'consumerCrashed', consumerId: 'a' } }],
      },
    );
    const { st, events } = runEvents(sc);
    const crash = events.find((e) => e.type === 'consumerCrashed');
    expect(crash).toMatchObject({ consumer: 'a', requeued: 5 });
    const requeued = events
      .filter((e) => e.type === 'requeued')
      .map((e) => (e.type === 'requeued' ? e.msgId : 0));
    expect(requeued).toHaveLength(5);
    const redeliveries = events.filter((e) => e.type === 'delivered' && e.redelivered);
    expect(redeliveries.map((e) => (e.type === 'delivered' ? e.consumer : ''))).toEqual([
      'b',
      'b',
      'b',
      'b',
      'b',
    ]);
    expect(
      redeliveries.map((e) => (e.type === 'delivered' ? e.msgId : 0)).sort((x, y) => x - y),
    ).toEqual([...requeued].sort((x, y) => x - y));
    // First deliveries are never flagged.
    expect(
      events.filter((e) => e.type === 'delivered' && !e.redelivered && requeued.includes(e.msgId))
        .length,
    ).toBe(5);
    // Nothing is lost: all 20 are acked in the end, 5 of them after a redelivery.
    expect(report(st).totals.acked).toBe(20);
    expect(report(st).consumers.b!.redelivered).toBe(5);
  });

  test('requeued messages go back in their original order, ahead of newer ones (R34)', () => {
    const sc = scenario(
      [
        producer({ arrival: { dist: 'constant', ms: 0 }, count: 6 }),
        queue,
        consumer('a', { prefetch: 3, service: { dist: 'constant', ms: 1000 } }),
      ],
      {
        schedule: [
          { atMs: 500, input: { type: 'consumerCrashed', consumerId: 'a' } },
          { atMs: 600, input: { type: 'consumerRestarted', consumerId: 'a' } },
        ],
      },
    );
    const { events } = runEvents(sc);
    const order = events
      .filter((e) => e.type === 'delivered')
      .map((e) => (e.type === 'delivered' ? e.msgId : 0));
    expect(order).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6]);
  });

  test('a down consumer receives nothing; after restart it takes work again', () => {
    const sc = scenario([producer(), queue, consumer('a'), consumer('b')], {
      durationMs: 20_000,
      schedule: [
        { atMs: 5000, input: { type: 'consumerCrashed', consumerId: 'a' } },
        { atMs: 10_000, input: { type: 'consumerRestarted', consumerId: 'a' } },
      ],
    });
    const { events } = runEvents(sc);
    const toA = events
      .filter((e) => e.type === 'delivered' && e.consumer === 'a')
      .map((e) => e.atUs / 1000);
    expect(toA.filter((t) => t >= 5000 && t < 10_000)).toEqual([]);
    expect(toA.some((t) => t >= 10_000)).toBe(true);
  });
});

describe('concurrency changes', () => {
  test('raising concurrency starts buffered work at once; lowering it lets the excess drain', () => {
    const sc = scenario([
      producer({ arrival: { dist: 'constant', ms: 0 }, count: 8 }),
      queue,
      consumer('c', { prefetch: 4, concurrency: 1, service: { dist: 'constant', ms: 1000 } }),
    ]);
    const st = createSim(sc);
    const events: SimEvent[] = [];
    advance(
      st,
      50,
      [{ tick: 10, input: { type: 'concurrencyChanged', consumerId: 'c', concurrency: 2 } }],
      events,
    );
    expect(st.consumers[0]!.busy).toBe(2);
    expect(st.consumers[0]!.unacked).toBe(8);
    advance(
      st,
      20,
      [{ tick: 60, input: { type: 'concurrencyChanged', consumerId: 'c', concurrency: 1 } }],
      events,
    );
    expect(st.consumers[0]!.unacked).toBe(8); // nothing is taken back
    advance(st, st.endTick);
    expect(report(st).totals.acked).toBe(8);
  });
});
