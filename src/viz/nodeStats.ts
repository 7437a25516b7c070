/**
 * The live numbers written on a node, by node kind, read from the engine's report (and, for
 * what the report does not say, the node's scenario entry). A kind this table does not know
 * shows the `up` flag if its report entry has one, else no numbers.
 */
import type { RunReport } from '../engine';

export type ReportEntry = Readonly<Record<string, unknown>>;
type Raw = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The report's entry for a node: in the group (producers, queues, ...) that has its id, or a
 * single entry that names it in its `id` field (the broker). A service comes first: its
 * publishing and consuming sides are also listed under its id among producers and consumers.
 */
export function reportEntry(report: RunReport, id: string): ReportEntry | null {
  const service = (report as { services?: Record<string, unknown> }).services?.[id];
  if (isRecord(service)) return service;
  const groups = Object.values(report as unknown as Record<string, unknown>).filter(isRecord);
  for (const group of groups) if (group.id === id) return group;
  for (const group of groups) {
    if (typeof group.id === 'string') continue;
    const entry = group[id];
    if (isRecord(entry)) return entry;
  }
  return null;
}

const num = (e: ReportEntry, key: string): number => {
  const v = e[key];
  return typeof v === 'number' ? v : 0;
};

const join = (parts: (string | false)[]) => parts.filter((p) => p !== false).join(' · ');

export interface NodeStatus {
  lines: [string, string];
  /** Down (crashed, stopped): drawn dashed and red. */
  down: boolean;
  /** Under pressure: a blocked producer, a broker in memory alarm. */
  warn: boolean;
  /** Queue depth for the depth bar, else null. */
  depth: number | null;
  /** Up but with nothing to do for good (a group member without a partition): drawn greyed. */
  idle?: boolean;
  /** A consumer removed by an input: drawn greyed and dashed (addedConsumers.ts). */
  removed?: boolean;
  /** A consumer an input adds later in the run: drawn faint until then. */
  absent?: boolean;
}

type StatusOf = (e: ReportEntry, raw: Raw | undefined) => NodeStatus;

const STATUS: Readonly<Record<string, StatusOf>> = {
  producer: (e) => ({
    lines: [
      join([`${num(e, 'published')} sent`, e.paused === true && 'paused']),
      join([
        num(e, 'buffered') > 0 && `${num(e, 'buffered')} held back`,
        num(e, 'confirmedAck') + num(e, 'confirmedNack') > 0 &&
          `${num(e, 'confirmedAck')} ✓ ${num(e, 'confirmedNack')} ✗`,
        num(e, 'returned') > 0 && `${num(e, 'returned')} returned`,
        num(e, 'dropped') > 0 && `${num(e, 'dropped')} dropped`,
      ]),
    ],
    down: false,
    warn: num(e, 'buffered') > 0,
    depth: null,
  }),
  exchange: (e) => ({
    lines: [
      `${num(e, 'routed')} routed`,
      num(e, 'unroutable') > 0 ? `${num(e, 'unroutable')} unroutable` : '',
    ],
    down: false,
    warn: false,
    depth: null,
  }),
  queue: (e) => ({
    lines: [
      join([
        `${num(e, 'depth')} ready`,
        num(e, 'unacked') > 0 && `${num(e, 'unacked')} unacked`,
        num(e, 'retryWaiting') > 0 && `${num(e, 'retryWaiting')} to retry`,
      ]),
      '',
    ],
    down: false,
    warn: false,
    depth: num(e, 'depth'),
  }),
  consumer: (e) => ({
    lines:
      e.up === false
        ? ['crashed', `${num(e, 'unacked')} unacked`]
        : [
            `${num(e, 'busy')}/${num(e, 'concurrency')} busy · ${num(e, 'unacked')} unacked`,
            join([
              e.ackMode === 'auto' && 'auto-ack',
              `prefetch ${num(e, 'prefetch') === 0 ? '∞' : num(e, 'prefetch')}`,
              num(e, 'failed') > 0 && `${num(e, 'failed')} failed`,
            ]),
          ],
    down: e.up === false,
    warn: false,
    depth: null,
  }),
  service: serviceStatus,
  broker: (e, raw) => ({
    lines: [
      join([
        e.up === false ? 'DOWN' : 'up',
        typeof raw?.memoryHighWatermark === 'number' &&
          (e.alarm === true ? `ALARM (${num(e, 'held')} held)` : 'no alarm'),
        typeof raw?.persistIntervalMs === 'number' &&
          raw.persistIntervalMs > 0 &&
          `${num(e, 'unwritten')} unwritten`,
        num(e, 'crashes') > 0 && `${num(e, 'crashes')} crash${num(e, 'crashes') > 1 ? 'es' : ''}`,
      ]),
      '',
    ],
    down: e.up === false,
    warn: e.alarm === true,
    depth: null,
  }),
};

/** A service's load (its state and slow-down are on its tab); "DOWN" in words when down. */
function serviceStatus(e: ReportEntry): NodeStatus {
  const state = typeof e.state === 'string' ? e.state : 'up';
  const waiting = `${num(e, 'waiting')} waiting`;
  return {
    lines: [
      state === 'down'
        ? join(['DOWN', num(e, 'waiting') > 0 && waiting])
        : join([`${num(e, 'busy')}/${num(e, 'concurrency')} busy`, waiting]),
      '',
    ],
    down: state === 'down',
    warn: state === 'slow' || state === 'recovering',
    depth: null,
  };
}

const generic: StatusOf = (e) => ({
  lines: [e.up === false ? 'down' : '', ''],
  down: e.up === false,
  warn: false,
  depth: null,
});

export function nodeStatus(
  kind: string,
  entry: ReportEntry | null,
  raw?: Raw | undefined,
): NodeStatus {
  if (!entry) return { lines: ['', ''], down: false, warn: false, depth: null };
  return (STATUS[kind] ?? generic)(entry, raw);
}
