/**
 * The log broker in the layout (issue 5): a topic is a tall box with one row per partition,
 * and a record goes to, and is read from, a partition row, not the topic as a whole. So each
 * partition row has a port on each side (a point with an id of its own, `topic#p`), and an edge
 * from a writer to a topic becomes one edge per partition into its left port, an edge from a
 * topic to a reader (a group member) one per partition out of its right port; the topology
 * shows those a member owns. The cluster of log brokers gets a badge (a node the user can
 * click) over the topics.
 */
import type { Scenario } from '../engine';
import type { Box } from './edgeGeometry';
import type { GraphNode } from './graph';

/** Id of the log brokers' badge (not a scenario node: the inspector knows it by this id). */
export const LOG_CLUSTER_ID = '#log-brokers';
export const LOG_CLUSTER_KIND = 'logCluster';

/**
 * Height of a partition row (at least; rows grow while the topic is shorter than the columns
 * around it, up to ROW_H_MAX), and of the label area above the rows (one or two lines).
 */
export const ROW_H = 26;
export const ROW_H_MAX = 40;
export const topicHeader = (lines: number) => (lines > 1 ? 56 : 42);
/** Room under the rows for the topic's warnings (acked then lost, retries dropped). */
const FOOT = 15;

type Raw = Readonly<Record<string, unknown>>;

export const portId = (topic: string, partition: number) => `${topic}#${partition}`;

/** The topic and partition of a port id, or null for a node id. */
export function parsePort(id: string): { topic: string; partition: number } | null {
  const i = id.lastIndexOf('#');
  if (i <= 0) return null;
  const partition = Number(id.slice(i + 1));
  return Number.isInteger(partition) ? { topic: id.slice(0, i), partition } : null;
}

/** Partitions a topic starts with. */
export const partitionsOf = (raw: Raw | undefined): number =>
  typeof raw?.partitions === 'number' ? raw.partitions : 1;

/** Rows to draw: the partitions it starts with plus those the run adds (partitionsAdded). */
export function topicRows(raw: Raw | undefined, added: number): number {
  return partitionsOf(raw) + Math.max(0, added);
}

export const topicHeight = (lines: number, rows: number, rowH = ROW_H) =>
  topicHeader(lines) + rows * rowH + FOOT;

/**
 * The row height of a topic: ROW_H, taller (up to ROW_H_MAX) while the whole topic stays under
 * `room` (60 % of the tallest other column), so a topic of few partitions is easier to read.
 */
export function rowHeightFor(lines: number, rows: number, room: number): number {
  const fit = (room - topicHeader(lines) - FOOT) / Math.max(1, rows);
  return Math.max(ROW_H, Math.min(ROW_H_MAX, Math.floor(fit)));
}

type TopicBox = Box & { lines: readonly string[]; rowH?: number };

/** y (layout units, absolute) of the centre of partition row `p` of a topic box. */
export function rowCentre(box: TopicBox, p: number): number {
  const rowH = box.rowH ?? ROW_H;
  return box.y - box.h / 2 + topicHeader(box.lines.length) + p * rowH + rowH / 2;
}

/** A port as a zero-size box on the topic's left or right side, for edgeCurve. */
export function portBox(box: TopicBox, p: number, side: 'in' | 'out') {
  return { x: box.x + (side === 'in' ? -box.w / 2 : box.w / 2), y: rowCentre(box, p), w: 0, h: 0 };
}

/**
 * Partitions each topic gains from inputs: those in the scenario's schedule, plus `extra` (the
 * run's timeline), so the layout has a row for every partition the run will have.
 */
export function addedPartitions(
  scenario: Scenario,
  timeline: readonly { input: unknown }[] = [],
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (input: unknown) => {
    const i = input as Raw | null;
    if (i?.type !== 'partitionsAdded' || typeof i.topicId !== 'string') return;
    const count = typeof i.count === 'number' ? i.count : 0;
    out.set(i.topicId, (out.get(i.topicId) ?? 0) + count);
  };
  for (const s of scenario.schedule ?? []) add(s.input);
  for (const t of timeline) add(t.input);
  return out;
}

/** Consumers that read a topic are members of a consumer group: drawn as such. */
export function markMembers(nodes: GraphNode[], scenario: Scenario): void {
  const topics = new Set(scenario.nodes.filter((n) => n.kind === 'topic').map((n) => n.id));
  const from = new Map(
    scenario.nodes.map((n) => [n.id, (n as unknown as Raw).from as string | undefined]),
  );
  for (const n of nodes) {
    const f = from.get(n.id);
    if (n.kind === 'consumer' && f !== undefined && topics.has(f)) n.kind = 'member';
  }
}
