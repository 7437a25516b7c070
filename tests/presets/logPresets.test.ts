/**
 * The log-broker presets (issue 5): each block runs its preset headless to the end and asserts
 * what its description says, with the run's exact numbers, citing the Kafka rules (K1–K18 of
 * broker-semantics.md) it shows.
 *
 * Where a number comes from the group ledger (report().groups[...].ledger) it is asserted only
 * when no record of the group's topic was written twice: the ledger classifies log records, not
 * messages, so a message written twice by a producer retry is counted twice. Duplicate effects
 * are then counted from the recordProcessed events instead.
 */
import { describe, expect, test } from 'vitest';
import { advance, createSim, type RunReport, type SimEvent, type SimState } from '../../src/engine';
import { partitionForKey } from '../../src/engine/murmur2';
import { countBy, expectCleanEnd, ofType, presetRun, tickAt, type PresetRun } from './support';
import { loadPreset } from '../../src/scenarios';

/** One record of a topic as the log holds it at the end of the run. */
interface Rec {
  partition: number;
  offset: number;
  origin: number;
  key: string | null;
  tsUs: number;
  flags: number;
}

function topicState(st: SimState, id: string) {
  const t = st.log.topics.find((x) => st.nodeIds[x.node] === id);
  if (!t) throw new Error(`no topic ${id}`);
  return t;
}

function records(st: SimState, id: string): Rec[] {
  const out: Rec[] = [];
  topicState(st, id).parts.forEach((part, partition) => {
    const log = part.log;
    log.off.forEach((offset, i) =>
      out.push({
        partition,
        offset,
        origin: log.origin[i]!,
        key: log.key[i]! < 0 ? null : st.log.keys[log.key[i]!]!,
        tsUs: log.tsUs[i]!,
        flags: log.flags[i]!,
      }),
    );
  });
  return out;
}

/** The first processing of each record by a group (duplicates left out), in time order. */
const firstProcessed = (events: readonly SimEvent[], group: string) =>
  ofType(events, 'recordProcessed').filter((e) => e.group === group && !e.duplicate);

const processedBy = (events: readonly SimEvent[], group: string) =>
  ofType(events, 'recordProcessed').filter((e) => e.group === group);

/**
 * Records a group processed after a newer record of the same key (by origin id, which grows
 * with the time the producer sent it).
 */
function outOfKeyOrder(
  processed: readonly { originId: number }[],
  keyOf: Map<number, string | null>,
): number[] {
  const newest = new Map<string, number>();
  const late: number[] = [];
  for (const e of processed) {
    const key = keyOf.get(e.originId);
    if (key === null || key === undefined) continue;
    if ((newest.get(key) ?? -1) > e.originId) late.push(e.originId);
    else newest.set(key, e.originId);
  }
  return late;
}

const secs = (us: number) => us / 1e6;

/** The report taken at simulated second `s` (the run must have been asked for it). */
function at(run: PresetRun, s: number): RunReport {
  const r = run.mid.get(tickAt(run.sc, s * 1000));
  if (!r) throw new Error(`no report at ${s} s`);
  return r;
}

const ticksAt = (id: string, seconds: number[]) =>
  seconds.map((s) => tickAt(loadPreset(id), s * 1000));

