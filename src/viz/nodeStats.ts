/**
 * The live numbers written on a node, by node kind, read from the engine's report. A kind this
 * table does not know shows the `up` flag if its report entry has one, else no numbers.
 */
import type { RunReport } from '../engine';

export type ReportEntry = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The report's entry for a node: in the group (producers, queues, ...) that has its id, or a
 * single entry that names it in its `id` field (the broker).
 */
export function reportEntry(report: RunReport, id: string): ReportEntry | null {
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

export interface NodeStatus {
  lines: [string, string];
  /** Down (crashed, stopped): drawn dashed and red. */
  down: boolean;
  /** Queue depth for the depth bar, else null. */
  depth: number | null;
}

type StatusOf = (e: ReportEntry) => NodeStatus;

const STATUS: Readonly<Record<string, StatusOf>> = {
  producer: (e) => ({
    lines: [
      e.paused === true ? `paused · ${num(e, 'published')} sent` : `${num(e, 'published')} sent`,
      '',
    ],
    down: false,
    depth: null,
  }),
  queue: (e) => ({ lines: [`${num(e, 'depth')} ready`, ''], down: false, depth: num(e, 'depth') }),
  consumer: (e) => ({
    lines:
      e.up === false
        ? ['crashed', `${num(e, 'unacked')} unacked`]
        : [`${num(e, 'busy')}/${num(e, 'concurrency')} busy`, `${num(e, 'unacked')} unacked`],
    down: e.up === false,
    depth: null,
  }),
};

const generic: StatusOf = (e) => ({
  lines: [e.up === false ? 'down' : '', ''],
  down: e.up === false,
  depth: null,
});

export function nodeStatus(kind: string, entry: ReportEntry | null): NodeStatus {
  if (!entry) return { lines: ['', ''], down: false, depth: null };
  return (STATUS[kind] ?? generic)(entry);
}
