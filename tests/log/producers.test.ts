/** Producing to the log: acks, replication and leader changes, retries, idempotence (K3, K11, K14, K15). */
import { describe, expect, test } from 'vitest';
import { createSim, runToEnd, validateScenario } from '../../src/engine';
import { run, scenario, type Spec } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

const replicated = (extra: Spec = {}) =>
  topic('t', 1, { replicationFactor: 3, replicationMs: 20, ...extra });

/**
 * Followers 1 and 2 die at 200 ms, so leader 0 is the last in-sync replica; it dies at 600 ms
 * and the stale follower 1 comes back at 700 ms.
 */
const lastInSyncLost = (unclean: boolean) =>
  scenario(
    [replicated({ uncleanLeaderElection: unclean }), writer('w', 't', 100, 10, { retries: 0 })],
    {
      durationMs: 3000,
      logBrokers: 3,
      schedule: [
        at(200, { type: 'logBrokerCrashed', broker: 1 }),
        at(200, { type: 'logBrokerCrashed', broker: 2 }),
        at(600, { type: 'logBrokerCrashed', broker: 0 }),
        at(700, { type: 'logBrokerRestarted', broker: 1 }),
      ],
    },
  );

describe('K14 acks and K15 replication', () => {
  test('K14: acks=1 answers when the leader wrote it; losing the leader before followers copied it loses acked records', () => {
    const sc = scenario(
      [replicated(), writer('w', 't', 100, 10, { acks: 1 }), member('c', 't', 'g', 1)],
      {
        durationMs: 5000,
        logBrokers: 3,
        schedule: [at(505, { type: 'logBrokerCrashed', broker: 0 })],
      },
    );
    const { rep } = run(sc);
    expect(rep.topics.t!.ackedLost).toBeGreaterThan(0);
    expect(rep.topics.t!.truncated).toBe(rep.topics.t!.ackedLost);
    expect(rep.topics.t!.partitions[0]!.leader).toBe(1);
    expect(rep.logProducers.w!.acked).toBe(100);
    expect(rep.groups.g!.ledger.exactlyOnce).toBe(100 - rep.topics.t!.ackedLost);
  });

  test('K14: acks=all answers only once every in-sync replica has it, so the same crash loses nothing acknowledged', () => {
    const sc = scenario([replicated(), writer('w', 't', 100, 10), member('c', 't', 'g', 1)], {
      durationMs: 5000,
      logBrokers: 3,
      schedule: [at(505, { type: 'logBrokerCrashed', broker: 0 })],
    });
    const { rep } = run(sc);
    expect(rep.topics.t!.ackedLost).toBe(0);
    // What the old leader had not replicated is sent again and written by the new leader.
    expect(rep.logProducers.w!.acked).toBe(100);
    expect(rep.groups.g!.ledger.exactlyOnce).toBe(100);
    expect(rep.logProducers.w!.ackLatencyMs.p50).toBeGreaterThanOrEqual(20);
  });

  test('K14: acks=0 does not wait (no latency) and never learns about a lost record', () => {
    const sc = scenario([replicated(), writer('w', 't', 50, 10, { acks: 0 })], {
      durationMs: 3000,
      logBrokers: 3,
    });
    const { rep } = run(sc);
    expect(rep.logProducers.w!.ackLatencyMs.max).toBe(0);
    expect(rep.logProducers.w!.acked).toBe(50);
  });

  test('K14: with acks=all and min.insync.replicas 2, losing two of three brokers refuses writes (NotEnoughReplicas)', () => {
    const sc = scenario(
      [
        replicated({ minInsyncReplicas: 2 }),
        writer('w', 't', 100, 10, { retries: 0 }),
        member('c', 't', 'g', 1),
      ],
      {
        durationMs: 3000,
        logBrokers: 3,
        schedule: [
          at(300, { type: 'logBrokerCrashed', broker: 1 }),
          at(300, { type: 'logBrokerCrashed', broker: 2 }),
        ],
      },
    );
    const { rep } = run(sc);
    expect(rep.topics.t!.notEnoughReplicas).toBeGreaterThan(0);
    expect(rep.logProducers.w!.failed).toBe(rep.topics.t!.notEnoughReplicas);
  });

  test('K15: only committed records (below the high watermark) reach consumers', () => {
    const st = createSim(
      scenario(
        [
          replicated({ replicationMs: 1000 }),
          writer('w', 't', 10, 10, { acks: 1 }),
          member('c', 't', 'g', 1),
        ],
        { durationMs: 500, logBrokers: 3 },
      ),
    );
    runToEnd(st);
    const part = st.log.topics[0]!.parts[0]!;
    expect(part.end).toBe(10);
    expect(part.hw).toBe(0);
    expect(st.log.groups[0]!.stats.processed).toBe(0);
  });

  test('K15: clean election: with every in-sync replica down the partition goes offline rather than lose data', () => {
    const { rep } = run(lastInSyncLost(false));
    expect(rep.topics.t!.partitions[0]!.leader).toBe(-1);
    expect(rep.topics.t!.offlineWrites).toBeGreaterThan(0);
    expect(rep.topics.t!.truncated).toBe(0);
  });

  test('K15: unclean election brings the partition back on a stale replica and loses committed records', () => {
    const { rep } = run(lastInSyncLost(true));
    expect(rep.topics.t!.partitions[0]!.leader).toBe(1);
    expect(rep.topics.t!.truncated).toBeGreaterThan(0);
    expect(rep.topics.t!.ackedLost).toBeGreaterThan(0);
  });
});

