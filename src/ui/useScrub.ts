/**
 * Dragging the timeline: the pointer is captured on press, and the tick under it is sought at
 * most once per animation frame (a seek restores a checkpoint and replays, ~10 ms). While the
 * drag lasts the store publishes to React at most ~10 times a second; the canvas, topology and
 * chart cursors follow every seek.
 */
import { useRef, type PointerEvent, type RefObject } from 'react';
import type { SimActions } from '../store';

export function useScrub(
  track: RefObject<HTMLDivElement | null>,
  endTick: number,
  actions: Pick<SimActions, 'seek' | 'beginScrub' | 'endScrub'>,
) {
  const dragging = useRef(false);
  const pending = useRef<number | null>(null);
  const frame = useRef(0);

  const tickAt = (clientX: number) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    const frac = Math.max(0, Math.min(1, (clientX - rect.left) / rect.width));
    return Math.round(frac * endTick);
  };

  const flush = () => {
    frame.current = 0;
    if (pending.current !== null) actions.seek(pending.current);
    pending.current = null;
  };

  return {
    onPointerDown(e: PointerEvent<HTMLDivElement>) {
      if (e.button !== 0) return;
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus();
      dragging.current = true;
      actions.beginScrub();
      pending.current = tickAt(e.clientX);
      flush();
    },
    onPointerMove(e: PointerEvent<HTMLDivElement>) {
      if (!dragging.current) return;
      pending.current = tickAt(e.clientX);
      if (frame.current === 0) frame.current = requestAnimationFrame(flush);
    },
    onPointerUp(e: PointerEvent<HTMLDivElement>) {
      if (!dragging.current) return;
      dragging.current = false;
      cancelAnimationFrame(frame.current);
      pending.current = tickAt(e.clientX);
      flush();
      actions.endScrub();
    },
    onPointerCancel() {
      if (!dragging.current) return;
      dragging.current = false;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      actions.endScrub();
    },
  };
}