describe('kafka-key-partitioning: keys pick partitions; adding one remaps most keys', () => {
  const id = 'kafka-key-partitioning';
  const run = presetRun(id, { at: ticksAt(id, [20, 30]) });
  const ADD_US = 30_000_000;
  const keyOf = () => new Map(records(run().st, 'orders').map((r) => [r.origin, r.key]));

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K2: every record lands on toPositive(murmur2(key)) % partitions, 3 before the change and 4 after', () => {
    const recs = records(run().st, 'orders');
    const before = recs.filter((r) => r.tsUs < ADD_US);
    // A send picks its partition as it leaves the producer, 5 ms before it is appended.
    const after = recs.filter((r) => r.tsUs > ADD_US + 10_000);
    expect(before.length + after.length).toBe(recs.length);
    for (const r of before) expect(r.partition).toBe(partitionForKey(r.key!, 3));
    for (const r of after) expect(r.partition).toBe(partitionForKey(r.key!, 4));
    expect(topicState(run().st, 'orders').parts.map((p) => p.end)).toEqual([373, 987, 806, 199]);
  });

  test('K2: the modulo moves 4 of the 6 customers; their history is split over two partitions', () => {
    const recs = records(run().st, 'orders');
    const partsOf = (key: string) => [
      ...new Set(recs.filter((r) => r.key === key).map((r) => r.partition)),
    ];
    const split = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => `customer-${i}`).map((k) => [k, partsOf(k)]),
    );
    expect(split).toEqual({
      'customer-0': [1, 3],
      'customer-1': [0, 1],
      'customer-2': [2],
      'customer-3': [1, 2],
      'customer-4': [1],
      'customer-5': [0, 2],
    });
    // Both customers of partition 0 moved away: it gets nothing after the change.
    expect(recs.filter((r) => r.partition === 0 && r.tsUs > ADD_US + 10_000)).toEqual([]);
  });

  test("K3: while the partition count is fixed, each customer's orders are shipped in order", () => {
    const { events, st } = run();
    const keys = keyOf();
    const times = new Map(records(st, 'orders').map((r) => [r.origin, r.tsUs]));
    const done = firstProcessed(events, 'shipping');
    const old = done.filter((e) => times.get(e.originId)! < ADD_US);
    const young = done.filter((e) => times.get(e.originId)! >= ADD_US);
    expect(old.length + young.length).toBe(2365);
    expect(outOfKeyOrder(old, keys)).toEqual([]);
    expect(outOfKeyOrder(young, keys)).toEqual([]);
  });

  test('K2 + K3: across the change, 98 orders of moved customers are shipped after a newer order', () => {
    const { events, st } = run();
    const keys = keyOf();
    const times = new Map(records(st, 'orders').map((r) => [r.origin, r.tsUs]));
    const late = outOfKeyOrder(firstProcessed(events, 'shipping'), keys);
    expect(late).toHaveLength(98);
    // Each one was written before the change, to the partition its customer has left.
    expect(late.every((o) => times.get(o)! < ADD_US)).toBe(true);
    expect(new Set(late.map((o) => keys.get(o)))).toEqual(
      new Set(['customer-0', 'customer-3', 'customer-5']),
    );
  });

  test('K17: the sale (80 orders/s from 20 s) puts Shipping behind before the partition is added', () => {
    const r = run();
    expect(at(r, 20).groups.shipping!.totalLag).toBe(0);
    expect(at(r, 30).groups.shipping!.lag).toEqual([31, 165, 2]);
  });

  test('K5: new partitions rebalance the group; cooperative-sticky keeps the old owners', () => {
    const { events, rep } = run();
    const rebalances = ofType(events, 'rebalanced');
    expect(rebalances.map((e) => [secs(e.atUs), e.reason, e.owners])).toEqual([
      [30, 'partitions added', ['ship-1', 'ship-2', 'ship-3', 'ship-1']],
    ]);
    expect(rep.groups.shipping!.ledger).toMatchObject({
      exactlyOnce: 2365,
      duplicated: 0,
      lost: 0,
    });
  });
});

