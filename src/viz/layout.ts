/**
 * Where each node and edge goes, as a pure function of the scenario: columns in the order a
 * message travels (layoutColumns.ts), rows that keep neighbours level (layoutRows.ts), and the
 * broker drawn as a region around its exchanges and queues with its badge on top (the implicit
 * broker too, so it can be inspected and crashed, unless the scenario has only services), and
 * topics as tall boxes of partition rows inside the log brokers' region (layoutTopics.ts).
 * Sized so that a typical preset is drawn near 1:1 in the stage of a 1280×720 page. The SVG topology and the canvas of moving dots share this
 * layout (and edgePoint), so a dot always travels exactly along the drawn edge.
 */
import type { Scenario } from '../engine';
import { edgeCurve, edgePoint, type Box, type Curve, type Point } from './edgeGeometry';
import { readGraph, type GraphNode } from './graph';
import { assignColumns, deadLetterExchanges, orderColumns, REGION_KIND } from './layoutColumns';
import { placeRows } from './layoutRows';
import { BADGE_H, badgeBox, placeBroker, regionAround, type Span } from './layoutBroker';
import {
  LOG_CLUSTER_ID,
  LOG_CLUSTER_KIND,
  markMembers,
  portBox,
  portId,
  rowHeightFor,
  topicHeight,
  topicRows,
} from './layoutTopics';
import { deadLetterSources, edgeLabel } from './scenarioFacts';
import { wrapLabel } from './labelText';

export { edgePoint } from './edgeGeometry';

export interface NodeBox extends GraphNode {
  /** Centre and size, in layout units. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The label in one or two lines. */
  lines: string[];
  /** A dead-letter queue (some queue dead-letters into it). */
  dlq: boolean;
  /** A topic's partition rows (the partitions it will ever have in this run), their height. */
  rows?: number;
  rowH?: number;
}

export interface Edge extends Curve {
  key: string;
  from: string;
  to: string;
  field: string;
  /** Words on the edge (binding keys, "DLX"), one entry per line; empty for none. */
  label: string[];
  labelAt: Point;
}

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: NodeBox[];
  nodeById: Map<string, NodeBox>;
  edges: Edge[];
  edgeByKey: Map<string, Edge>;
  /** The edge from one node (or partition port) to another, looked up without a key string. */
  edgeBetween(from: string, to: string): Edge | undefined;
  /** The broker's area (around exchanges and queues), or null when there is none. */
  region: Region | null;
  /** The broker's badge node, '' when the scenario has no broker part (services only). */
  brokerId: string;
  /** The log brokers' areas around the topics, one per column of topics (none without). */
  logRegions: Region[];
}

export interface LayoutOptions {
  /** Partitions each topic gains during the run (addedPartitions), so each has its row. */
  addedPartitions?: ReadonlyMap<string, number>;
}

export const LAYOUT_WIDTH = 1000;
const NODE_W_MAX = 175;
const NODE_H = 90;
/** Least space between two nodes of a column. */
const GAP_Y = 18;
const GAP = 80;
const GAP_NARROW = 56;
const OUTER = 12;
const ARC_ROOM = 58;
/** How far an arc between two nodes of one column may bulge (also used when a node is dragged). */
export const EDGE_ROOM = { maxBulge: ARC_ROOM - 6 };
/** A topic's column is this much wider than the others (its partition rows need room). */
const TOPIC_WEIGHT = 1.75;
const TOPIC_W_MAX = 310;
const TOPIC_WEIGHT_NARROW = 1.5;
export const EDGE_LABEL_PX = 13;
/** Where the first node of a column starts (under the badges). */
const TOP = 8 + BADGE_H + 16;

export const edgeKey = (from: string, to: string) => `${from}\u2192${to}`;

/** Width of an edge label's longest line, in layout units. */
const labelWidth = (lines: readonly string[]) =>
  Math.max(0, ...lines.map((l) => l.length * EDGE_LABEL_PX * 0.56 + 20));

