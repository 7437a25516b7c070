/**
 * The three named delivery guarantees on both brokers, under the same workload and the same
 * crash (a consumer dies after applying an effect, before acking or committing it):
 * at-most-once loses and never repeats; at-least-once repeats and never loses; exactly-once
 * neither (issue 5; R9, K7, P2).
 */
import { describe, expect, test } from 'vitest';
import { run, scenario, type Spec } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

const GUARANTEES = ['at-most-once', 'at-least-once', 'exactly-once'] as const;

function onQueue(guarantee: string) {
  const c = (id: string): Spec => ({
    id,
    kind: 'consumer',
    from: 'q',
    service: { dist: 'constant', ms: 2 },
    prefetch: 50,
    guarantee,
  });
  return scenario(
    [
      { id: 'w', kind: 'producer', to: 'q', arrival: { dist: 'constant', ms: 0 }, count: 300 },
      { id: 'q', kind: 'queue' },
      c('a'),
      c('b'),
    ],
    {
      durationMs: 10_000,
      schedule: [at(20, { type: 'consumerCrashed', consumerId: 'a', window: 'afterEffect' })],
    },
  );
}

function onLog(guarantee: string) {
  const m = (id: string) =>
    member(id, 't', 'g', 2, {
      guarantee,
      maxPollRecords: 50,
      sessionTimeoutMs: 500,
      rebalancePauseMs: 100,
    });
  return scenario(
    [topic('t', 2), writer('w', 't', 300, 0, { keys: { count: 30 } }), m('a'), m('b')],
    {
      durationMs: 10_000,
      schedule: [at(20, { type: 'consumerCrashed', consumerId: 'a', window: 'afterEffect' })],
    },
  );
}

function ledgerOf(which: 'queue' | 'log', guarantee: string) {
  if (which === 'queue') {
    const l = run(onQueue(guarantee)).rep.queues.q!.ledger;
    return { once: l.exactlyOnce, lost: l.lost, dup: l.duplicated };
  }
  const l = run(onLog(guarantee)).rep.groups.g!.ledger;
  return { once: l.exactlyOnce, lost: l.lost, dup: l.duplicated };
}

describe('named delivery guarantees', () => {
  test.each(['queue', 'log'] as const)(
    '%s broker: at-most-once loses, at-least-once repeats, exactly-once neither',
    (which) => {
      const [most, least, exactly] = GUARANTEES.map((g) => ledgerOf(which, g));
      expect(most!.lost).toBeGreaterThan(0);
      expect(most!.dup).toBe(0);
      expect(least!.lost).toBe(0);
      expect(least!.dup).toBeGreaterThan(0);
      expect(exactly!.lost + exactly!.dup).toBe(0);
      expect(exactly!.once).toBe(300);
    },
  );

  test('a guarantee that contradicts an explicit setting is refused', () => {
    expect(() =>
      scenario([
        topic('t', 1),
        member('a', 't', 'g', 1, { guarantee: 'at-most-once', commit: 'after' }),
      ]),
    ).toThrow(/nodes\[1\]\.commit: "at-most-once" means commit before processing/);
  });
});