describe('kafka-group-scaling: 1 → 2 → 4 → 5 members on 4 partitions', () => {
  const id = 'kafka-group-scaling';
  const run = presetRun(id, { at: ticksAt(id, [10, 20, 25, 40, 55]) });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K4 + K5: each join rebalances the group; the fifth member gets no partition and idles', () => {
    const { events, rep } = run();
    const rebalances = ofType(events, 'rebalanced');
    expect(rebalances.map((e) => [secs(e.atUs), e.owners])).toEqual([
      [20, ['worker-1', 'worker-1', 'worker-2', 'worker-2']],
      [40, ['worker-1', 'worker-1', 'worker-2', 'worker-3']],
      [40, ['worker-1', 'worker-2', 'worker-3', 'worker-4']],
      [60, ['worker-1', 'worker-2', 'worker-3', 'worker-4']],
    ]);
    expect(rep.groups.fulfilment!.assignment).not.toContain('worker-5');
    expect(processedBy(events, 'fulfilment').filter((e) => e.member === 'worker-5')).toEqual([]);
  });

  test('K5: after each rebalance no member fetches anything for the 3 s pause', () => {
    const { events } = run();
    const polls = ofType(events, 'recordsPolled');
    for (const r of ofType(events, 'rebalanced')) {
      const during = polls.filter((p) => p.atUs >= r.atUs && p.atUs < r.atUs + 3_000_000);
      expect(during, `after ${secs(r.atUs)} s`).toEqual([]);
    }
  });

  test('K4: alone, worker 1 handles about 60 orders/s and the lag grows; two keep up; four drain it', () => {
    const run_ = run();
    const lag = (s: number) => at(run_, s).groups.fulfilment!.totalLag;
    expect(at(run_, 20).groups.fulfilment!.processed).toBe(1214);
    expect([lag(10), lag(20), lag(25), lag(40), lag(55)]).toEqual([484, 807, 998, 699, 4]);
    const in40to55 =
      at(run_, 55).groups.fulfilment!.processed - at(run_, 40).groups.fulfilment!.processed;
    expect(in40to55 / 15).toBeGreaterThan(120); // four workers: well above the 100/s arriving
  });

  test('nothing is lost or repeated: members finish and commit their batch while the group rebalances', () => {
    const { rep } = run();
    const g = rep.groups.fulfilment!;
    expect(g.ledger.lost).toBe(0);
    expect(g.ledger.duplicated).toBe(0);
    // All but the few still unread at the end (the lag) were processed.
    expect(rep.topics.orders!.appended).toBe(8889);
    expect(g.ledger.exactlyOnce).toBe(8889 - g.totalLag);
  });
});

describe('kafka-commit-timing: commit before vs after processing, crash at record 60 of a batch of 100', () => {
  const run = presetRun('kafka-commit-timing');
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K6: both groups poll batches of 100 and the active members crash on the 60th record of the second', () => {
    const { events } = run();
    const polls = ofType(events, 'recordsPolled').filter((e) => e.atUs < 5_000_000);
    expect(polls.map((e) => [e.member, secs(e.atUs), e.count])).toEqual([
      ['commit-before-1', 2, 100],
      ['commit-after-1', 2, 100],
      ['commit-before-1', 4, 100],
      ['commit-after-1', 4, 100],
    ]);
    const crashes = ofType(events, 'consumerCrashed');
    expect(crashes.map((e) => [e.consumer, secs(e.atUs), e.window])).toEqual([
      ['commit-before-1', 5.2, 'afterEffect'],
      ['commit-after-1', 5.2, 'afterEffect'],
    ]);
    for (const group of ['commit-before', 'commit-after'])
      expect(
        processedBy(events, group).filter((e) => e.member === `${group}-1` && e.atUs > 4_000_000),
      ).toHaveLength(60);
  });

  test('K5: the session times out 10 s later and the standby takes the partition over', () => {
    const { events } = run();
    expect(ofType(events, 'memberLeft').map((e) => [e.member, secs(e.atUs), e.reason])).toEqual([
      ['commit-before-1', 15.2, 'session timeout'],
      ['commit-after-1', 15.2, 'session timeout'],
    ]);
    const firstOffset = (group: string) =>
      processedBy(events, group).find((e) => e.member === `${group}-2`)!.offset;
    expect(firstOffset('commit-before')).toBe(200);
    expect(firstOffset('commit-after')).toBe(100);
  });

  test('K7: commit before processing is at-most-once: the 40 unbilled invoices of the batch are lost', () => {
    const l = run().rep.groups['commit-before']!.ledger;
    expect(l).toMatchObject({ exactlyOnce: 260, duplicated: 0, lost: 40 });
    expect(l.lostIds).toEqual(range(161, 200));
  });

  test('K7: commit after processing is at-least-once: the 60 billed invoices are billed again', () => {
    const l = run().rep.groups['commit-after']!.ledger;
    expect(l).toMatchObject({ exactlyOnce: 240, duplicated: 60, extraEffects: 60, lost: 0 });
    expect(l.duplicatedIds).toEqual(range(101, 150)); // the report lists the first 50
  });
});

