/** The log broker's events in words (the event log and a message's journey). */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../engine';
import { describeEvent } from './serviceWords';

const at = { atUs: 1_000_000 };

describe('log events in words', () => {
  it.each<[SimEvent, string]>([
    [
      {
        ...at,
        type: 'rebalanced',
        group: 'fulfilment',
        generation: 3,
        reason: 'worker-3 joined',
        owners: ['worker-1', 'worker-3', null],
      },
      'fulfilment rebalanced (worker-3 joined; generation 3): P0 worker-1 · P1 worker-3 · P2 nobody',
    ],
    [
      { ...at, type: 'memberLeft', member: 'worker-1', reason: 'session timeout' },
      'worker-1 left its group: session timeout',
    ],
    [
      { ...at, type: 'recordsPolled', group: 'g', member: 'm', count: 1, partitions: [0] },
      'm (g) fetched 1 record',
    ],
    [
      {
        ...at,
        type: 'recordProcessed',
        group: 'g',
        member: 'm',
        originId: 12,
        partition: 2,
        offset: 40,
        duplicate: true,
      },
      '#12 processed by m (g), P2 offset 40: again, a duplicate effect',
    ],
    [
      {
        ...at,
        type: 'offsetsCommitted',
        group: 'g',
        member: 'm',
        offsets: [5, -1, 7],
        partitions: [0, 2],
      },
      "m committed g's offsets: P0 at 5 · P2 at 7",
    ],
    [{ ...at, type: 'logBrokerChanged', broker: 1, up: false }, 'log broker 1 is DOWN'],
    [{ ...at, type: 'logBrokerChanged', broker: 1, up: true }, 'log broker 1 is up again'],
    [
      { ...at, type: 'consumerAdded', consumer: 'w-4', like: 'w-1', queue: 'tasks', group: null },
      'w-4 added like w-1: reads tasks',
    ],
    [
      { ...at, type: 'consumerAdded', consumer: 'm3', like: 'm1', queue: null, group: 'g' },
      'm3 added like m1: joins group g',
    ],
    [
      { ...at, type: 'consumerRemoved', consumer: 'w-2', requeued: 3, finishing: 1 },
      'w-2 removed: finishes 1 message in progress, 3 messages it had not started back to the queue',
    ],
    [{ ...at, type: 'consumerRemoved', consumer: 'w-2', requeued: 0, finishing: 0 }, 'w-2 removed'],
  ])('%o', (e, words) => {
    expect(describeEvent(e)).toBe(words);
  });
});
