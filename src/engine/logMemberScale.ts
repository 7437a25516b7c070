/**
 * Adding and removing consumer-group members while the run goes on (issue 6).
 *
 * Added: a new member with the current settings of an existing one, in the same group. It joins,
 * so the group rebalances (K4, K5) and it gets partitions, unless the group already has a member
 * per partition: then it idles, owning none.
 *
 * Removed: a clean close. The member finishes the record it is processing (a worker is not cut
 * off), drops the rest of its batch, and commits as its commit mode does: `after` and `auto`
 * commit the records it processed (the rest is read again by the partition's next owner), a
 * transactional member commits its transaction with them, `before` committed the whole batch at
 * the poll (so the rest of the batch is skipped: at-most-once). Then it sends LeaveGroup and the
 * group rebalances at once, without waiting for a session timeout (K5).
 */
import { addNode } from './consumerScale';
import { freshMemberRun, newMemberStats } from './logCreate';
import { leaveGroup, joinGroup } from './logGroup';
import { commitPositions } from './logMember';
import { addStream } from './rng';
import { type Sink } from './sim';
import { CrashPoint, type MemberState, type SimState } from './state';

function copyMember(st: SimState, like: MemberState, node: number, id: string): MemberState {
  const parts = st.log.topics[st.log.groups[like.group]!.topic]!.parts.length;
  return {
    node,
    svc: -1,
    slowdown: 1,
    group: like.group,
    up: true,
    joined: false,
    service: { ...like.service },
    stream: addStream(st.rng, st.seed, `service:${id}`),
    failStream: addStream(st.rng, st.seed, `failure:${id}`),
    failureP: like.failureP,
    commit: like.commit,
    autoCommitUs: like.autoCommitUs,
    lastAutoCommitUs: st.nowUs,
    maxPoll: like.maxPoll,
    readCommitted: like.readCommitted,
    sessionUs: like.sessionUs,
    maxPollIntervalUs: like.maxPollIntervalUs,
    lastPollUs: st.nowUs,
    position: new Array<number>(parts).fill(-1),
    ...freshMemberRun(),
    outTopic: like.outTopic,
    transactional: like.transactional,
    txnCommitUs: like.txnCommitUs,
    txn: 0,
    txnParts: [],
    stats: newMemberStats(),
  };
}

export function addMember(st: SimState, id: string, li: number, sink: Sink): void {
  const like = st.log.members[li]!;
  const mi = st.log.members.length;
  const node = addNode(st, id, 'member', mi);
  st.log.members.push(copyMember(st, like, node, id));
  const g = st.log.groups[like.group]!;
  g.members.push(mi);
  if (sink)
    sink.push({
      type: 'consumerAdded',
      atUs: st.nowUs,
      consumer: id,
      like: st.nodeIds[like.node]!,
      queue: null,
      group: g.id,
    });
  joinGroup(st, mi, sink);
}

export function removeMember(st: SimState, mi: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  if (m.removed) return;
  m.removed = true;
  m.crashWindow = CrashPoint.None;
  m.crashRestartUs = 0;
  const finishing = m.up && m.batchAt >= 0 ? 1 : 0;
  if (sink)
    sink.push({
      type: 'consumerRemoved',
      atUs: st.nowUs,
      consumer: st.nodeIds[m.node]!,
      requeued: 0,
      finishing,
    });
  // A crashed member just leaves (nothing to commit); a busy one closes after its record.
  if (!m.up) return leaveGroup(st, mi, 'removed', sink);
  if (finishing === 0) closeMember(st, mi, sink);
}

/**
 * A removed member's record is done: forget the rest of the batch, moving its positions back to
 * the first record it did not process in each partition (what `after` and `auto` then commit).
 */
export function dropRestOfBatch(m: MemberState): void {
  for (let k = m.batchAt; k < m.batchOff.length; k++) {
    const p = m.batchPart[k]!;
    m.position[p] = Math.min(m.position[p]!, m.batchOff[k]!);
  }
  m.batchPart.length = m.batchAt;
  m.batchOff.length = m.batchAt;
}

/** Close: `auto` commits what it consumed (Kafka's close() does), then leave at once. */
export function closeMember(st: SimState, mi: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  // Any poll or processing event still pending is void from now on.
  m.token = st.log.nextToken++;
  m.idle = false;
  if (m.joined && m.commit === 'auto' && !m.transactional) commitPositions(st, mi, sink);
  leaveGroup(st, mi, 'removed', sink);
}