describe('K11 idempotent producer and K3 retries', () => {
  const lossy = (extra: Spec) =>
    scenario(
      [
        topic('t', 1),
        writer('w', 't', 200, 5, {
          lostResponses: 0.2,
          requestTimeoutMs: 50,
          retries: 10,
          ...extra,
        }),
        member('c', 't', 'g', 1),
      ],
      { durationMs: 10_000 },
    );

  test('K3: without idempotence a retried send whose response was lost writes the record twice', () => {
    const { rep } = run(lossy({ idempotent: false }));
    expect(rep.logProducers.w!.lostResponses).toBeGreaterThan(10);
    expect(rep.topics.t!.appended).toBeGreaterThan(200);
    expect(rep.groups.g!.ledger.duplicated).toBeGreaterThan(0);
  });

  test("K11: the idempotent producer's retries are dropped by sequence number: each record once", () => {
    const { rep } = run(lossy({}));
    expect(rep.logProducers.w!.idempotent).toBe(true);
    expect(rep.topics.t!.duplicatesDropped).toBeGreaterThan(10);
    expect(rep.topics.t!.appended).toBe(200);
    expect(rep.groups.g!.ledger.exactlyOnce).toBe(200);
  });

  test('K3: with several sends in flight and failures, retries reorder records unless idempotent', () => {
    const flaky = (idempotent: boolean) =>
      scenario(
        [
          topic('t', 1, { replicationFactor: 2, minInsyncReplicas: 2 }),
          writer('w', 't', 300, 2, { idempotent, maxInFlight: 5, retries: 20 }),
        ],
        {
          durationMs: 10_000,
          logBrokers: 2,
          schedule: [at(200, { type: 'logBrokerCrashed', broker: 1, restartAfterMs: 5 })],
        },
      );
    const off = run(flaky(false));
    expect(off.rep.topics.t!.outOfOrder).toBeGreaterThan(0);
    const on = run(flaky(true));
    expect(on.rep.topics.t!.outOfOrder).toBe(0);
    const st = createSim(flaky(true));
    runToEnd(st);
    const seqs = st.log.topics[0]!.parts[0]!.log.seq;
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  test('K11: the idempotent producer requires acks=all', () => {
    const v = validateScenario({
      version: 1,
      name: 'x',
      durationMs: 1000,
      nodes: [topic('t', 1), writer('w', 't', 1, 1, { idempotent: true, acks: 1 })],
    });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors.join('\n')).toMatch(/nodes\[1\]\.idempotent: .*acks "all" \(K11\)/);
  });
});
