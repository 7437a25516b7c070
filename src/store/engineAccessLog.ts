/**
 * Reads of the log broker's state (topics, partitions, groups, members) that report() does not
 * give: the records of a partition (to draw the log by key), a member's positions, batch and
 * state, whether a partition is paused, which member owns what right now. Like engineAccess.ts,
 * the only place that knows this part of the state's layout; every read has a fallback, so a
 * scenario without topics (or a state without `log`) reads as empty.
 */
import type { SimState } from '../engine';

type LogState = SimState['log'];
type TopicState = LogState['topics'][number];
type PartitionState = TopicState['parts'][number];
type MemberState = LogState['members'][number];

/** Record flags (engine logPartition.ts). */
export const RECORD_FLAG = { tombstone: 1, transactional: 2, aborted: 4, control: 8 } as const;

const logOf = (sim: Readonly<SimState>): LogState | null => {
  const log = (sim as { log?: LogState }).log;
  return log && Array.isArray(log.topics) ? log : null;
};

/** Index of a node within its kind's state array, if the node is of that kind. */
function indexOfKind(sim: Readonly<SimState>, id: string, kind: string): number {
  const node = sim.nodeIds.indexOf(id);
  return node >= 0 && sim.nodeKinds[node] === kind ? (sim.nodeIndex[node] ?? -1) : -1;
}

export function topicState(sim: Readonly<SimState>, id: string): TopicState | undefined {
  return logOf(sim)?.topics[indexOfKind(sim, id, 'topic')];
}

/** One partition as the view draws it (arrays are the engine's own: read, never change). */
export interface PartitionView {
  /** Offsets, key ids (-1: no key) and flags of the records kept, in offset order. */
  off: readonly number[];
  key: readonly number[];
  flags: readonly number[];
  start: number;
  end: number;
  hw: number;
  /** Leader broker, or -1 when the partition is offline. */
  leader: number;
  isr: readonly number[];
  replicas: readonly number[];
  paused: boolean;
}

const EMPTY: readonly number[] = [];

function partitionView(p: PartitionState): PartitionView {
  const log = p.log;
  return {
    off: Array.isArray(log?.off) ? log.off : EMPTY,
    key: Array.isArray(log?.key) ? log.key : EMPTY,
    flags: Array.isArray(log?.flags) ? log.flags : EMPTY,
    start: p.start ?? 0,
    end: p.end ?? 0,
    hw: p.hw ?? 0,
    leader: typeof p.leader === 'number' ? p.leader : -1,
    isr: Array.isArray(p.isr) ? p.isr : EMPTY,
    replicas: Array.isArray(p.replicas) ? p.replicas : EMPTY,
    paused: p.paused === true,
  };
}

/** The partitions of a topic now (more after partitionsAdded). */
export function partitionsOf(sim: Readonly<SimState>, topicId: string): PartitionView[] {
  const t = topicState(sim, topicId);
  return Array.isArray(t?.parts) ? t.parts.map(partitionView) : [];
}

/** How many distinct record keys the run has seen (for colouring by key). */
export const keyCount = (sim: Readonly<SimState>): number => logOf(sim)?.keys?.length ?? 0;

/** A member as its node and inspector show it. */
export interface MemberLive {
  id: string;
  group: string;
  topic: string;
  up: boolean;
  /** In the group (joined, not evicted). */
  joined: boolean;
  /** Removed by a consumerRemoved input. */
  removed: boolean;
  /** Waiting for records (nothing to fetch). */
  idle: boolean;
  /** Records of its current batch: the one in hand (0-based) and how many; -1 when none. */
  batchAt: number;
  batchSize: number;
  /** Next offset it will read, per partition (-1: not assigned or not known yet). */
  positions: readonly number[];
  /** Partitions it owns now. */
  owns: number[];
  commit: string;
  crashArmed: boolean;
  stats: Readonly<Record<string, number>>;
}

function memberLive(sim: Readonly<SimState>, log: LogState, m: MemberState): MemberLive {
  const g = log.groups[m.group];
  const mi = log.members.indexOf(m);
  const topic = g ? log.topics[g.topic] : undefined;
  const owner = Array.isArray(g?.owner) ? g.owner : EMPTY;
  const owns: number[] = [];
  owner.forEach((o, p) => {
    if (o === mi) owns.push(p);
  });
  const batch = Array.isArray(m.batchOff) ? m.batchOff.length : 0;
  return {
    id: sim.nodeIds[m.node] ?? '',
    group: g?.id ?? '',
    topic: topic ? (sim.nodeIds[topic.node] ?? '') : '',
    up: m.up !== false,
    joined: m.joined !== false,
    removed: m.removed === true,
    idle: m.idle === true,
    batchAt: typeof m.batchAt === 'number' && m.batchAt >= 0 ? m.batchAt : -1,
    batchSize: batch,
    positions: Array.isArray(m.position) ? m.position : EMPTY,
    owns,
    commit: typeof m.commit === 'string' ? m.commit : '',
    crashArmed: typeof m.crashWindow === 'number' && m.crashWindow > 0,
    stats: (m.stats ?? {}) as unknown as Readonly<Record<string, number>>,
  };
}

/** Every group member (consumers reading a topic, and services' consuming sides), by id. */
export function membersLive(sim: Readonly<SimState>): Map<string, MemberLive> {
  const out = new Map<string, MemberLive>();
  const log = logOf(sim);
  if (!log || !Array.isArray(log.members)) return out;
  for (const m of log.members) {
    const live = memberLive(sim, log, m);
    out.set(live.id, live);
  }
  return out;
}

/** Is each log broker up? (report().logBrokers says the same; this needs no report.) */
export const logBrokersUp = (sim: Readonly<SimState>): readonly boolean[] =>
  logOf(sim)?.brokersUp ?? [];

/**
 * The partitions of a member's batch right now and how many records of each, in the order
 * fetched: read when the engine reports the poll (`recordsPolled`), the batch is then new.
 */
export function memberBatch(sim: Readonly<SimState>, memberId: string): Map<number, number> {
  const out = new Map<number, number>();
  const member = memberByNode(sim, memberId);
  if (!member || !Array.isArray(member.batchPart)) return out;
  for (const p of member.batchPart) out.set(p, (out.get(p) ?? 0) + 1);
  return out;
}

/** The member of a node: a consumer reading a topic, or a service's consuming side. */
function memberByNode(sim: Readonly<SimState>, id: string): MemberState | null {
  const log = logOf(sim);
  if (!log || !Array.isArray(log.members)) return null;
  const node = sim.nodeIds.indexOf(id);
  return log.members.find((m) => m.node === node) ?? null;
}

/** Partitions a member (or a service reading a topic) owns right now. */
export function ownedPartitions(sim: Readonly<SimState>, memberId: string): number[] {
  const log = logOf(sim);
  if (!log) return [];
  const node = sim.nodeIds.indexOf(memberId);
  const mi = log.members.findIndex((m) => m.node === node);
  const g = mi >= 0 ? log.groups[log.members[mi]!.group] : undefined;
  const out: number[] = [];
  g?.owner.forEach((o, p) => {
    if (o === mi) out.push(p);
  });
  return out;
}

/** The topic of each topic node in state order (for logEnds' rows). */
export const topicIds = (sim: Readonly<SimState>): string[] =>
  logOf(sim)?.topics.map((t) => sim.nodeIds[t.node] ?? '') ?? [];
