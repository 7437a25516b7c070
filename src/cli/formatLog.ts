/**
 * The log broker's part of the readable report (issue 5): one row per partition of each topic
 * with the topic's totals, the topics' write counters, the consumer groups (lag, ledger) and the
 * producers that write to topics. Every table is left out when the scenario has no topics.
 */
import type { RunReport } from '../engine';
import { int, num, renderTable } from './table';

type TopicReport = RunReport['topics'][string];

/** A leader or a replica list as printed: broker numbers, "none" without a leader. */
const leaderOf = (leader: number) => (leader < 0 ? 'none' : int(leader));
const brokers = (ids: readonly number[]) => (ids.length > 0 ? ids.join(',') : '-');

function total(t: TopicReport, key: 'start' | 'end' | 'highWatermark' | 'records'): number {
  return t.partitions.reduce((n, p) => n + p[key], 0);
}

/** Partitions of every topic: offsets, high watermark, leader and in-sync replicas. */
export function partitionTable(r: RunReport): string[] {
  const rows: string[][] = [];
  for (const [id, t] of Object.entries(r.topics)) {
    t.partitions.forEach((p, i) => {
      rows.push([
        id,
        int(i),
        int(p.start),
        int(p.end),
        int(p.highWatermark),
        int(p.records),
        leaderOf(p.leader),
        brokers(p.isr),
      ]);
    });
    rows.push([
      id,
      'all',
      int(total(t, 'start')),
      int(total(t, 'end')),
      int(total(t, 'highWatermark')),
      int(total(t, 'records')),
      '',
      '',
    ]);
  }
  return rows.length > 0
    ? renderTable(['topic', 'partition', 'start', 'end', 'hw', 'records', 'leader', 'isr'], rows)
    : [];
}

/** What happened to the writes of each topic: appended, refused, deleted, lost. */
export function topicTable(r: RunReport): string[] {
  const rows = Object.entries(r.topics).map(([id, t]) => [
    id,
    int(t.appended),
    int(t.duplicatesDropped),
    int(t.notEnoughReplicas),
    int(t.offlineWrites),
    int(t.deletedByRetention),
    int(t.compactedAway),
    int(t.truncated),
    int(t.ackedLost),
    int(t.outOfOrder),
  ]);
  return rows.length > 0
    ? renderTable(
        [
          'topic',
          'appended',
          'dup dropped',
          'not enough isr',
          'offline writes',
          'retention deleted',
          'compacted away',
          'truncated',
          'acked lost',
          'out of order',
        ],
        rows,
      )
    : [];
}

/** Consumer groups: members, rebalances, lag at the end, records processed and the ledger. */
export function groupTable(r: RunReport): string[] {
  const rows = Object.entries(r.groups).map(([id, g]) => [
    id,
    g.topic,
    int(g.members.length),
    int(g.rebalances),
    int(g.totalLag),
    int(g.processed),
    int(g.ledger.exactlyOnce),
    int(g.ledger.duplicated),
    int(g.ledger.lost),
    int(g.commitFailed),
    num(g.latencyMs.p50),
    num(g.latencyMs.p99),
  ]);
  return rows.length > 0
    ? renderTable(
        [
          'group',
          'topic',
          'members',
          'rebalances',
          'lag',
          'processed',
          'exactly once',
          'duplicated',
          'lost',
          'commit failed',
          'latency p50',
          'p99',
        ],
        rows,
        2,
      )
    : [];
}

/** Producers that write to a topic: acks, idempotence, sends and their outcome. */
export function logProducerTable(r: RunReport): string[] {
  const rows = Object.entries(r.logProducers).map(([id, p]) => [
    id,
    p.topic,
    String(p.acks),
    p.idempotent ? 'yes' : 'no',
    int(p.sent),
    int(p.acked),
    int(p.failed),
    int(p.retries),
  ]);
  return rows.length > 0
    ? renderTable(
        ['log producer', 'topic', 'acks', 'idempotent', 'sent', 'acked', 'failed', 'retries'],
        rows,
        2,
      )
    : [];
}

/** Who owns which partition at the end, and log brokers that are down, one line each. */
export function logLines(r: RunReport): string[] {
  const lines = Object.entries(r.groups).map(([id, g]) => {
    const owned = new Map<string, number[]>(g.members.map((m) => [m, []]));
    const nobody: number[] = [];
    g.assignment.forEach((owner, p) => {
      if (owner === null) nobody.push(p);
      else owned.set(owner, [...(owned.get(owner) ?? []), p]);
    });
    const parts = [...owned].map(
      ([member, ps]) => `${member} owns ${ps.length > 0 ? ps.join(', ') : 'none'}`,
    );
    if (nobody.length > 0) parts.push(`nobody owns ${nobody.join(', ')}`);
    return `partitions of group ${id} (generation ${int(g.generation)}): ${parts.join('; ')}`;
  });
  const down = r.logBrokers.flatMap((up, i) => (up ? [] : [String(i)]));
  if (down.length > 0)
    lines.push(`log brokers down at the end: ${down.join(', ')} of ${r.logBrokers.length}`);
  return lines;
}

/** The footer line explaining the log tables' columns, when there are topics. */
export function logLegend(r: RunReport): string[] {
  return Object.keys(r.topics).length > 0
    ? [
        'Topics: hw = high watermark (what consumers may read); isr = in-sync replicas (log brokers).',
        'Groups: lag = log end offset - committed offset, summed; latency = appended to the log to processed.',
      ]
    : [];
}
