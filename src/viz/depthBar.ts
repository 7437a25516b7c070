/**
 * A queue's depth bar: its length is the ready count on a scale shared by all queues; on a
 * priority queue it is split into bands by priority, highest first (the head of the queue is on
 * the left: those leave first), coloured from pale (low) to deep red (high).
 */
import { setAttrIfChanged } from './domText';
import { palette } from './palette';

/** Band of a priority level: 0 is the band of the highest levels. */
export const bandOf = (level: number, levels: number, bands: number): number =>
  Math.min(bands - 1, Math.floor(((levels - 1 - level) * bands) / levels));

/** `#rrggbb` colours mixed in RGB, as d3-interpolate's interpolateRgb does (gamma 1). */
export function mixHex(from: string, to: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const rgb = [0, 1, 2].map((i) =>
    Math.round(channel(from, i) + (channel(to, i) - channel(from, i)) * t),
  );
  return `rgb(${rgb.join(', ')})`;
}

/**
 * Fill colour of band `b` of `bands` (band 0 = highest priority). A two-colour mix needs no
 * d3-scale, which would bring d3-interpolate, d3-color and d3-format into the initial
 * JavaScript (the charts, which load later, use it).
 */
export function bandColor(b: number, bands: number): string {
  const { priorityLow, priorityHigh } = palette();
  return bands > 1 ? mixHex(priorityLow, priorityHigh, (bands - 1 - b) / (bands - 1)) : priorityLow;
}

/**
 * Set the band widths of one bar. `byLevel` holds the ready count per priority level (index =
 * priority), or null for a plain queue.
 */
export function drawDepthBar(
  bands: readonly SVGRectElement[],
  x0: number,
  widthPx: number,
  depth: number,
  byLevel: readonly number[] | null,
): void {
  if (bands.length <= 1 || !byLevel || depth <= 0) {
    bands.forEach((r, i) => {
      setAttrIfChanged(r, 'x', String(x0));
      setAttrIfChanged(r, 'width', i === 0 ? widthPx.toFixed(1) : '0');
    });
    return;
  }
  const counts = new Array<number>(bands.length).fill(0);
  byLevel.forEach((n, level) => (counts[bandOf(level, byLevel.length, bands.length)]! += n));
  let x = x0;
  bands.forEach((r, b) => {
    const w = (widthPx * counts[b]!) / depth;
    setAttrIfChanged(r, 'x', x.toFixed(1));
    setAttrIfChanged(r, 'width', w.toFixed(1));
    x += w;
  });
}
