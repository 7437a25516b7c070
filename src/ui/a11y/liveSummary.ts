/**
 * What the polite live region says (issue 7): the important changes between two looks at the
 * run, in words — a node going down or coming back, messages dead-lettered, duplicate effects.
 * Pure, so the wording and the throttling rules are unit-tested (liveSummary.test.ts).
 */
import type { RunReport, Scenario } from '../../engine';
import { nodeStatus, reportEntry } from '../../viz/nodeStats';
import { brokerId } from '../../viz/scenarioFacts';

export interface RunLook {
  atMs: number;
  /** Names of the nodes drawn as down. */
  down: ReadonlySet<string>;
  deadLettered: number;
  duplicates: number;
}

export function lookAt(scenario: Scenario, report: RunReport): RunLook {
  const down = new Set<string>();
  const broker = brokerId(scenario);
  const nodes: { id: string; kind: string; raw?: Record<string, unknown> }[] = [
    ...scenario.nodes.map((n) => ({
      id: n.id,
      kind: n.kind as string,
      raw: n as unknown as Record<string, unknown>,
    })),
    ...(broker && !scenario.nodes.some((n) => n.id === broker)
      ? [{ id: broker, kind: 'broker' }]
      : []),
  ];
  for (const n of nodes) {
    const entry = reportEntry(report, n.id);
    if (entry && nodeStatus(n.kind, entry, n.raw).down) down.add(n.id);
  }
  return {
    atMs: report.simulatedMs,
    down,
    deadLettered: report.totals.deadLettered,
    duplicates: report.totals.duplicateEffects,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The changes from `before` to `after`, in words. Time going backwards (a seek, a reset) says
 * nothing: the listener chose to go there.
 */
export function describeChanges(before: RunLook, after: RunLook): string[] {
  if (after.atMs < before.atMs) return [];
  const out: string[] = [];
  for (const id of after.down)
    if (!before.down.has(id)) out.push(`${id} is DOWN at ${seconds(after.atMs)}`);
  for (const id of before.down)
    if (!after.down.has(id)) out.push(`${id} is back up at ${seconds(after.atMs)}`);
  const dead = after.deadLettered - before.deadLettered;
  if (dead > 0) out.push(`${plural(dead, 'message', 'messages')} dead-lettered`);
  const dup = after.duplicates - before.duplicates;
  if (dup > 0) out.push(`${plural(dup, 'duplicate effect', 'duplicate effects')}`);
  return out;
}

/** Announcements at most this often (wall time): a screen reader cannot keep up with more. */
export const ANNOUNCE_EVERY_MS = 4000;
/** Changes in one announcement at most; the rest are counted. */
const PARTS_MAX = 3;

/** One announcement from the changes collected since the last one (older first). */
export function joinAnnouncement(parts: readonly string[]): string {
  if (parts.length === 0) return '';
  const shown = parts.slice(-PARTS_MAX);
  const more = parts.length - shown.length;
  return `${shown.join('. ')}${more > 0 ? `. And ${plural(more, 'more change', 'more changes')}` : ''}.`;
}
