/** Consumer groups: ownership, rebalancing, offsets and commit policies, lag, pull backpressure. */
import { describe, expect, test } from 'vitest';
import { createSim, runToEnd } from '../../src/engine';
import { assignRange, assignSticky } from '../../src/engine/logAssign';
import { ofType, run, scenario } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

const members = (n: number, extra = {}) =>
  Array.from({ length: n }, (_, i) =>
    member(`m${i + 1}`, 't', 'g', 2, { rebalancePauseMs: 500, ...extra }),
  );

describe('K4 groups', () => {
  test('K4: each partition has exactly one owner; members beyond the partition count idle', () => {
    const { rep } = run(
      scenario([topic('t', 4), writer('w', 't', 400, 5, { keys: { count: 40 } }), ...members(5)], {
        durationMs: 5000,
      }),
    );
    const owners = rep.groups.g!.assignment;
    expect(owners.every((o) => o !== null)).toBe(true);
    expect(new Set(owners).size).toBe(4);
    expect(owners).not.toContain('m5');
    expect(rep.groups.g!.ledger.exactlyOnce).toBe(400);
  });

  test('K4: range gives consecutive runs, the first members one extra; sticky keeps owners that stay', () => {
    const id = (m: number) => `m${m}`;
    expect(assignRange(5, [1, 2], id)).toEqual([1, 1, 1, 2, 2]);
    expect(assignRange(4, [1, 2, 3, 4, 5], id)).toEqual([1, 2, 3, 4]);
    // m3 joins: sticky moves as little as it can and balances 2/1/1.
    const after = assignSticky([1, 1, 2, 2], [1, 2, 3], id);
    expect(after.filter((m) => m === 3)).toHaveLength(1);
    expect(after.filter((m, p) => m === [1, 1, 2, 2][p]).length).toBe(3);
  });
});

describe('K5 rebalancing', () => {
  test('K5: joining members rebalance the group (1 → 2 → 4 → 5 members, the fifth idles)', () => {
    const nodes = [
      topic('t', 4),
      writer('w', 't', 2000, 5, { keys: { count: 100 } }),
      ...members(5).map((m, i) => ({ ...m, startMs: [0, 2000, 4000, 4000, 6000][i] })),
    ];
    const { rep, events } = run(scenario(nodes, { durationMs: 12_000 }));
    const rebalances = ofType(events, 'rebalanced');
    expect(rebalances.map((e) => new Set(e.owners).size)).toEqual([2, 3, 4, 4]);
    expect(rep.groups.g!.assignment).not.toContain('m5');
  });

  test('K5: a rebalance stops consumption for its pause (eager: every partition)', () => {
    const nodes = [
      topic('t', 2),
      writer('w', 't', 1000, 5),
      member('a', 't', 'g', 1, { rebalancePauseMs: 1000 }),
      member('b', 't', 'g', 1, { startMs: 2000, rebalancePauseMs: 1000 }),
    ];
    const { events } = run(scenario(nodes, { durationMs: 6000 }));
    const during = ofType(events, 'recordProcessed').filter(
      (e) => e.atUs > 2_000_000 && e.atUs < 3_000_000,
    );
    expect(during).toHaveLength(0);
  });

  test('K5: cooperative-sticky pauses only the partitions that move', () => {
    const sticky = { rebalancePauseMs: 1000, assignor: 'cooperative-sticky' };
    const nodes = [
      topic('t', 2),
      writer('w', 't', 1000, 5),
      member('a', 't', 'g', 1, sticky),
      member('b', 't', 'g', 1, { startMs: 2000, ...sticky }),
    ];
    const { events } = run(scenario(nodes, { durationMs: 6000 }));
    const during = ofType(events, 'recordProcessed').filter(
      (e) => e.atUs > 2_000_000 && e.atUs < 3_000_000,
    );
    expect(during.length).toBeGreaterThan(50);
    expect(new Set(during.map((e) => e.partition)).size).toBe(1);
  });

  test('K5: a crashed member leaves after session.timeout.ms; its partitions move to the others', () => {
    const nodes = [
      topic('t', 2),
      writer('w', 't', 1000, 5),
      ...members(2, { sessionTimeoutMs: 1500, commit: 'after', maxPollRecords: 10 }),
    ];
    const { rep, events } = run(
      scenario(nodes, {
        durationMs: 8000,
        schedule: [at(1000, { type: 'consumerCrashed', consumerId: 'm1' })],
      }),
    );
    const left = ofType(events, 'memberLeft');
    expect(left.map((e) => [e.member, e.reason, e.atUs / 1000])).toEqual([
      ['m1', 'session timeout', 2500],
    ]);
    expect(rep.groups.g!.assignment).toEqual(['m2', 'm2']);
    expect(rep.groups.g!.ledger.lost).toBe(0);
  });

  test('K5: a member that exceeds max.poll.interval.ms is evicted; its commit then fails and a peer redoes the work', () => {
    const slow = {
      maxPollIntervalMs: 300,
      maxPollRecords: 50,
      commit: 'after',
      rebalancePauseMs: 100,
    };
    // "a-slow" sorts first, so the range assignor gives it the only partition.
    const nodes = [
      topic('t', 1),
      writer('w', 't', 200, 5),
      member('a-slow', 't', 'g', 10, slow),
      member('peer', 't', 'g', 1, slow),
    ];
    const { rep, events } = run(scenario(nodes, { durationMs: 8000 }));
    expect(
      ofType(events, 'memberLeft').some((e) => e.reason === 'max poll interval exceeded'),
    ).toBe(true);
    expect(rep.groups.g!.commitFailed).toBeGreaterThan(0);
    expect(rep.groups.g!.ledger.duplicated).toBeGreaterThan(0);
  });
});

