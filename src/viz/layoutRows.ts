/**
 * Vertical positions in a layered layout. The tallest column is stacked from the top; every
 * other column, working outwards from it, puts each node as close as it can to the mean height
 * of its neighbours already placed, keeping the column's order and a minimum distance between
 * neighbours (the least-squares answer: isotonic regression, pool adjacent violators). So a
 * queue sits level with its consumer, and an exchange between the queues it feeds. Nodes may
 * differ in height (a topic grows with its partitions): the distance between two neighbours in
 * a column is what `gap` says for them.
 */
import type { GraphEdge, GraphNode } from './graph';

/**
 * Positions closest (least squares) to `want` with p[i + 1] − p[i] ≥ gaps[i], order kept.
 * `gaps` may be one number for every pair.
 */
export function spreadKeepingOrder(want: readonly number[], gaps: number | readonly number[]) {
  const gapAt = (i: number) => (typeof gaps === 'number' ? gaps : (gaps[i] ?? 0));
  // Offsets of each position from the first at the minimum distances.
  const offset: number[] = [];
  want.forEach((_, i) => offset.push(i === 0 ? 0 : offset[i - 1]! + gapAt(i - 1)));
  // Shift out the distances, fit a non-decreasing sequence, shift it back.
  const shifted = want.map((w, i) => w - offset[i]!);
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
  for (const b of blocks) for (let k = 0; k < b.n; k++) out.push(b.sum / b.n + offset[out.length]!);
  return out;
}

/**
 * y of every node's centre (the top of the tallest column at 0 − its first node's half
 * height), from ordered columns. `gap(a, b)` is the least distance between the centres of two
 * neighbours of a column, a above b.
 */
export function placeRows(
  columns: readonly GraphNode[][],
  edges: readonly GraphEdge[],
  gap: number | ((a: GraphNode, b: GraphNode) => number),
): Map<string, number> {
  const y = new Map<string, number>();
  if (columns.length === 0) return y;
  const gapOf = (a: GraphNode, b: GraphNode) => (typeof gap === 'number' ? gap : gap(a, b));
  const gapsOf = (col: readonly GraphNode[]) => col.slice(1).map((n, i) => gapOf(col[i]!, n));
  const span = (col: readonly GraphNode[]) => gapsOf(col).reduce((a, b) => a + b, 0);
  let anchor = 0;
  columns.forEach((col, c) => {
    const a = columns[anchor]!;
    if (span(col) > span(a) || (span(col) === span(a) && col.length > a.length)) anchor = c;
  });
  let at = 0;
  columns[anchor]!.forEach((n, i) => {
    if (i > 0) at += gapOf(columns[anchor]![i - 1]!, n);
    y.set(n.id, at);
  });
  const centre = at / 2;

  const placeColumn = (col: readonly GraphNode[]) => {
    const gaps = gapsOf(col);
    const half = gaps.reduce((a, b) => a + b, 0) / 2;
    let stacked = 0;
    const want = col.map((n, i) => {
      if (i > 0) stacked += gaps[i - 1]!;
      const near = edges
        .filter((e) => e.from === n.id || e.to === n.id)
        .map((e) => y.get(e.from === n.id ? e.to : e.from))
        .filter((v): v is number => v !== undefined);
      if (near.length > 0) return near.reduce((a, b) => a + b, 0) / near.length;
      // No placed neighbour: centred as a block.
      return centre - half + stacked;
    });
    spreadKeepingOrder(want, gaps).forEach((v, i) => y.set(col[i]!.id, v));
  };
  for (let c = anchor + 1; c < columns.length; c++) placeColumn(columns[c]!);
  for (let c = anchor - 1; c >= 0; c--) placeColumn(columns[c]!);
  return y;
}
