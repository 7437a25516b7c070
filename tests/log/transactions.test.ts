/** Read-process-write with and without transactions; read_committed vs read_uncommitted (K12, K13). */
import { describe, expect, test } from 'vitest';
import { advance, createSim, report } from '../../src/engine';
import { run, scenario } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

function pipeline(transactional: boolean, crash = true) {
  const proc = (id: string) =>
    member(id, 'in', 'proc', 2, {
      output: { to: 'out', transactional },
      maxPollRecords: 50,
      commit: 'after',
      sessionTimeoutMs: 300,
      rebalancePauseMs: 50,
    });
  return scenario(
    [
      topic('in', 1),
      topic('out', 2),
      writer('w', 'in', 300, 0, { keys: { count: 20 } }),
      proc('p1'),
      proc('p2'),
      member('rc', 'out', 'committed-reader', 1, {
        isolation: 'read_committed',
        autoOffsetReset: 'earliest',
      }),
      member('ru', 'out', 'uncommitted-reader', 1, { autoOffsetReset: 'earliest' }),
    ],
    {
      durationMs: 10_000,
      schedule: crash
        ? [at(50, { type: 'consumerCrashed', consumerId: 'p1', window: 'afterEffect' })]
        : [],
    },
  );
}

describe('K12 transactions', () => {
  test('K12: outputs and offsets commit together; a crash aborts the open transaction, so read_committed sees each output once', () => {
    const { rep } = run(pipeline(true));
    expect(rep.groups['committed-reader']!.ledger).toMatchObject({
      exactlyOnce: 300,
      duplicated: 0,
      lost: 0,
    });
    // read_uncommitted also sees the aborted attempt's records: duplicates.
    expect(rep.groups['uncommitted-reader']!.ledger.duplicated).toBeGreaterThan(0);
  });

  test('K12: markers take offsets, so readers see gaps in the output partitions', () => {
    const st = createSim(pipeline(true, false));
    advance(st, st.endTick);
    const out = st.log.topics[1]!;
    const records = out.parts.reduce((n, p) => n + p.log.off.length, 0);
    const data = out.parts.reduce((n, p) => n + p.log.flags.filter((f) => (f & 8) === 0).length, 0);
    expect(data).toBe(300);
    expect(records).toBeGreaterThan(300);
  });

  test('without a transaction the same crash writes outputs twice, and read_committed cannot help', () => {
    const { rep } = run(pipeline(false));
    expect(rep.groups['committed-reader']!.ledger.duplicated).toBeGreaterThan(0);
    expect(rep.groups['committed-reader']!.ledger.lost).toBe(0);
  });

  test('K12: the cost: committing each batch adds latency, so the pipeline takes longer', () => {
    const finished = (transactional: boolean) => {
      const { events } = run(pipeline(transactional, false));
      const done = events.filter(
        (e) => e.type === 'recordProcessed' && e.group === 'committed-reader',
      );
      return done.at(-1)!.atUs;
    };
    expect(finished(true)).toBeGreaterThan(finished(false));
  });
});

describe('K13 isolation', () => {
  test('K13: read_committed stops at the last stable offset while a transaction is open; read_uncommitted reads on', () => {
    const sc = pipeline(true, false);
    const st = createSim(sc);
    // At 50 ms the processor is mid-way through a batch of 50 (2 ms each): its transaction is open.
    advance(st, 5);
    const r = report(st);
    const seenUncommitted = r.groups['uncommitted-reader']!.processed;
    const seenCommitted = r.groups['committed-reader']!.processed;
    expect(seenUncommitted - seenCommitted).toBeGreaterThan(10);
    expect(r.topics.out!.partitions.some((p) => p.lastStableOffset < p.highWatermark)).toBe(true);
  });
});
