/**
 * Hover read-out for a time chart: a vertical line at the pointer and the value of every line
 * there (the nearest point in time), as SVG text. Redrawn on pointer moves and on data updates,
 * so values stay true while the run plays under a still pointer.
 */
import type { Selection } from 'd3-selection';
import type { ScaleLinear } from 'd3-scale';
import type { ChartData, Point } from '../store/chartData';
import { palette, seriesColor } from './palette';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The point nearest to time `t` (points are sorted by time), or null. */
export function nearest(points: readonly Point[], t: number): Point | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] < t) lo = mid + 1;
    else hi = mid;
  }
  const a = points[Math.max(0, lo - 1)]!;
  const b = points[lo]!;
  return Math.abs(a[0] - t) <= Math.abs(b[0] - t) ? a : b;
}

export interface ChartHover {
  /** Show values at time t (seconds), or hide with null. */
  show(t: number | null): void;
  /** New data or scales: redraw at the same time if shown. */
  refresh(data: ChartData, x: ScaleLinear<number, number>, top: number, bottom: number): void;
}

export function createChartHover(group: G, formatY: (v: number) => string): ChartHover {
  const rule = group.append('line').attr('class', 'chart-hover-rule');
  const box = group.append('rect').attr('class', 'chart-hover-box').attr('rx', 6);
  const texts = group.append('g').attr('class', 'chart-hover-text');
  let data: ChartData | null = null;
  let x: ScaleLinear<number, number> | null = null;
  let top = 0;
  let bottom = 0;
  let at: number | null = null;

  const draw = () => {
    group.attr('display', at === null || !data || !x ? 'none' : null);
    if (at === null || !data || !x) return;
    const rows: { text: string; color: string }[] = [];
    let snapped = at;
    data.lines.forEach((line, i) => {
      const p = nearest([...line.solid, ...line.ghost], at!);
      if (!p) return;
      if (i === 0) snapped = p[0];
      rows.push({
        text: `${line.label}: ${p[1] === null ? '–' : formatY(p[1])}`,
        color: seriesColor(line.color),
      });
    });
    rows.unshift({ text: `${snapped.toFixed(2)} s`, color: palette().ink });
    const px = x(snapped);
    rule.attr('x1', px).attr('x2', px).attr('y1', top).attr('y2', bottom);
    const right = px > (x.range()[1]! + x.range()[0]!) / 2;
    const tx = right ? px - 10 : px + 10;
    texts
      .selectAll('text')
      .data(rows)
      .join('text')
      .attr('x', tx)
      .attr('y', (_r, i) => top + 18 + i * 20)
      .attr('text-anchor', right ? 'end' : 'start')
      .attr('fill', (r) => r.color)
      .text((r) => r.text);
    const width = Math.max(...rows.map((r) => r.text.length)) * 9 + 12;
    box
      .attr('x', right ? tx - width + 6 : tx - 6)
      .attr('y', top + 2)
      .attr('width', width)
      .attr('height', rows.length * 20 + 8);
  };

  return {
    show(t) {
      at = t;
      draw();
    },
    refresh(next, scale, t, b) {
      data = next;
      x = scale;
      top = t;
      bottom = b;
      draw();
    },
  };
}
