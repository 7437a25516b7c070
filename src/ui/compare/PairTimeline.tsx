/**
 * One timeline for both runs: an ARIA slider over the longer run (arrows ±1 tick, Page Up/Down
 * ±5 %, Home/End), dragged with the pointer like the main one (useScrub). A seek moves both
 * runs; the thumb follows the shared clock every animation frame.
 */
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ComparePair } from '../../compare/comparePair';
import { formatSeconds } from '../format';
import { useScrub } from '../useScrub';

const pct = (tick: number, end: number) =>
  `${(100 * Math.min(1, tick / Math.max(1, end))).toFixed(3)}%`;

export function PairTimeline({ pair }: { pair: ComparePair }) {
  const tick = useStore(pair.view, (s) => s.tick);
  const endTick = useStore(pair.view, (s) => s.endTick);
  const tickMs = useStore(pair.view, (s) => s.tickMs);
  const track = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const played = useRef<HTMLDivElement>(null);
  const scrub = useScrub(track, endTick, pair.actions);

  useEffect(() => {
    const move = () => {
      const left = pct(pair.clock.shared().displayTick(), pair.view.getState().endTick);
      if (thumb.current && thumb.current.style.left !== left) thumb.current.style.left = left;
      if (played.current && played.current.style.width !== left) played.current.style.width = left;
    };
    const offs = [pair.stores.left.subscribeFrame(move), pair.stores.right.subscribeFrame(move)];
    move();
    return () => offs.forEach((off) => off());
  }, [pair]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.round(endTick / 20));
    const moves: Record<string, number> = {
      ArrowRight: tick + 1,
      ArrowUp: tick + 1,
      ArrowLeft: tick - 1,
      ArrowDown: tick - 1,
      PageUp: tick + page,
      PageDown: tick - page,
      Home: 0,
      End: endTick,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    pair.actions.seek(Math.max(0, Math.min(endTick, to)));
  };

  return (
    <section className="timeline compare-timeline" aria-label="Timeline of both runs">
      <div
        ref={track}
        className="timeline-track"
        data-testid="pair-timeline"
        role="slider"
        tabIndex={0}
        aria-label="Simulated time of both runs"
        aria-valuemin={0}
        aria-valuemax={endTick}
        aria-valuenow={tick}
        aria-valuetext={`tick ${tick}, ${formatSeconds(tick * tickMs)} of ${formatSeconds(endTick * tickMs)}`}
        onKeyDown={onKeyDown}
        {...scrub}
      >
        <div ref={played} className="timeline-played" />
        <div ref={thumb} className="timeline-thumb" />
      </div>
      <div className="timeline-scale" aria-hidden="true">
        <span>0 s</span>
        <span>{formatSeconds(endTick * tickMs)}</span>
      </div>
    </section>
  );
}
