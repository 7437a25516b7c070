/**
 * The timeline under the view: the current tick, how far the run has been computed, and a marker
 * for every input and scheduled fault. It is an ARIA slider: drag it (pointer) or use the arrow
 * keys, Page Up/Down and Home/End when focused to move through time. Markers are buttons that
 * jump to just after their input. The thumb moves every animation frame through a frame
 * subscription; React re-renders it only when the store publishes. The compare view's timeline
 * is this slider on the pair (playback.ts), without markers.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { formatSeconds } from './format';
import { usePlayback, type Playback } from './playback';
import { useRenderCount } from './renderCount';
import { useSim } from './SimStoreContext';
import { timelineMarkers, type Marker } from './timelineMarkers';
import { useScrub } from './useScrub';

export interface TimelineNames {
  section: string;
  slider: string;
  testId: string;
}

const RUN_NAMES: TimelineNames = {
  section: 'Timeline',
  slider: 'Simulated time',
  testId: 'timeline',
};

const pct = (tick: number, end: number) =>
  `${(100 * Math.min(1, tick / Math.max(1, end))).toFixed(3)}%`;

interface SliderProps {
  playback?: Playback;
  names: TimelineNames;
  /** One run's inputs and faults, and how far it has been computed. */
  run?: { markers: Marker[]; horizon: number };
}

function Slider({ playback: given, names, run }: SliderProps) {
  useRenderCount('Timeline');
  const playback = usePlayback(given);
  const { view, actions } = playback;
  const tick = useStore(view, (s) => s.tick);
  const endTick = useStore(view, (s) => s.endTick);
  const tickMs = useStore(view, (s) => s.tickMs);
  const track = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const played = useRef<HTMLDivElement>(null);
  const scrub = useScrub(track, endTick, actions);

  useEffect(
    () =>
      playback.onFrame((at, end) => {
        const left = pct(at, end);
        if (thumb.current && thumb.current.style.left !== left) thumb.current.style.left = left;
        if (played.current && played.current.style.width !== left)
          played.current.style.width = left;
      }),
    [playback],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    const now = playback.tick();
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
    <section className="timeline" aria-label={names.section}>
      {run ? (
        <div className="timeline-markers">
          {run.markers.map((m) => (
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
      ) : null}
      <div
        ref={track}
        className="timeline-track"
        data-testid={names.testId}
        role="slider"
        tabIndex={0}
        aria-label={names.slider}
        aria-valuemin={0}
        aria-valuemax={endTick}
        aria-valuenow={tick}
        aria-valuetext={`tick ${tick}, ${formatSeconds(tick * tickMs)} of ${formatSeconds(endTick * tickMs)}`}
        onKeyDown={onKeyDown}
        {...scrub}
      >
        {run ? (
          <div className="timeline-horizon" style={{ width: pct(run.horizon, endTick) }} />
        ) : null}
        <div ref={played} className="timeline-played" />
        {run?.markers.map((m) => (
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

/** The run of the nearest SimStoreProvider, with its markers. */
function RunTimeline() {
  const tickMs = useSim((s) => s.tickMs);
  const horizon = useSim((s) => s.horizonTick);
  const timeline = useSim((s) => s.timeline);
  const scenario = useSim((s) => s.scenario);
  const markers = useMemo(
    () => timelineMarkers(timeline, scenario, tickMs),
    [timeline, scenario, tickMs],
  );
  return <Slider names={RUN_NAMES} run={{ markers, horizon }} />;
}

/** One run's timeline, or, given a playback (the compare pair), a slider over it. */
export function Timeline({ playback, names }: { playback?: Playback; names?: TimelineNames }) {
  return playback ? <Slider playback={playback} names={names ?? RUN_NAMES} /> : <RunTimeline />;
}
