/**
 * One partition of a topic: appending records at the leader (K1), copying them to followers,
 * the high watermark (the committed prefix every in-sync replica holds, K15), and what a log
 * broker crash does: the in-sync set shrinks, a new leader is elected from it (or, with unclean
 * election, from any live replica), and records the new leader lacks are truncated away.
 */
import { EV } from './eventKinds';
import { failWaiters, releaseWaiters } from './logProduce';
import { wakeMembersOf } from './logMember';
import { schedule } from './sim';
import type { EventSink } from './events';
import type { PartitionState, SimState, TopicState } from './state';

export const Flag = { Tombstone: 1, Transactional: 2, Aborted: 4, Control: 8, Acked: 16 } as const;

export function createPartition(replicas: number[]): PartitionState {
  return {
    log: {
      off: [],
      origin: [],
      key: [],
      tsUs: [],
      bytes: [],
      pid: [],
      seq: [],
      flags: [],
      txn: [],
    },
    start: 0,
    end: 0,
    hw: 0,
    replicas,
    repEnd: replicas.map(() => 0),
    isr: [...replicas],
    leader: replicas[0]!,
    epoch: 0,
    bytes: 0,
    openTxn: {},
    truncated: 0,
    paused: false,
    waiters: [],
    lastSeq: {},
  };
}

/** Pack a (topic, partition) pair and an (offset, epoch) pair for heap events. */
export const packTp = (ti: number, p: number) => ti * 4096 + p;
const packOffEpoch = (off: number, epoch: number) => off * 1024 + (epoch % 1024);

