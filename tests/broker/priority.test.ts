/**
 * Classic queue priorities (R22), with reference scenario 9: a busy consumer with prefetch 10
 * holds ten priority-0 messages when a priority-5 one arrives.
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import { consumer, msgIds, ofType, producer, queue, run, scenario, type Spec } from './helpers';

/** Publish messages with these priorities while the consumer is away; return delivery order. */
function order(priorities: (number | undefined)[], q: Spec = { maxPriority: 5 }): number[] {
  const templates = priorities.map((priority) => (priority === undefined ? {} : { priority }));
  const sc = scenario(
    [
      producer('p', 'q', priorities.length, { templates, pick: 'cycle' }),
      queue('q', q),
      consumer('c', 'q'),
    ],
    {
      schedule: [
        { atMs: 0, input: { type: 'consumerCrashed', consumerId: 'c', restartAfterMs: 100 } },
      ],
    },
  );
  return msgIds(run(sc).events, 'delivered');
}

describe('R22 classic priority queues', () => {
  test('R22 the highest-priority ready message is delivered first', () => {
    expect(order([0, 3, 1, 5, 2])).toEqual([4, 2, 5, 3, 1]);
  });

  test('R22 a message without priority counts as 0, and equal priorities stay FIFO', () => {
    expect(order([undefined, 0, 1, undefined, 1])).toEqual([3, 5, 1, 2, 4]);
  });

  test('R22 a priority above x-max-priority counts as the maximum', () => {
    expect(order([9, 4, 5, 255, 7], { maxPriority: 5 })).toEqual([1, 3, 4, 5, 2]);
  });

  test('R22 a queue without x-max-priority ignores priorities', () => {
    expect(order([0, 9, 3, 200], {})).toEqual([1, 2, 3, 4]);
  });

  // Reference scenario 9: ten priority-0 messages at t=0, one priority-5 message at 50 ms.
  const nine = (prefetch: number) => {
    const sc = scenario([
      producer('low', 'q', 10),
      producer('urgent', 'q', 1, { startMs: 50, templates: [{ priority: 5 }] }),
      queue('q', { maxPriority: 5 }),
      consumer('c', 'q', 100, { prefetch }),
    ]);
    return run(sc).events;
  };

  test('R22 reference scenario 9, prefetch 10: the urgent message waits behind the prefetched low ones', () => {
    const events = nine(10);
    const started = msgIds(events, 'processingStarted');
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('R22 reference scenario 9, prefetch 1: the urgent message goes next', () => {
    const events = nine(1);
    const started = msgIds(events, 'processingStarted');
    expect(started).toEqual([1, 11, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('R22 drop-head may discard high-priority messages', () => {
    const sc = scenario([
      producer('p', 'q', 3, {
        templates: [{ priority: 5 }, { priority: 0 }, { priority: 0 }],
        pick: 'cycle',
      }),
      queue('q', { maxPriority: 5, maxLength: 2 }),
    ]);
    const { events } = run(sc);
    expect(ofType(events, 'discarded').map((e) => [e.msgId, e.reason])).toEqual([[1, 'maxlen']]);
  });

  test('R22 x-max-priority takes values from 1 to 255', () => {
    const ok = (maxPriority: number) =>
      validateScenario({
        version: 1,
        name: 'prio',
        durationMs: 1000,
        nodes: [queue('q', { maxPriority })],
      }).ok;
    expect([0, 1, 10, 255, 256].map(ok)).toEqual([false, true, true, true, false]);
  });
});
