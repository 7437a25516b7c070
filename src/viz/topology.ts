/**
 * The topology in SVG: the broker's region (with its badge: up or down, memory alarm, unwritten
 * messages), edges with their words (binding keys, "DLX", "alternate"), and nodes with live
 * numbers from the engine's report (queue depth bars, by priority where the queue has them).
 * Built once per layout; update() only touches attributes and text that changed, so it can run
 * every animation frame. Nodes are buttons (focusable, Enter/Space or click) that open the
 * node inspector; the broker badge is one too. setLayout() moves nodes, edges, edge words and
 * regions to a dragged layout (layoutDrag.ts) without rebuilding anything; the viewBox follows
 * the stage's shared transform (zoom and pan), which the canvas uses too.
 */
import { select } from 'd3-selection';
import type { Frame } from '../store/frame';
import { readyByPriority, servicesLive } from '../store/engineAccess';
import { logBrokersUp, membersLive, partitionsOf } from '../store/engineAccessLog';
import { drawDepthBar } from './depthBar';
import { setAttrIfChanged, setTextIfChanged } from './domText';
import { curvePath } from './edgeGeometry';
import { EDGE_LABEL_PX, type Edge, type Layout, type NodeBox, type Region } from './layout';
import { LOG_CLUSTER_KIND, parsePort } from './layoutTopics';
import { scaledStatus } from './addedConsumers';
import { fitFont } from './labelText';
import { memberStatus, logClusterStatus } from './logStats';
import { barWidth, barX, buildNodes, type NodeSel } from './nodeShapes';
import { nodeStatus, reportEntry, type NodeStatus } from './nodeStats';
import { seriesColor } from './palette';
import { createScaledEdges } from './scaledEdges';
import type { StageTransform } from './stageTransform';
import { groupsByTopic } from './scenarioFacts';
import { drawService, stateWords } from './serviceShape';
import { updateTopic, type GroupOnTopic } from './topicShape';

export interface TopologyOptions {
  layout: Layout;
  /** Scenario entries by node id (badges, broker settings). */
  raw: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Accessible name of the picture. */
  title: string;
  onSelectNode(id: string): void;
  /** The stage's transform (zoom and pan), shared with the canvas. */
  stage: StageTransform;
}

