/**
 * Where each node and edge goes, as a pure function of the scenario: columns in the order a
 * message travels (layoutColumns.ts), rows that keep neighbours level (layoutRows.ts), and the
 * broker drawn as a region around its exchanges and queues with its badge on top (the implicit
 * broker too, so it can be inspected and crashed, unless the scenario has only services). Sized so that a typical preset is drawn near
 * 1:1 in the stage of a 1280×720 page. The SVG topology and the canvas of moving dots share this
 * layout (and edgePoint), so a dot always travels exactly along the drawn edge.
 */
import type { Scenario } from '../engine';
import { edgeCurve, edgePoint, type Curve, type Point } from './edgeGeometry';
import { readGraph, type GraphNode } from './graph';
import { assignColumns, deadLetterExchanges, orderColumns, REGION_KIND } from './layoutColumns';
import { placeRows } from './layoutRows';
import { BADGE_H, placeBroker } from './layoutBroker';
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
  /** The edge from one node to another, looked up without building a key string (per dot). */
  edgeBetween(from: string, to: string): Edge | undefined;
  /** The broker's area (around exchanges and queues), or null when there is none. */
  region: Region | null;
  /** The broker's badge node, '' when the scenario has no broker part (services only). */
  brokerId: string;
}

export const LAYOUT_WIDTH = 1000;
const NODE_W_MAX = 175;
const NODE_H = 90;
const PITCH = 108;
const GAP = 80;
const OUTER = 12;
const ARC_ROOM = 58;
export const EDGE_LABEL_PX = 13;
const TOP = 8 + BADGE_H + 16 + NODE_H / 2;

export const edgeKey = (from: string, to: string) => `${from}\u2192${to}`;

/** Width of an edge label's longest line, in layout units. */
const labelWidth = (lines: readonly string[]) =>
  Math.max(0, ...lines.map((l) => l.length * EDGE_LABEL_PX * 0.56 + 20));

/** x of each column's centre and the node width, given the room each gap needs. */
function columnXs(count: number, need: readonly number[]): { xs: number[]; w: number } {
  const gaps = Array.from({ length: Math.max(0, count - 1) }, (_, i) =>
    Math.max(GAP, need[i] ?? 0),
  );
  // Room after the last column (arcs out of it), as if it were one more gap.
  const trailing = need[count - 1] ?? 0;
  const gapSum = gaps.reduce((a, b) => a + b, 0) + trailing;
  const w = Math.min(NODE_W_MAX, (LAYOUT_WIDTH - 2 * OUTER - gapSum) / Math.max(1, count));
  const spare = LAYOUT_WIDTH - 2 * OUTER - gapSum - count * w;
  const extra = count > 1 ? Math.min(spare / (count - 1), 220) : 0;
  const used = count * w + gapSum + extra * (count - 1);
  let x = (LAYOUT_WIDTH - used) / 2 + w / 2;
  const xs: number[] = [];
  for (let c = 0; c < count; c++) {
    xs.push(x);
    x += w + (gaps[c] ?? 0) + extra;
  }
  return { xs, w };
}

export function computeLayout(scenario: Scenario): Layout {
  const graph = readGraph(scenario);
  const raw = new Map(scenario.nodes.map((n) => [n.id, n as unknown as Record<string, unknown>]));
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
  orderColumns(columns, graph.edges, (id) =>
    dlqs.has(id) ? 2 : dlx.has(id) || loopsBack.has(id) ? 1 : 0,
  );
  const rows = placeRows(columns, graph.edges, PITCH);
  const top = Math.min(0, ...rows.values());

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
  const { xs, w } = columnXs(count, need);
  const nodes: NodeBox[] = [];
  for (const n of graph.nodes) {
    const c = col.get(n.id);
    if (c === undefined) continue;
    const y = TOP + (rows.get(n.id) ?? 0) - top;
    nodes.push({
      ...n,
      x: xs[c]!,
      y,
      w,
      h: NODE_H,
      lines: wrapLabel(n.label),
      dlq: dlqs.has(n.id),
    });
  }
  const bottom = Math.max(TOP, ...nodes.map((n) => n.y)) + NODE_H / 2;

  const { region, badge } = placeBroker(
    scenario,
    nodes,
    graph.nodes.find((n) => n.kind === REGION_KIND),
    (n) => (col.get(n.id) === arcCol ? ARC_ROOM : 12),
    bottom,
    LAYOUT_WIDTH,
  );
  // A scenario of services only has no broker to show (nothing goes through one).
  const brokerless =
    region === null && !graph.nodes.some((n) => n.kind === REGION_KIND || n.kind === 'queue');
  if (!brokerless) nodes.push(badge);

  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const room = { maxBulge: ARC_ROOM - 6 };
  const edges: Edge[] = [];
  for (const e of graph.edges) {
    const a = nodeById.get(e.from);
    const b = nodeById.get(e.to);
    if (!a || !b || a.kind === REGION_KIND || b.kind === REGION_KIND) continue;
    const curve = edgeCurve(a, b, bottom, room);
    const arc = Math.abs(a.x - b.x) < 1;
    edges.push({
      ...curve,
      key: edgeKey(e.from, e.to),
      from: e.from,
      to: e.to,
      field: e.field,
      label: labels.get(edgeKey(e.from, e.to)) ?? [],
      labelAt: edgePoint(curve, arc ? 0.5 : 0.55),
    });
  }
  const loops = edges.some((e) => e.c1[1] > bottom);
  const byPair = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    const inner = byPair.get(e.from) ?? new Map<string, Edge>();
    inner.set(e.to, e);
    byPair.set(e.from, inner);
  }
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
  };
}
