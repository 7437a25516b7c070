/**
 * The timeline under the view: the current tick, how far the run has been computed, and a marker
 * for every input and scheduled fault. It is an ARIA slider: drag it (pointer) or use the arrow
 * keys, Page Up/Down and Home/End when focused to move through time. Markers are buttons that
 * jump to just after their input. The thumb moves every animation frame through a store
 * subscription; React re-renders it only when the store publishes.
 */
import { useEffect, useMemo, useRef } from 'react';
import { formatSeconds } from './format';
import { useRenderCount } from './renderCount';
import { useSim, useSimStore } from './SimStoreContext';
import { timelineMarkers } from './timelineMarkers';
import { useScrub } from './useScrub';

const pct = (tick: number, end: number) =>
  `${(100 * Math.min(1, tick / Math.max(1, end))).toFixed(3)}%`;

export function Timeline() {
  useRenderCount('Timeline');
  const store = useSimStore();
  const tick = useSim((s) => s.tick);
  const endTick = useSim((s) => s.endTick);
  const tickMs = useSim((s) => s.tickMs);
  const horizon = useSim((s) => s.horizonTick);
  const timeline = useSim((s) => s.timeline);
  const scenario = useSim((s) => s.scenario);
  const actions = useSim((s) => s.actions);
  const track = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const played = useRef<HTMLDivElement>(null);
  const markers = useMemo(
    () => timelineMarkers(timeline, scenario, tickMs),
    [timeline, scenario, tickMs],
  );
  const scrub = useScrub(track, endTick, actions);

  useEffect(
    () =>
      store.subscribeFrame((f) => {
        const left = pct(f.displayUs / f.sim.tickUs, f.sim.endTick);
        if (thumb.current && thumb.current.style.left !== left) thumb.current.style.left = left;
        if (played.current && played.current.style.width !== left)
          played.current.style.width = left;
      }),
    [store],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    const now = store.sim().tick;
    const page = Math.max(1, Math.round(endTick / 20));
    const moves: Record<string, number> = {
      ArrowRight: now + 1,
      ArrowUp: now + 1,
      ArrowLeft: now - 1,
      ArrowDown: now - 1,
      PageUp: now + page,
      PageDown: now - page,
      Home: 0,
      End: endTick,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    actions.seek(Math.max(0, Math.min(endTick, to)));
  };

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-markers">
        {markers.map((m) => (
          <button
            key={m.key}
            type="button"
            className={`marker ${m.scheduled ? 'marker--scheduled' : 'marker--input'}`}
            data-testid="timeline-marker"
            style={{ left: pct(m.tick, endTick) }}
            aria-label={`Go to ${formatSeconds((m.tick + 1) * tickMs)}: ${m.label}${m.scheduled ? ' (scheduled)' : ''}`}
            title={`${m.label}${m.scheduled ? ' (scheduled)' : ''} at ${formatSeconds(m.tick * tickMs)}`}
            onClick={() => actions.seek(m.tick + 1)}
          />
        ))}
      </div>
      <div
        ref={track}
        className="timeline-track"
        data-testid="timeline"
        role="slider"
        tabIndex={0}
        aria-label="Simulated time"
        aria-valuemin={0}
        aria-valuemax={endTick}
        aria-valuenow={tick}
        aria-valuetext={`tick ${tick}, ${formatSeconds(tick * tickMs)} of ${formatSeconds(endTick * tickMs)}`}
        onKeyDown={onKeyDown}
        {...scrub}
      >
        <div className="timeline-horizon" style={{ width: pct(horizon, endTick) }} />
        <div ref={played} className="timeline-played" />
        {markers.map((m) => (
          <div key={m.key} className="timeline-tickmark" style={{ left: pct(m.tick, endTick) }} />
        ))}
        <div ref={thumb} className="timeline-thumb" />
      </div>
      <div className="timeline-scale" aria-hidden="true">
        <span>0 s</span>
        <span>{formatSeconds(endTick * tickMs)}</span>
      </div>
    </section>
  );
}
