/** Invariants of the log broker (reference invariants 11–15), counted from the state. */
import { Flag } from './logPartition';
import type { SimState } from './state';

export function logInvariants(st: SimState): string[] {
  const out: string[] = [];
  const log = st.log;
  log.topics.forEach((t) => {
    const name = st.nodeIds[t.node];
    t.parts.forEach((part, p) => {
      const at = `topic ${name}[${p}]`;
      if (!(part.start <= part.hw && part.hw <= part.end))
        out.push(`${at}: start ${part.start} ≤ hw ${part.hw} ≤ end ${part.end} broken`);
      const off = part.log.off;
      for (let i = 1; i < off.length; i++)
        if (off[i]! <= off[i - 1]!) out.push(`${at}: offsets not increasing at ${off[i]}`);
      if (off.length > 0 && (off[0]! < part.start || off[off.length - 1]! >= part.end))
        out.push(`${at}: records outside [start, end)`);
      if (!part.isr.every((b) => part.replicas.includes(b)))
        out.push(`${at}: in-sync replica not a replica`);
      if (part.leader >= 0 && !part.isr.includes(part.leader))
        out.push(`${at}: leader ${part.leader} not in sync`);
      if (part.leader >= 0 && !log.brokersUp[part.leader])
        out.push(`${at}: leader ${part.leader} is down`);
      // Invariant 15: no two records with the same (producer, sequence) from an idempotent producer.
      const seen = new Set<string>();
      for (let i = 0; i < off.length; i++) {
        const pid = part.log.pid[i]!;
        if (pid < 0 || !log.producers[pid]?.idempotent || (part.log.flags[i]! & Flag.Control) !== 0)
          continue;
        const k = `${pid}:${part.log.seq[i]}`;
        if (seen.has(k)) out.push(`${at}: duplicate (producer, sequence) ${k}`);
        seen.add(k);
      }
    });
  });
  log.groups.forEach((g) => {
    const t = log.topics[g.topic]!;
    if (g.owner.length !== t.parts.length)
      out.push(`group ${g.id}: ${g.owner.length} owners for ${t.parts.length} partitions`);
    g.owner.forEach((mi, p) => {
      // Invariant 12: each partition has at most one owner, a member of this group in it.
      if (mi >= 0 && (!g.members.includes(mi) || !log.members[mi]!.joined))
        out.push(`group ${g.id}: partition ${p} owned by a non-member`);
      // Invariant 13: committed never passes what exists.
      if (g.committed[p]! > t.parts[p]!.end)
        out.push(
          `group ${g.id}: committed ${g.committed[p]} past end ${t.parts[p]!.end} of partition ${p}`,
        );
    });
    const anyJoined = g.members.some((mi) => log.members[mi]!.joined);
    if (anyJoined && g.owner.some((mi) => mi < 0))
      out.push(`group ${g.id}: a partition has no owner while members are in the group`);
  });
  log.members.forEach((m) => {
    const name = st.nodeIds[m.node];
    if (m.batchAt >= 0 && m.batchAt >= m.batchOff.length)
      out.push(`member ${name}: batch index past the batch`);
    if (!m.up && m.batchAt >= 0) out.push(`member ${name}: down but processing`);
  });
  return out;
}
