/**
 * Virtual scrolling for fixed-height rows: only the rows in view (plus a few either side) are
 * rendered. While the list is scrolled to the bottom it follows new rows, like a terminal;
 * scrolling up stops following until the bottom is reached again.
 *
 * The viewport is a column-reverse flex box (see log.css), so its scroll position counts from
 * the bottom: 0 is the newest row, and new rows keep it there without any script. Following
 * therefore reads and writes no layout at all; an earlier version set scrollTop after every
 * render, which forced a layout of the whole page ~10 times a second while playing (7–10 ms
 * each at 5,000 moving messages).
 */
import { useState, type RefObject, type UIEvent } from 'react';

const OVERSCAN = 6;

export function useVirtualRows(
  viewport: RefObject<HTMLDivElement | null>,
  total: number,
  rowHeight: number,
  viewHeight: number,
) {
  // How far above the newest row the view is scrolled, px (0 while following).
  const [fromBottom, setFromBottom] = useState(0);
  const fullHeight = total * rowHeight;
  const top = Math.max(0, fullHeight - viewHeight - fromBottom);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(total, Math.ceil((top + viewHeight) / rowHeight) + OVERSCAN);

  return {
    first,
    last,
    fullHeight,
    /** Follow the newest rows again (after a jump). */
    followLatest() {
      setFromBottom(0);
      if (viewport.current) viewport.current.scrollTop = 0;
    },
    onScroll(e: UIEvent<HTMLDivElement>) {
      // Negative upwards in a column-reverse scroller; a row's height of slack still follows.
      const up = Math.max(0, -e.currentTarget.scrollTop);
      setFromBottom(up < rowHeight ? 0 : up);
    },
  };
}
