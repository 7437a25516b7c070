/**
 * The layout after the user has dragged nodes: a pure function of the computed layout and an
 * offset per node id (layout units). Edges are recomputed with the same edgeCurve from the moved
 * boxes (a partition row's port moves with its topic), so the SVG paths and the dots on the
 * canvas still share one curve; edge words move with their edge; the broker's and the log
 * brokers' regions keep their padding around whatever is inside them now, and their badges ride
 * on top. Nodes stay inside the picture (clampMove), so a loop under the picture still passes
 * under every node.
 */
import { edgeCurve, edgePoint, type Box, type Point } from './edgeGeometry';
import {
  EDGE_ROOM,
  edgesByPair,
  type Edge,
  type Layout,
  type NodeBox,
  type Region,
} from './layout';
import { LOG_CLUSTER_ID, parsePort, portBox } from './layoutTopics';

/** Offsets by node id, in layout units. */
export type Offsets = Readonly<Record<string, Point>>;

/** Least room kept between a dragged node and the picture's top. */
const TOP_ROOM = 4;

const inBroker = (n: NodeBox) => n.kind === 'exchange' || n.kind === 'queue';

/** The lowest edge of any node: loops under the picture are drawn below it. */
export function bottomOf(layout: Layout): number {
  return Math.max(0, ...layout.nodes.map((n) => n.y + n.h / 2));
}

const isBadge = (layout: Layout, id: string) =>
  (layout.brokerId !== '' && id === layout.brokerId) || id === LOG_CLUSTER_ID;

/**
 * The nodes a drag that starts on `id` moves: a badge moves everything inside its region (the
 * broker's exchanges and queues, the log brokers' topics) and itself (so that it, too, stays in
 * the picture; where it is drawn follows its region), any other node itself.
 */
export function dragGroup(layout: Layout, id: string): string[] {
  if (layout.brokerId !== '' && id === layout.brokerId)
    return [...layout.nodes.filter(inBroker).map((n) => n.id), id];
  if (id === LOG_CLUSTER_ID)
    return [...layout.nodes.filter((n) => n.kind === 'topic').map((n) => n.id), id];
  return layout.nodeById.has(id) ? [id] : [];
}

/**
 * Offsets after moving the nodes `ids` by (dx, dy) from `start`, the move shortened so that every
 * one of them stays inside the picture (between its top and the lowest node of the layout).
 */
export function clampMove(
  layout: Layout,
  start: Offsets,
  ids: readonly string[],
  dx: number,
  dy: number,
): Record<string, Point> {
  const bottom = bottomOf(layout);
  let lo = [-Infinity, -Infinity];
  let hi = [Infinity, Infinity];
  for (const id of ids) {
    const n = layout.nodeById.get(id);
    if (!n) continue;
    const [ox, oy] = start[id] ?? [0, 0];
    const x = n.x + ox;
    const y = n.y + oy;
    lo = [Math.max(lo[0]!, n.w / 2 - x), Math.max(lo[1]!, TOP_ROOM + n.h / 2 - y)];
    hi = [Math.min(hi[0]!, layout.width - n.w / 2 - x), Math.min(hi[1]!, bottom - n.h / 2 - y)];
  }
  // A node already outside (a layout that grew) may not move further out, and is not pulled in.
  const cx = Math.min(Math.max(dx, Math.min(lo[0]!, 0)), Math.max(hi[0]!, 0));
  const cy = Math.min(Math.max(dy, Math.min(lo[1]!, 0)), Math.max(hi[1]!, 0));
  const out: Record<string, Point> = { ...start };
  for (const id of ids) {
    const [ox, oy] = start[id] ?? [0, 0];
    out[id] = [ox + cx, oy + cy];
  }
  return out;
}

