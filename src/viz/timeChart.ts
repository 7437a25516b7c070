/**
 * A time chart over simulated seconds: one line per series, solid up to the current time and
 * faint after it (the explored future of this run branch), a cursor at the current time, and a
 * hover read-out. Drawn with d3-scale and d3-shape into an SVG it owns; update() runs when the
 * store publishes (≈10 Hz), setCursor() may run every frame. The viewBox follows the element's
 * size, so text keeps its CSS size whatever the panel's shape.
 */
import { scaleLinear } from 'd3-scale';
import { pointer, select } from 'd3-selection';
import { line } from 'd3-shape';
import type { ChartData, ChartLine, Point } from '../store/chartData';
import { createChartHover } from './chartHover';
import { labelled, lastPoint, placeLabels, type LineEnd } from './chartLabels';
import { DASH_ARRAY, palette, seriesColor } from './palette';
import { setAttrIfChanged } from './domText';

export interface TimeChartOptions {
  title: string;
  /** Unit shown on the y axis. */
  yLabel: string;
  formatY(v: number): string;
}

export interface TimeChartView {
  update(data: ChartData): void;
  /** Move the cursor to this simulated time (seconds) without redrawing the data. */
  setCursor(s: number): void;
  /** Emphasise one series (the others fade), or none; kept across updates. */
  highlight(seriesId: string | null): void;
  destroy(): void;
}

const M = { top: 14, right: 18, bottom: 36, left: 58 };

export function mountTimeChart(element: HTMLElement, options: TimeChartOptions): TimeChartView {
  let W = 480;
  let H = 200;
  let last: ChartData | null = null;
  let highlighted: string | null = null;
  const svg = select(element)
    .append('svg')
    .attr('class', 'chart-svg')
    .attr('role', 'img')
    .attr('aria-label', options.title);
  svg.append('title').text(options.title);
  const xAxis = svg.append('g').attr('class', 'axis axis--x');
  const yAxis = svg.append('g').attr('class', 'axis axis--y');
  const xTitle = svg.append('text').attr('class', 'axis-title').text('simulated time (s)');
  const yTitle = svg.append('text').attr('class', 'axis-title axis-title--y').text(options.yLabel);
  const linesG = svg.append('g').attr('class', 'lines');
  const endLabels = svg.append('g').attr('class', 'line-labels').attr('aria-hidden', 'true');
  const cursor = svg.append('line').attr('class', 'chart-cursor');
  const hover = createChartHover(svg.append('g').attr('class', 'chart-hover'), options.formatY);
  const overlay = svg.append('rect').attr('class', 'chart-overlay');

  const x = scaleLinear();
  const y = scaleLinear();
  const draw = line<Point>()
    .defined((p) => p[1] !== null)
    .x((p) => x(p[0]))
    .y((p) => y(p[1] ?? 0));

  overlay
    .on('pointermove', (e: PointerEvent) => hover.show(x.invert(pointer(e)[0])))
    .on('pointerleave', () => hover.show(null));

  const resize = () => {
    W = Math.max(200, element.clientWidth);
    H = Math.max(120, element.clientHeight);
    svg.attr('viewBox', `0 0 ${W} ${H}`);
    x.range([M.left, W - M.right]);
    y.range([H - M.bottom, M.top]);
    xTitle.attr('x', W - M.right).attr('y', H - 2);
    yTitle.attr('x', M.left - 6).attr('y', M.top - 2);
    overlay
      .attr('x', M.left)
      .attr('y', M.top)
      .attr('width', W - M.left - M.right)
      .attr('height', H - M.top - M.bottom);
    if (last) update(last);
  };
  const observer = new ResizeObserver(resize);
  observer.observe(element);

  function drawAxes() {
    const xTicks = Math.max(2, Math.floor(W / 110));
    xAxis
      .selectAll('text')
      .data(x.ticks(xTicks))
      .join('text')
      .attr('x', (t) => x(t))
      .attr('y', H - M.bottom + 20)
      .text(x.tickFormat(xTicks));
    const yTicks = y.ticks(4);
    yAxis
      .selectAll('line')
      .data(yTicks)
      .join('line')
      .attr('x1', M.left)
      .attr('x2', W - M.right)
      .attr('y1', (t) => y(t))
      .attr('y2', (t) => y(t));
    yAxis
      .selectAll('text')
      .data(yTicks)
      .join('text')
      .attr('x', M.left - 8)
      .attr('y', (t) => y(t) + 5)
      .text(y.tickFormat(4));
  }

  function setCursor(s: number) {
    const [lo, hi] = x.range() as [number, number];
    const px = String(Math.max(lo, Math.min(hi, x(s))));
    const node = cursor.node();
    setAttrIfChanged(node, 'x1', px);
    setAttrIfChanged(node, 'x2', px);
  }

  /** Each line's name at its end, in its colour (issue 7: colour alone must not tell). */
  function drawLineLabels(lines: readonly ChartLine[]) {
    const ends: LineEnd[] = [];
    for (const l of labelled(lines)) {
      const p = lastPoint(l.solid);
      if (p) ends.push({ id: l.id, label: l.label, color: l.color, x: x(p[0]), y: y(p[1]) - 6 });
    }
    endLabels
      .selectAll('text')
      .data(placeLabels(ends, 15, M.top + 10, H - M.bottom - 4), (e) => (e as LineEnd).id)
      .join('text')
      .attr('class', 'line-label')
      .attr('x', (e) => Math.max(M.left + 4, e.x - 4))
      .attr('y', (e) => e.labelY)
      .attr('fill', (e) => seriesColor(e.color))
      .attr('stroke', palette().halo)
      .text((e) => e.label);
  }

  function update(data: ChartData) {
    last = data;
    let yMax = 1;
    for (const l of data.lines)
      for (const p of [...l.solid, ...l.ghost]) if (p[1] !== null && p[1] > yMax) yMax = p[1];
    x.domain([0, Math.max(data.xMaxS, 1)]);
    y.domain([0, yMax]).nice(4);
    const groups = linesG
      .selectAll<SVGGElement, ChartLine>('g')
      .data(data.lines, (l) => l.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'series');
        g.append('path').attr('class', 'series-line');
        g.append('path').attr('class', 'series-line series-line--ghost');
        return g;
      })
      .attr('data-series', (l) => l.id)
      .attr('stroke', (l) => seriesColor(l.color))
      .attr('stroke-dasharray', (l) => DASH_ARRAY[l.dash]);
    applyHighlight();
    groups.select('.series-line:not(.series-line--ghost)').attr('d', (l) => draw(l.solid) ?? '');
    groups.select('.series-line--ghost').attr('d', (l) => draw(l.ghost) ?? '');
    drawLineLabels(data.lines);
    drawAxes();
    cursor.attr('y1', M.top).attr('y2', H - M.bottom);
    setCursor(data.cursorS);
    hover.refresh(data, x, M.top, H - M.bottom);
  }

  function applyHighlight() {
    const on = highlighted;
    linesG
      .selectAll<SVGGElement, ChartLine>('g.series')
      .classed('series--highlight', (l) => on !== null && l.id === on)
      .classed('series--dim', (l) => on !== null && l.id !== on);
  }

  resize();
  return {
    update,
    setCursor,
    highlight(seriesId) {
      highlighted = seriesId;
      applyHighlight();
    },
    destroy() {
      observer.disconnect();
      last = null;
      svg.remove();
    },
  };
}
