/** Retention, compaction and replay (K8, K9, K10). */
import { describe, expect, test } from 'vitest';
import { createSim, runToEnd } from '../../src/engine';
import { run, scenario } from '../broker/helpers';
import { at, member, topic, writer } from './helpers';

describe('K9 retention', () => {
  test('K9: time retention deletes whole closed segments past retention.ms; the log start offset moves up', () => {
    const st = createSim(
      scenario(
        [topic('t', 1, { retentionMs: 1000, segmentRecords: 50 }), writer('w', 't', 1000, 10)],
        { durationMs: 8000 },
      ),
    );
    runToEnd(st);
    const part = st.log.topics[0]!.parts[0]!;
    expect(part.start).toBeGreaterThan(0);
    expect(part.start % 50).toBe(0);
    expect(part.log.off[0]).toBe(part.start);
    // Nothing kept is older than its segment allows: the oldest kept segment ends within retention + a check.
    expect(part.end - part.start).toBeLessThan(1000);
  });

  test('K9: size retention keeps a partition near retention.bytes, in whole segments', () => {
    const st = createSim(
      scenario(
        [
          topic('t', 1, { retentionBytes: 5000, segmentRecords: 10 }),
          writer('w', 't', 500, 5, { recordBytes: 100 }),
        ],
        { durationMs: 5000 },
      ),
    );
    runToEnd(st);
    const part = st.log.topics[0]!.parts[0]!;
    expect(part.bytes).toBeLessThanOrEqual(5000 + 10 * 100);
    expect(part.start % 10).toBe(0);
  });
});

describe('K8 reset and replay', () => {
  test('K8: a consumer down longer than retention finds its offset out of range and resets; the skipped records are counted', () => {
    const sc = scenario(
      [
        topic('t', 1, { retentionMs: 1000, segmentRecords: 20 }),
        writer('w', 't', 1000, 10),
        member('c', 't', 'g', 1, {
          autoOffsetReset: 'earliest',
          commit: 'after',
          sessionTimeoutMs: 60_000,
        }),
      ],
      {
        durationMs: 10_000,
        schedule: [at(1000, { type: 'consumerCrashed', consumerId: 'c', restartAfterMs: 4000 })],
      },
    );
    const { rep } = run(sc);
    expect(rep.groups.g!.skippedByRetention).toBeGreaterThan(100);
    expect(rep.groups.g!.ledger.lost).toBeGreaterThanOrEqual(rep.groups.g!.skippedByRetention);
  });

  test('K8: seek to the beginning replays every record; reading deleted nothing', () => {
    const sc = scenario([topic('t', 2), writer('w', 't', 200, 5), member('c', 't', 'g', 1)], {
      durationMs: 5000,
      schedule: [at(2000, { type: 'groupSeek', groupId: 'g', to: 'beginning' })],
    });
    const { rep } = run(sc);
    expect(rep.groups.g!.processed).toBe(400);
    expect(rep.groups.g!.ledger.duplicated).toBe(200);
  });

  test('K8: seek to a time replays from the first record written at or after it', () => {
    const sc = scenario([topic('t', 1), writer('w', 't', 200, 10), member('c', 't', 'g', 1)], {
      durationMs: 5000,
      schedule: [at(3000, { type: 'groupSeek', groupId: 'g', to: 'time', atMs: 1000 })],
    });
    const { rep } = run(sc);
    // Records were written at 10, 20, ... 2000 ms: the seek replays those from 1000 ms on (101).
    expect(rep.groups.g!.processed).toBe(200 + 101);
  });

  test('K8: a new group starts at latest by default, or at earliest when asked', () => {
    const nodes = [
      topic('t', 1),
      writer('w', 't', 300, 10),
      member('latest', 't', 'late', 1, { startMs: 1500, rebalancePauseMs: 0 }),
      member('earliest', 't', 'replay', 1, {
        startMs: 1500,
        autoOffsetReset: 'earliest',
        rebalancePauseMs: 0,
      }),
    ];
    const { rep } = run(scenario(nodes, { durationMs: 6000 }));
    expect(rep.groups.replay!.processed).toBe(300);
    expect(rep.groups.late!.processed).toBeLessThan(160);
    expect(rep.groups.late!.processed).toBeGreaterThan(130);
  });
});

describe('K10 compaction', () => {
  test('K10: a compacted topic keeps the latest value per key in closed segments, offsets unchanged', () => {
    const st = createSim(
      scenario(
        [
          topic('t', 1, { cleanupPolicy: 'compact', segmentRecords: 20 }),
          writer('w', 't', 500, 5, { keys: { count: 5 } }),
        ],
        { durationMs: 5000 },
      ),
    );
    runToEnd(st);
    const part = st.log.topics[0]!.parts[0]!;
    const activeStart = Math.floor((part.end - 1) / 20) * 20;
    const closedKeys = part.log.key.filter((_, i) => part.log.off[i]! < activeStart);
    expect(new Set(closedKeys).size).toBe(closedKeys.length);
    expect(part.log.off.length).toBeLessThan(500);
    for (let i = 1; i < part.log.off.length; i++)
      expect(part.log.off[i]!).toBeGreaterThan(part.log.off[i - 1]!);
    expect(part.end).toBe(500);
  });

  test('K10: a tombstone deletes its key and is itself purged after delete.retention.ms', () => {
    const sc = scenario(
      [
        topic('t', 1, { cleanupPolicy: 'compact', segmentRecords: 5, deleteRetentionMs: 500 }),
        writer('w', 't', 10, 10, { templates: [{ key: 'k' }] }),
        writer('del', 't', 1, 10, { startMs: 200, templates: [{ key: 'k', tombstone: true }] }),
        writer('other', 't', 20, 10, { startMs: 300, templates: [{ key: 'x' }] }),
      ],
      { durationMs: 3000 },
    );
    const st = createSim(sc);
    runToEnd(st);
    const part = st.log.topics[0]!.parts[0]!;
    const kId = st.log.keyIndex.k!;
    expect(part.log.key.includes(kId)).toBe(false);
  });
});