describe('kafka-slow-handler: max.poll.interval evicts a slow member', () => {
  const run = presetRun('kafka-slow-handler');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K5: a batch of 37 at 600 ms each outlasts max.poll.interval (10 s): evicted 10 s after its poll', () => {
    const { events } = run();
    const polls = ofType(events, 'recordsPolled').filter((e) => e.member === 'resizer-a');
    expect(polls.map((e) => e.count).slice(0, 4)).toEqual([1, 4, 14, 37]);
    const last = polls[3]!;
    const left = ofType(events, 'memberLeft');
    expect(left[0]!.member).toBe('resizer-a');
    expect(left[0]!.reason).toBe('max poll interval exceeded');
    expect(left[0]!.atUs - last.atUs).toBe(10_000_000);
    expect(secs(left[0]!.atUs)).toBeCloseTo(21.5, 1);
    const owners = ofType(events, 'rebalanced').map((e) => e.owners);
    expect(owners[0]).toEqual(['resizer-b', 'resizer-b']);
  });

  test('K5: the evicted member finishes its batch, its commit fails, and B has resized those 37 images again', () => {
    const { events, rep } = run();
    const g = rep.groups.thumbnails!;
    // Its first commit after the eviction fails; it rejoins with its next poll (and, still slow,
    // is evicted again later).
    expect(g.commitFailed).toBeGreaterThanOrEqual(1);
    // Its first four batches: 1 + 4 + 14 + 37 images; the 37th ends at 33.7 s, after the eviction.
    const byA = processedBy(events, 'thumbnails')
      .filter((e) => e.member === 'resizer-a')
      .slice(0, 56);
    expect(secs(byA.at(-1)!.atUs)).toBeCloseTo(33.7, 1);
    const evictedBatch = new Set(byA.slice(-37).map((e) => e.originId));
    const redone = new Set(
      processedBy(events, 'thumbnails')
        .filter((e) => e.duplicate)
        .map((e) => e.originId),
    );
    for (const id of evictedBatch) expect(redone.has(id)).toBe(true);
    expect(g.ledger.lost).toBe(0);
  });
});

/** The acks=all writer has idempotence off, so the two writers differ only in acks. */
describe('kafka-acks-replication: acks=1 vs acks=all, min.insync.replicas 2, two brokers lost', () => {
  const id = 'kafka-acks-replication';
  const run = presetRun(id, { at: ticksAt(id, [15, 29, 31, 45]) });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K14: acks=1 is answered by the leader alone, acks=all after the followers copied the record', () => {
    const { rep } = run();
    expect(rep.logProducers['writer-acks1']!.ackLatencyMs.p50).toBe(2);
    expect(rep.logProducers['writer-acksall']!.ackLatencyMs.p50).toBeGreaterThanOrEqual(25);
  });

  test('K14 + K15: each leader loss drops acks=1 records the followers had not copied; acks=all loses none', () => {
    const r = run();
    const lost = (s: number) => at(r, s).topics['payments-acks1']!.ackedLost;
    expect([lost(15), lost(29)]).toEqual([0, 4]);
    expect(r.rep.topics['payments-acks1']!.ackedLost).toBe(7);
    expect(r.rep.topics['payments-acks1']!.truncated).toBe(7);
    // The writer was told all of them were written; the ledger downstream never sees 7.
    expect(r.rep.logProducers['writer-acks1']!.acked).toBe(6100);
    expect(r.rep.groups['ledger-acks1']!.ledger.exactlyOnce).toBe(6100 - 7);
    // acks=all: what the dead leader had not replicated was not acknowledged; it is retried.
    expect(r.rep.topics['payments-acksall']!.ackedLost).toBe(0);
    expect(r.rep.topics['payments-acksall']!.truncated).toBe(4);
    expect(r.rep.groups['ledger-acksall']!.ledger.exactlyOnce).toBe(
      r.rep.logProducers['writer-acksall']!.acked,
    );
  });

  test('K14: with one in-sync replica left, acks=all writes are refused (NotEnoughReplicas); acks=1 goes on', () => {
    const r = run();
    const end = (s: number, t: string) => at(r, s).topics[t]!.partitions[0]!.end;
    expect(at(r, 45).topics['payments-acksall']!.partitions[0]!.isr).toEqual([2]);
    expect(end(45, 'payments-acksall')).toBe(end(31, 'payments-acksall'));
    expect(end(45, 'payments-acks1') - end(31, 'payments-acks1')).toBeGreaterThan(1300);
    expect(r.rep.topics['payments-acksall']!.notEnoughReplicas).toBe(877);
    expect(r.rep.logProducers['writer-acksall']!.failed).toBe(145);
    expect(r.rep.logProducers['writer-acks1']!.failed).toBe(0);
  });

  test('K15: the brokers come back in sync at 45 s and acks=all writes resume', () => {
    const { rep } = run();
    const all = rep.topics['payments-acksall']!;
    expect(all.partitions[0]!.isr).toEqual([2, 0, 1]);
    expect(all.partitions[0]!.end).toBe(5808);
  });
});