/** The same region around the moved nodes, with the padding it had around the unmoved ones. */
function follow(region: Region, before: readonly NodeBox[], after: readonly NodeBox[]): Region {
  if (before.length === 0) return region;
  const extent = (ns: readonly NodeBox[]) => ({
    l: Math.min(...ns.map((n) => n.x - n.w / 2)),
    r: Math.max(...ns.map((n) => n.x + n.w / 2)),
    t: Math.min(...ns.map((n) => n.y - n.h / 2)),
    b: Math.max(...ns.map((n) => n.y + n.h / 2)),
  });
  const a = extent(before);
  const z = extent(after);
  const left = z.l - (a.l - region.x);
  const top = z.t - (a.t - region.y);
  const right = z.r + (region.x + region.w - a.r);
  const bottom = z.b + (region.y + region.h - a.b);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** A badge moved along with its region (same place relative to the region's top middle). */
function badgeOn(badge: NodeBox, before: Region, after: Region): NodeBox {
  const dx = after.x + after.w / 2 - (before.x + before.w / 2);
  const dy = after.y - before.y;
  return dx === 0 && dy === 0 ? badge : { ...badge, x: badge.x + dx, y: badge.y + dy };
}

const moved = (offsets: Offsets, id: string) => {
  const o = offsets[id];
  return o !== undefined && (o[0] !== 0 || o[1] !== 0);
};

/** The layout with every node moved by its offset; the same object when nothing moved. */
export function movedLayout(base: Layout, offsets: Offsets): Layout {
  const moves = (n: NodeBox) => moved(offsets, n.id) && !isBadge(base, n.id);
  if (!base.nodes.some(moves)) return base;
  const shifted = new Map<string, NodeBox>();
  for (const n of base.nodes) {
    const o = offsets[n.id];
    shifted.set(n.id, o && moves(n) ? { ...n, x: n.x + o[0], y: n.y + o[1] } : n);
  }
  const pick = (list: readonly NodeBox[]) => list.map((n) => shifted.get(n.id)!);

  const brokerInside = base.nodes.filter(inBroker);
  const region = base.region ? follow(base.region, brokerInside, pick(brokerInside)) : null;
  const topics = base.nodes.filter((n) => n.kind === 'topic');
  // A log region holds the topics of its column (those inside it before any move).
  const logRegions = base.logRegions.map((r) => {
    const inside = topics.filter((n) => n.x >= r.x && n.x <= r.x + r.w);
    return follow(r, inside, pick(inside));
  });
  if (base.region && region && base.brokerId !== '') {
    const badge = shifted.get(base.brokerId);
    if (badge) shifted.set(base.brokerId, badgeOn(badge, base.region, region));
  }
  const logBadge = shifted.get(LOG_CLUSTER_ID);
  if (logBadge && base.logRegions[0] && logRegions[0])
    shifted.set(LOG_CLUSTER_ID, badgeOn(logBadge, base.logRegions[0], logRegions[0]));

  const nodes = base.nodes.map((n) => shifted.get(n.id)!);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const bottom = bottomOf(base);
  /** The box an edge end attaches to: a node, or a partition row's side of its moved topic. */
  const endBox = (id: string, side: 'in' | 'out'): Box | undefined => {
    const n = nodeById.get(id);
    if (n) return n;
    const port = parsePort(id);
    const topic = port ? nodeById.get(port.topic) : undefined;
    return port && topic ? portBox(topic, port.partition, side) : undefined;
  };
  const owner = (id: string) => parsePort(id)?.topic ?? id;
  const edges: Edge[] = base.edges.map((e) => {
    if (!moved(offsets, owner(e.from)) && !moved(offsets, owner(e.to))) return e;
    const a = endBox(e.from, 'out');
    const b = endBox(e.to, 'in');
    if (!a || !b) return e;
    const curve = edgeCurve(a, b, bottom, EDGE_ROOM);
    const arc = Math.abs(a.x - b.x) < 1;
    return { ...e, ...curve, labelAt: edgePoint(curve, arc ? 0.5 : 0.55) };
  });
  const byPair = edgesByPair(edges);
  return {
    ...base,
    nodes,
    nodeById,
    edges,
    edgeByKey: new Map(edges.map((e) => [e.key, e])),
    edgeBetween: (from, to) => byPair.get(from)?.get(to),
    region,
    logRegions,
  };
}

/** Where a stage reads and writes the dragged layout (the view store, per scenario). */
export interface DraggedLayoutAccess {
  /** The layout before any drag (what offsets are relative to). */
  base(): Layout;
  offsets(): Offsets;
  setOffsets(offsets: Record<string, Point>): void;
}
