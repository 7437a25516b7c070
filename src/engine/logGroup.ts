/**
 * Consumer-group membership (K4, K5): members join and leave, a crashed member leaves when its
 * session times out, a member that does not poll within max.poll.interval is evicted; each
 * change rebalances the group. Eager (range) rebalancing stops every partition for the pause;
 * cooperative-sticky stops only the partitions that move. Positions of moved partitions are
 * fetched again from the committed offsets.
 */
import { EV } from './eventKinds';
import { assignRange, assignSticky } from './logAssign';
import { schedulePoll } from './logMember';
import { schedule, type Sink } from './sim';
import type { SimState } from './state';

const memberId = (st: SimState, mi: number) => st.nodeIds[st.log.members[mi]!.node]!;

export function rebalance(st: SimState, gi: number, reason: string, sink: Sink): void {
  const g = st.log.groups[gi]!;
  const parts = st.log.topics[g.topic]!.parts;
  const live = g.members.filter((mi) => st.log.members[mi]!.joined);
  const before = [...g.owner];
  while (g.owner.length < parts.length) g.owner.push(-1);
  while (g.committed.length < parts.length) g.committed.push(-1);
  while (g.from.length < parts.length) g.from.push(-1);
  while (g.pausedUntilUs.length < parts.length) g.pausedUntilUs.push(0);
  const idOf = (mi: number) => memberId(st, mi);
  const owner =
    g.assignor === 'range'
      ? assignRange(parts.length, live, idOf)
      : assignSticky(g.owner, live, idOf);
  g.generation++;
  g.rebalances++;
  const until = st.nowUs + g.pauseUs;
  owner.forEach((m, p) => {
    const moved = before[p] !== m;
    // Eager (range) stops every partition for the pause; cooperative-sticky only moved ones.
    if (g.assignor === 'range' || moved) g.pausedUntilUs[p] = until;
    // A new owner starts from the committed offset (or the reset policy). The old owner keeps
    // its position: the batch it is finishing may still be committed before the new owner
    // starts (Kafka lets it commit while the group rejoins), see commitPositions.
    if (moved && m >= 0) st.log.members[m]!.position[p] = -1;
    // A rebalance forgets pauses (K18).
    parts[p]!.paused = false;
  });
  g.owner = owner;
  if (sink)
    sink.push({
      type: 'rebalanced',
      atUs: st.nowUs,
      group: g.id,
      generation: g.generation,
      reason,
      owners: owner.map((m) => (m < 0 ? null : memberId(st, m))),
    });
  schedule(st, until, EV.RebalanceDone, gi, g.generation);
}

export function onRebalanceDone(st: SimState, gi: number, generation: number): void {
  const g = st.log.groups[gi]!;
  if (g.generation !== generation) return;
  for (const mi of g.members) {
    const m = st.log.members[mi]!;
    if (m.up && m.joined && m.idle) {
      m.idle = false;
      schedulePoll(st, mi, st.nowUs);
    }
  }
}

export function joinGroup(st: SimState, mi: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  // A removed member never comes back (a late start or an eviction's rejoin does nothing).
  if (m.joined || m.removed) return;
  m.joined = true;
  m.idle = true;
  m.lastPollUs = st.nowUs;
  rebalance(st, m.group, `${memberId(st, mi)} joined`, sink);
}

export function leaveGroup(st: SimState, mi: number, reason: string, sink: Sink): void {
  const m = st.log.members[mi]!;
  if (!m.joined) return;
  m.joined = false;
  if (sink) sink.push({ type: 'memberLeft', atUs: st.nowUs, member: memberId(st, mi), reason });
  rebalance(st, m.group, `${memberId(st, mi)} left (${reason})`, sink);
}

/** A crashed member's session ran out: the coordinator removes it (K5). */
export function onSessionExpired(st: SimState, mi: number, token: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  if (m.up || m.token !== token) return;
  leaveGroup(st, mi, 'session timeout', sink);
}

/** No poll within max.poll.interval: the member is evicted, its later commits fail (K5). */
export function onPollIntervalCheck(st: SimState, mi: number, polls: number, sink: Sink): void {
  const m = st.log.members[mi]!;
  // Still in the batch of that poll (no poll since)?
  if (!m.up || m.stats.polls !== polls || !m.joined || m.batchAt < 0) return;
  m.stats.evictions++;
  leaveGroup(st, mi, 'max poll interval exceeded', sink);
}
