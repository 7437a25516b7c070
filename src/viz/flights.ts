/**
 * Messages in flight as shapes on one canvas layered over the topology. Each dot's position is a
 * pure function of the simulated time on screen: the fraction of its trip, (now − depart) /
 * (arrive − depart), along the same curve the SVG edge draws. Dots are stamped from sprites of
 * their style (messageStyles.ts, dotSprites.ts); above DOT_CAP a deterministic sample is drawn
 * (store/sample.ts).
 * Messages gone without an ack fade out at the node where they vanished, with their reason.
 * setLayout() swaps in a dragged layout (its moved curves); the stage transform (zoom and pan) is
 * the one the SVG uses, so dots stay on their edges at every zoom.
 */
import type { Frame } from '../store/frame';
import type { Flight } from '../store/flights';
import { sampleFlights } from '../store/sample';
import { DOT_CAP, FADE_US } from '../store/tuning';
import type { Curve } from './edgeGeometry';
import { edgePoint, type Layout } from './layout';
import { createDotSprites } from './dotSprites';
import { goneColor, shapePath, styleOf } from './messageStyles';
import { palette } from './palette';
import type { StageTransform } from './stageTransform';

export interface FlightsOptions {
  layout: Layout;
  /** The stage's transform (zoom and pan), shared with the SVG. */
  stage: StageTransform;
  /**
   * Told how many messages are moving and how many are drawn: at once when the view starts or
   * stops sampling, else at most every SAMPLE_NOTE_MS (the last figures always arrive).
   */
  onSample?(total: number, drawn: number): void;
  /**
   * Reduced motion: draw no moving dots (edgeCounts.ts labels the links instead), and let fading
   * marks fade where they are instead of rising.
   */
  still?: boolean;
}

export interface FlightsView {
  update(frame: Frame): void;
  /** Draw the last frame again (after the layout or the view changed). */
  redraw(): void;
  /** Follow a (dragged) layout: the same nodes and edges, moved. */
  setLayout(layout: Layout): void;
  /** The message drawn nearest to a point of the page, within a dot's reach, or null. */
  hitTest(clientX: number, clientY: number): Flight | null;
  destroy(): void;
}

const DOT_RADIUS = 8;
const HIT_RADIUS = 16;
/** Reasons written next to fading messages at most (the newest), to keep them readable. */
const FADE_LABELS_MAX = 8;
/**
 * The "showing N of M" note changes every frame while many messages move, and a text change
 * costs a layout of the page: it is told the figures at most this often.
 */
const SAMPLE_NOTE_MS = 500;

