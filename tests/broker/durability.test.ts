/**
 * Broker restart (R27, reference scenario 10: the restart matrix) and the memory alarm (R30,
 * reference scenario 11).
 */
import { describe, expect, test } from 'vitest';
import { atMs, consumer, exchange, ofType, producer, queue, run, scenario } from './helpers';

describe('R27 restart', () => {
  // Reference scenario 10. Both queues get a copy of every message. Messages published at 100 ms
  // are written by the fsync at 1100 ms; those published at 1500 ms are not yet written when the
  // broker crashes at 2000 ms. It restarts at 3000 ms.
  const matrix = () =>
    run(
      scenario(
        [
          producer('earlyP', 'x', 1, { startMs: 100, persistent: true, confirms: true }),
          producer('earlyT', 'x', 1, { startMs: 100, confirms: true }),
          producer('lateP', 'x', 1, { startMs: 1500, persistent: true, confirms: true }),
          producer('lateT', 'x', 1, { startMs: 1500, confirms: true }),
          exchange('x', 'fanout', [{ queue: 'durable' }, { queue: 'transient' }]),
          queue('durable'),
          queue('transient', { durable: false }),
          { id: 'b', kind: 'broker', persistIntervalMs: 1000 },
        ],
        {
          durationMs: 5000,
          schedule: [{ atMs: 2000, input: { type: 'brokerCrashed', restartAfterMs: 1000 } }],
        },
      ),
    );
  const producerOf = (events: ReturnType<typeof matrix>['events']) =>
    new Map(ofType(events, 'published').map((e) => [e.originId, e.producer]));

  test('R27 only persistent messages written to disk in durable queues survive', () => {
    const { events, rep } = matrix();
    const by = producerOf(events);
    const lost = ofType(events, 'lost').map((e) => `${by.get(e.originId)}@${e.where}:${e.reason}`);
    expect(lost.sort()).toEqual(
      [
        'earlyP@transient:broker-crash:transient-queue',
        'earlyT@durable:broker-crash:transient-message',
        'earlyT@transient:broker-crash:transient-queue',
        'lateP@durable:broker-crash:not-written',
        'lateP@transient:broker-crash:transient-queue',
        'lateT@durable:broker-crash:transient-message',
        'lateT@transient:broker-crash:transient-queue',
      ].sort(),
    );
    expect(ofType(events, 'brokerCrashed')[0]).toMatchObject({ lost: 7, survived: 1 });
    expect(ofType(events, 'brokerRestarted')[0]).toMatchObject({ recovered: 1 });
    expect(rep.queues.durable!.depth).toBe(1);
    expect(rep.queues.transient!.depth).toBe(0);
    const originOf = new Map(ofType(events, 'enqueued').map((e) => [e.msgId, e.originId]));
    const written = ofType(events, 'persisted').map((e) => [
      by.get(originOf.get(e.msgId)!),
      e.queue,
      atMs(e),
    ]);
    expect(written).toEqual([['earlyP', 'durable', 1100]]);
  });

  test('R27 a persistent message lost before its disk write was never confirmed', () => {
    const { events, rep } = matrix();
    const by = producerOf(events);
    const confirmed = ofType(events, 'confirmed').map((e) => [by.get(e.originId), atMs(e), e.ack]);
    expect(confirmed).toEqual([
      ['earlyT', 100, true],
      ['earlyP', 1100, true],
      ['lateT', 1500, true],
    ]);
    expect(rep.producers.lateP).toMatchObject({
      confirmedAck: 0,
      confirmedNack: 0,
      missingConfirms: 1,
    });
  });

  test('R27 the surviving message is delivered after the restart', () => {
    const sc = scenario(
      [
        producer('p', 'q', 2, { persistent: true, templates: [{}, {}] }),
        queue('q'),
        consumer('c', 'q', 500),
      ],
      {
        durationMs: 5000,
        schedule: [{ atMs: 100, input: { type: 'brokerCrashed', restartAfterMs: 900 } }],
      },
    );
    const { events, rep } = run(sc);
    // #1 was being processed (its ack is lost with the connection), #2 was waiting: both survive.
    const after = ofType(events, 'delivered').filter((e) => atMs(e) >= 1000);
    expect(after.map((e) => [e.msgId, e.redelivered])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(rep.queues.q!.acked).toBe(2);
  });
});

describe('R30 memory alarm', () => {
  // Reference scenario 11: publishers at 5k/s (two of them), a consumer at 1k/s, watermark 100.
  const eleven = () =>
    run(
      scenario(
        [
          producer('p1', 'q', 1000, { arrival: { dist: 'constant', ms: 0.4 } }),
          producer('p2', 'q', 1000, { arrival: { dist: 'constant', ms: 0.4 }, startMs: 0.2 }),
          queue('q'),
          consumer('c', 'q', 1),
          { id: 'b', kind: 'broker', memoryHighWatermark: 100 },
        ],
        { durationMs: 5000, tickMs: 1 },
      ),
    );

  /** Slices of the event stream between an alarm going on and going off again. */
  const alarmSpans = (events: ReturnType<typeof eleven>['events']) => {
    const spans: (typeof events)[] = [];
    let from = -1;
    events.forEach((e, i) => {
      if (e.type !== 'alarm') return;
      if (e.on) from = i;
      else {
        spans.push(events.slice(from + 1, i));
        from = -1;
      }
    });
    if (from >= 0) spans.push(events.slice(from + 1));
    return spans;
  };

  test('R30 while the alarm is on, every publishing connection is blocked and nothing is published', () => {
    const { events, rep } = eleven();
    const spans = alarmSpans(events);
    expect(spans.length).toBeGreaterThanOrEqual(1);
    // The memory monitor checks on an interval (memoryCheckIntervalMs), so the alarm goes on at
    // the first check at or over the watermark, possibly after an overshoot.
    const first = ofType(events, 'alarm')[0]!;
    expect(first.on).toBe(true);
    expect(first.held).toBeGreaterThanOrEqual(100);
    for (const span of spans) expect(ofType(span, 'published')).toEqual([]);
    const blocked = ofType(events, 'producerBlocked');
    expect(new Set(blocked.map((e) => e.producer))).toEqual(new Set(['p1', 'p2']));
    expect(ofType(events, 'producerUnblocked').length).toBeGreaterThanOrEqual(2);
    expect(rep.producers.p1!.blockedMs).toBeGreaterThan(0);
    expect(rep.producers.p2!.blockedMs).toBeGreaterThan(0);
    expect(rep.totals.acked).toBe(2000); // nothing lost, only delayed
  });

  test('R30 consumers keep receiving while publishers are blocked', () => {
    const { events, rep } = eleven();
    const spans = alarmSpans(events);
    const during = spans.flatMap((span) => ofType(span, 'delivered'));
    expect(during.length).toBeGreaterThan(100);
    for (const e of ofType(events, 'alarm').filter((a) => !a.on)) expect(e.held).toBeLessThan(100);
    expect(rep.broker.alarms).toBe(spans.length);
  });
});
