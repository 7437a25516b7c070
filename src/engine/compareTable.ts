/**
 * The side-by-side table of issue 4: the rows of the course's "why asynchronous is better"
 * table (availability, performance, scalability, resilience, error handling, resources), each
 * measured from a run's report rather than asserted.
 */
import type { Design } from './compare';
import type { RunReport } from './metrics';

export interface CompareRow {
  group: string;
  label: string;
  unit: string;
  /** Which way is better, for highlighting; none for plain counts. */
  better: 'lower' | 'higher' | 'none';
  values: Record<Design, number | string>;
}

const pct = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

/** The service with the highest utilisation, and that utilisation. */
export function bottleneck(r: RunReport): { id: string; utilisation: number } {
  let id = '-';
  let utilisation = 0;
  for (const [name, s] of Object.entries(r.services))
    if (s.utilisation > utilisation) [id, utilisation] = [name, s.utilisation];
  return { id, utilisation };
}

/** Most work waiting anywhere at once: requests waiting for a worker, or messages in a queue. */
export function peakBacklog(r: RunReport): number {
  let peak = 0;
  for (const s of Object.values(r.services)) peak = Math.max(peak, s.waitingMax);
  for (const q of Object.values(r.queues)) peak = Math.max(peak, q.depthMax);
  return peak;
}

export function retries(r: RunReport): number {
  let n = r.totals.redelivered;
  for (const s of Object.values(r.services)) n += s.callRetries;
  for (const p of Object.values(r.producers)) n += p.retries;
  return n;
}

function sumServices(
  r: RunReport,
  key: 'compensations' | 'compensationFailures' | 'blockedMs',
): number {
  let n = 0;
  for (const s of Object.values(r.services)) n += s[key];
  return n;
}

function busyMs(r: RunReport): number {
  let n = 0;
  for (const s of Object.values(r.services)) n += s.utilisation * s.concurrency * r.simulatedMs;
  return n;
}

type Metric = (r: RunReport) => number | string;

const ROWS: [string, string, string, CompareRow['better'], Metric][] = [
  ['Availability', 'Orders placed', 'orders', 'none', (r) => r.flow?.orders ?? 0],
  ['Availability', 'Accepted', 'orders', 'higher', (r) => r.flow?.accepted ?? 0],
  ['Availability', 'Rejected at the front door', 'orders', 'lower', (r) => r.flow?.rejected ?? 0],
  ['Availability', 'Failed', 'orders', 'lower', (r) => r.flow?.failed ?? 0],
  [
    'Availability',
    'Availability',
    '%',
    'higher',
    (r) => pct(r.flow?.accepted ?? 0, r.flow?.orders ?? 0),
  ],
  ['Performance', 'Client latency, mean', 'ms', 'lower', (r) => r.flow?.clientLatencyMs.mean ?? 0],
  ['Performance', 'Client latency, p50', 'ms', 'lower', (r) => r.flow?.clientLatencyMs.p50 ?? 0],
  ['Performance', 'Client latency, p99', 'ms', 'lower', (r) => r.flow?.clientLatencyMs.p99 ?? 0],
  [
    'Scalability',
    'Orders completed per second',
    '/s',
    'higher',
    (r) => ((r.flow?.completed ?? 0) * 1000) / Math.max(1, r.simulatedMs),
  ],
  ['Scalability', 'Busiest service', '', 'none', (r) => bottleneck(r).id],
  ['Scalability', 'Its utilisation', '%', 'none', (r) => 100 * bottleneck(r).utilisation],
  ['Resilience', 'Orders completed', 'orders', 'higher', (r) => r.flow?.completed ?? 0],
  ['Resilience', 'Accepted but lost', 'orders', 'lower', (r) => r.flow?.lost ?? 0],
  [
    'Resilience',
    'Inconsistent (refused, partly done)',
    'orders',
    'lower',
    (r) => r.flow?.inconsistent ?? 0,
  ],
  ['Resilience', 'Still in progress at the end', 'orders', 'none', (r) => r.flow?.pending ?? 0],
  [
    'Resilience',
    'Placed → all effects done, p50',
    'ms',
    'lower',
    (r) => r.flow?.endToEndMs.p50 ?? 0,
  ],
  [
    'Resilience',
    'Placed → all effects done, p99',
    'ms',
    'lower',
    (r) => r.flow?.endToEndMs.p99 ?? 0,
  ],
  [
    'Resilience',
    'Placed → all effects done, max',
    'ms',
    'lower',
    (r) => r.flow?.endToEndMs.max ?? 0,
  ],
  ['Resilience', 'Peak backlog', 'waiting', 'none', peakBacklog],
  ['Error handling', 'Retries', 'attempts', 'none', retries],
  [
    'Error handling',
    'Compensations (undo calls that worked)',
    'calls',
    'none',
    (r) => sumServices(r, 'compensations'),
  ],
  [
    'Error handling',
    'Compensations that failed',
    'calls',
    'lower',
    (r) => sumServices(r, 'compensationFailures'),
  ],
  ['Error handling', 'Dead-lettered', 'messages', 'none', (r) => r.totals.deadLettered],
  ['Error handling', 'Duplicate effects', 'effects', 'lower', (r) => r.flow?.duplicateEffects ?? 0],
  [
    'Resources',
    'Worker time blocked on calls',
    's',
    'lower',
    (r) => sumServices(r, 'blockedMs') / 1000,
  ],
  [
    'Resources',
    'Share of worker time blocked',
    '%',
    'lower',
    (r) => pct(sumServices(r, 'blockedMs'), busyMs(r)),
  ],
];

export function compareTable(reports: Record<Design, RunReport>): CompareRow[] {
  return ROWS.map(([group, label, unit, better, metric]) => ({
    group,
    label,
    unit,
    better,
    values: { sync: metric(reports.sync), async: metric(reports.async) },
  }));
}