/**
 * x of each column's centre and its width, given the room each gap needs; `wide` columns (with
 * a topic) get TOPIC_WEIGHT times the width of the others.
 */
function columnXs(
  count: number,
  need: readonly number[],
  wide: readonly boolean[],
): { xs: number[]; ws: number[]; w: number } {
  // Five columns and more (a read-process-write chain) leave less room between them.
  const gap = count >= 5 ? GAP_NARROW : GAP;
  const gaps = Array.from({ length: Math.max(0, count - 1) }, (_, i) =>
    Math.max(gap, need[i] ?? 0),
  );
  // Room after the last column (arcs out of it), as if it were one more gap.
  const trailing = need[count - 1] ?? 0;
  const gapSum = gaps.reduce((a, b) => a + b, 0) + trailing;
  const weights = Array.from({ length: count }, (_, c) =>
    wide[c] ? (count >= 5 ? TOPIC_WEIGHT_NARROW : TOPIC_WEIGHT) : 1,
  );
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const w = Math.min(NODE_W_MAX, (LAYOUT_WIDTH - 2 * OUTER - gapSum) / Math.max(1, weightSum));
  const ws = weights.map((k) => (k > 1 ? Math.min(TOPIC_W_MAX, w * k) : w));
  const widthSum = ws.reduce((a, b) => a + b, 0);
  const spare = LAYOUT_WIDTH - 2 * OUTER - gapSum - widthSum;
  const extra = count > 1 ? Math.min(spare / (count - 1), 220) : 0;
  const used = widthSum + gapSum + extra * (count - 1);
  let x = (LAYOUT_WIDTH - used) / 2;
  const xs: number[] = [];
  for (let c = 0; c < count; c++) {
    xs.push(x + ws[c]! / 2);
    x += ws[c]! + (gaps[c] ?? 0) + extra;
  }
  return { xs, ws, w };
}

/** Kinds inside the queue broker's region, and inside the log brokers' one. */
const inBroker = (kind: string) => kind === 'exchange' || kind === 'queue';
const inLog = (kind: string) => kind === 'topic';
/** Fields of a writer that name the topic it writes to. */
const WRITES = new Set(['to', 'publish', 'output']);

