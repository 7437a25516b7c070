/**
 * Messages on each link, counted: what reduced motion shows instead of flying dots (a label on
 * each busy edge), and what the table view lists per link. A message counts on the edge it
 * travels from its departure until its arrival, in either direction (an ack going back counts on
 * the delivery's edge).
 */
import type { Frame } from '../store/frame';
import type { Flight } from '../store/flights';
import { edgePoint, type Edge, type Layout } from './layout';
import type { StageTransform } from './stageTransform';

/** Messages moving at `nowUs`, by the edge they travel on (edges without any are left out). */
export function countByEdge(
  flights: readonly Flight[],
  nowUs: number,
  layout: Pick<Layout, 'edgeBetween'>,
): Map<Edge, number> {
  const counts = new Map<Edge, number>();
  for (const f of flights) {
    if (f.departUs > nowUs || f.arriveUs <= nowUs) continue;
    const edge = layout.edgeBetween(f.from, f.to) ?? layout.edgeBetween(f.to, f.from);
    if (edge) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  return counts;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface EdgeCountsView {
  update(frame: Frame): void;
  /** Follow the stage's zoom and pan. */
  applyView(): void;
  destroy(): void;
}

/** Labels "N moving" over the midpoint of each busy edge, in an SVG over the topology. */
export function mountEdgeCounts(
  element: HTMLElement,
  layout: Layout,
  stage: StageTransform,
): EdgeCountsView {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'edge-counts');
  svg.setAttribute('viewBox', stage.viewBox());
  // The table view says the same in words; here it would repeat every label to a screen reader.
  svg.setAttribute('aria-hidden', 'true');
  element.appendChild(svg);
  const labels = new Map<Edge, SVGTextElement>();
  let lastText = '';

  return {
    update(frame) {
      const counts = countByEdge(frame.flights, frame.displayUs, layout);
      const text = [...counts].map(([e, n]) => `${e.key}:${n}`).join('|');
      if (text === lastText) return;
      lastText = text;
      for (const [edge, label] of labels) {
        if (!counts.has(edge)) {
          label.remove();
          labels.delete(edge);
        }
      }
      for (const [edge, n] of counts) {
        let label = labels.get(edge);
        if (!label) {
          label = document.createElementNS(SVG_NS, 'text');
          label.setAttribute('class', 'edge-count');
          label.dataset.edge = edge.key;
          const [x, y] = edgePoint(edge, 0.5);
          label.setAttribute('x', String(x));
          label.setAttribute('y', String(y - 8));
          svg.appendChild(label);
          labels.set(edge, label);
        }
        label.textContent = `${n} moving`;
      }
    },
    applyView() {
      svg.setAttribute('viewBox', stage.viewBox());
    },
    destroy() {
      svg.remove();
      labels.clear();
    },
  };
}
