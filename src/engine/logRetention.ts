/**
 * Retention and compaction (K9, K10), run every second of simulated time. Delete: whole closed
 * segments go once their newest record is older than retention.ms, or while the partition is
 * over retention.bytes; the log start offset moves up. Compact: in closed segments only the
 * latest record of each key stays (offsets never change); a tombstone stays for
 * delete.retention.ms, then goes too. Records leaving the log are classified for each group
 * that had read past them, so the groups' ledgers stay right while memory stays bounded.
 */
import { EV } from './eventKinds';
import { Flag } from './logPartition';
import { schedule } from './sim';
import type { PartitionState, SimState, TopicState } from './state';

/** Keep only the records at indexes where keep[i] is true. */
function filterLog(part: PartitionState, keep: boolean[]): void {
  const log = part.log;
  for (const arr of Object.values(log) as number[][]) {
    let w = 0;
    for (let i = 0; i < arr.length; i++) if (keep[i]) arr[w++] = arr[i]!;
    arr.length = w;
  }
}

/** The records at indexes where gone[i] leave the log: settle them in every group's ledger. */
function settle(st: SimState, ti: number, p: number, gone: boolean[]): void {
  const part = st.log.topics[ti]!.parts[p]!;
  for (const g of st.log.groups) {
    if (g.topic !== ti) continue;
    const passed = g.committed[p]!;
    const from = g.from[p]!;
    gone.forEach((isGone, i) => {
      if (!isGone) return;
      const off = part.log.off[i]!;
      if (from < 0 || off < from) return;
      const flags = part.log.flags[i]!;
      if ((flags & (Flag.Control | Flag.Aborted)) !== 0) return;
      const origin = part.log.origin[i]!;
      const n = g.effects[origin] ?? 0;
      delete g.effects[origin];
      if (n === 1) g.final.exactlyOnce++;
      else if (n > 1) {
        g.final.duplicated++;
        g.final.extraEffects += n - 1;
      } else if (off < passed) g.final.lost++;
      // Not read yet and not passed: the group will find it missing (counted as skipped).
    });
  }
}

function applyDelete(st: SimState, t: TopicState, ti: number, p: number): void {
  const part = t.parts[p]!;
  const log = part.log;
  if (log.off.length === 0) return;
  const seg = t.segmentRecords;
  const activeStart = Math.floor((part.end - 1) / seg) * seg;
  const gone = log.off.map(() => false);
  let bytes = part.bytes;
  let i = 0;
  while (i < log.off.length && log.off[i]! < activeStart) {
    // One closed segment: indexes [i, j).
    const segEnd = (Math.floor(log.off[i]! / seg) + 1) * seg;
    let j = i;
    let segBytes = 0;
    while (j < log.off.length && log.off[j]! < segEnd) segBytes += log.bytes[j++]!;
    const old = t.retentionUs > 0 && st.nowUs - log.tsUs[j - 1]! > t.retentionUs;
    const big = t.retentionBytes > 0 && bytes > t.retentionBytes;
    if (!old && !big) break;
    for (let k = i; k < j; k++) gone[k] = true;
    bytes -= segBytes;
    part.start = segEnd;
    i = j;
  }
  if (i === 0) return;
  settle(st, ti, p, gone);
  t.stats.deletedByRetention += i;
  part.bytes = bytes;
  filterLog(
    part,
    gone.map((g) => !g),
  );
}

function applyCompaction(st: SimState, t: TopicState, ti: number, p: number): void {
  const part = t.parts[p]!;
  const log = part.log;
  const seg = t.segmentRecords;
  const activeStart = Math.floor((part.end - 1) / seg) * seg;
  const latest = new Map<number, number>();
  log.key.forEach((k, i) => {
    if (k >= 0) latest.set(k, i);
  });
  const gone = log.off.map((off, i) => {
    if (off >= activeStart || log.key[i]! < 0) return false;
    if (latest.get(log.key[i]!) !== i) return true;
    const tomb = (log.flags[i]! & Flag.Tombstone) !== 0;
    return tomb && st.nowUs - log.tsUs[i]! > t.deleteRetentionUs;
  });
  const n = gone.filter(Boolean).length;
  if (n === 0) return;
  settle(st, ti, p, gone);
  gone.forEach((g, i) => {
    if (g) part.bytes -= log.bytes[i]!;
  });
  t.stats.compactedAway += n;
  filterLog(
    part,
    gone.map((g) => !g),
  );
}

export function onLogRetention(st: SimState): void {
  st.log.topics.forEach((t, ti) =>
    t.parts.forEach((_, p) => {
      if (t.compact) applyCompaction(st, t, ti, p);
      else if (t.retentionUs > 0 || t.retentionBytes > 0) applyDelete(st, t, ti, p);
    }),
  );
  schedule(st, st.nowUs + st.log.retentionCheckUs, EV.LogRetention, 0);
}
