/**
 * The shape of each edge: one cubic Bézier, so the SVG path and the dots on the canvas follow
 * exactly the same curve (edgePoint evaluates it). Three cases:
 * - forward (left to right): from the right side of one node to the left side of the other,
 *   control points at the horizontal midpoint (what d3-shape's linkHorizontal draws);
 * - within a column (a queue dead-lettering into a DLQ below it): an arc out of the right sides;
 * - backward (right to left, e.g. into a dead-letter exchange): a loop under both nodes.
 */

export type Point = [number, number];

export interface Curve {
  source: Point;
  c1: Point;
  c2: Point;
  target: Point;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room right of a column, for arcs between its own nodes (and their labels). */
export interface ArcRoom {
  maxBulge: number;
}

export function edgeCurve(a: Box, b: Box, bottomY: number, room: ArcRoom): Curve {
  if (a.x + a.w / 2 < b.x - b.w / 2) {
    const source: Point = [a.x + a.w / 2, a.y];
    const target: Point = [b.x - b.w / 2, b.y];
    const xm = (source[0] + target[0]) / 2;
    return { source, c1: [xm, source[1]], c2: [xm, target[1]], target };
  }
  if (Math.abs(a.x - b.x) < 1) {
    const down = b.y > a.y ? 1 : -1;
    const source: Point = [a.x + a.w / 2, a.y + (down * a.h) / 4];
    const target: Point = [b.x + b.w / 2, b.y - (down * b.h) / 4];
    const bulge = Math.min(room.maxBulge, 28 + 0.2 * Math.abs(target[1] - source[1]));
    return {
      source,
      c1: [source[0] + bulge * 1.33, source[1]],
      c2: [target[0] + bulge * 1.33, target[1]],
      target,
    };
  }
  const source: Point = [a.x, a.y + a.h / 2];
  const target: Point = [b.x, b.y + b.h / 2];
  // The curve's lowest point is (source + target) / 8 + 3/4 of the control points' height:
  // deep enough that it passes under the lowest node, never through it.
  const low = Math.max(bottomY + 30, (bottomY + 16 - (source[1] + target[1]) / 8) / 0.75);
  return { source, c1: [source[0], low], c2: [target[0], low], target };
}

/** The point at fraction t (0..1) along a curve. */
export function edgePoint(e: Curve, t: number): Point {
  const u = 1 - t;
  const b0 = u * u * u;
  const b1 = 3 * u * u * t;
  const b2 = 3 * u * t * t;
  const b3 = t * t * t;
  return [
    b0 * e.source[0] + b1 * e.c1[0] + b2 * e.c2[0] + b3 * e.target[0],
    b0 * e.source[1] + b1 * e.c1[1] + b2 * e.c2[1] + b3 * e.target[1],
  ];
}

/** The SVG path of a curve. */
export function curvePath(e: Curve): string {
  const p = (q: Point) => `${q[0].toFixed(1)},${q[1].toFixed(1)}`;
  return `M${p(e.source)}C${p(e.c1)} ${p(e.c2)} ${p(e.target)}`;
}
