/**
 * Where each node and edge goes, as a pure function of the scenario: a layered layout, columns by
 * longest path from the producers (graph.ts), rows ordered by the mean row of each node's
 * neighbours so edges rarely cross. Nodes with no edge at all (a broker) get a row of their own
 * under the graph. The SVG topology and the canvas of moving dots share this layout (and
 * edgePoint), so a dot always travels exactly along the drawn edge.
 */
import type { Scenario } from '../engine';
import { rankNodes, readGraph, type GraphEdge, type GraphNode } from './graph';

export interface NodeBox extends GraphNode {
  /** Centre and size, in layout units. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Edge {
  key: string;
  from: string;
  to: string;
  field: string;
  source: [number, number];
  target: [number, number];
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
}

export const LAYOUT_WIDTH = 1000;
const ROW_HEIGHT = 130;
const NODE_W = 230;
const NODE_H = 96;
const MARGIN_X = 140;

export const edgeKey = (from: string, to: string) => `${from}\u2192${to}`;

/** Order each column by the mean row of the node's neighbours in the previous column. */
function orderColumns(columns: GraphNode[][], edges: readonly GraphEdge[]): void {
  const row = new Map<string, number>();
  const place = (col: GraphNode[]) =>
    col.forEach((n, i) => row.set(n.id, i / Math.max(1, col.length)));
  const mean = (id: string, dir: 'in' | 'out') => {
    const near = edges
      .filter((e) => (dir === 'in' ? e.to === id : e.from === id))
      .map((e) => row.get(dir === 'in' ? e.from : e.to))
      .filter((r): r is number => r !== undefined);
    return near.length > 0 ? near.reduce((a, b) => a + b, 0) / near.length : Number.NaN;
  };
  const sortBy = (col: GraphNode[], dir: 'in' | 'out') => {
    const key = new Map(col.map((n) => [n.id, mean(n.id, dir)] as const));
    col.sort((a, b) => (key.get(a.id) || 0) - (key.get(b.id) || 0) || a.node - b.node);
    place(col);
  };
  columns.forEach(place);
  for (let c = 1; c < columns.length; c++) sortBy(columns[c]!, 'in');
  for (let c = columns.length - 2; c >= 0; c--) sortBy(columns[c]!, 'out');
  for (let c = 1; c < columns.length; c++) sortBy(columns[c]!, 'in');
}

export function computeLayout(scenario: Scenario): Layout {
  const { nodes: graphNodes, edges: graphEdges } = readGraph(scenario);
  const rank = rankNodes(graphNodes, graphEdges);
  const linked = new Set(graphEdges.flatMap((e) => [e.from, e.to]));
  const ranks = Math.max(
    1,
    ...graphNodes.filter((n) => linked.has(n.id)).map((n) => (rank.get(n.id) ?? 0) + 1),
  );
  const columns: GraphNode[][] = Array.from({ length: ranks }, () => []);
  const loose: GraphNode[] = [];
  for (const n of graphNodes) {
    if (linked.has(n.id) || graphNodes.length === 1) columns[rank.get(n.id) ?? 0]!.push(n);
    else loose.push(n);
  }
  orderColumns(columns, graphEdges);

  const rows = Math.max(1, ...columns.map((c) => c.length));
  const graphHeight = Math.max(2.6 * ROW_HEIGHT, rows * ROW_HEIGHT);
  const height = graphHeight + (loose.length > 0 ? ROW_HEIGHT : 0);
  const pitchX = ranks > 1 ? (LAYOUT_WIDTH - 2 * MARGIN_X) / (ranks - 1) : 0;
  const w = Math.min(NODE_W, ranks > 1 ? pitchX - 40 : NODE_W);
  const nodes: NodeBox[] = [];
  columns.forEach((col, c) => {
    const x = ranks > 1 ? MARGIN_X + c * pitchX : LAYOUT_WIDTH / 2;
    const pitchY = graphHeight / Math.max(1, col.length);
    col.forEach((n, i) => nodes.push({ ...n, x, y: pitchY * (i + 0.5), w, h: NODE_H }));
  });
  loose.forEach((n, i) => {
    const x = ((i + 0.5) * LAYOUT_WIDTH) / loose.length;
    nodes.push({ ...n, x, y: graphHeight + ROW_HEIGHT / 2, w: NODE_W, h: NODE_H * 0.8 });
  });

  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const edges: Edge[] = [];
  for (const e of graphEdges) {
    const a = nodeById.get(e.from);
    const b = nodeById.get(e.to);
    if (!a || !b) continue;
    const forward = a.x < b.x;
    edges.push({
      key: edgeKey(e.from, e.to),
      from: e.from,
      to: e.to,
      field: e.field,
      source: [a.x + (forward ? a.w / 2 : 0), a.y + (forward ? 0 : a.h / 2)],
      target: [b.x - (forward ? b.w / 2 : 0), b.y + (forward ? 0 : b.h / 2)],
    });
  }
  const byPair = new Map<string, Map<string, Edge>>();
  for (const e of edges) {
    const inner = byPair.get(e.from) ?? new Map<string, Edge>();
    inner.set(e.to, e);
    byPair.set(e.from, inner);
  }
  return {
    width: LAYOUT_WIDTH,
    height,
    nodes,
    nodeById,
    edges,
    edgeByKey: new Map(edges.map((e) => [e.key, e])),
    edgeBetween: (from, to) => byPair.get(from)?.get(to),
  };
}

/**
 * The point at fraction t (0..1) along an edge. Edges are the cubic Bézier that d3-shape's
 * linkHorizontal draws (control points at the horizontal midpoint), evaluated here directly.
 */
export function edgePoint(e: Pick<Edge, 'source' | 'target'>, t: number): [number, number] {
  const [x0, y0] = e.source;
  const [x3, y3] = e.target;
  const xm = (x0 + x3) / 2;
  const u = 1 - t;
  const b0 = u * u * u;
  const b1 = 3 * u * u * t;
  const b2 = 3 * u * t * t;
  const b3 = t * t * t;
  return [b0 * x0 + (b1 + b2) * xm + b3 * x3, (b0 + b1) * y0 + (b2 + b3) * y3];
}
