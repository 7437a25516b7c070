/**
 * A consumer-group member's poll loop (K6, K7, K18): poll up to maxPollRecords from the
 * partitions it owns (round robin, skipping paused ones and, for read_committed, aborted records
 * and anything past the last stable offset), process them one by one, commit offsets when its
 * policy says (before processing, after, or on an interval inside poll), and poll again. Reading
 * never deletes: the records stay in the log for other groups and for replay.
 */
import { sampleUs } from './distributions';
import { EV } from './eventKinds';
import { histAdd } from './histogram';
import { latencyAdd } from './latencySeries';
import { crashMember } from './logMemberCrash';
import { joinGroup } from './logGroup';
import { closeMember, dropRestOfBatch } from './logMemberScale';
import { Flag, indexAt } from './logPartition';
import { abortTxn, commitTxn, lastStableOffset, writeOutput } from './logTxn';
import { seriesCount } from './series';
import { serviceConsumed } from './serviceConsume';
import { schedule, type Sink } from './sim';
import { CrashPoint, type MemberState, type SimState } from './state';

export function schedulePoll(st: SimState, mi: number, atUs: number): void {
  const m = st.log.members[mi]!;
  m.token = st.log.nextToken++;
  schedule(st, atUs, EV.MemberPoll, mi, m.token);
}

/** New data or a higher watermark in a partition: wake its idle owner in every group. */
export function wakeMembersOf(st: SimState, ti: number, p: number): void {
  for (const g of st.log.groups) {
    if (g.topic !== ti) continue;
    const mi = g.owner[p] ?? -1;
    if (mi < 0) continue;
    const m = st.log.members[mi]!;
    if (m.idle && m.up && m.joined) {
      m.idle = false;
      schedulePoll(st, mi, st.nowUs);
    }
  }
}

/** Commit the member's positions for the partitions it owns; fails once it was evicted. */
export function commitPositions(st: SimState, mi: number, sink: Sink): boolean {
  const m = st.log.members[mi]!;
  const g = st.log.groups[m.group]!;
  if (!m.joined) {
    g.commitFailed++;
    return false;
  }
  const now = st.nowUs;
  const covered: number[] = [];
  g.owner.forEach((owner, p) => {
    const pos = m.position[p]!;
    if (pos < 0) return;
    // A partition that moved away in a rebalance can still be committed by its old owner until
    // the new owner starts fetching (the end of the rebalance pause); after that it fails.
    const mine = owner === mi || (now < g.pausedUntilUs[p]! && m.batchPart.includes(p));
    if (mine) {
      g.committed[p] = pos;
      covered.push(p);
    } else g.commitFailed++;
    if (owner !== mi) m.position[p] = -1;
  });
  m.stats.commits++;
  if (sink)
    sink.push({
      type: 'offsetsCommitted',
      atUs: st.nowUs,
      group: g.id,
      member: st.nodeIds[m.node]!,
      offsets: [...g.committed],
      partitions: covered,
    });
  return true;
}

function hasUncommitted(st: SimState, mi: number): boolean {
  const m = st.log.members[mi]!;
  const g = st.log.groups[m.group]!;
  return g.owner.some((o, p) => o === mi && m.position[p]! > g.committed[p]!);
}

/** Where a newly owned partition starts: the committed offset, else the reset policy (K8). */
function startPosition(st: SimState, m: MemberState, p: number): number {
  const g = st.log.groups[m.group]!;
  const part = st.log.topics[g.topic]!.parts[p]!;
  const c = g.committed[p]!;
  if (c >= 0) return c;
  const start = g.reset === 'earliest' ? part.start : part.hw;
  // The group's history starts here: records before it were never meant for it.
  if (g.from[p]! < 0) g.from[p] = start;
  return start;
}

/** Fetch up to `room` records of partition p into the batch; returns how many. */
function fetch(st: SimState, mi: number, p: number, room: number): number {
  const m = st.log.members[mi]!;
  const g = st.log.groups[m.group]!;
  const part = st.log.topics[g.topic]!.parts[p]!;
  if (m.position[p]! < 0) m.position[p] = startPosition(st, m, p);
  let pos = m.position[p]!;
  if (pos < part.start) {
    // Out of range: retention deleted what this group had not read yet (K8, K9).
    const to = g.reset === 'earliest' ? part.start : part.hw;
    g.skipped += Math.max(0, Math.min(to, part.end) - pos);
    pos = to;
  }
  const limit = m.readCommitted ? Math.min(part.hw, lastStableOffset(part)) : part.hw;
  const log = part.log;
  let i = indexAt(part, pos);
  let n = 0;
  while (n < room && i < log.off.length && log.off[i]! < limit) {
    const f = log.flags[i]!;
    const skip = (f & Flag.Control) !== 0 || (m.readCommitted && (f & Flag.Aborted) !== 0);
    if (!skip) {
      m.batchPart.push(p);
      m.batchOff.push(log.off[i]!);
      n++;
    }
    pos = log.off[i]! + 1;
    i++;
  }
  if (i >= log.off.length || log.off[i]! >= limit) pos = Math.max(pos, Math.min(limit, part.end));
  m.position[p] = pos;
  return n;
}

