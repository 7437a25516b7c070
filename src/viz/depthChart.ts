/**
 * Queue depth over time: one line per queue, from the engine's bounded depth series (a
 * time-weighted mean per bucket, so short spikes are averaged, never missed). Axes are drawn
 * with d3-scale ticks; the chart is redrawn when the store publishes, not every frame. The
 * viewBox follows the element's size, so text keeps its CSS size whatever the panel's shape.
 */
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { seriesPoints } from '../engine';
import type { Frame } from '../store/frame';

export interface DepthChartOptions {
  /** Queues to draw, as [node id, display label]. */
  queues: readonly { id: string; label: string }[];
  title: string;
}

export interface DepthChartView {
  update(frame: Frame): void;
  destroy(): void;
}

export const SERIES_COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2'];

const M = { top: 14, right: 20, bottom: 40, left: 56 };

type Point = [number, number];

export function mountDepthChart(element: HTMLElement, options: DepthChartOptions): DepthChartView {
  let W = 640;
  let H = 240;
  let last: Frame | null = null;
  const svg = select(element)
    .append('svg')
    .attr('class', 'chart-svg')
    .attr('role', 'img')
    .attr('aria-label', options.title);
  svg.append('title').text(options.title);
  const xAxis = svg.append('g').attr('class', 'axis axis--x');
  const yAxis = svg.append('g').attr('class', 'axis axis--y');
  const xTitle = svg.append('text').attr('class', 'axis-title').text('simulated time (s)');
  const paths = svg
    .append('g')
    .attr('class', 'lines')
    .selectAll('path')
    .data(options.queues)
    .join('path')
    .attr('class', 'depth-line')
    .attr('stroke', (_q, i) => SERIES_COLORS[i % SERIES_COLORS.length] ?? '#000');

  const x = scaleLinear();
  const y = scaleLinear();
  const draw = line<Point>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));

  const resize = () => {
    W = Math.max(200, element.clientWidth);
    H = Math.max(120, element.clientHeight);
    svg.attr('viewBox', `0 0 ${W} ${H}`);
    x.range([M.left, W - M.right]);
    y.range([H - M.bottom, M.top]);
    xTitle.attr('x', W - M.right).attr('y', H - 4);
    if (last) update(last);
  };
  const observer = new ResizeObserver(resize);
  observer.observe(element);

  function update(frame: Frame) {
    last = frame;
    const { sim } = frame;
    const nowUs = sim.nowUs;
    let yMax = 1;
    const lines: Point[][] = options.queues.map(({ id }) => {
      const q = sim.queues[sim.nodeIndex[sim.nodeIds.indexOf(id)] ?? -1];
      if (!q) return [];
      const { periodUs, values } = seriesPoints(q.stats.depthSeries, nowUs);
      // Start at the origin, then one point at the end of each bucket (the last one is partial).
      const pts: Point[] = [[0, 0]];
      values.forEach((v, i) => {
        pts.push([Math.min((i + 1) * periodUs, nowUs) / 1e6, v]);
        yMax = Math.max(yMax, v);
      });
      return pts;
    });
    x.domain([0, Math.max(nowUs / 1e6, 1)]);
    y.domain([0, yMax]).nice(4);
    paths.attr('d', (_q, i) => draw(lines[i] ?? []) ?? '');

    const xTicks = Math.max(2, Math.floor(W / 90));
    xAxis
      .selectAll('text')
      .data(x.ticks(xTicks))
      .join('text')
      .attr('x', (t) => x(t))
      .attr('y', H - M.bottom + 22)
      .text(x.tickFormat(xTicks));
    yAxis
      .selectAll('line')
      .data(y.ticks(4))
      .join('line')
      .attr('x1', M.left)
      .attr('x2', W - M.right)
      .attr('y1', (t) => y(t))
      .attr('y2', (t) => y(t));
    yAxis
      .selectAll('text')
      .data(y.ticks(4))
      .join('text')
      .attr('x', M.left - 8)
      .attr('y', (t) => y(t) + 6)
      .text(y.tickFormat(4));
  }

  resize();
  return {
    update,
    destroy() {
      observer.disconnect();
      last = null;
      svg.remove();
    },
  };
}
