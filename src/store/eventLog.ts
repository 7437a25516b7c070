/**
 * The bounded event log. Its content at tick T is defined, not accumulated: the last
 * LOG_MAX_EVENTS events that happened within LOG_WINDOW_US before T. Playing forward keeps
 * appending; a seek clears it and replays from a checkpoint far enough back (see run.ts), and
 * both give exactly the same view.
 */
import type { EventSink, SimEvent } from '../engine';
import { LOG_MAX_EVENTS, LOG_WINDOW_US } from './tuning';

export interface EventLog extends EventSink {
  /** Events of the log at engine time `nowUs`, oldest first. Do not mutate. */
  view(nowUs: number): readonly SimEvent[];
  /** Events pushed since the run began (restored from checkpoints on seek). */
  count(): number;
  /** Count an event without keeping it (far before a seek's target: it can never be shown). */
  skip(): void;
  /** Forget the events (after a restore), keeping the running count given. */
  reset(count: number): void;
}

/** First index whose event is at or after `atUs` (events are in time order). */
function firstAtOrAfter(events: readonly SimEvent[], atUs: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.atUs < atUs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createEventLog(): EventLog {
  let events: SimEvent[] = [];
  let pushed = 0;
  let cacheKey = -1;
  let cachePushed = -1;
  let cache: readonly SimEvent[] = [];
  return {
    push(e: SimEvent) {
      events.push(e);
      pushed++;
      // Keep at least the newest LOG_MAX_EVENTS; trimming in batches keeps pushes O(1).
      if (events.length > LOG_MAX_EVENTS * 2) events = events.slice(events.length - LOG_MAX_EVENTS);
    },
    view(nowUs: number) {
      if (nowUs === cacheKey && pushed === cachePushed) return cache;
      const start = Math.max(
        firstAtOrAfter(events, nowUs - LOG_WINDOW_US),
        events.length - LOG_MAX_EVENTS,
      );
      cache = events.slice(start);
      cacheKey = nowUs;
      cachePushed = pushed;
      return cache;
    },
    count: () => pushed,
    skip() {
      pushed++;
    },
    reset(count: number) {
      events = [];
      pushed = count;
      cacheKey = -1;
    },
  };
}
