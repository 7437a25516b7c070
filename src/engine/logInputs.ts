/**
 * Inputs on the log broker: member crash and restart (with crash windows), replay by seeking a
 * group (K8), pausing a partition (K18), adding partitions (K2 remaps keys), and log broker
 * crash and restart (K15).
 */
import { EV } from './eventKinds';
import { rebalance } from './logGroup';
import { crashMember, restartMember } from './logMemberCrash';
import { createPartition, logBrokerDown, logBrokerUp } from './logPartition';
import { wakeMembersOf } from './logMember';
import { schedule, type Sink } from './sim';
import { CrashPoint, type SimState } from './state';
import type { Input } from './inputSchema';
import type { Guarantee } from './guarantees';

export function crashMemberInput(
  st: SimState,
  mi: number,
  window: string,
  restartAfterUs: number,
  sink: Sink,
): void {
  const m = st.log.members[mi]!;
  m.crashRestartUs = restartAfterUs;
  if (window === 'now') return crashMember(st, mi, 'now', sink);
  m.crashWindow =
    window === 'afterReceive'
      ? CrashPoint.AfterReceive
      : window === 'afterEffect'
        ? CrashPoint.AfterEffect
        : CrashPoint.AfterAck;
}

export { restartMember };

/** Move a group's committed offsets (and its members' positions) for replay (K8). */
export function seekGroup(
  st: SimState,
  gi: number,
  input: Extract<Input, { type: 'groupSeek' }>,
): void {
  const g = st.log.groups[gi]!;
  const parts = st.log.topics[g.topic]!.parts;
  parts.forEach((part, p) => {
    let to = part.start;
    if (input.to === 'end') to = part.hw;
    else if (input.to === 'offset') to = Math.max(part.start, Math.min(input.offset ?? 0, part.hw));
    else if (input.to === 'time') {
      const atUs = Math.round((input.atMs ?? 0) * 1000);
      const i = part.log.tsUs.findIndex((t) => t >= atUs);
      to = i < 0 ? part.hw : part.log.off[i]!;
    }
    g.committed[p] = to;
    for (const mi of g.members) st.log.members[mi]!.position[p] = -1;
  });
  parts.forEach((_, p) => wakeMembersOf(st, g.topic, p));
}

export function setPartitionPaused(st: SimState, ti: number, p: number, paused: boolean): void {
  const part = st.log.topics[ti]?.parts[p];
  if (!part) return;
  part.paused = paused;
  if (!paused) wakeMembersOf(st, ti, p);
}

/** New partitions (K2): keys now hash over more partitions, so some keys move. */
export function addPartitions(st: SimState, ti: number, count: number, sink: Sink): void {
  const t = st.log.topics[ti]!;
  const brokers = st.log.brokersUp.length;
  for (let k = 0; k < count; k++) {
    const p = t.parts.length;
    const part = createPartition(Array.from({ length: t.rf }, (_, i) => (p + i) % brokers));
    // A replica on a crashed broker is not in sync; with no live replica the partition waits.
    part.isr = part.replicas.filter((b) => st.log.brokersUp[b]);
    if (part.isr.length === 0) {
      part.isr = [part.replicas[0]!];
      part.leader = -1;
    } else part.leader = part.isr[0]!;
    t.parts.push(part);
  }
  for (const lp of st.log.producers)
    if (lp.topic === ti) while (lp.nextSeq.length < t.parts.length) lp.nextSeq.push(0);
  for (const m of st.log.members)
    if (st.log.groups[m.group]!.topic === ti)
      while (m.position.length < t.parts.length) m.position.push(-1);
  st.log.groups.forEach((g, gi) => {
    if (g.topic === ti) rebalance(st, gi, 'partitions added', sink);
  });
}

export function logBrokerInput(
  st: SimState,
  broker: number,
  up: boolean,
  restartAfterUs: number,
  sink: Sink,
): void {
  if (broker >= st.log.brokersUp.length || st.log.brokersUp[broker] === up) return;
  if (up) logBrokerUp(st, broker);
  else logBrokerDown(st, broker);
  if (sink) sink.push({ type: 'logBrokerChanged', atUs: st.nowUs, broker, up });
  if (!up && restartAfterUs > 0) {
    st.restarts.push({ type: 'logBrokerRestarted', broker });
    schedule(st, st.nowUs + restartAfterUs, EV.DeferredInput, st.restarts.length - 1);
  }
}

/** A named guarantee for a group member: its commit timing and its group's idempotency table. */
export function setMemberGuarantee(st: SimState, mi: number, g: Guarantee): void {
  const m = st.log.members[mi]!;
  if (m.transactional) return; // a transactional processor commits with its transaction
  m.commit = g === 'at-most-once' ? 'before' : 'after';
  const group = st.log.groups[m.group]!;
  if (g === 'exactly-once') group.dedup ??= {};
}
