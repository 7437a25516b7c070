/**
 * Pointer handling of the topology stage (mouse, pen and touch alike, through pointer events):
 * drag a node (a badge drags its whole region), drag the background to pan, pinch with two
 * fingers and turn the wheel to zoom around the pointer. A press that moves less than a few
 * pixels is a click, and is left alone (a node opens its inspector, a dot selects its message);
 * after a drag, the click the browser sends is swallowed (takeClick). Everything goes through
 * callbacks into the stage layout store; nothing here touches React.
 * Touch: the stage lets the browser have a one-finger vertical swipe on its background (CSS
 * touch-action: pan-y, nodes none), so the page scrolls over it on a tablet; a horizontal one
 * still pans the view, a finger on a node drags it, and two fingers pinch (onTouchMove).
 */
import { clampMove, dragGroup, type DraggedLayoutAccess, type Offsets } from './layoutDrag';
import type { StageTransform } from './stageTransform';
import { panBy, zoomAt, type StageView } from './stageView';

export interface StageInteractOptions extends DraggedLayoutAccess {
  /** The stage element: the SVG and the canvas are its layers. */
  element: HTMLElement;
  transform: StageTransform;
  setView(view: StageView): void;
}

export interface StageInteraction {
  /** True once if the click now arriving ends a drag (the caller swallows it). */
  takeClick(): boolean;
  destroy(): void;
}

/** Movement (CSS px) after which a press is a drag, not a click. */
const DRAG_PX = 5;
/** How long after a drag its click is swallowed (the browser sends it at once). */
const CLICK_AFTER_DRAG_MS = 400;

interface Press {
  pointerId: number;
  x: number;
  y: number;
  /** Nodes the press drags; empty: it pans. */
  ids: string[];
  startOffsets: Offsets;
  startView: StageView;
  dragging: boolean;
}

export function attachStageInteraction(o: StageInteractOptions): StageInteraction {
  const el = o.element;
  const pointers = new Map<number, { x: number; y: number }>();
  let press: Press | null = null;
  let pinch: { dist: number; mid: [number, number]; view: StageView } | null = null;
  let swallowUntil = 0;
  const size = () => ({ width: o.base().width, height: o.base().height });

  const startPinch = () => {
    const [a, b] = [...pointers.values()];
    if (!a || !b) return;
    const mid = o.transform.toLayout((a.x + b.x) / 2, (a.y + b.y) / 2);
    pinch = { dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid, view: o.transform.view() };
    if (press?.dragging) swallowUntil = performance.now() + CLICK_AFTER_DRAG_MS;
    press = null;
  };

  const onDown = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) return startPinch();
    if (pointers.size > 2) return;
    const target = (e.target as Element | null)?.closest?.('[data-node-id]');
    const id = target && el.contains(target) ? target.getAttribute('data-node-id') : null;
    press = {
      pointerId: e.pointerId,
      x: e.clientX,
      y: e.clientY,
      ids: id ? dragGroup(o.base(), id) : [],
      startOffsets: o.offsets(),
      startView: o.transform.view(),
      dragging: false,
    };
  };

  const onMove = (e: PointerEvent) => {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size >= 2) {
      const [a, b] = [...pointers.values()];
      const dist = Math.hypot(a!.x - b!.x, a!.y - b!.y) || 1;
      const zoomed = zoomAt(pinch.view, dist / pinch.dist, pinch.mid[0], pinch.mid[1], size());
      // Then pan so the layout point first under the fingers' midpoint stays under it.
      o.transform.setView(zoomed);
      const [mx, my] = o.transform.toLayout((a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
      o.setView(panBy(zoomed, pinch.mid[0] - mx, pinch.mid[1] - my, size()));
      return;
    }
    if (!press || press.pointerId !== e.pointerId) return;
    const dxPx = e.clientX - press.x;
    const dyPx = e.clientY - press.y;
    if (!press.dragging) {
      if (Math.hypot(dxPx, dyPx) < DRAG_PX) return;
      // A finger going up or down the background is the page's scroll (touch-action: pan-y):
      // the browser takes it (pointercancel), so it does not start a pan meanwhile.
      if (e.pointerType === 'touch' && press.ids.length === 0 && Math.abs(dyPx) >= Math.abs(dxPx))
        return;
      press.dragging = true;
      // Captured only once it is a drag: a capture on a plain press would retarget its click.
      el.setPointerCapture?.(e.pointerId);
      el.classList.add('is-dragging');
    }
    e.preventDefault();
    const s = o.transform.transform().s;
    if (press.ids.length > 0)
      o.setOffsets(clampMove(o.base(), press.startOffsets, press.ids, dxPx / s, dyPx / s));
    else o.setView(panBy(press.startView, -dxPx / s, -dyPx / s, size()));
  };

  const onUp = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pinch) {
      if (pointers.size < 2) pinch = null;
      swallowUntil = performance.now() + CLICK_AFTER_DRAG_MS;
      return;
    }
    if (press?.pointerId === e.pointerId) {
      if (press.dragging) swallowUntil = performance.now() + CLICK_AFTER_DRAG_MS;
      press = null;
      el.classList.remove('is-dragging');
    }
  };

  // Two fingers on the stage pinch it, and a finger on a node drags it: the page must not scroll
  // (nor zoom) under them. Chromium ignores touch-action on SVG elements (a node's 'none' does
  // not count), so this stops it; a touch's target is where it began. One finger on the
  // background keeps what touch-action allows it. Not on touchstart: that would cancel the tap
  // that opens a node's inspector.
  const onTouchMove = (e: TouchEvent) => {
    if (!e.cancelable) return;
    const onNode = (e.target as Element | null)?.closest?.('[data-node-id]');
    if (e.touches.length >= 2 || onNode) e.preventDefault();
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const factor = Math.exp(-e.deltaY * unit * 0.0015);
    const [px, py] = o.transform.toLayout(e.clientX, e.clientY);
    o.setView(zoomAt(o.transform.view(), factor, px, py, size()));
  };

  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onUp);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('touchmove', onTouchMove, { passive: false });
  return {
    takeClick() {
      if (performance.now() > swallowUntil) return false;
      swallowUntil = 0;
      return true;
    },
    destroy() {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('touchmove', onTouchMove);
      el.classList.remove('is-dragging');
    },
  };
}
