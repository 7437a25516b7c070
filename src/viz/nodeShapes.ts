/**
 * The fixed parts of each node in the SVG, built once per layout: its box, label lines, the tab
 * above it (queue type and settings, exchange type), a "DLQ" tab on dead-letter queues, the
 * two lines of live numbers, and a queue's depth bar (one band per priority range on a priority
 * queue). Live values are written by topology.ts; only text and attributes, never markup.
 */
import type { Selection } from 'd3-selection';
import { bandColor } from './depthBar';
import type { NodeBox } from './layout';
import { fitFont } from './labelText';
import { LOG_CLUSTER_KIND } from './layoutTopics';
import { palette } from './palette';
import {
  consumerBadges,
  exchangeTag,
  logProducerBadges,
  memberBadges,
  producerBadges,
  queueBadges,
  serviceBadges,
  topicBadges,
} from './scenarioFacts';
import { buildServiceParts, serviceOutline, type ServiceParts } from './serviceShape';
import { buildTopicParts, type GroupOnTopic, type TopicParts } from './topicShape';

export type NodeSel = Selection<SVGGElement, NodeBox, SVGGElement, unknown>;
type Raw = Readonly<Record<string, unknown>>;

const LABEL_PX = 18;
const STAT_PX = 15;
const TAB_PX = 13;
export const BAR_H = 12;
/** Bands at most on a priority queue's bar (levels are grouped beyond that). */
export const PRIORITY_BANDS_MAX = 8;

/** Where the content under the label starts: one label line or two. */
const contentTop = (n: NodeBox) => (n.lines.length > 1 ? 50 : 40);

export const barX = 16;
export const barWidth = (n: NodeBox) => n.w - 2 * barX;

/** Priority bands of a queue's bar: 1 for a plain queue. */
export function priorityBands(raw: Raw | undefined): number {
  const max = typeof raw?.maxPriority === 'number' ? raw.maxPriority : 0;
  return Math.min(PRIORITY_BANDS_MAX, max + 1);
}

function addTab(
  g: SVGGElement,
  text: string,
  x: number,
  anchor: 'start' | 'end',
  cls: string,
  maxW: number,
) {
  const ns = 'http://www.w3.org/2000/svg';
  let fontPx = fitFont(text, maxW - 12, TAB_PX, 9);
  // Still too long at the smallest size: cut it (the node's tooltip has it all).
  const fits = Math.floor((maxW - 12) / (fontPx * 0.56));
  if (text.length > fits) text = `${text.slice(0, Math.max(1, fits - 1))}…`;
  fontPx = fitFont(text, maxW - 12, TAB_PX, 9);
  const w = text.length * fontPx * 0.56 + 12;
  const rect = document.createElementNS(ns, 'rect');
  rect.setAttribute('class', `node-tab ${cls}`);
  rect.setAttribute('x', String(anchor === 'start' ? x : x - w));
  rect.setAttribute('y', '-10');
  rect.setAttribute('width', String(w));
  rect.setAttribute('height', '19');
  rect.setAttribute('rx', '9');
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('class', `node-tab-text ${cls}`);
  label.setAttribute('x', String(anchor === 'start' ? x + 6 : x - 6));
  label.setAttribute('y', '4');
  label.setAttribute('text-anchor', anchor);
  label.style.fontSize = `${fontPx}px`;
  label.textContent = text;
  g.append(rect, label);
}

/** Nodes whose numbers sit under a bar (a queue's depth, a service's workers): one line. */
const hasBar = (n: NodeBox) => n.kind === 'queue' || n.kind === 'service';

/** Badges along the top of a region: the broker's, the log brokers'. */
export const isBadge = (n: NodeBox) => n.kind === 'broker' || n.kind === LOG_CLUSTER_KIND;

/** What update() redraws beyond the two lines of numbers: services' workers, topics' rows. */
export interface NodeParts {
  services: Map<string, ServiceParts>;
  topics: Map<string, TopicParts>;
}

/**
 * Build the static parts of every node. `raw` gives each node's scenario entry, `groups` the
 * groups reading each topic (with their colours). Returns the parts that update() redraws.
 */
