/**
 * Virtual scrolling for fixed-height rows: only the rows in view (plus a few either side) are
 * rendered. While the list is scrolled to the bottom it follows new rows, like a terminal;
 * scrolling up stops following until the bottom is reached again. Programmatic scrolls do not
 * re-render (only the user's scrolling does).
 */
import { useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';

const OVERSCAN = 6;

export function useVirtualRows(
  viewport: RefObject<HTMLDivElement | null>,
  total: number,
  rowHeight: number,
  viewHeight: number,
) {
  const [scrollTop, setScrollTop] = useState(0);
  const follow = useRef(true);
  const programmatic = useRef(false);
  const fullHeight = total * rowHeight;
  const top = follow.current ? Math.max(0, fullHeight - viewHeight) : scrollTop;
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(total, Math.ceil((top + viewHeight) / rowHeight) + OVERSCAN);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || !follow.current) return;
    const target = Math.max(0, fullHeight - el.clientHeight);
    if (Math.abs(el.scrollTop - target) > 1) {
      programmatic.current = true;
      el.scrollTop = target;
    }
  });

  return {
    first,
    last,
    fullHeight,
    /** Follow the newest rows again (after a jump). */
    followLatest() {
      follow.current = true;
    },
    onScroll(e: UIEvent<HTMLDivElement>) {
      if (programmatic.current) {
        programmatic.current = false;
        return;
      }
      const el = e.currentTarget;
      follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
      setScrollTop(el.scrollTop);
    },
  };
}
