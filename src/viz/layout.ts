/**
 * Where each node and edge goes, as a pure function of the scenario: producers left, queues in
 * the middle, consumers right. The SVG topology and the canvas of moving dots share this layout
 * (and edgePoint), so a dot always travels exactly along the drawn edge.
 */
import type { Scenario } from '../engine';

export type NodeKind = 'producer' | 'queue' | 'consumer';

export interface NodeBox {
  id: string;
  label: string;
  kind: NodeKind;
  /** Index in scenario.nodes (and so in SimState.nodeIds). */
  node: number;
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
  source: [number, number];
  target: [number, number];
}

export interface Layout {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: Edge[];
  edgeByKey: Map<string, Edge>;
}

export const LAYOUT_WIDTH = 1000;
const ROW_HEIGHT = 130;
const NODE_W = 230;
const NODE_H = 96;
const COLUMN_X: Record<NodeKind, number> = { producer: 140, queue: 500, consumer: 860 };

export const edgeKey = (from: string, to: string) => `${from}\u2192${to}`;

export function computeLayout(scenario: Scenario): Layout {
  const columns: Record<NodeKind, { id: string; label: string; node: number; order: number }[]> = {
    producer: [],
    queue: [],
    consumer: [],
  };
  const queueOrder = new Map<string, number>();
  for (const n of scenario.nodes) if (n.kind === 'queue') queueOrder.set(n.id, queueOrder.size);
  // Producers and consumers sit next to their queue's row, which keeps edges from crossing.
  scenario.nodes.forEach((n, node) => {
    const label = n.label ?? n.id;
    const order =
      n.kind === 'producer'
        ? (queueOrder.get(n.to) ?? 0)
        : n.kind === 'consumer'
          ? (queueOrder.get(n.from) ?? 0)
          : 0;
    columns[n.kind].push({ id: n.id, label, node, order });
  });
  columns.producer.sort((a, b) => a.order - b.order || a.node - b.node);
  columns.consumer.sort((a, b) => a.order - b.order || a.node - b.node);

  const rows = Math.max(1, columns.producer.length, columns.queue.length, columns.consumer.length);
  const height = Math.max(2.6 * ROW_HEIGHT, rows * ROW_HEIGHT);
  const nodes: NodeBox[] = [];
  for (const kind of ['producer', 'queue', 'consumer'] as const) {
    const col = columns[kind];
    const pitch = height / Math.max(1, col.length);
    col.forEach((c, i) => {
      nodes.push({ ...c, kind, x: COLUMN_X[kind], y: pitch * (i + 0.5), w: NODE_W, h: NODE_H });
    });
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: Edge[] = [];
  const link = (from: string, to: string) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b) return;
    edges.push({
      key: edgeKey(from, to),
      from,
      to,
      source: [a.x + a.w / 2, a.y],
      target: [b.x - b.w / 2, b.y],
    });
  };
  for (const n of scenario.nodes) {
    if (n.kind === 'producer') link(n.id, n.to);
    else if (n.kind === 'consumer') link(n.from, n.id);
  }
  return {
    width: LAYOUT_WIDTH,
    height,
    nodes,
    edges,
    edgeByKey: new Map(edges.map((e) => [e.key, e])),
  };
}

/**
 * The point at fraction t (0..1) along an edge. Edges are the cubic Bézier that d3-shape's
 * linkHorizontal draws (control points at the horizontal midpoint), evaluated here directly.
 */
export function edgePoint(e: Edge, t: number): [number, number] {
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
