/**
 * The mapping between layout units and the page for the topology stage. The SVG uses
 * preserveAspectRatio "xMidYMid meet" (the default); the canvas and hit tests mirror it.
 */
import type { Layout } from './layout';

export interface StageTransform {
  /** Re-read the element's size (after a resize). */
  measure(): void;
  cssW(): number;
  cssH(): number;
  /** Scale and offset from layout units to CSS pixels within the element. */
  transform(): { s: number; ox: number; oy: number };
  toLayout(clientX: number, clientY: number): [number, number];
}

export function createStageTransform(element: HTMLElement, layout: Layout): StageTransform {
  let w = 0;
  let h = 0;
  const transform = () => {
    const s = Math.min(w / layout.width, h / layout.height) || 1;
    return { s, ox: (w - layout.width * s) / 2, oy: (h - layout.height * s) / 2 };
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
  };
}
