/**
 * A queue's depth bar: its length is the ready count on a scale shared by all queues; on a
 * priority queue it is split into bands by priority, highest first (the head of the queue is on
 * the left: those leave first), coloured from pale (low) to deep red (high).
 */
import { scaleLinear } from 'd3-scale';
import { setAttrIfChanged } from './domText';
import { PRIORITY_HIGH, PRIORITY_LOW } from './palette';

/** Band of a priority level: 0 is the band of the highest levels. */
export const bandOf = (level: number, levels: number, bands: number): number =>
  Math.min(bands - 1, Math.floor(((levels - 1 - level) * bands) / levels));

/** Fill colour of band `b` of `bands` (band 0 = highest priority). */
export function bandColor(b: number, bands: number): string {
  const scale = scaleLinear<string>()
    .domain([bands - 1, 0])
    .range([PRIORITY_LOW, PRIORITY_HIGH]);
  return bands > 1 ? scale(b) : PRIORITY_LOW;
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
