/**
 * Read-process-write and transactions (K12, K13). A member with an output topic writes one
 * record per processed record. Without a transaction the output is visible at once, so a crash
 * before the offsets are committed makes the replacement write it again (duplicates downstream).
 * With a transaction, the batch's outputs and its offsets commit together: commit markers take
 * an offset in each partition written; a crash aborts the open transaction, its records are
 * marked aborted and an abort marker written. read_committed readers skip aborted records and
 * stop at the last stable offset (the first offset of the oldest open transaction).
 */
import { Flag, appendRecord } from './logPartition';
import { partitionForKey } from './murmur2';
import type { EventSink } from './events';
import type { PartitionState, SimState } from './state';

export function lastStableOffset(part: PartitionState): number {
  let lso = part.end;
  for (const k of Object.keys(part.openTxn)) lso = Math.min(lso, part.openTxn[k]!);
  return lso;
}

/** Write the output record for a processed input record (same origin and key). */
export function writeOutput(
  st: SimState,
  mi: number,
  origin: number,
  key: number,
  sink?: EventSink,
): void {
  const m = st.log.members[mi]!;
  const t = st.log.topics[m.outTopic]!;
  const p = key >= 0 ? partitionForKey(st.log.keys[key]!, t.parts.length) : origin % t.parts.length;
  const part = t.parts[p]!;
  if (part.leader < 0) return;
  if (m.transactional) {
    if (m.txn === 0) m.txn = st.log.nextToken++;
    if (!m.txnParts.includes(p)) {
      m.txnParts.push(p);
      part.openTxn[m.txn] = part.end;
    }
  }
  appendRecord(
    st,
    m.outTopic,
    p,
    {
      origin,
      key,
      bytes: 100,
      pid: -1,
      seq: 0,
      flags: m.transactional ? Flag.Transactional : 0,
      txn: m.transactional ? m.txn : 0,
    },
    sink,
  );
  m.stats.outputs++;
}

function endTxn(st: SimState, mi: number, aborted: boolean): void {
  const m = st.log.members[mi]!;
  if (m.txn === 0) return;
  const t = st.log.topics[m.outTopic]!;
  for (const p of m.txnParts) {
    const part = t.parts[p]!;
    if (aborted) {
      const log = part.log;
      for (let i = log.off.length - 1; i >= 0 && log.off[i]! >= (part.openTxn[m.txn] ?? 0); i--)
        if (log.txn[i] === m.txn) log.flags[i]! |= Flag.Aborted;
    }
    delete part.openTxn[m.txn];
    if (part.leader >= 0)
      appendRecord(st, m.outTopic, p, {
        origin: 0,
        key: -1,
        bytes: 0,
        pid: -1,
        seq: 0,
        flags: Flag.Control | Flag.Transactional | (aborted ? Flag.Aborted : 0),
        txn: m.txn,
      });
  }
  if (aborted) m.stats.txnAborted++;
  else m.stats.txnCommitted++;
  m.txn = 0;
  m.txnParts = [];
}

export function commitTxn(st: SimState, mi: number): void {
  endTxn(st, mi, false);
}

export function abortTxn(st: SimState, mi: number): void {
  endTxn(st, mi, true);
}