export function computeLayout(scenario: Scenario, options: LayoutOptions = {}): Layout {
  const graph = readGraph(scenario);
  markMembers(graph.nodes, scenario);
  const raw = new Map(scenario.nodes.map((n) => [n.id, n as unknown as Record<string, unknown>]));
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const dlqs = deadLetterSources(scenario);
  const col = assignColumns(graph.nodes, graph.edges);
  const count = Math.max(1, ...[...col.values()].map((c) => c + 1));
  const columns: GraphNode[][] = Array.from({ length: count }, () => []);
  for (const n of graph.nodes) if (col.has(n.id)) columns[col.get(n.id)!]!.push(n);
  const dlx = deadLetterExchanges(graph.nodes, graph.edges);
  // A node with an edge back to an earlier column (a consuming service that publishes into the
  // broker again) goes to the bottom of its column: its loop under the picture then crosses
  // nothing of its own column.
  const loopsBack = new Set(
    graph.edges.filter((e) => (col.get(e.from) ?? 0) > (col.get(e.to) ?? 0)).map((e) => e.from),
  );
  // Topics go first in a column they share with queues: the log brokers' region above the
  // broker's.
  orderColumns(columns, graph.edges, (id) =>
    kindOf.get(id) === 'topic' ? -1 : dlqs.has(id) ? 2 : dlx.has(id) || loopsBack.has(id) ? 1 : 0,
  );
  const added = options.addedPartitions;
  const rowsOf = (n: GraphNode) => topicRows(raw.get(n.id), added?.get(n.id) ?? 0);
  // Room for a topic's rows: 60 % of the tallest column without topics.
  const tallest = Math.max(
    0,
    ...columns
      .filter((c) => !c.some((n) => n.kind === 'topic'))
      .map((c) => c.length * NODE_H + (c.length - 1) * GAP_Y),
  );
  const rowH = new Map(
    graph.nodes
      .filter((n) => n.kind === 'topic')
      .map((n) => [n.id, rowHeightFor(wrapLabel(n.label).length, rowsOf(n), tallest * 0.6)]),
  );
  const heightOf = (n: GraphNode) =>
    n.kind === 'topic' ? topicHeight(wrapLabel(n.label).length, rowsOf(n), rowH.get(n.id)) : NODE_H;
  // Between a topic and a queue of one column, room for the broker's badge.
  const gapBetween = (a: GraphNode, b: GraphNode) =>
    (heightOf(a) + heightOf(b)) / 2 +
    GAP_Y +
    ((inLog(a.kind) && inBroker(b.kind)) || (inBroker(a.kind) && inLog(b.kind)) ? BADGE_H + 24 : 0);
  const rows = placeRows(columns, graph.edges, gapBetween);
  const top = Math.min(
    0,
    ...graph.nodes.filter((n) => rows.has(n.id)).map((n) => rows.get(n.id)! - heightOf(n) / 2),
  );

  // Arcs between nodes of one column (dead-lettering into a DLQ) need room right of it.
  const arcEdge = graph.edges.find((e) => col.has(e.from) && col.get(e.from) === col.get(e.to));
  const arcCol = arcEdge ? col.get(arcEdge.from)! : -1;
  const labels = new Map<string, string[]>();
  const need: number[] = [];
  for (const e of graph.edges) {
    const text = edgeLabel(raw.get(e.field === 'from' ? e.to : e.from) ?? {}, e.field, e.to);
    const lines = text === '' ? [] : text.split(' · ');
    labels.set(edgeKey(e.from, e.to), lines);
    const c = col.get(e.from);
    if (c !== undefined && col.get(e.to) === c + 1)
      need[c] = Math.max(need[c] ?? 0, labelWidth(lines) + 16);
  }
  if (arcCol >= 0)
    need[arcCol] = (arcCol === count - 1 ? 0 : Math.max(need[arcCol] ?? 0, GAP)) + ARC_ROOM;
  const wide = columns.map((c) => c.some((n) => n.kind === 'topic'));
  const { xs, ws, w } = columnXs(count, need, wide);
  const nodes: NodeBox[] = [];
  for (const n of graph.nodes) {
    const c = col.get(n.id);
    if (c === undefined) continue;
    const h = heightOf(n);
    const y = TOP + (rows.get(n.id) ?? 0) - top;
    const topic = n.kind === 'topic';
    nodes.push({
      ...n,
      x: xs[c]!,
      y,
      w: topic ? ws[c]! : w,
      h,
      lines: wrapLabel(n.label),
      dlq: dlqs.has(n.id),
      ...(topic ? { rows: rowsOf(n), rowH: rowH.get(n.id) } : {}),
    });
  }
  const bottom = Math.max(TOP + NODE_H / 2, ...nodes.map((n) => n.y + n.h / 2));

  // Regions: full height, unless topics and queues share a column (the log above the broker).
  const mixed = columns.some(
    (c) => c.some((n) => inLog(n.kind)) && c.some((n) => inBroker(n.kind)),
  );
  const extent = (pick: (kind: string) => boolean) => {
    const inside = nodes.filter((n) => pick(n.kind));
    return {
      top: Math.min(...inside.map((n) => n.y - n.h / 2)),
      bottom: Math.max(...inside.map((n) => n.y + n.h / 2)),
    };
  };
  const full = { top: 8, bottom: bottom + 14 };
  const brokerSpan = mixed
    ? { top: extent(inBroker).top - BADGE_H - 22, bottom: full.bottom }
    : full;
  const logSpan = mixed ? { top: 8, bottom: extent(inLog).bottom + 12 } : full;
  const { region, badge } = placeBroker(
    scenario,
    nodes,
    graph.nodes.find((n) => n.kind === REGION_KIND),
    (n) => (col.get(n.id) === arcCol ? ARC_ROOM : 12),
    brokerSpan,
    LAYOUT_WIDTH,
  );
  const log = placeLogCluster(nodes, logSpan, LAYOUT_WIDTH);
  // A scenario of services only has no broker to show (nothing goes through one); nor does a
  // scenario of topics only.
  const brokerless =
    region === null && !graph.nodes.some((n) => n.kind === REGION_KIND || n.kind === 'queue');
  if (!brokerless) nodes.push(badge);
  if (log.badge) nodes.push(log.badge);

  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const room = EDGE_ROOM;
  const edges: Edge[] = [];
  const addEdge = (from: string, to: string, field: string, a: Box, b: Box) => {
    const curve = edgeCurve(a, b, bottom, room);
    const arc = Math.abs(a.x - b.x) < 1;
    edges.push({
      ...curve,
      key: edgeKey(from, to),
      from,
      to,
      field,
      label: labels.get(edgeKey(from, to)) ?? [],
      labelAt: edgePoint(curve, arc ? 0.5 : 0.55),
    });
  };
  for (const e of graph.edges) {
    const a = nodeById.get(e.from);
    const b = nodeById.get(e.to);
    if (!a || !b || a.kind === REGION_KIND || b.kind === REGION_KIND) continue;
    // Into a topic: one edge per partition row; out of it to a reader: one per row too.
    if (b.kind === 'topic' && WRITES.has(e.field)) {
      for (let p = 0; p < (b.rows ?? 0); p++)
        addEdge(e.from, portId(b.id, p), e.field, a, portBox(b, p, 'in'));
    } else if (a.kind === 'topic' && e.field === 'from') {
      for (let p = 0; p < (a.rows ?? 0); p++)
        addEdge(portId(a.id, p), e.to, e.field, portBox(a, p, 'out'), b);
    } else addEdge(e.from, e.to, e.field, a, b);
  }
  const loops = edges.some((e) => e.c1[1] > bottom);
  const byPair = edgesByPair(edges);
  return {
    width: LAYOUT_WIDTH,
    height: bottom + 22 + (loops ? 40 : 0),
    nodes,
    nodeById,
    edges,
    edgeByKey: new Map(edges.map((e) => [e.key, e])),
    edgeBetween: (from, to) => byPair.get(from)?.get(to),
    region,
    brokerId: brokerless ? '' : badge.id,
    logRegions: log.regions,
  };
}