describe('K6 offsets and K7 delivery semantics', () => {
  const crashMid = (commit: string, window: string, extra = {}) =>
    scenario(
      [
        topic('t', 1),
        // 300 records at once: "a" polls them in batches of 100, 2 ms each.
        writer('w', 't', 300, 0),
        member('a', 't', 'g', 2, {
          commit,
          maxPollRecords: 100,
          sessionTimeoutMs: 500,
          rebalancePauseMs: 100,
          ...extra,
        }),
        member('b', 't', 'g', 2, {
          commit,
          maxPollRecords: 100,
          sessionTimeoutMs: 500,
          rebalancePauseMs: 100,
          ...extra,
        }),
      ],
      {
        durationMs: 10_000,
        schedule: [at(100, { type: 'consumerCrashed', consumerId: 'a', window })],
      },
    );

  test('K7: commit before processing is at-most-once: a crash mid-batch loses records, never repeats one', () => {
    const { rep } = run(crashMid('before', 'afterEffect'));
    const l = rep.groups.g!.ledger;
    expect(l.lost).toBeGreaterThan(0);
    expect(l.duplicated).toBe(0);
    expect(l.exactlyOnce + l.lost).toBe(300);
  });

  test('K7: commit after processing is at-least-once: a crash mid-batch repeats records, never loses one', () => {
    const { rep } = run(crashMid('after', 'afterEffect'));
    const l = rep.groups.g!.ledger;
    expect(l.lost).toBe(0);
    expect(l.duplicated).toBeGreaterThan(0);
    expect(l.exactlyOnce + l.duplicated).toBe(300);
  });

  test('K7 + P2: at-least-once plus an idempotent consumer (one store for the group) applies every effect exactly once', () => {
    const { rep } = run(crashMid('after', 'afterEffect', { idempotent: {} }));
    const l = rep.groups.g!.ledger;
    expect(l.exactlyOnce).toBe(300);
    expect(l.lost + l.duplicated).toBe(0);
  });

  test('K6: a reassigned partition resumes from the committed offset; committed never passes the position', () => {
    const { events } = run(crashMid('after', 'afterEffect'));
    const commits = ofType(events, 'offsetsCommitted');
    let last = -1;
    for (const c of commits) {
      expect(c.offsets[0]!).toBeGreaterThanOrEqual(last);
      last = c.offsets[0]!;
    }
    const processed = ofType(events, 'recordProcessed');
    const afterTakeover = processed.filter((e) => e.member === 'b');
    const firstB = Math.min(...afterTakeover.map((e) => e.offset));
    const committedAtCrash = commits.filter((c) => c.atUs <= 100_000).at(-1)?.offsets[0] ?? 0;
    expect(firstB).toBeLessThanOrEqual(committedAtCrash);
  });

  test('K6: auto-commit inside poll commits what earlier polls returned, every autoCommitIntervalMs', () => {
    const { events } = run(
      scenario(
        [
          topic('t', 1),
          writer('w', 't', 500, 10),
          member('a', 't', 'g', 1, { autoCommitIntervalMs: 1000, maxPollRecords: 10 }),
        ],
        { durationMs: 6000 },
      ),
    );
    const times = ofType(events, 'offsetsCommitted').map((e) => e.atUs);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_000_000);
    expect(times.length).toBeGreaterThan(3);
  });
});

describe('K17 lag and K18 backpressure', () => {
  test('K17: lag = log end offset − committed offset, per partition; it grows for a slow group', () => {
    const st = createSim(
      scenario(
        [
          topic('t', 2),
          writer('w', 't', 2000, 2),
          member('slow', 't', 'g', 8, { commit: 'after', maxPollRecords: 10 }),
        ],
        { durationMs: 3000 },
      ),
    );
    runToEnd(st);
    const g = st.log.groups[0]!;
    st.log.topics[0]!.parts.forEach((part, p) =>
      expect(part.end - g.committed[p]!).toBeGreaterThan(100),
    );
  });

  test('K18: pausing a partition stops its records without a rebalance; resuming picks up where it was', () => {
    const sc = scenario([topic('t', 2), writer('w', 't', 400, 5), member('a', 't', 'g', 1)], {
      durationMs: 5000,
      schedule: [
        at(500, { type: 'partitionPaused', topicId: 't', partition: 0 }),
        at(1500, { type: 'partitionResumed', topicId: 't', partition: 0 }),
      ],
    });
    const { rep, events } = run(sc);
    const paused = ofType(events, 'recordProcessed').filter(
      (e) => e.partition === 0 && e.atUs > 600_000 && e.atUs < 1_500_000,
    );
    const other = ofType(events, 'recordProcessed').filter(
      (e) => e.partition === 1 && e.atUs > 600_000 && e.atUs < 1_500_000,
    );
    expect(paused).toHaveLength(0);
    expect(other.length).toBeGreaterThan(50);
    expect(ofType(events, 'rebalanced')).toHaveLength(0);
    expect(rep.groups.g!.ledger.exactlyOnce).toBe(400);
  });
});
