/**
 * A service node's own parts: a box with cut corners (so a service differs from a producer or
 * a consumer by its outline, not only by colour), a bar of its workers (one slot per worker up
 * to SLOTS_MAX: working, waiting on a call it made, idle), and a state tab (UP, DOWN, SLOW,
 * RECOVERING) whose words and colour follow the engine. Built once; drawService() only writes
 * attributes and text that changed.
 */
import { setAttrIfChanged, setTextIfChanged } from './domText';
import { fitFont } from './labelText';

const NS = 'http://www.w3.org/2000/svg';
/** Workers drawn as separate slots at most; beyond, the bar is one proportional bar. */
export const SLOTS_MAX = 24;
const TAB_PX = 13;
const CUT = 14;

export interface ServiceParts {
  working: SVGRectElement;
  blocked: SVGRectElement;
  tab: SVGRectElement;
  tabText: SVGTextElement;
  /** Right edge of the state tab, and the widest it may be. */
  tabRight: number;
  tabMaxW: number;
  barX: number;
  barW: number;
}

/** The outline: a rectangle with its four corners cut. */
export function serviceOutline(w: number, h: number): string {
  const c = Math.min(CUT, w / 4, h / 4);
  return `M${c},0H${w - c}L${w},${c}V${h - c}L${w - c},${h}H${c}L0,${h - c}V${c}Z`;
}

function el<K extends keyof SVGElementTagNameMap>(
  parent: Element,
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent.appendChild(e);
  return e;
}

/**
 * The worker bar at `top` (slots separated by thin gaps when there are few workers) and the
 * state tab over the top right corner.
 */
export function buildServiceParts(
  g: SVGGElement,
  w: number,
  top: number,
  barH: number,
  concurrency: number,
): ServiceParts {
  const barX = 16;
  const barW = w - 2 * barX;
  el(g, 'rect', { class: 'worker-track', x: barX, y: top, width: barW, height: barH });
  const working = el(g, 'rect', { class: 'worker-fill', x: barX, y: top, width: 0, height: barH });
  const blocked = el(g, 'rect', {
    class: 'worker-fill worker-fill--blocked',
    x: barX,
    y: top,
    width: 0,
    height: barH,
  });
  if (concurrency > 1 && concurrency <= SLOTS_MAX)
    for (let i = 1; i < concurrency; i++) {
      const x = barX + (barW * i) / concurrency;
      el(g, 'line', { class: 'worker-gap', x1: x, x2: x, y1: top, y2: top + barH });
    }
  const tabMaxW = Math.min(112, w * 0.6);
  const tabRight = w - 8;
  const tab = el(g, 'rect', { class: 'node-tab node-tab--state', y: -10, height: 19, rx: 9 });
  const tabText = el(g, 'text', { class: 'node-tab-text node-tab--state', y: 4 });
  tabText.setAttribute('text-anchor', 'end');
  return { working, blocked, tab, tabText, tabRight, tabMaxW, barX, barW };
}

/** Words of the state tab (upper case: readable without its colour). */
export const STATE_WORDS: Readonly<Record<string, string>> = {
  up: 'UP',
  down: 'DOWN',
  slow: 'SLOW',
  recovering: 'RECOVERING',
};

/** The tab's words: the state, and how much slower the work is when slow or recovering. */
export function stateWords(state: string, factor: number): string {
  const words = STATE_WORDS[state] ?? state.toUpperCase();
  const slow = (state === 'slow' || state === 'recovering') && factor > 0;
  return slow ? `${words} ×${Number(factor.toFixed(2))}` : words;
}

export function drawService(
  p: ServiceParts,
  state: string,
  factor: number,
  busy: number,
  blocked: number,
  concurrency: number,
): void {
  const words = stateWords(state, factor);
  if (p.tabText.textContent !== words) {
    const fontPx = fitFont(words, p.tabMaxW - 12, TAB_PX, 8);
    const tw = words.length * fontPx * 0.72 + 12;
    setTextIfChanged(p.tabText, words);
    p.tabText.style.fontSize = `${fontPx}px`;
    p.tabText.setAttribute('x', String(p.tabRight - 6));
    p.tab.setAttribute('x', String(p.tabRight - tw));
    p.tab.setAttribute('width', String(tw));
    p.tab.setAttribute('class', `node-tab node-tab--state is-${state}`);
    p.tabText.setAttribute('class', `node-tab-text node-tab--state is-${state}`);
  }
  const c = Math.max(1, concurrency);
  const waitingOnCalls = Math.min(blocked, busy);
  const workW = (p.barW * Math.min(c, busy - waitingOnCalls)) / c;
  const blockW = (p.barW * Math.min(c - Math.min(c, busy - waitingOnCalls), waitingOnCalls)) / c;
  setAttrIfChanged(p.working, 'width', workW.toFixed(1));
  setAttrIfChanged(p.blocked, 'x', (p.barX + workW).toFixed(1));
  setAttrIfChanged(p.blocked, 'width', blockW.toFixed(1));
}
