/**
 * Vertical positions in a layered layout. The fullest column is spaced evenly; every other
 * column, working outwards from it, puts each node as close as it can to the mean height of its
 * neighbours already placed, keeping the column's order and a minimum pitch (the least-squares
 * answer: isotonic regression, pool adjacent violators). So a queue sits level with its
 * consumer, and an exchange between the queues it feeds.
 */
import type { GraphEdge, GraphNode } from './graph';

/** Positions closest (least squares) to `want` with p[i + 1] − p[i] ≥ pitch, order kept. */
export function spreadKeepingOrder(want: readonly number[], pitch: number): number[] {
  // Shift out the pitch, fit a non-decreasing sequence, shift it back.
  const shifted = want.map((w, i) => w - i * pitch);
  const blocks: { sum: number; n: number }[] = [];
  for (const v of shifted) {
    blocks.push({ sum: v, n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.n <= b.sum / b.n) break;
      a.sum += b.sum;
      a.n += b.n;
      blocks.pop();
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.n; k++) out.push(b.sum / b.n + out.length * pitch);
  return out;
}

/** y of every node (0 = the top row's centre), from ordered columns. */
export function placeRows(
  columns: readonly GraphNode[][],
  edges: readonly GraphEdge[],
  pitch: number,
): Map<string, number> {
  const y = new Map<string, number>();
  if (columns.length === 0) return y;
  let anchor = 0;
  columns.forEach((col, c) => {
    if (col.length > columns[anchor]!.length) anchor = c;
  });
  columns[anchor]!.forEach((n, i) => y.set(n.id, i * pitch));
  const centre = ((columns[anchor]!.length - 1) * pitch) / 2;

  const placeColumn = (col: readonly GraphNode[]) => {
    const want = col.map((n, i) => {
      const near = edges
        .filter((e) => e.from === n.id || e.to === n.id)
        .map((e) => y.get(e.from === n.id ? e.to : e.from))
        .filter((v): v is number => v !== undefined);
      if (near.length > 0) return near.reduce((a, b) => a + b, 0) / near.length;
      // No placed neighbour: centred as a block.
      return centre + (i - (col.length - 1) / 2) * pitch;
    });
    spreadKeepingOrder(want, pitch).forEach((v, i) => y.set(col[i]!.id, v));
  };
  for (let c = anchor + 1; c < columns.length; c++) placeColumn(columns[c]!);
  for (let c = anchor - 1; c >= 0; c--) placeColumn(columns[c]!);
  return y;
}