/**
 * The log brokers' regions around the topics, one per column of topics (a processor between two
 * topics stays outside), with the cluster's badge on top of the first (none without topics).
 */
function placeLogCluster(nodes: readonly NodeBox[], span: Span, width: number) {
  const topics = nodes.filter((n) => n.kind === 'topic');
  const label = 'log brokers';
  // "log brokers   broker 0 DOWN · 2 of 3 up".
  const need = label.length * 16 * 0.6 + 190;
  const xs = [...new Set(topics.map((n) => n.x))].sort((a, b) => a - b);
  const regions = xs.flatMap((x, i) => {
    const r = regionAround(
      nodes,
      topics.filter((n) => n.x === x),
      i === 0 ? need : 0,
      span,
      width,
    );
    return r ? [r] : [];
  });
  const badge =
    topics.length > 0
      ? badgeBox(
          { id: LOG_CLUSTER_ID, label, kind: LOG_CLUSTER_KIND, node: -1 },
          regions[0] ?? null,
          need,
          width,
        )
      : null;
  return { regions, badge };
}

/** Edges indexed by their two ends (from → to → edge). */
export function edgesByPair(edges: readonly Edge[]): Map<string, Map<string, Edge>> {
  const byPair = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    const inner = byPair.get(e.from) ?? new Map<string, Edge>();
    inner.set(e.to, e);
    byPair.set(e.from, inner);
  }
  return byPair;
}