export function buildNodes(
  nodes: NodeSel,
  raw: ReadonlyMap<string, Raw>,
  groups: ReadonlyMap<string, readonly GroupOnTopic[]> = new Map(),
): NodeParts {
  const broker = nodes.filter(isBadge);
  const boxes = nodes.filter((n) => !isBadge(n));
  const plain = boxes.filter((n) => n.kind !== 'topic');
  const services = boxes.filter((n) => n.kind === 'service');
  nodes
    .filter((n) => n.kind !== 'service')
    .append('rect')
    .attr('class', 'node-box')
    .attr('width', (n) => n.w)
    .attr('height', (n) => n.h)
    .attr('rx', (n) => (n.kind === 'broker' ? 15 : 10));
  services
    .append('path')
    .attr('class', 'node-box')
    .attr('d', (n) => serviceOutline(n.w, n.h));
  nodes.append('title').text((n) => [n.label, ...tabsOf(n, raw.get(n.id), raw)].join(' · '));

  boxes.each(function (n) {
    const fontPx = Math.min(...n.lines.map((l) => fitFont(l, n.w - 14, LABEL_PX, 12)));
    n.lines.forEach((line, i) => {
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      t.setAttribute('class', 'node-label');
      t.setAttribute('x', String(n.w / 2));
      t.setAttribute('y', String(n.lines.length > 1 ? 25 + i * 18 : 30));
      t.style.fontSize = `${fontPx}px`;
      t.textContent = line;
      this.appendChild(t);
    });
    const tabs = tabsOf(n, raw.get(n.id), raw);
    // Room on the right for the DLQ tab, or a service's state tab.
    const rightW = n.dlq ? 44 : n.kind === 'service' ? Math.min(112, n.w * 0.6) : 0;
    if (tabs.length > 0)
      addTab(this, tabs.join(' · '), 8, 'start', `node-tab--${n.kind}`, n.w - 20 - rightW);
    if (n.dlq) addTab(this, 'DLQ', n.w - 8, 'end', 'node-tab--dlq', rightW);
  });
  plain
    .append('text')
    .attr('class', 'node-stat')
    .attr('x', (n) => n.w / 2)
    .attr('y', (n) => contentTop(n) + (hasBar(n) ? BAR_H + 19 : 15))
    .style('font-size', `${STAT_PX}px`);
  plain
    .filter((n) => !hasBar(n))
    .append('text')
    .attr('class', 'node-stat node-stat--second')
    .attr('x', (n) => n.w / 2)
    .attr('y', (n) => contentTop(n) + 33)
    .style('font-size', `${STAT_PX}px`);

  const queues = boxes.filter((n) => n.kind === 'queue');
  queues
    .append('rect')
    .attr('class', 'depth-track')
    .attr('x', barX)
    .attr('y', contentTop)
    .attr('width', barWidth)
    .attr('height', BAR_H);
  queues.each(function (n) {
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('class', 'depth-fill');
    const bands = priorityBands(raw.get(n.id));
    for (let b = 0; b < bands; b++) {
      const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      r.setAttribute('class', 'depth-band');
      r.setAttribute('y', String(contentTop(n)));
      r.setAttribute('height', String(BAR_H));
      r.setAttribute('x', String(barX));
      r.setAttribute('width', '0');
      if (bands > 1) r.style.fill = bandColor(b, bands);
      g.appendChild(r);
    }
    this.appendChild(g);
  });

  const serviceParts = new Map<string, ServiceParts>();
  services.each(function (n) {
    const conc = raw.get(n.id)?.concurrency;
    const c = typeof conc === 'number' ? conc : 1;
    serviceParts.set(n.id, buildServiceParts(this, n.w, contentTop(n), BAR_H, c));
  });
  const topicParts = new Map<string, TopicParts>();
  boxes
    .filter((n) => n.kind === 'topic')
    .each(function (n) {
      topicParts.set(n.id, buildTopicParts(this, n, raw.get(n.id), groups.get(n.id) ?? []));
    });
  // A member's group colour, as a stripe down its left side (the colour of the group's marks
  // on the topic's rows).
  boxes
    .filter((n) => n.kind === 'member')
    .append('rect')
    .attr('class', 'member-stripe')
    .attr('x', 2)
    .attr('y', 10)
    .attr('width', 4)
    .attr('height', (n) => n.h - 20)
    .attr('rx', 2)
    .style('fill', (n) => memberColor(n, raw, groups));

  broker
    .append('text')
    .attr('class', 'node-label broker-label')
    .attr('x', 14)
    .attr('y', (n) => n.h / 2 + 6)
    .text((n) => n.label);
  broker
    .append('text')
    .attr('class', 'node-stat broker-stat')
    .attr('x', (n) => n.w - 14)
    .attr('y', (n) => n.h / 2 + 6);
  return { services: serviceParts, topics: topicParts };
}

/** The colour of a member's group on its topic. */
function memberColor(
  n: NodeBox,
  raw: ReadonlyMap<string, Raw>,
  groups: ReadonlyMap<string, readonly GroupOnTopic[]>,
): string {
  const r = raw.get(n.id);
  const group = typeof r?.group === 'string' ? r.group : n.id;
  const topic = typeof r?.from === 'string' ? r.from : '';
  return groups.get(topic)?.find((g) => g.id === group)?.color ?? palette().groupDefault;
}

/** The tab texts of a node: what kind of queue or exchange it is. */
export function tabsOf(
  n: NodeBox,
  raw: Raw | undefined,
  all: ReadonlyMap<string, Raw> = new Map(),
): string[] {
  if (!raw) return [];
  if (n.kind === 'queue') return queueBadges(raw);
  if (n.kind === 'exchange') return [exchangeTag(raw)];
  if (n.kind === 'producer')
    return all.get(String(raw.to))?.kind === 'topic' ? logProducerBadges(raw) : producerBadges(raw);
  if (n.kind === 'consumer') return consumerBadges(raw);
  if (n.kind === 'member') return memberBadges(raw);
  if (n.kind === 'topic') return topicBadges(raw);
  if (n.kind === 'service') return serviceBadges(raw);
  return [];
}