describe('kafka-idempotent-producer: lost responses and retries, idempotence off and on', () => {
  const run = presetRun('kafka-idempotent-producer');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K3: without idempotence each retry after a lost response writes the order again, out of order', () => {
    const { rep, events } = run();
    const p = rep.logProducers['service-plain']!;
    const t = rep.topics['orders-plain']!;
    expect(p).toMatchObject({ idempotent: false, sent: 2978, lostResponses: 156, retries: 154 });
    expect(t.appended).toBe(p.sent + 154);
    expect(t.outOfOrder).toBe(154);
    const twice = processedBy(events, 'billing-plain').filter((e) => e.duplicate);
    expect(twice).toHaveLength(154);
    expect(rep.groups['billing-plain']!.ledger.duplicated).toBeGreaterThan(0);
  });

  test('K11: with idempotence the broker drops every retry by its sequence number: each order once, in order', () => {
    const { rep, events } = run();
    const p = rep.logProducers['service-idempotent']!;
    const t = rep.topics['orders-idempotent']!;
    // One retry is still on its way at the end.
    expect(p).toMatchObject({ idempotent: true, sent: 3090, lostResponses: 157, retries: 155 });
    expect(t).toMatchObject({ appended: 3090, duplicatesDropped: 154, outOfOrder: 0 });
    expect(processedBy(events, 'billing-idempotent').filter((e) => e.duplicate)).toEqual([]);
    expect(rep.groups['billing-idempotent']!.ledger).toMatchObject({
      exactlyOnce: 3090,
      duplicated: 0,
      lost: 0,
    });
  });
});

describe('kafka-transactions: a crash aborts a transaction; read_committed vs read_uncommitted', () => {
  const run = presetRun('kafka-transactions');
  // Record flags in the log (stateLog.ts).
  const ABORTED = 4;
  const CONTROL = 8;
  const sum = (xs: readonly number[]) => xs.reduce((x, y) => x + y, 0);
  const outputs = () => records(run().st, 'checked-payments');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K12: the crash aborts the open transaction: 23 outputs are marked aborted', () => {
    const { events } = run();
    expect(ofType(events, 'consumerCrashed').map((e) => [e.consumer, secs(e.atUs)])).toEqual([
      ['fraud-check', expect.closeTo(18.9, 1)],
    ]);
    const data = outputs().filter((r) => (r.flags & CONTROL) === 0);
    expect(data).toHaveLength(1055);
    expect(data.filter((r) => (r.flags & ABORTED) !== 0)).toHaveLength(23);
  });

  test('K12: commit markers occupy offsets, so the output partitions have gaps', () => {
    const markers = outputs().filter((r) => (r.flags & CONTROL) !== 0);
    expect(markers).toHaveLength(156);
    expect(sum(topicState(run().st, 'checked-payments').parts.map((p) => p.end))).toBe(1055 + 156);
  });

  test('K13: read_uncommitted books the aborted outputs and their redone copies; read_committed each payment once', () => {
    const { rep, events } = run();
    const again = processedBy(events, 'ledger-uncommitted').filter((e) => e.duplicate);
    expect(again).toHaveLength(23);
    expect(rep.groups['ledger-uncommitted']!.processed).toBe(1055);
    expect(processedBy(events, 'ledger-committed').filter((e) => e.duplicate)).toEqual([]);
    expect(rep.groups['ledger-committed']!.ledger).toMatchObject({
      exactlyOnce: 1032,
      duplicated: 0,
      lost: 0,
    });
    expect(rep.topics.payments!.appended).toBe(1032);
  });

  test('K13: read_committed waits for the commit (last stable offset): 215 ms median against 2 ms', () => {
    const { rep } = run();
    expect(rep.groups['ledger-committed']!.latencyMs.p50).toBeCloseTo(215, 0);
    expect(rep.groups['ledger-uncommitted']!.latencyMs.p50).toBe(2);
  });
});

