/**
 * The one mapping between layout units and the page for the topology stage, shared by the SVG
 * (its viewBox), the canvas of moving messages and the hit tests, so all three agree at every
 * zoom. The whole picture fits the element as the SVG's "xMidYMid meet" would fit it; the view
 * (zoom k, and the top-left corner of the visible window in layout units) zooms into that.
 */
import { clampView, type StageView } from './stageView';

export type { StageView } from './stageView';

export interface StageSize {
  width: number;
  height: number;
}

export interface StageTransform {
  /** Re-read the element's size (after a resize). */
  measure(): void;
  cssW(): number;
  cssH(): number;
  /** Scale and offset from layout units to CSS pixels within the element. */
  transform(): { s: number; ox: number; oy: number };
  toLayout(clientX: number, clientY: number): [number, number];
  view(): StageView;
  /** Set the view (clamped: zoom 0.5–8, the window's centre over the picture). */
  setView(view: StageView): void;
  /** The SVG viewBox that shows the current view. */
  viewBox(): string;
}

export function createStageTransform(element: HTMLElement, size: StageSize): StageTransform {
  let w = 0;
  let h = 0;
  let view: StageView = { x: 0, y: 0, k: 1 };
  const transform = () => {
    const fit = Math.min(w / size.width, h / size.height) || 1;
    const s = fit * view.k;
    return {
      s,
      ox: (w - size.width * fit) / 2 - view.x * s,
      oy: (h - size.height * fit) / 2 - view.y * s,
    };
  };
  return {
    measure() {
      w = element.clientWidth;
      h = element.clientHeight;
    },
    cssW: () => w,
    cssH: () => h,
    transform,
    toLayout(clientX, clientY) {
      const rect = element.getBoundingClientRect();
      const { s, ox, oy } = transform();
      return [(clientX - rect.left - ox) / s, (clientY - rect.top - oy) / s];
    },
    view: () => view,
    setView(next) {
      view = clampView(next, size);
    },
    viewBox() {
      const r = (n: number) => Math.round(n * 100) / 100;
      return `${r(view.x)} ${r(view.y)} ${r(size.width / view.k)} ${r(size.height / view.k)}`;
    },
  };
}
