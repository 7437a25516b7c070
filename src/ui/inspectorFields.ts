/**
 * The live numbers of a node for the inspector, read generically from its report entry: known
 * fields get words and units, unknown ones their humanised name, and latency summaries one line
 * of percentiles.
 */
import type { ReportEntry } from '../viz/nodeStats';
import { formatDecimal, formatMs, formatRate, humanize } from './format';

export interface Field {
  key: string;
  label: string;
  value: string;
}

const LABELS: Readonly<Record<string, string>> = {
  ratePerSec: 'rate',
  throughputPerSec: 'throughput',
  depthMax: 'deepest',
  depthMean: 'mean depth',
  arrivalRatePerSec: 'arrival rate',
  meanWaitMs: 'mean wait',
  latencyMs: 'latency (publish → ack)',
  waitMs: 'wait in queue',
  serviceMs: 'service time',
  deadLettered: 'dead-lettered',
  discarded: 'discarded',
  ledger: 'delivery ledger',
  unwritten: 'not yet on disk',
  held: 'messages held',
  // Services
  waiting: 'requests waiting',
  waitingMax: 'most waiting',
  refused: 'refused (down)',
  rejected: 'turned away (line full)',
  lostInCrash: 'cut off when taken down',
  effects: 'effects applied',
  duplicateEffects: 'effects applied twice',
  undone: 'effects undone',
  callsMade: 'calls made',
  callRetries: 'calls retried',
  callTimeouts: 'calls timed out',
  callFailures: 'calls failed',
  lateReplies: 'replies after the caller gave up',
  breakerRejected: 'calls stopped by the breaker',
  breakerOpened: 'breaker opened',
  compensations: 'undo calls made',
  compensationFailures: 'undo calls failed',
  blockedShare: 'worker time waiting on calls',
  blockedMs: 'time waiting on calls',
  responseMs: 'response (arrival → reply)',
  // Topics (the log broker)
  appended: 'records written',
  duplicatesDropped: 'retries dropped as duplicates (idempotent producer)',
  notEnoughReplicas: 'writes refused: not enough in-sync replicas',
  offlineWrites: 'writes refused: partition offline',
  deletedByRetention: 'deleted by retention',
  compactedAway: 'removed by compaction',
  truncated: 'cut by a new leader',
  ackedLost: 'acknowledged, then lost',
  outOfOrder: 'written out of order',
  // The log brokers
  brokers: 'log brokers',
  down: 'down now',
  // Members
  joined: 'in its group',
  idle: 'waiting for records',
  batchAt: 'record in hand (0-based)',
  batchSize: 'records in its batch',
  crashArmed: 'crash armed',
  busyUs: 'busy (µs)',
};

/** A service's numbers that mean nothing for its settings (a service that makes no calls). */
export function hiddenServiceFields(
  raw: Readonly<Record<string, unknown>> | undefined,
): Set<string> {
  const out = new Set<string>();
  const calls = Array.isArray(raw?.calls) && raw.calls.length > 0;
  if (!calls)
    for (const k of [
      'callsMade',
      'callRetries',
      'callTimeouts',
      'callFailures',
      'blockedShare',
      'blockedMs',
    ])
      out.add(k);
  if (!raw?.circuitBreaker) out.add('breakerRejected').add('breakerOpened');
  if (raw?.compensate !== true) out.add('compensations').add('compensationFailures');
  return out;
}

function formatValue(key: string, v: unknown): string | null {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') {
    if (key.endsWith('PerSec')) return formatRate(v);
    if (key.endsWith('Ms')) return formatMs(v);
    if (key === 'utilisation' || key === 'blockedShare') return `${formatDecimal(v * 100, 1)} %`;
    return Number.isInteger(v) ? String(v) : formatDecimal(v, 2);
  }
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const s = v as Record<string, unknown>;
    if (typeof s.p50 === 'number' && typeof s.p95 === 'number' && typeof s.p99 === 'number')
      return s.count === 0
        ? 'no data yet'
        : `p50 ${formatMs(s.p50)} · p95 ${formatMs(s.p95)} · p99 ${formatMs(s.p99)}`;
    if (key === 'ledger')
      return `exactly once ${num(s.exactlyOnce)} · duplicated ${num(s.duplicated)} · lost ${num(s.lost)}`;
    // A count by reason ("deadLettered": { rejected: 3, expired: 1 }).
    const parts = Object.entries(s).filter(([, n]) => typeof n === 'number');
    if (parts.length === Object.keys(s).length)
      return parts.length === 0 ? 'none' : parts.map(([k, n]) => `${k} ${String(n)}`).join(' · ');
  }
  return null;
}

const num = (v: unknown) => (typeof v === 'number' ? String(v) : '0');

export function inspectorFields(entry: ReportEntry, hidden?: ReadonlySet<string>): Field[] {
  const out: Field[] = [];
  for (const [key, v] of Object.entries(entry)) {
    if (hidden?.has(key)) continue;
    const value = formatValue(key, v);
    if (value !== null) out.push({ key, label: LABELS[key] ?? humanize(key), value });
  }
  return out;
}