describe('kafka-retention: a consumer down longer than retention.ms skips records', () => {
  const run = presetRun('kafka-retention');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K9: retention deletes whole segments of 100 records older than 20 s; offsets do not change', () => {
    const { rep, st } = run();
    const part = topicState(st, 'clicks').parts[0]!;
    expect(rep.topics.clicks!.deletedByRetention).toBe(1300);
    expect([part.start, part.end]).toEqual([1300, 1801]);
    expect(part.log.off[0]).toBe(1300);
    expect(secs(st.nowUs - part.log.tsUs[0]!)).toBeLessThan(20 + 100 / 20 + 1);
  });

  test('K8: the report comes back after 40 s out of range and restarts at the oldest record: 384 skipped', () => {
    const { rep, events } = run();
    expect(ofType(events, 'consumerRestarted').map((e) => secs(e.atUs))).toEqual([60]);
    const g = rep.groups.report!;
    expect(g.skippedByRetention).toBe(384);
    expect(g.ledger).toMatchObject({ exactlyOnce: 1801 - 384, duplicated: 0, lost: 384 });
  });

  test('K8: reading deleted nothing: the live dashboard got every click', () => {
    expect(run().rep.groups.dashboard!.ledger).toMatchObject({
      exactlyOnce: 1801,
      duplicated: 0,
      lost: 0,
    });
  });
});

describe('kafka-compaction: latest value per key, tombstones delete keys', () => {
  const run = presetRun('kafka-compaction');
  const USERS = Array.from({ length: 20 }, (_, i) => `user-${i}`);

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K10: compaction keeps 51 of 1245 records, without changing any offset', () => {
    const { rep, st } = run();
    const part = topicState(st, 'profiles').parts[0]!;
    expect(rep.topics.profiles!.appended).toBe(1245);
    expect(rep.topics.profiles!.compactedAway).toBe(1245 - 51);
    expect(part.end).toBe(1245);
    expect(part.log.off).toHaveLength(51);
    for (let i = 1; i < part.log.off.length; i++)
      expect(part.log.off[i]!).toBeGreaterThan(part.log.off[i - 1]!);
  });

  test('K10: closed segments hold at most one record per key, and every user still has a value', () => {
    const recs = records(run().st, 'profiles');
    const activeStart = 1200;
    const closed = recs.filter((r) => r.offset < activeStart).map((r) => r.key);
    expect(new Set(closed).size).toBe(closed.length);
    expect(new Set(recs.map((r) => r.key))).toEqual(new Set(USERS));
  });

  test('K10: tombstones deleted the 5 trial accounts, then were purged themselves', () => {
    const { events } = run();
    const recs = records(run().st, 'profiles');
    expect(recs.filter((r) => r.key!.startsWith('trial-'))).toEqual([]);
    // The search index, reading all along, saw the 5 accounts and their 5 tombstones.
    expect(processedBy(events, 'search')).toHaveLength(1245);
  });

  test('K10: a cache starting at 50 s from the beginning loads the current state (34 records), not the history', () => {
    const { rep, events, sc } = run();
    // The log as the cache finds it when it joins (compaction also runs at 50 s).
    const st = createSim(sc);
    advance(st, tickAt(sc, 50_000));
    const written = topicState(st, 'profiles').parts[0]!.end;
    advance(st, 1);
    const snapshot = records(st, 'profiles').filter((r) => r.offset < written);
    expect([snapshot.length, written]).toEqual([34, 1027]);
    expect(new Set(snapshot.map((r) => r.key))).toEqual(new Set(USERS));
    const cache = processedBy(events, 'cache');
    expect(cache.slice(0, 34).map((e) => e.offset)).toEqual(snapshot.map((r) => r.offset));
    expect(cache.slice(34).every((e) => e.offset >= written)).toBe(true);
    expect(rep.groups.cache!.processed).toBe(34 + 1245 - 1027);
  });
});