export function onMemberPoll(st: SimState, mi: number, token: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  if (token !== m.token || !m.up) return;
  if (!m.joined) {
    // Evicted for a slow batch: it rejoins with its next poll (K5).
    joinGroup(st, mi, sink);
    return;
  }
  const g = st.log.groups[m.group]!;
  const now = st.nowUs;
  m.lastPollUs = now;
  if (!m.transactional && m.commit === 'auto' && now - m.lastAutoCommitUs >= m.autoCommitUs) {
    // Auto-commit runs inside poll and commits what the previous polls returned (K6).
    commitPositions(st, mi, sink);
    m.lastAutoCommitUs = now;
  }
  m.batchPart.length = 0;
  m.batchOff.length = 0;
  const parts = g.owner.length;
  for (let k = 0; k < parts && m.batchOff.length < m.maxPoll; k++) {
    const p = (m.rr + k) % parts;
    if (g.owner[p] !== mi || g.pausedUntilUs[p]! > now) continue;
    if (st.log.topics[g.topic]!.parts[p]!.paused) continue;
    fetch(st, mi, p, m.maxPoll - m.batchOff.length);
  }
  m.rr = (m.rr + 1) % Math.max(1, parts);
  if (m.batchOff.length === 0) {
    m.batchAt = -1;
    m.idle = true;
    // A real consumer keeps polling while idle, so auto-commit still lands on its interval.
    if (m.commit === 'auto' && !m.transactional && hasUncommitted(st, mi))
      schedulePoll(st, mi, m.lastAutoCommitUs + m.autoCommitUs);
    return;
  }
  m.stats.polls++;
  if (sink)
    sink.push({
      type: 'recordsPolled',
      atUs: now,
      group: g.id,
      member: st.nodeIds[m.node]!,
      count: m.batchOff.length,
      partitions: [...new Set(m.batchPart)],
    });
  if (m.commit === 'before' && !m.transactional) commitPositions(st, mi, sink);
  m.batchAt = 0;
  schedule(st, now + m.maxPollIntervalUs, EV.PollIntervalCheck, mi, m.stats.polls);
  if (m.crashWindow === CrashPoint.AfterReceive) return crashMember(st, mi, 'afterReceive', sink);
  startRecord(st, mi);
}

function startRecord(st: SimState, mi: number): void {
  const m = st.log.members[mi]!;
  m.token = st.log.nextToken++;
  const us = sampleUs(m.service, st.rng, m.stream, m.slowdown);
  m.stats.busyUs += us;
  schedule(st, st.nowUs + us, EV.RecordDone, mi, m.token);
}

function originAt(
  st: SimState,
  m: MemberState,
  k: number,
): { origin: number; tsUs: number; key: number } | null {
  const g = st.log.groups[m.group]!;
  const part = st.log.topics[g.topic]!.parts[m.batchPart[k]!]!;
  const i = indexAt(part, m.batchOff[k]!);
  if (i >= part.log.off.length || part.log.off[i] !== m.batchOff[k]) return null;
  return { origin: part.log.origin[i]!, tsUs: part.log.tsUs[i]!, key: part.log.key[i]! };
}

export function onRecordDone(st: SimState, mi: number, token: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  if (token !== m.token || !m.up || m.batchAt < 0) return;
  const g = st.log.groups[m.group]!;
  const rec = originAt(st, m, m.batchAt);
  m.stats.processed++;
  g.stats.processed++;
  seriesCount(g.stats.processedSeries, st.nowUs);
  if (rec) {
    histAdd(g.stats.latency, st.nowUs - rec.tsUs);
    latencyAdd(g.stats.latencySeries, st.nowUs, st.nowUs - rec.tsUs);
    const applied = !(g.dedup && g.dedup[rec.origin] === 1);
    if (!applied) m.stats.duplicatesSkipped++;
    else {
      if (g.dedup) g.dedup[rec.origin] = 1;
      g.effects[rec.origin] = (g.effects[rec.origin] ?? 0) + 1;
      m.stats.effects++;
      if (sink)
        sink.push({
          type: 'recordProcessed',
          atUs: st.nowUs,
          group: g.id,
          member: st.nodeIds[m.node]!,
          originId: rec.origin,
          partition: m.batchPart[m.batchAt]!,
          offset: m.batchOff[m.batchAt]!,
          duplicate: g.effects[rec.origin]! > 1,
        });
    }
    if (m.outTopic >= 0) writeOutput(st, mi, rec.origin, rec.key, sink);
    if (m.svc >= 0 && applied) serviceConsumed(st, m.svc, rec.origin, sink);
  }
  if (m.crashWindow === CrashPoint.AfterEffect) return crashMember(st, mi, 'afterEffect', sink);
  m.batchAt++;
  // Removed while processing: this was its last record (logMemberScale.ts).
  if (m.removed) dropRestOfBatch(m);
  if (m.batchAt < m.batchOff.length) return startRecord(st, mi);
  m.batchAt = -1;
  if (m.transactional) {
    // Outputs and offsets commit together, and the commit takes time (K12).
    if (commitPositions(st, mi, sink)) commitTxn(st, mi);
    else abortTxn(st, mi);
  } else if (m.commit === 'after') commitPositions(st, mi, sink);
  if (m.removed) return closeMember(st, mi, sink);
  if (m.crashWindow === CrashPoint.AfterAck) return crashMember(st, mi, 'afterCommit', sink);
  schedulePoll(st, mi, st.nowUs + (m.transactional ? m.txnCommitUs : 0));
}