export function mountFlights(element: HTMLElement, options: FlightsOptions): FlightsView {
  let layout = options.layout;
  const canvas = document.createElement('canvas');
  canvas.className = 'flights-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  // Its own compositing layer: redrawing the dots every frame then repaints neither the
  // topology under it nor the page around it (a software renderer rasterises those anew).
  canvas.style.willChange = 'transform';
  element.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  const stage = options.stage;
  const sprites = createDotSprites();
  let last: Frame | null = null;
  // Positions of the dots drawn last, for hit testing (layout units).
  let drawnFlights: readonly Flight[] = [];
  let xs = new Float64Array(0);
  let ys = new Float64Array(0);
  // Most frames of a quiet run have nothing to draw: skip clearing an already empty canvas.
  let dirty = true;
  const note = createSampleNote(options.onSample);

  const resize = () => {
    const dpr = window.devicePixelRatio || 1;
    stage.measure();
    dirty = true;
    canvas.width = Math.max(1, Math.round(stage.cssW() * dpr));
    canvas.height = Math.max(1, Math.round(stage.cssH() * dpr));
    if (last) update(last);
  };
  const observer = new ResizeObserver(resize);
  observer.observe(element);

  /**
   * The curve a flight follows and whether it runs backwards along it: its own edge, else the
   * edge the other way (an ack goes back along the delivery's edge), else a straight line.
   */
  const curveOf = (f: Flight): { c: Curve; back: boolean } | null => {
    const edge = layout.edgeBetween(f.from, f.to);
    if (edge) return { c: edge, back: false };
    const reverse = layout.edgeBetween(f.to, f.from);
    if (reverse) return { c: reverse, back: true };
    const a = layout.nodeById.get(f.from);
    const b = layout.nodeById.get(f.to);
    if (!a || !b) return null;
    return {
      c: { source: [a.x, a.y], c1: [a.x, a.y], c2: [b.x, b.y], target: [b.x, b.y] },
      back: false,
    };
  };

  const position = (f: Flight, now: number): [number, number] | null => {
    const t = (now - f.departUs) / (f.arriveUs - f.departUs);
    const route = curveOf(f);
    if (!route) return null;
    const [x, y] = edgePoint(route.c, route.back ? 1 - t : t);
    return [x, y + (styleOf(f.state).offsetY ?? 0)];
  };

  /** Stamp one sprite per dot, in device pixels (identity transform), rounded to whole pixels. */
  function drawDots(
    c: CanvasRenderingContext2D,
    frame: Frame,
    flights: readonly Flight[],
    dpr: number,
  ) {
    const now = frame.displayUs;
    const { s, ox, oy } = stage.transform();
    const k = s * dpr;
    if (xs.length < flights.length) {
      xs = new Float64Array(flights.length * 2);
      ys = new Float64Array(flights.length * 2);
    }
    let state = '';
    let sprite: HTMLCanvasElement | null = null;
    let half = 0;
    let dy = 0;
    c.setTransform(1, 0, 0, 1, 0, 0);
    for (let i = 0; i < flights.length; i++) {
      const f = flights[i]!;
      let edge = layout.edgeBetween(f.from, f.to);
      let t = (now - f.departUs) / (f.arriveUs - f.departUs);
      if (!edge) {
        edge = layout.edgeBetween(f.to, f.from);
        t = 1 - t;
      }
      if (f.state !== state || !sprite) {
        state = f.state;
        const style = styleOf(state);
        sprite = sprites.get(style, DOT_RADIUS * k);
        half = sprite.width / 2;
        dy = style.offsetY ?? 0;
      }
      // Inlined edgePoint (this loop runs for every dot of every frame).
      let x = Number.NaN;
      let y = Number.NaN;
      if (edge) {
        const u = 1 - t;
        const b0 = u * u * u;
        const b1 = 3 * u * u * t;
        const b2 = 3 * u * t * t;
        const b3 = t * t * t;
        x = b0 * edge.source[0] + b1 * edge.c1[0] + b2 * edge.c2[0] + b3 * edge.target[0];
        y = b0 * edge.source[1] + b1 * edge.c1[1] + b2 * edge.c2[1] + b3 * edge.target[1] + dy;
      } else {
        const p = position(f, now);
        if (p) [x, y] = p;
      }
      xs[i] = x;
      ys[i] = y;
      if (Number.isNaN(x)) continue;
      c.drawImage(
        sprite,
        Math.round((x * s + ox) * dpr - half),
        Math.round((y * s + oy) * dpr - half),
      );
    }
  }

  function drawSelection(c: CanvasRenderingContext2D, frame: Frame) {
    const sel = frame.selectedMsg;
    if (!sel) return;
    const f = frame.flights.find(
      (x) =>
        (sel.msgId !== null && x.msgId === sel.msgId) ||
        (sel.originId !== null && x.originId === sel.originId),
    );
    const p = f && frame.displayUs >= f.departUs ? position(f, frame.displayUs) : null;
    if (!p) return;
    c.beginPath();
    c.arc(p[0], p[1], DOT_RADIUS + 7, 0, 2 * Math.PI);
    c.lineWidth = 4;
    c.strokeStyle = palette().selection;
    c.stroke();
  }

  function drawFades(c: CanvasRenderingContext2D, frame: Frame) {
    const fades = frame.fades;
    if (fades.length === 0) return;
    c.font = '600 18px system-ui, sans-serif';
    c.textAlign = 'center';
    // Words for the newest few, once per node and reason (forty failed orders at one service
    // would otherwise write "order failed" forty times over each other).
    const labelled = new Set<number>();
    const said = new Set<string>();
    for (let i = fades.length - 1; i >= 0 && labelled.size < FADE_LABELS_MAX; i--) {
      const key = `${fades[i]!.node ?? ''}|${fades[i]!.label}`;
      if (said.has(key)) continue;
      said.add(key);
      labelled.add(i);
    }
    fades.forEach((fade, i) => {
      const node = fade.node ? layout.nodeById.get(fade.node) : undefined;
      const age = (frame.displayUs - fade.atUs) / FADE_US;
      if (!node || age < 0 || age > 1) return;
      const spread = ((fade.msgKey ?? i) % 7) * 6 - 18;
      const x = node.x + spread;
      const y = node.y - node.h / 2 - 14 - (options.still ? 0 : age * 30);
      const color = fade.style === 'duplicate' ? styleOf('duplicate').color : goneColor();
      c.globalAlpha = 1 - age;
      c.beginPath();
      shapePath(c, fade.style === 'duplicate' ? 'ring' : 'circle', x, y, DOT_RADIUS);
      c.lineWidth = 3;
      c.strokeStyle = color;
      c.stroke();
      if (labelled.has(i)) {
        c.lineWidth = 4;
        c.strokeStyle = palette().halo;
        c.strokeText(fade.label, x, y - 14);
        c.fillStyle = color;
        c.fillText(fade.label, x, y - 14);
      }
    });
    c.globalAlpha = 1;
  }

  function update(frame: Frame) {
    last = frame;
    const sample = options.still
      ? { total: 0, drawn: [] as Flight[] }
      : sampleFlights(frame.flights, frame.displayUs, DOT_CAP);
    note.tell(sample.total, sample.drawn.length);
    drawnFlights = sample.drawn;
    // How many dots are on the canvas, for tests and tools that cannot read pixels.
    const drawnText = String(sample.drawn.length);
    if (canvas.dataset.drawn !== drawnText) canvas.dataset.drawn = drawnText;
    const empty = sample.drawn.length === 0 && frame.fades.length === 0 && !frame.selectedMsg;
    if (!ctx || (!dirty && empty)) return;
    dirty = !empty;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (stage.cssW() === 0 || stage.cssH() === 0) return;
    const dpr = canvas.width / Math.max(1, stage.cssW());
    drawDots(ctx, frame, sample.drawn, dpr);
    const { s, ox, oy } = stage.transform();
    ctx.setTransform(dpr * s, 0, 0, dpr * s, dpr * ox, dpr * oy);
    if (!options.still) drawSelection(ctx, frame);
    drawFades(ctx, frame);
  }

  resize();
  return {
    update,
    redraw() {
      dirty = true;
      if (last) update(last);
    },
    setLayout(next) {
      layout = next;
      dirty = true;
      if (last) update(last);
    },
    hitTest(clientX, clientY) {
      const [x, y] = stage.toLayout(clientX, clientY);
      let best = -1;
      let bestD = HIT_RADIUS * HIT_RADIUS;
      for (let i = 0; i < drawnFlights.length; i++) {
        const d = (xs[i]! - x) ** 2 + (ys[i]! - y) ** 2;
        if (d <= bestD) {
          bestD = d;
          best = i;
        }
      }
      return best >= 0 ? drawnFlights[best]! : null;
    },
    destroy() {
      note.cancel();
      observer.disconnect();
      canvas.remove();
      last = null;
    },
  };
}

/** Passes the sample's figures on at most every SAMPLE_NOTE_MS, and at once when it starts or stops. */
function createSampleNote(onSample: FlightsOptions['onSample']) {
  let total = -1;
  let drawn = -1;
  let toldAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let toldSampled = false;
  const flush = () => {
    timer = null;
    toldAt = performance.now();
    toldSampled = drawn < total;
    onSample?.(total, drawn);
  };
  return {
    tell(nextTotal: number, nextDrawn: number) {
      if (!onSample || (nextTotal === total && nextDrawn === drawn)) return;
      const first = total < 0;
      total = nextTotal;
      drawn = nextDrawn;
      const wait = SAMPLE_NOTE_MS - (performance.now() - toldAt);
      if (first || drawn < total !== toldSampled || wait <= 0) {
        if (timer !== null) clearTimeout(timer);
        flush();
      } else timer ??= setTimeout(flush, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