describe('kafka-lag: a slow group falls behind; pausing a partition', () => {
  const id = 'kafka-lag';
  const run = presetRun(id, { at: ticksAt(id, [10, 20, 30, 45]) });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K17 + K18: 100 readings/s in, 80/s out: the lag grows by 20 a second, split over both partitions', () => {
    const r = run();
    const lag = (s: number) => at(r, s).groups.export!.lag;
    expect([lag(10), lag(20), lag(30)]).toEqual([
      [124, 94],
      [224, 194],
      [324, 294],
    ]);
    expect(at(r, 30).groups.export!.processed).toBe(2399);
  });

  test('K18: a paused partition is not fetched, without a rebalance; the other drains meanwhile', () => {
    const r = run();
    const p0 = processedBy(r.events, 'export').filter(
      (e) => e.partition === 0 && e.atUs > 31_000_000 && e.atUs < 45_000_000,
    );
    expect(p0).toEqual([]);
    expect(ofType(r.events, 'rebalanced')).toEqual([]);
    expect(at(r, 45).groups.export!.lag).toEqual([1024, 0]);
  });

  test('K18: resumed, partition 0 continues exactly where it stopped; nothing is lost', () => {
    const { events, rep } = run();
    const p0 = processedBy(events, 'export').filter((e) => e.partition === 0);
    expect(p0.map((e) => e.offset)).toEqual(p0.map((_, i) => i));
    expect(rep.groups.export!.ledger).toMatchObject({ duplicated: 0, lost: 0 });
  });
});

describe('kafka-replay: a new group from the beginning vs from now on', () => {
  const id = 'kafka-replay';
  const run = presetRun(id, { at: ticksAt(id, [40, 60, 80]) });

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K8: analytics (earliest) reads all 792 orders written before it joined, then live ones', () => {
    const r = run();
    const before = records(r.st, 'orders').filter((x) => x.tsUs < 40_000_000).length;
    expect(before).toBe(792);
    expect(r.rep.groups.analytics!.ledger).toMatchObject({
      exactlyOnce: 1793,
      duplicated: 0,
      lost: 0,
    });
    expect(at(r, 60).groups.analytics!.totalLag).toBeGreaterThan(300);
    expect(at(r, 80).groups.analytics!.totalLag).toBeLessThanOrEqual(1);
  });

  test('K8: recommendations (latest, the default) only sees what was written after it joined', () => {
    const r = run();
    const g = r.rep.groups.recommendations!;
    expect(g.processed).toBe(1793 - 792);
    // What was written before it joined was never meant for it: not counted as lost.
    expect(g.ledger.lost).toBe(0);
    const times = new Map(records(r.st, 'orders').map((x) => [x.origin, x.tsUs]));
    expect(
      processedBy(r.events, 'recommendations').every((e) => times.get(e.originId)! >= 40_000_000),
    ).toBe(true);
  });

  test('K1 + K4: groups read independently: billing is not disturbed', () => {
    const { rep } = run();
    expect(rep.groups.billing!).toMatchObject({ rebalances: 0, totalLag: 0 });
    expect(rep.groups.billing!.ledger.exactlyOnce).toBe(1793);
  });
});

