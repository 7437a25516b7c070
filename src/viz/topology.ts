/**
 * The topology in SVG: the broker's region (with its badge: up or down, memory alarm, unwritten
 * messages), edges with their words (binding keys, "DLX", "alternate"), and nodes with live
 * numbers from the engine's report (queue depth bars, by priority where the queue has them).
 * Built once per layout; update() only touches attributes and text that changed, so it can run
 * every animation frame. Nodes are buttons (focusable, Enter/Space or click) that open the
 * node inspector; the broker badge is one too.
 */
import { select } from 'd3-selection';
import type { Frame } from '../store/frame';
import { readyByPriority, servicesLive } from '../store/engineAccess';
import { drawDepthBar } from './depthBar';
import { setAttrIfChanged, setTextIfChanged } from './domText';
import { curvePath } from './edgeGeometry';
import { EDGE_LABEL_PX, type Edge, type Layout, type NodeBox } from './layout';
import { fitFont } from './labelText';
import { barWidth, barX, buildNodes, type NodeSel } from './nodeShapes';
import { nodeStatus, reportEntry } from './nodeStats';
import { drawService, stateWords } from './serviceShape';

export interface TopologyOptions {
  layout: Layout;
  /** Scenario entries by node id (badges, broker settings). */
  raw: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Accessible name of the picture. */
  title: string;
  onSelectNode(id: string): void;
}

export interface TopologyView {
  update(frame: Frame): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const STAT_PX = 15;

/** Write a line of numbers, shrinking its font when it would overflow the node. */
function setStat(el: Element | null, text: string, widthPx: number) {
  if (!el || el.textContent === text) return;
  setTextIfChanged(el, text);
  (el as SVGTextElement).style.fontSize = `${fitFont(text, widthPx, STAT_PX, 10)}px`;
}

function drawEdges(svg: SVGSVGElement, layout: Layout) {
  const g = select(svg).append('g').attr('class', 'edges').attr('aria-hidden', 'true');
  g.selectAll('path')
    .data(layout.edges)
    .join('path')
    .attr('class', (e) => `edge edge--${e.field}`)
    .attr('d', curvePath);
  const labels = g
    .selectAll('text')
    .data(layout.edges.filter((e) => e.label.length > 0))
    .join('text')
    .attr('class', (e: Edge) => `edge-label edge-label--${e.field}`)
    .attr('x', (e) => e.labelAt[0])
    .attr('y', (e) => e.labelAt[1] - ((e.label.length - 1) * EDGE_LABEL_PX) / 2 + 4);
  labels
    .selectAll('tspan')
    .data((e) => e.label.map((line) => ({ line, x: e.labelAt[0] })))
    .join('tspan')
    .attr('x', (d) => d.x)
    .attr('dy', (_d, i) => (i === 0 ? 0 : EDGE_LABEL_PX + 1))
    .text((d) => d.line);
}

export function mountTopology(element: HTMLElement, options: TopologyOptions): TopologyView {
  const { layout, raw } = options;
  const svg = select(element)
    .append('svg')
    .attr('xmlns', SVG_NS)
    .attr('class', 'topology-svg')
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('role', 'group')
    .attr('aria-label', options.title);
  const region = layout.region
    ? svg
        .append('rect')
        .attr('class', 'broker-region')
        .attr('x', layout.region.x)
        .attr('y', layout.region.y)
        .attr('width', layout.region.w)
        .attr('height', layout.region.h)
        .attr('rx', 16)
        .node()
    : null;
  drawEdges(svg.node()!, layout);

  const nodes: NodeSel = svg
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, NodeBox>('g')
    .data(layout.nodes)
    .join('g')
    .attr('class', (n) => `node node--${n.kind}${n.dlq ? ' is-dlq' : ''}`)
    .attr('data-node-id', (n) => n.id)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-label', (n) => `${n.label} (${n.dlq ? 'dead-letter queue' : n.kind}): inspect`)
    .attr('transform', (n) => `translate(${n.x - n.w / 2},${n.y - n.h / 2})`)
    .on('click', (_e, n) => options.onSelectNode(n.id))
    .on('keydown', (e: KeyboardEvent, n) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      options.onSelectNode(n.id);
    });
  const serviceParts = buildNodes(nodes, raw);

  // Per node, the elements update() writes, found once.
  const parts = new Map<
    string,
    { stat: Element | null; second: Element | null; bands: SVGRectElement[] }
  >();
  nodes.each(function (n) {
    parts.set(n.id, {
      stat: this.querySelector('.node-stat'),
      second: this.querySelector('.node-stat--second'),
      bands: [...this.querySelectorAll<SVGRectElement>('.depth-band')],
    });
  });

  function update(frame: Frame) {
    const { report } = frame;
    // One scale for all queues, so bars compare; it grows with the deepest queue so far.
    let deepest = 10;
    for (const q of Object.values(report.queues)) deepest = Math.max(deepest, q.depthMax);
    const depthScale = (depth: number) => Math.min(1, Math.max(0, depth / deepest));
    const live = serviceParts.size > 0 ? servicesLive(frame.sim) : null;

    nodes.each(function (n) {
      const entry = reportEntry(report, n.id);
      const service = serviceParts.get(n.id);
      const sLive = live?.get(n.id);
      if (service && entry && sLive) {
        const num = (k: string) => (typeof entry![k] === 'number' ? (entry![k] as number) : 0);
        const state = String(entry.state);
        drawService(service, state, sLive.factor, num('busy'), sLive.blocked, num('concurrency'));
        // Its state in its accessible name too (the tab is a picture for a screen reader).
        const words = stateWords(state, sLive.factor);
        setAttrIfChanged(this, 'aria-label', `${n.label} (service, ${words}): inspect`);
      }
      const status = nodeStatus(n.kind, entry, raw.get(n.id));
      const p = parts.get(n.id)!;
      this.classList.toggle('is-down', status.down);
      this.classList.toggle('is-warn', status.warn);
      this.classList.toggle('is-selected', frame.selectedNode === n.id);
      setAttrIfChanged(this, 'aria-pressed', String(frame.selectedNode === n.id));
      const broker = n.kind === 'broker';
      setStat(p.stat, status.lines[0], broker ? n.w - n.label.length * 9.6 - 36 : n.w - 12);
      setStat(p.second, status.lines[1], n.w - 12);
      if (broker && region) {
        region.classList.toggle('is-down', status.down);
        region.classList.toggle('is-warn', status.warn);
      }
      if (status.depth !== null && p.bands.length > 0) {
        const byLevel = p.bands.length > 1 ? readyByPriority(frame.sim, n.id) : null;
        drawDepthBar(p.bands, barX, depthScale(status.depth) * barWidth(n), status.depth, byLevel);
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
