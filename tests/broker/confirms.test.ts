/**
 * Publisher confirms (R25) and when they are sent (R26).
 */
import { describe, expect, test } from 'vitest';
import {
  atMs,
  consumer,
  cycleTemplates,
  exchange,
  ofType,
  producer,
  queue,
  run,
  scenario,
  type Spec,
} from './helpers';

const broker = (persistIntervalMs: number): Spec => ({
  id: 'rabbit',
  kind: 'broker',
  persistIntervalMs,
});

/** Confirm times (ms) by origin. */
function confirmTimes(events: ReturnType<typeof run>['events']): Record<number, [number, boolean]> {
  const out: Record<number, [number, boolean]> = {};
  for (const e of ofType(events, 'confirmed')) out[e.originId] = [atMs(e), e.ack];
  return out;
}

describe('R25 publisher confirms', () => {
  test('R25 every publish gets exactly one ack or nack, never both', () => {
    const sc = scenario([
      producer('p', 'x', 40, {
        confirms: true,
        arrival: { dist: 'constant', ms: 5 },
        ...cycleTemplates([{ routingKey: 'a' }, { routingKey: 'b' }, { routingKey: 'none' }]),
      }),
      exchange('x', 'direct', [
        { queue: 'a', key: 'a' },
        { queue: 'small', key: 'b' },
        { queue: 'a', key: 'b' },
      ]),
      queue('a'),
      queue('small', { maxLength: 3, overflow: 'reject-publish' }),
      consumer('c', 'a'),
    ]);
    const { events, rep } = run(sc);
    const confirms = ofType(events, 'confirmed');
    const perOrigin = new Map<number, number>();
    for (const e of confirms) perOrigin.set(e.originId, (perOrigin.get(e.originId) ?? 0) + 1);
    expect(perOrigin.size).toBe(40);
    expect([...perOrigin.values()].every((n) => n === 1)).toBe(true);
    expect(rep.producers.p).toMatchObject({
      published: 40,
      confirmedAck: 40 - 10,
      confirmedNack: 10,
    });
  });

  test('R25 a nack means the publish was refused (reject-publish overflow); otherwise it is an ack', () => {
    const sc = scenario([
      producer('p', 'q', 4, { confirms: true }),
      queue('q', { maxLength: 2, overflow: 'reject-publish' }),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'confirmed').map((e) => [e.originId, e.ack])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(ofType(events, 'discarded').map((e) => [e.originId, e.reason])).toEqual([
      [3, 'reject-publish'],
      [4, 'reject-publish'],
    ]);
  });

  test('R25 confirms are not necessarily in publish order', () => {
    const sc = scenario([
      producer('p', 'x', 2, {
        confirms: true,
        persistent: true,
        ...cycleTemplates([{ routingKey: 'disk' }, { routingKey: 'mem' }]),
      }),
      exchange('x', 'direct', [
        { queue: 'disk', key: 'disk' },
        { queue: 'mem', key: 'mem' },
      ]),
      queue('disk'),
      queue('mem', { durable: false }),
      broker(200),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'confirmed').map((e) => e.originId)).toEqual([2, 1]);
  });
});

describe('R26 confirm timing', () => {
  test('R26 an unroutable message is confirmed as soon as no route is found', () => {
    const sc = scenario(
      [
        producer('p', 'x', 1, { confirms: true, persistent: true, routingKey: 'none' }),
        exchange('x', 'direct', []),
        broker(200),
      ],
      { linkLatencyMs: 3 },
    );
    const { events } = run(sc);
    const unroutable = ofType(events, 'unroutable')[0]!;
    const confirmed = ofType(events, 'confirmed')[0]!;
    expect([atMs(unroutable), atMs(confirmed), confirmed.ack]).toEqual([3, 6, true]);
  });

  test('R26 a routable transient message is confirmed once its queues accept it', () => {
    const sc = scenario(
      [
        producer('p', 'x', 1, { confirms: true }),
        exchange('x', 'fanout', [{ queue: 'a' }, { queue: 'b' }]),
        queue('a'),
        queue('b'),
        broker(200),
      ],
      { linkLatencyMs: 3 },
    );
    const { events } = run(sc);
    expect(ofType(events, 'enqueued').map(atMs)).toEqual([3, 3]);
    expect(ofType(events, 'confirmed').map((e) => [atMs(e), e.ack])).toEqual([[6, true]]);
  });

  test('R26 a persistent message in a durable queue is confirmed after the (batched) disk write', () => {
    const sc = scenario([
      producer('p', 'q', 3, {
        confirms: true,
        persistent: true,
        arrival: { dist: 'constant', ms: 50 },
      }),
      queue('q'),
      broker(200),
    ]);
    const { events } = run(sc);
    // Published at 50, 100 and 150 ms: one fsync at 250 ms writes all three.
    expect(ofType(events, 'persisted').map((e) => [e.msgId, atMs(e)])).toEqual([
      [1, 250],
      [2, 250],
      [3, 250],
    ]);
    expect(confirmTimes(events)).toEqual({ 1: [250, true], 2: [250, true], 3: [250, true] });
  });

  test('R26 the confirm waits for every target queue, the slowest (disk) one included', () => {
    const sc = scenario([
      producer('p', 'x', 1, { confirms: true, persistent: true }),
      exchange('x', 'fanout', [{ queue: 'mem' }, { queue: 'disk' }]),
      queue('mem', { durable: false }),
      queue('disk'),
      broker(200),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'persisted').map((e) => e.queue)).toEqual(['disk']);
    expect(confirmTimes(events)).toEqual({ 1: [200, true] });
  });

  test('R26 persistent messages in transient queues and transient messages in durable ones skip the disk', () => {
    const sc = scenario([
      producer('pp', 'mem', 1, { confirms: true, persistent: true }),
      producer('pt', 'disk', 1, { confirms: true }),
      queue('mem', { durable: false }),
      queue('disk'),
      broker(200),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'persisted')).toEqual([]);
    expect(ofType(events, 'confirmed').map(atMs)).toEqual([0, 0]);
  });
});