describe('kafka-iot-telemetry: 200 keyed sensors over 8 partitions, 4 members', () => {
  const run = presetRun('kafka-iot-telemetry');

  test('runs headless to its end with every invariant holding', () => expectCleanEnd(run()));

  test('K2: each sensor always writes to one partition, and the hash spreads 20 to 37 sensors per partition', () => {
    const recs = records(run().st, 'telemetry');
    for (const r of recs) expect(r.partition).toBe(partitionForKey(r.key!, 8));
    const sensors = Array.from(
      { length: 8 },
      (_, p) => new Set(recs.filter((r) => r.partition === p).map((r) => r.key)).size,
    );
    expect(sensors).toEqual([20, 37, 27, 20, 26, 22, 24, 24]);
  });

  test('K4: each of the 4 members owns 2 partitions; the one with partition 1 has the most work', () => {
    const { rep, events } = run();
    expect(rep.groups.ingest!.assignment).toEqual([
      'ingest-1',
      'ingest-1',
      'ingest-2',
      'ingest-2',
      'ingest-3',
      'ingest-3',
      'ingest-4',
      'ingest-4',
    ]);
    const done = processedBy(events, 'ingest');
    for (const e of done) expect(rep.groups.ingest!.assignment[e.partition]).toBe(e.member);
    const perMember = countBy(done, (e) => e.member);
    expect(perMember).toEqual({
      'ingest-1': 3461,
      'ingest-2': 2799,
      'ingest-3': 2872,
      'ingest-4': 2953,
    });
  });

  test("K3: every sensor's readings are processed in the order they were sent; the group keeps up", () => {
    const { rep, events, st } = run();
    const keys = new Map(records(st, 'telemetry').map((r) => [r.origin, r.key]));
    expect(outOfKeyOrder(firstProcessed(events, 'ingest'), keys)).toEqual([]);
    expect(rep.groups.ingest!.ledger).toMatchObject({ duplicated: 0, lost: 0 });
    expect(rep.groups.ingest!.totalLag).toBeLessThanOrEqual(2);
    expect(rep.groups.ingest!.latencyMs.p99).toBeLessThan(100);
  });
});

describe('kafka-vs-rabbitmq: the same workload on a log and on queues', () => {
  const log = presetRun('kafka-vs-rabbitmq-log');
  const queue = presetRun('kafka-vs-rabbitmq-queue');
  const SUBSCRIBERS = ['billing', 'shipping', 'analytics'];

  test('both run headless to their end with every invariant holding', () => {
    expectCleanEnd(log());
    expectCleanEnd(queue());
  });

  test('the same seed gives the same 1190 orders at the same instants', () => {
    const sent = ofType(queue().events, 'published').map((e) => e.atUs);
    expect(sent).toHaveLength(1190);
    // A record's timestamp is when it reached the log: one link (5 ms) after it was sent.
    const written = records(log().st, 'orders').map((r) => r.tsUs - 5000);
    expect(written).toEqual(sent);
    const raw = (id: string) => loadPreset(id).nodes.filter((n) => n.kind === 'consumer');
    expect(raw('kafka-vs-rabbitmq-log').map((n) => n.service)).toEqual(
      raw('kafka-vs-rabbitmq-queue').map((n) => n.service),
    );
  });

  test('K1 + K4: every group reads every order (fan-out), as every subscriber queue gets a copy', () => {
    const l = log().rep;
    const q = queue().rep;
    for (const s of SUBSCRIBERS) {
      expect(firstProcessed(log().events, s).length).toBeGreaterThanOrEqual(1187);
      expect(q.queues[`${s}-q`]!.enqueued).toBe(1190);
    }
    expect(l.groups.shipping!.ledger.exactlyOnce).toBe(1187);
    expect(q.consumers.shipping!.acked).toBe(1185);
  });

  test('K1: the log keeps every order after it was read; the queues delete on ack', () => {
    const l = log().rep;
    const q = queue().rep;
    expect(l.topics.orders!.partitions[0]!).toMatchObject({ start: 0, end: 1190, records: 1190 });
    expect(SUBSCRIBERS.map((s) => q.queues[`${s}-q`]!.depth)).toEqual([0, 4, 0]);
    expect(SUBSCRIBERS.map((s) => q.consumers[s]!.acked)).toEqual([1189, 1185, 1189]);
  });

  test('K8: billing seeks to the beginning at 40 s and reads the 813 orders again; a queue has nothing to replay', () => {
    const { rep, events } = log();
    const again = processedBy(events, 'billing').filter((e) => e.duplicate);
    expect(again).toHaveLength(813);
    expect(again.every((e) => e.atUs >= 40_000_000)).toBe(true);
    expect(secs(again.at(-1)!.atUs)).toBeLessThan(52);
    expect(rep.groups.billing!.ledger).toMatchObject({ duplicated: 813, lost: 0 });
    expect(queue().rep.consumers.billing!.redelivered).toBe(0);
    expect(queue().rep.queues['billing-q']!.ledger.duplicated).toBe(0);
  });
});
