/**
 * The broker in the layout: a region around its exchanges and queues, and its badge (a node the
 * user can click) along the region's top. The region widens, between the columns around it, so
 * the badge's words fit; the implicit broker of a scenario without one gets a badge too.
 */
import type { Scenario } from '../engine';
import type { GraphNode } from './graph';
import type { NodeBox, Region } from './layout';
import { brokerId } from './scenarioFacts';

export const BADGE_H = 30;
const PAD = 12;

/** Width the badge needs for its name and its longest status line. */
function badgeWidth(label: string, broker: Readonly<Record<string, unknown>> | undefined) {
  let status = 14; // "up · 2 crashes"
  if (typeof broker?.memoryHighWatermark === 'number') status += 22; // " · ALARM (1234 held)"
  if (typeof broker?.persistIntervalMs === 'number' && broker.persistIntervalMs > 0) status += 16;
  return label.length * 16 * 0.6 + status * 15 * 0.56 + 40;
}

/** The vertical extent of a region: its top (where its badge goes) and bottom. */
export interface Span {
  top: number;
  bottom: number;
}

/**
 * A region around `inside` (with `rightRoom` after each), widened for a badge `need` units wide
 * as far as the nodes outside it allow, over `span`; null when nothing is inside.
 */
export function regionAround(
  nodes: readonly NodeBox[],
  inside: readonly NodeBox[],
  need: number,
  span: Span,
  width: number,
  rightRoom: (n: NodeBox) => number = () => PAD,
): Region | null {
  if (inside.length === 0) return null;
  let left = Math.min(...inside.map((n) => n.x - n.w / 2)) - PAD;
  let right = Math.max(...inside.map((n) => n.x + n.w / 2 + rightRoom(n)));
  const outside = nodes.filter((n) => !inside.includes(n));
  const leftLimit = Math.max(
    PAD,
    ...outside.filter((n) => n.x < left).map((n) => n.x + n.w / 2 + PAD),
  );
  const rightLimit = Math.min(
    width - PAD,
    ...outside.filter((n) => n.x > right).map((n) => n.x - n.w / 2 - PAD),
  );
  const grow = Math.max(0, need + 16 - (right - left)) / 2;
  left = Math.max(leftLimit, left - grow);
  right = Math.min(rightLimit, right + grow);
  return { x: left, y: span.top, w: right - left, h: span.bottom - span.top };
}

/** A badge along the top of its region (or at the top left without one). */
export function badgeBox(
  node: GraphNode,
  region: Region | null,
  need: number,
  width: number,
): NodeBox {
  const w = region ? region.w - 16 : Math.min(need, width - 2 * PAD);
  return {
    ...node,
    x: region ? region.x + region.w / 2 : PAD + w / 2,
    y: (region?.y ?? 8) + 6 + BADGE_H / 2,
    w,
    h: BADGE_H,
    lines: [node.label],
    dlq: false,
  };
}

export function placeBroker(
  scenario: Scenario,
  nodes: readonly NodeBox[],
  bNode: GraphNode | undefined,
  rightRoom: (n: NodeBox) => number,
  span: Span,
  width: number,
): { region: Region | null; badge: NodeBox } {
  const id = brokerId(scenario);
  const label = bNode?.label ?? `${id} (implicit)`;
  const raw = scenario.nodes.find((n) => n.id === id) as Record<string, unknown> | undefined;
  const need = badgeWidth(label, raw);
  const inside = nodes.filter((n) => n.kind === 'exchange' || n.kind === 'queue');
  const region = regionAround(nodes, inside, need, span, width, rightRoom);
  const badge = badgeBox(bNode ?? { id, label, kind: 'broker', node: -1 }, region, need, width);
  return { region, badge };
}
