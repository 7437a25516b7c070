/**
 * Numbers of the log broker: per topic and partition (offsets, watermark, leader, in-sync
 * replicas, retention, replication losses), per log producer (acks, retries, duplicates), and per
 * consumer group (members and assignment, committed offsets, lag (K17), the delivery-guarantee
 * ledger: effects applied exactly once, duplicated, lost).
 */
import { type Histogram } from './histogram';
import { Flag } from './logPartition';
import { lastStableOffset } from './logTxn';
import type { SimState } from './state';
import type { Summary } from './flowReport';

/** How many ids of each ledger class a report lists. */
const SAMPLE = 50;

export interface PartitionReport {
  start: number;
  end: number;
  highWatermark: number;
  lastStableOffset: number;
  records: number;
  bytes: number;
  leader: number;
  isr: number[];
  replicas: number[];
  /** Paused by an input: its owner fetches nothing from it (K18). */
  paused: boolean;
}

export interface MemberReport {
  group: string;
  up: boolean;
  /** Removed by a consumerRemoved input (finishing its record, or gone). */
  removed: boolean;
  /** In its group (joined, not evicted or timed out). */
  joined: boolean;
  /** Partitions it owns now. */
  owns: number[];
  /** Next offset it reads, per partition (-1: not known or not owned). */
  position: number[];
  /** Processing a batch now. */
  busy: boolean;
  polls: number;
  processed: number;
  commits: number;
  evictions: number;
  duplicatesSkipped: number;
}

export interface TopicReport {
  partitions: PartitionReport[];
  appended: number;
  duplicatesDropped: number;
  notEnoughReplicas: number;
  offlineWrites: number;
  deletedByRetention: number;
  compactedAway: number;
  truncated: number;
  ackedLost: number;
  outOfOrder: number;
}

export interface GroupReport {
  topic: string;
  members: string[];
  /** Owner of each partition (member id), or null. */
  assignment: (string | null)[];
  generation: number;
  rebalances: number;
  committed: number[];
  /** Per partition: log end offset − committed offset (K17). */
  lag: number[];
  totalLag: number;
  processed: number;
  commitFailed: number;
  skippedByRetention: number;
  latencyMs: Summary;
  ledger: {
    exactlyOnce: number;
    duplicated: number;
    extraEffects: number;
    lost: number;
    duplicatedIds: number[];
    lostIds: number[];
  };
}

export interface LogProducerReport {
  topic: string;
  acks: 0 | 1 | 'all';
  idempotent: boolean;
  sent: number;
  acked: number;
  failed: number;
  retries: number;
  lostResponses: number;
  ackLatencyMs: Summary;
}

export function topicReports(st: SimState): Record<string, TopicReport> {
  const out: Record<string, TopicReport> = {};
  for (const t of st.log.topics) {
    out[st.nodeIds[t.node]!] = {
      partitions: t.parts.map((p) => ({
        start: p.start,
        end: p.end,
        highWatermark: p.hw,
        lastStableOffset: lastStableOffset(p),
        records: p.log.off.length,
        bytes: p.bytes,
        leader: p.leader,
        isr: [...p.isr],
        replicas: [...p.replicas],
        paused: p.paused,
      })),
      appended: t.stats.appended,
      duplicatesDropped: t.stats.duplicatesDropped,
      notEnoughReplicas: t.stats.notEnoughReplicas,
      offlineWrites: t.stats.offline,
      deletedByRetention: t.stats.deletedByRetention,
      compactedAway: t.stats.compactedAway,
      truncated: t.stats.truncated,
      ackedLost: t.stats.ackedLost,
      outOfOrder: t.stats.outOfOrder,
    };
  }
  return out;
}

export function groupReports(
  st: SimState,
  summarize: (h: Histogram) => Summary,
): Record<string, GroupReport> {
  const out: Record<string, GroupReport> = {};
  for (const g of st.log.groups) {
    const t = st.log.topics[g.topic]!;
    const ledger = { ...g.final, duplicatedIds: [] as number[], lostIds: [] as number[] };
    // One verdict per message (a retried send can have written it twice), none for records
    // from before the group started reading.
    const seen = new Set<number>();
    g.committed.forEach((committed, p) => {
      const log = t.parts[p]!.log;
      const from = Math.max(0, g.from[p] ?? 0);
      for (let i = 0; i < log.off.length; i++) {
        if ((log.flags[i]! & (Flag.Control | Flag.Aborted)) !== 0) continue;
        if (log.off[i]! < from || seen.has(log.origin[i]!)) continue;
        seen.add(log.origin[i]!);
        const n = g.effects[log.origin[i]!] ?? 0;
        if (n === 1) ledger.exactlyOnce++;
        else if (n > 1) {
          ledger.duplicated++;
          ledger.extraEffects += n - 1;
          if (ledger.duplicatedIds.length < SAMPLE) ledger.duplicatedIds.push(log.origin[i]!);
        } else if (log.off[i]! < committed) {
          // The group moved past it without applying it.
          ledger.lost++;
          if (ledger.lostIds.length < SAMPLE) ledger.lostIds.push(log.origin[i]!);
        }
      }
    });
    ledger.lost += g.skipped;
    const lag = t.parts.map((p, i) => p.end - Math.max(g.committed[i]!, p.start));
    out[g.id] = {
      topic: st.nodeIds[t.node]!,
      members: g.members.map((mi) => st.nodeIds[st.log.members[mi]!.node]!),
      assignment: g.owner.map((mi) => (mi < 0 ? null : st.nodeIds[st.log.members[mi]!.node]!)),
      generation: g.generation,
      rebalances: g.rebalances,
      committed: [...g.committed],
      lag,
      totalLag: lag.reduce((a, b) => a + b, 0),
      processed: g.stats.processed,
      commitFailed: g.commitFailed,
      skippedByRetention: g.skipped,
      latencyMs: summarize(g.stats.latency),
      ledger,
    };
  }
  return out;
}

export function logProducerReports(
  st: SimState,
  summarize: (h: Histogram) => Summary,
): Record<string, LogProducerReport> {
  const out: Record<string, LogProducerReport> = {};
  for (const lp of st.log.producers) {
    const s = lp.stats;
    out[st.nodeIds[st.producers[lp.producer]!.node]!] = {
      topic: st.nodeIds[st.log.topics[lp.topic]!.node]!,
      acks: lp.acks === -1 ? 'all' : lp.acks === 0 ? 0 : 1,
      idempotent: lp.idempotent,
      sent: s.sent,
      acked: s.acked,
      failed: s.failed,
      retries: s.retries,
      lostResponses: s.lostResponses,
      ackLatencyMs: summarize(s.ackLatency),
    };
  }
  return out;
}

export function memberReports(st: SimState): Record<string, MemberReport> {
  const out: Record<string, MemberReport> = {};
  st.log.members.forEach((m, mi) => {
    const g = st.log.groups[m.group]!;
    out[st.nodeIds[m.node]!] = {
      group: g.id,
      up: m.up,
      removed: m.removed,
      joined: m.joined,
      owns: g.owner.flatMap((o, p) => (o === mi ? [p] : [])),
      position: [...m.position],
      busy: m.batchAt >= 0,
      polls: m.stats.polls,
      processed: m.stats.processed,
      commits: m.stats.commits,
      evictions: m.stats.evictions,
      duplicatesSkipped: m.stats.duplicatesSkipped,
    };
  });
  return out;
}