export interface TopologyView {
  update(frame: Frame): void;
  /** Move everything to this layout (the same nodes and edges, dragged). */
  setLayout(layout: Layout): void;
  /** Show the stage transform's current view (after a zoom or a pan). */
  applyView(): void;
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

/** Edges into or out of a partition row, by key, with the row they belong to. */
interface PortEdge {
  path: SVGPathElement;
  topic: string;
  partition: number;
  /** The reader at the other end (an edge out of the row), or null (a writer's edge in). */
  reader: string | null;
}

interface DrawnEdges {
  ports: PortEdge[];
  paths: Map<string, SVGPathElement>;
  labels: Map<string, SVGTextElement>;
}

const labelY = (e: Edge) => e.labelAt[1] - ((e.label.length - 1) * EDGE_LABEL_PX) / 2 + 4;

function drawEdges(svg: SVGSVGElement, layout: Layout): DrawnEdges {
  const g = select(svg).append('g').attr('class', 'edges').attr('aria-hidden', 'true');
  const ports: PortEdge[] = [];
  const paths = new Map<string, SVGPathElement>();
  const labelEls = new Map<string, SVGTextElement>();
  g.selectAll<SVGPathElement, Edge>('path')
    .data(layout.edges)
    .join('path')
    .attr('class', (e) => {
      const port = parsePort(e.from) ?? parsePort(e.to);
      return `edge edge--${e.field}${port ? ' edge--port' : ''}`;
    })
    .attr('d', curvePath)
    .attr('data-edge', (e) => e.key)
    .each(function (e) {
      paths.set(e.key, this);
      const out = parsePort(e.from);
      const into = parsePort(e.to);
      const port = out ?? into;
      if (port) ports.push({ path: this, ...port, reader: out ? e.to : null });
    });
  const labels = g
    .selectAll('text')
    .data(layout.edges.filter((e) => e.label.length > 0))
    .join('text')
    .attr('class', (e: Edge) => `edge-label edge-label--${e.field}`)
    .attr('x', (e) => e.labelAt[0])
    .attr('y', labelY)
    .each(function (e) {
      labelEls.set(e.key, this as SVGTextElement);
    });
  labels
    .selectAll('tspan')
    .data((e) => e.label.map((line) => ({ line, x: e.labelAt[0] })))
    .join('tspan')
    .attr('x', (d) => d.x)
    .attr('dy', (_d, i) => (i === 0 ? 0 : EDGE_LABEL_PX + 1))
    .text((d) => d.line);
  return { ports, paths, labels: labelEls };
}

/** Move the drawn edges and their words to a (dragged) layout's edges. */
function moveEdges(drawn: DrawnEdges, layout: Layout): void {
  for (const e of layout.edges) {
    setAttrIfChanged(drawn.paths.get(e.key) ?? null, 'd', curvePath(e));
    const text = drawn.labels.get(e.key);
    if (!text) continue;
    const x = String(e.labelAt[0]);
    setAttrIfChanged(text, 'x', x);
    setAttrIfChanged(text, 'y', String(labelY(e)));
    for (const span of text.children) setAttrIfChanged(span, 'x', x);
  }
}

const nodeTransform = (n: NodeBox) => `translate(${n.x - n.w / 2},${n.y - n.h / 2})`;

function placeRegion(el: Element | null, r: Region | null | undefined): void {
  if (!el || !r) return;
  setAttrIfChanged(el, 'x', String(r.x));
  setAttrIfChanged(el, 'y', String(r.y));
  setAttrIfChanged(el, 'width', String(r.w));
  setAttrIfChanged(el, 'height', String(r.h));
}

/**
 * Show an edge out of a partition row only while its reader owns that partition, and every
 * edge of a row only once the partition exists (partitionsAdded).
 */
function updatePorts(ports: readonly PortEdge[], frame: Frame): void {
  const owned = new Set<string>();
  for (const g of Object.values(frame.report.groups ?? {}))
    g.assignment.forEach((m, p) => {
      if (m) owned.add(`${g.topic}#${p}>${m}`);
    });
  const counts = new Map<string, number>();
  for (const e of ports) {
    let n = counts.get(e.topic);
    if (n === undefined) {
      n = frame.report.topics?.[e.topic]?.partitions.length ?? 0;
      counts.set(e.topic, n);
    }
    const exists = e.partition < n;
    const hidden =
      !exists || (e.reader !== null && !owned.has(`${e.topic}#${e.partition}>${e.reader}`));
    e.path.classList.toggle('is-hidden', hidden);
  }
}

export function mountTopology(element: HTMLElement, options: TopologyOptions): TopologyView {
  const { layout, raw } = options;
  const svg = select(element)
    .append('svg')
    .attr('xmlns', SVG_NS)
    .attr('class', 'topology-svg')
    .attr('viewBox', options.stage.viewBox())
    .attr('role', 'group')
    .attr('aria-label', options.title);
  const regionRect = (r: Layout['region'], cls: string) =>
    r
      ? svg
          .append('rect')
          .attr('class', cls)
          .attr('x', r.x)
          .attr('y', r.y)
          .attr('width', r.w)
          .attr('height', r.h)
          .attr('rx', 16)
          .node()
      : null;
  const region = regionRect(layout.region, 'broker-region');
  const logRegions = layout.logRegions.map((r) => regionRect(r, 'broker-region log-region')!);
  const drawn = drawEdges(svg.node()!, layout);
  const ports = drawn.ports;
  // The edges of added and removed consumers, drawn like their node.
  const scaledEdges = createScaledEdges(layout.edges, (key) =>
    [drawn.paths.get(key), drawn.labels.get(key)].filter((el) => el !== undefined),
  );
  // The groups reading each topic, each with its colour (a member's stripe, its marks).
  const groups = new Map<string, GroupOnTopic[]>(
    [...groupsByTopic([...raw.values()])].map(([t, ids]) => [
      t,
      ids.map((id, i) => ({ id, color: seriesColor(i) })),
    ]),
  );

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
    .attr('transform', nodeTransform)
    .on('click', (_e, n) => options.onSelectNode(n.id))
    .on('keydown', (e: KeyboardEvent, n) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      options.onSelectNode(n.id);
    });
  const built = buildNodes(nodes, raw, groups);
  const serviceParts = built.services;
  const topicParts = built.topics;
  const hasLog = topicParts.size > 0;

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
    const members = hasLog ? membersLive(frame.sim) : null;
    const brokersUp = hasLog ? logBrokersUp(frame.sim) : [];
    if (hasLog) {
      updatePorts(ports, frame);
      for (const [id, parts] of topicParts)
        updateTopic(parts, id, groups.get(id) ?? [], {
          partitions: partitionsOf(frame.sim, id),
          report,
          members: members!,
          brokersUp,
        });
    }

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
      let status: NodeStatus;
      if (n.kind === 'member') {
        const start = raw.get(n.id)?.startMs;
        status = memberStatus(
          members?.get(n.id),
          typeof start === 'number' ? start : 0,
          frame.sim.nowUs,
        );
      } else if (n.kind === LOG_CLUSTER_KIND) status = logClusterStatus(brokersUp);
      else status = nodeStatus(n.kind, entry, raw.get(n.id));
      status = scaledStatus(entry, raw.get(n.id), status);
      // A member's state in its accessible name (owns P0 P1, idle: no partition, crashed).
      if (n.kind === 'member')
        setAttrIfChanged(
          this,
          'aria-label',
          `${n.label} (group member, ${status.lines[0]}): inspect`,
        );
      const p = parts.get(n.id)!;
      this.classList.toggle('is-down', status.down);
      this.classList.toggle('is-warn', status.warn);
      this.classList.toggle('is-idle', status.idle === true);
      this.classList.toggle('is-removed', status.removed === true);
      this.classList.toggle('is-absent', status.absent === true);
      scaledEdges.update(n.id, status.removed ? 'removed' : status.absent ? 'absent' : null);
      this.classList.toggle('is-selected', frame.selectedNode === n.id);
      setAttrIfChanged(this, 'aria-pressed', String(frame.selectedNode === n.id));
      const broker = n.kind === 'broker' || n.kind === LOG_CLUSTER_KIND;
      setStat(p.stat, status.lines[0], broker ? n.w - n.label.length * 9.6 - 36 : n.w - 12);
      setStat(p.second, status.lines[1], n.w - 12);
      const around = n.kind === 'broker' ? [region] : n.kind === LOG_CLUSTER_KIND ? logRegions : [];
      for (const r of around) {
        r?.classList.toggle('is-down', status.down);
        r?.classList.toggle('is-warn', status.warn);
      }
      if (status.depth !== null && p.bands.length > 0) {
        const byLevel = p.bands.length > 1 ? readyByPriority(frame.sim, n.id) : null;
        drawDepthBar(p.bands, barX, depthScale(status.depth) * barWidth(n), status.depth, byLevel);
      }
    });
  }

  return {
    update,
    setLayout(next) {
      nodes.each(function (n) {
        const moved = next.nodeById.get(n.id);
        if (moved) setAttrIfChanged(this, 'transform', nodeTransform(moved));
      });
      moveEdges(drawn, next);
      placeRegion(region, next.region);
      logRegions.forEach((el, i) => placeRegion(el, next.logRegions[i]));
    },
    applyView() {
      setAttrIfChanged(svg.node(), 'viewBox', options.stage.viewBox());
    },
    destroy() {
      svg.remove();
    },
  };
}
