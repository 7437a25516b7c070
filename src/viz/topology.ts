/**
 * The topology in SVG: nodes, edges and live numbers on the nodes (queue depth bar and count,
 * consumer busy workers and unacked messages), from the engine's report. Built once per layout;
 * update() only touches attributes and text that changed, so it can run every animation frame.
 * Nodes are buttons (focusable, Enter/Space or click) that open the node inspector.
 */
import { scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';
import { linkHorizontal } from 'd3-shape';
import type { Frame } from '../store/frame';
import { setAttrIfChanged, setTextIfChanged } from './domText';
import type { Edge, Layout, NodeBox } from './layout';
import { nodeStatus, reportEntry } from './nodeStats';

export interface TopologyOptions {
  layout: Layout;
  /** Accessible name of the picture. */
  title: string;
  onSelectNode(id: string): void;
}

export interface TopologyView {
  update(frame: Frame): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const BAR_H = 14;

type NodeSel = Selection<SVGGElement, NodeBox, SVGGElement, unknown>;

const LABEL_PX = 24;
/** A font size at which a label fits its box (average glyph ≈ 0.56 em), at most `max`. */
const fitFont = (text: string, boxW: number, max: number) =>
  Math.max(11, Math.min(max, (boxW - 16) / (0.56 * Math.max(1, text.length))));

export function mountTopology(element: HTMLElement, options: TopologyOptions): TopologyView {
  const { layout } = options;
  const svg = select(element)
    .append('svg')
    .attr('xmlns', SVG_NS)
    .attr('class', 'topology-svg')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('role', 'group')
    .attr('aria-label', options.title);

  const link = linkHorizontal<Edge, [number, number]>()
    .source((e) => e.source)
    .target((e) => e.target);
  svg
    .append('g')
    .attr('class', 'edges')
    .attr('aria-hidden', 'true')
    .selectAll('path')
    .data(layout.edges)
    .join('path')
    .attr('class', (e) => `edge edge--${e.field}`)
    .attr('d', (e) => link(e));

  const nodes: NodeSel = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, NodeBox>('g')
    .data(layout.nodes)
    .join('g')
    .attr('class', (n) => `node node--${n.kind}`)
    .attr('data-node-id', (n) => n.id)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (n) => `${n.label} (${n.kind}): open inspector`)
    .attr('transform', (n) => `translate(${n.x - n.w / 2},${n.y - n.h / 2})`)
    .on('click', (_e, n) => options.onSelectNode(n.id))
    .on('keydown', (e: KeyboardEvent, n) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      options.onSelectNode(n.id);
    });

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
    .style('font-size', (n) => `${fitFont(n.label, n.w, LABEL_PX)}px`)
    .text((n) => n.label);
  nodes
    .append('text')
    .attr('class', 'node-stat')
    .attr('x', (n) => n.w / 2)
    .attr('y', (n) => (n.kind === 'queue' ? 84 : 64));
  nodes
    .append('text')
    .attr('class', 'node-stat node-stat--second')
    .attr('x', (n) => n.w / 2)
    .attr('y', 86);

  const queues = nodes.filter((n) => n.kind === 'queue');
  const barW = (n: NodeBox) => n.w - 40;
  queues
    .append('rect')
    .attr('class', 'depth-track')
    .attr('x', 20)
    .attr('y', 46)
    .attr('width', barW)
    .attr('height', BAR_H);
  queues
    .append('rect')
    .attr('class', 'depth-fill')
    .attr('x', 20)
    .attr('y', 46)
    .attr('width', 0)
    .attr('height', BAR_H);

  const depthScale = scaleLinear().range([0, 1]).clamp(true);

  function update(frame: Frame) {
    const { report } = frame;
    // One scale for all queues, so bars compare; it grows with the deepest queue so far.
    let deepest = 10;
    for (const q of Object.values(report.queues)) deepest = Math.max(deepest, q.depthMax);
    depthScale.domain([0, deepest]);

    nodes.each(function (n) {
      const status = nodeStatus(n.kind, reportEntry(report, n.id));
      this.classList.toggle('is-down', status.down);
      this.classList.toggle('is-selected', frame.selectedNode === n.id);
      setAttrIfChanged(this, 'aria-pressed', String(frame.selectedNode === n.id));
      setTextIfChanged(this.querySelector('.node-stat'), status.lines[0]);
      setTextIfChanged(this.querySelector('.node-stat--second'), status.lines[1]);
      if (status.depth !== null)
        setAttrIfChanged(
          this.querySelector('.depth-fill'),
          'width',
          String(depthScale(status.depth) * barW(n)),
        );
    });
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
