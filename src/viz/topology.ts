/**
 * The topology in SVG: nodes, edges and live numbers on the nodes (queue depth bar and count,
 * consumer busy workers and unacked messages). Built once per layout; update() only touches
 * attributes and text that changed, so it can run every animation frame.
 */
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { linkHorizontal } from 'd3-shape';
import type { Frame } from '../store/frame';
import type { Edge, Layout, NodeBox } from './layout';
import { setAttrIfChanged, setTextIfChanged } from './domText';

export interface TopologyOptions {
  layout: Layout;
  /** Accessible name of the picture. */
  title: string;
}

export interface TopologyView {
  update(frame: Frame): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const BAR_W = 190;
const BAR_H = 14;

type NodeSel = Selection<SVGGElement, NodeBox, SVGGElement, unknown>;

export function mountTopology(element: HTMLElement, options: TopologyOptions): TopologyView {
  const { layout } = options;
  const svg = select(element)
    .append('svg')
    .attr('xmlns', SVG_NS)
    .attr('class', 'topology-svg')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('role', 'img')
    .attr('aria-label', options.title);
  svg.append('title').text(options.title);

  const link = linkHorizontal<Edge, [number, number]>()
    .source((e) => e.source)
    .target((e) => e.target);
  svg
    .append('g')
    .attr('class', 'edges')
    .selectAll('path')
    .data(layout.edges)
    .join('path')
    .attr('class', 'edge')
    .attr('d', (e) => link(e));

  const nodes: NodeSel = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, NodeBox>('g')
    .data(layout.nodes)
    .join('g')
    .attr('class', (n) => `node node--${n.kind}`)
    .attr('data-node-id', (n) => n.id)
    .attr('transform', (n) => `translate(${n.x - n.w / 2},${n.y - n.h / 2})`);

  nodes
    .append('rect')
    .attr('class', 'node-box')
    .attr('width', (n) => n.w)
    .attr('height', (n) => n.h)
    .attr('rx', 10);
  nodes
    .append('text')
    .attr('class', 'node-label')
    .attr('x', (n) => n.w / 2)
    .attr('y', 32)
    .text((n) => n.label);
  nodes
    .append('text')
    .attr('class', 'node-stat')
    .attr('x', (n) => n.w / 2)
    .attr('y', (n) => (n.kind === 'queue' ? 84 : 64));
  nodes
    .filter((n) => n.kind === 'consumer')
    .append('text')
    .attr('class', 'node-stat node-stat--second')
    .attr('x', (n) => n.w / 2)
    .attr('y', 86);

  const queues = nodes.filter((n) => n.kind === 'queue');
  const barX = (n: NodeBox) => (n.w - BAR_W) / 2;
  queues
    .append('rect')
    .attr('class', 'depth-track')
    .attr('x', barX)
    .attr('y', 46)
    .attr('width', BAR_W)
    .attr('height', BAR_H);
  queues
    .append('rect')
    .attr('class', 'depth-fill')
    .attr('x', barX)
    .attr('y', 46)
    .attr('width', 0)
    .attr('height', BAR_H);

  const depthScale = scaleLinear().range([0, BAR_W]).clamp(true);

  function update(frame: Frame) {
    const { sim } = frame;
    // One scale for all queues, so bars compare; it grows with the deepest queue so far.
    let deepest = 10;
    for (const q of sim.queues) deepest = Math.max(deepest, q.stats.depthMax);
    depthScale.domain([0, deepest]);

    nodes.each(function (n) {
      const index = sim.nodeIndex[n.node];
      if (index === undefined) return;
      const stat = this.querySelector('.node-stat');
      if (n.kind === 'producer') {
        const p = sim.producers[index];
        if (p)
          setTextIfChanged(stat, p.paused ? `paused · ${p.published} sent` : `${p.published} sent`);
      } else if (n.kind === 'queue') {
        const q = sim.queues[index];
        if (!q) return;
        setTextIfChanged(stat, `${q.ready.size} ready`);
        setAttrIfChanged(
          this.querySelector('.depth-fill'),
          'width',
          String(depthScale(q.ready.size)),
        );
      } else {
        const c = sim.consumers[index];
        if (!c) return;
        this.classList.toggle('is-down', !c.up);
        setTextIfChanged(stat, c.up ? `${c.busy}/${c.concurrency} busy` : 'crashed');
        setTextIfChanged(this.querySelector('.node-stat--second'), `${c.unacked} unacked`);
      }
    });
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
