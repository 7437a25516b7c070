/**
 * Zoom and pan of the topology stage as plain numbers: the zoom k (1 = the whole picture fits)
 * and the top-left corner of the visible window in layout units (its size is the picture's
 * divided by k). Pure, so the wheel, a pinch, the buttons and the tests share one rule.
 */

export interface StageView {
  x: number;
  y: number;
  k: number;
}

export const ZOOM_MIN = 0.5;
export const ZOOM_MAX = 8;
/** One press of + or −. */
export const ZOOM_STEP = 1.25;
export const FIT_VIEW: StageView = { x: 0, y: 0, k: 1 };

interface Size {
  width: number;
  height: number;
}

/** Zoom within its bounds, and the window's centre kept over the picture. */
export function clampView(v: StageView, size: Size): StageView {
  const k = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Number.isFinite(v.k) ? v.k : 1));
  const halfW = size.width / k / 2;
  const halfH = size.height / k / 2;
  const x = Math.min(size.width - halfW, Math.max(-halfW, Number.isFinite(v.x) ? v.x : 0));
  const y = Math.min(size.height - halfH, Math.max(-halfH, Number.isFinite(v.y) ? v.y : 0));
  return { x, y, k };
}

/** Zoom by `factor` keeping the layout point (px, py) where it is on the screen. */
export function zoomAt(v: StageView, factor: number, px: number, py: number, size: Size) {
  const k = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, v.k * factor));
  const r = v.k / k;
  return clampView({ x: px - (px - v.x) * r, y: py - (py - v.y) * r, k }, size);
}

/** Zoom by `factor` around the middle of what is shown now. */
export function zoomCentre(v: StageView, factor: number, size: Size): StageView {
  const cx = v.x + size.width / v.k / 2;
  const cy = v.y + size.height / v.k / 2;
  return zoomAt(v, factor, cx, cy, size);
}

/** Move the window by (dx, dy) layout units. */
export function panBy(v: StageView, dx: number, dy: number, size: Size): StageView {
  return clampView({ x: v.x + dx, y: v.y + dy, k: v.k }, size);
}
