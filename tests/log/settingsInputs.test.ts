/**
 * Settings changed while running (issue 6's actions as engine inputs): a named delivery
 * guarantee, on both brokers, behaves as if it had been set from the start; a new retry policy
 * applies to failures from then on.
 */
import { describe, expect, test } from 'vitest';
import { run, scenario, type Spec } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

const crash = at(20, { type: 'consumerCrashed', consumerId: 'a', window: 'afterEffect' });

function queueRun(guarantee: string, asInput: boolean) {
  const c = (id: string): Spec => ({
    id,
    kind: 'consumer',
    from: 'q',
    service: { dist: 'constant', ms: 2 },
    prefetch: 50,
    ...(asInput ? {} : { guarantee }),
  });
  const inputs = asInput
    ? ['a', 'b'].map((id) => at(0, { type: 'guaranteeChanged', consumerId: id, guarantee }))
    : [];
  const sc = scenario(
    [
      {
        id: 'w',
        kind: 'producer',
        to: 'q',
        arrival: { dist: 'constant', ms: 0 },
        count: 300,
        startMs: 1,
      },
      { id: 'q', kind: 'queue' },
      c('a'),
      c('b'),
    ],
    { durationMs: 10_000, schedule: [...inputs, crash] },
  );
  return run(sc).rep.queues.q!.ledger;
}

function logRun(guarantee: string, asInput: boolean) {
  const m = (id: string) =>
    member(id, 't', 'g', 2, {
      maxPollRecords: 50,
      sessionTimeoutMs: 500,
      rebalancePauseMs: 100,
      ...(asInput ? {} : { guarantee }),
    });
  const inputs = asInput
    ? ['a', 'b'].map((id) => at(0, { type: 'guaranteeChanged', consumerId: id, guarantee }))
    : [];
  const sc = scenario(
    [topic('t', 2), writer('w', 't', 300, 0, { keys: { count: 30 }, startMs: 1 }), m('a'), m('b')],
    {
      durationMs: 10_000,
      schedule: [...inputs, crash],
    },
  );
  return run(sc).rep.groups.g!.ledger;
}

describe('guaranteeChanged', () => {
  test.each(['at-most-once', 'at-least-once', 'exactly-once'])(
    '%s set by an input at the start gives the ledger of the same setting in the scenario',
    (g) => {
      expect(queueRun(g, true)).toEqual(queueRun(g, false));
      expect(logRun(g, true)).toEqual(logRun(g, false));
    },
  );
});

describe('retryPolicyChanged', () => {
  test('failures after the change follow the new policy: reject sends them to the dead-letter queue', () => {
    const sc = scenario(
      [
        { id: 'w', kind: 'producer', to: 'q', arrival: { dist: 'constant', ms: 10 }, count: 200 },
        { id: 'q', kind: 'queue', deadLetterTo: 'dlq' },
        { id: 'dlq', kind: 'queue' },
        {
          id: 'c',
          kind: 'consumer',
          from: 'q',
          service: { dist: 'constant', ms: 2 },
          failure: { probability: 0.3 },
        },
      ],
      {
        durationMs: 5000,
        schedule: [
          at(1000, { type: 'retryPolicyChanged', consumerId: 'c', retry: { policy: 'reject' } }),
        ],
      },
    );
    const { rep, events } = run(sc);
    const dead = events.filter((e) => e.type === 'deadLettered');
    expect(dead.length).toBeGreaterThan(20);
    expect(dead.every((e) => e.atUs >= 1_000_000)).toBe(true);
    expect(rep.queues.dlq!.depth).toBe(dead.length);
  });
});
