/**
 * Direct labels on chart lines (issue 7): with two lines of the same pattern only their colour
 * told them apart, so each line's name is written at its end, in its colour. Labels that would
 * overlap are pushed apart vertically, keeping their order.
 */
import type { ChartLine, Point } from '../store/chartPoints';

export interface LineEnd {
  id: string;
  label: string;
  color: number;
  /** Where the line ends on screen (px). */
  x: number;
  y: number;
}

/** The last point of a line that has a value, or null. */
export function lastPoint(points: readonly Point[]): [number, number] | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (p[1] !== null) return [p[0], p[1]];
  }
  return null;
}

/**
 * Label positions: at each line's end, then spread so that two labels are at least `gapPx`
 * apart and stay within [top, bottom].
 */
export function placeLabels(ends: readonly LineEnd[], gapPx: number, top: number, bottom: number) {
  const placed = [...ends].sort((a, b) => a.y - b.y).map((e) => ({ ...e, labelY: e.y }));
  for (let i = 0; i < placed.length; i++) {
    const min = i === 0 ? top : placed[i - 1]!.labelY + gapPx;
    placed[i]!.labelY = Math.max(placed[i]!.labelY, min);
  }
  // Pushed past the bottom: pull back up from the end.
  for (let i = placed.length - 1; i >= 0; i--) {
    const max = i === placed.length - 1 ? bottom : placed[i + 1]!.labelY - gapPx;
    placed[i]!.labelY = Math.min(placed[i]!.labelY, max);
  }
  return placed;
}

/** Lines worth labelling: only when there are several (one line has its chart's title). */
export const labelled = (lines: readonly ChartLine[]): readonly ChartLine[] =>
  lines.length > 1 ? lines : [];
