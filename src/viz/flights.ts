/**
 * Messages in flight as dots on one canvas layered over the topology. Each dot's position is a
 * pure function of the simulated time on screen: the fraction of its trip, (now − depart) /
 * (arrive − depart), along the same curve the SVG edge draws. Thousands of dots cost one path
 * per colour per frame.
 */
import type { Frame } from '../store/frame';
import { edgeKey, edgePoint, type Layout } from './layout';

export interface FlightsOptions {
  layout: Layout;
}

export interface FlightsView {
  update(frame: Frame): void;
  destroy(): void;
}

const DOT_RADIUS = 8;
const COLOR_FIRST = '#2563eb';
const COLOR_REDELIVERED = '#d97706';

export function mountFlights(element: HTMLElement, options: FlightsOptions): FlightsView {
  const { layout } = options;
  const canvas = document.createElement('canvas');
  canvas.className = 'flights-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  element.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  let cssW = 0;
  let cssH = 0;
  let last: Frame | null = null;
  // Most frames of a quiet run have no dots: skip clearing an already empty canvas.
  let drawn = true;

  // Keep the backing store at device resolution; redraw the last frame after a resize.
  const resize = () => {
    const dpr = window.devicePixelRatio || 1;
    cssW = element.clientWidth;
    cssH = element.clientHeight;
    drawn = true;
    canvas.width = Math.max(1, Math.round(cssW * dpr));
    canvas.height = Math.max(1, Math.round(cssH * dpr));
    if (last) update(last);
  };
  const observer = new ResizeObserver(resize);
  observer.observe(element);

  function update(frame: Frame) {
    last = frame;
    if (!ctx || (!drawn && frame.flights.length === 0)) return;
    drawn = frame.flights.length > 0;
    const dpr = canvas.width / Math.max(1, cssW);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (cssW === 0 || cssH === 0) return;
    // The SVG below uses preserveAspectRatio "xMidYMid meet": mirror that mapping.
    const s = Math.min(cssW / layout.width, cssH / layout.height);
    const ox = (cssW - layout.width * s) / 2;
    const oy = (cssH - layout.height * s) / 2;
    ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * ox, dpr * oy);

    const now = frame.displayUs;
    for (const redelivered of [false, true]) {
      ctx.beginPath();
      for (const f of frame.flights) {
        if (f.redelivered !== redelivered) continue;
        const t = (now - f.departUs) / (f.arriveUs - f.departUs);
        if (t < 0 || t > 1) continue;
        const edge = layout.edgeByKey.get(edgeKey(f.from, f.to));
        if (!edge) continue;
        const [x, y] = edgePoint(edge, t);
        ctx.moveTo(x + DOT_RADIUS, y);
        ctx.arc(x, y, DOT_RADIUS, 0, 2 * Math.PI);
      }
      ctx.fillStyle = redelivered ? COLOR_REDELIVERED : COLOR_FIRST;
      ctx.fill();
    }
  }

  resize();
  return {
    update,
    destroy() {
      observer.disconnect();
      canvas.remove();
      last = null;
    },
  };
}