/** Index in the partition's arrays of the first record at or after `offset`. */
export function indexAt(part: PartitionState, offset: number): number {
  const off = part.log.off;
  let lo = 0;
  let hi = off.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (off[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface NewRecord {
  origin: number;
  key: number;
  bytes: number;
  pid: number;
  seq: number;
  flags: number;
  txn: number;
}

/** Append at the leader; returns the offset. The caller checked the leader is up. */
export function appendRecord(
  st: SimState,
  ti: number,
  p: number,
  r: NewRecord,
  sink?: EventSink,
): number {
  const t = st.log.topics[ti]!;
  const part = t.parts[p]!;
  const offset = part.end++;
  const log = part.log;
  log.off.push(offset);
  log.origin.push(r.origin);
  log.key.push(r.key);
  log.tsUs.push(st.nowUs);
  log.bytes.push(r.bytes);
  log.pid.push(r.pid);
  log.seq.push(r.seq);
  log.flags.push(r.flags);
  log.txn.push(r.txn);
  part.bytes += r.bytes;
  part.repEnd[part.replicas.indexOf(part.leader)] = part.end;
  t.stats.appended++;
  // Told once the record is in the log, so a listener reading the log finds it there.
  if (sink && (r.flags & Flag.Control) === 0)
    sink.push({
      type: 'recordAppended',
      atUs: st.nowUs,
      topic: st.nodeIds[t.node]!,
      partition: p,
      offset,
      originId: r.origin,
      key: r.key >= 0 ? st.log.keys[r.key]! : null,
      writer:
        r.pid >= 0 ? st.nodeIds[st.producers[st.log.producers[r.pid]!.producer]!.node]! : null,
    });
  if (part.replicas.length === 1 || t.replicationUs === 0) copyToFollowers(st, ti, p, offset);
  else
    schedule(
      st,
      st.nowUs + t.replicationUs,
      EV.LogReplicate,
      packTp(ti, p),
      packOffEpoch(offset, part.epoch),
    );
  return offset;
}

/** Followers that are up catch up to `offset` (inclusive); the high watermark may move. */
function copyToFollowers(st: SimState, ti: number, p: number, offset: number): void {
  const part = st.log.topics[ti]!.parts[p]!;
  part.replicas.forEach((b, i) => {
    if (!st.log.brokersUp[b]) return;
    part.repEnd[i] = Math.min(part.end, Math.max(part.repEnd[i]!, offset + 1));
    // A follower that caught up with the leader is in sync again.
    if (part.repEnd[i] === part.end && !part.isr.includes(b)) part.isr.push(b);
  });
  updateHighWatermark(st, ti, p);
}

export function onLogReplicate(st: SimState, tp: number, packed: number): void {
  const ti = Math.floor(tp / 4096);
  const p = tp % 4096;
  const part = st.log.topics[ti]!.parts[p]!;
  if (packed % 1024 !== part.epoch % 1024 || part.leader < 0) return;
  copyToFollowers(st, ti, p, Math.floor(packed / 1024));
}

export function updateHighWatermark(st: SimState, ti: number, p: number): void {
  const part = st.log.topics[ti]!.parts[p]!;
  if (part.leader < 0) return;
  let hw = part.end;
  part.replicas.forEach((b, i) => {
    if (part.isr.includes(b)) hw = Math.min(hw, part.repEnd[i]!);
  });
  if (hw <= part.hw) return;
  part.hw = hw;
  if (part.waiters.length > 0) releaseWaiters(st, ti, p);
  wakeMembersOf(st, ti, p);
}

/** Remove records at or above `newEnd` (a new leader did not have them). */
function truncate(t: TopicState, part: PartitionState, newEnd: number): void {
  const log = part.log;
  const keep = indexAt(part, newEnd);
  const lost = log.off.length - keep;
  for (let i = keep; i < log.off.length; i++) {
    part.bytes -= log.bytes[i]!;
    if ((log.flags[i]! & Flag.Acked) !== 0) t.stats.ackedLost++;
  }
  for (const arr of Object.values(log) as number[][]) arr.length = keep;
  part.end = newEnd;
  // Sequences the log no longer holds may be written again (they are not duplicates).
  part.lastSeq = {};
  for (let i = 0; i < keep; i++) {
    const pid = log.pid[i]!;
    if (pid >= 0 && log.seq[i]! > (part.lastSeq[pid] ?? -1)) part.lastSeq[pid] = log.seq[i]!;
  }
  part.truncated += lost;
  t.stats.truncated += lost;
  if (part.hw > newEnd) part.hw = newEnd;
}

/** Choose a new leader after `down` failed: in-sync first; any live replica if unclean. */
function elect(st: SimState, t: TopicState, part: PartitionState): void {
  const up = (b: number) => st.log.brokersUp[b] === true;
  let leader = part.replicas.find((b) => up(b) && part.isr.includes(b)) ?? -1;
  if (leader < 0 && t.unclean) leader = part.replicas.find(up) ?? -1;
  part.epoch++;
  part.leader = leader;
  // Writes waiting for the old leader's replication get an error (not leader): they retry.
  if (part.waiters.length > 0) failWaiters(st, part);
  if (leader < 0) return;
  if (!part.isr.includes(leader)) part.isr = [leader];
  const end = part.repEnd[part.replicas.indexOf(leader)]!;
  if (end < part.end) truncate(t, part, end);
  // Every other replica follows the new leader's log.
  part.repEnd = part.repEnd.map((e) => Math.min(e, end));
}

export function logBrokerDown(st: SimState, b: number): void {
  st.log.brokersUp[b] = false;
  st.log.topics.forEach((t, ti) =>
    t.parts.forEach((part, p) => {
      if (!part.replicas.includes(b)) return;
      // The in-sync set never empties: its last member stays listed while down (K15).
      if (part.isr.length > 1) part.isr = part.isr.filter((x) => x !== b);
      if (part.leader === b) elect(st, t, part);
      updateHighWatermark(st, ti, p);
    }),
  );
}

export function logBrokerUp(st: SimState, b: number): void {
  st.log.brokersUp[b] = true;
  st.log.topics.forEach((t, ti) =>
    t.parts.forEach((part, p) => {
      const i = part.replicas.indexOf(b);
      if (i < 0) return;
      if (part.leader < 0) {
        // An offline partition comes back with this replica as leader (if allowed).
        if (part.isr.includes(b) || t.unclean) {
          part.isr = part.isr.includes(b) ? part.isr : [b];
          elect(st, t, part);
        }
        return;
      }
      // A returning follower drops what it has beyond the watermark, then catches up.
      part.repEnd[i] = Math.min(part.repEnd[i]!, part.hw);
      if (part.end > 0)
        schedule(
          st,
          st.nowUs + Math.max(1, t.replicationUs),
          EV.LogReplicate,
          packTp(ti, p),
          packOffEpoch(part.end - 1, part.epoch),
        );
    }),
  );
}
