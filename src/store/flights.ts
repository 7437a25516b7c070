/**
 * Messages travelling along a link, collected from the engine's events for the canvas layer.
 * A flight is data (ends and times), so where its dot is drawn is a pure function of the
 * simulated time being shown: pause, speed changes, stepping and seeking need no tweening.
 *
 * Which events are trips, and between which nodes, is a table by event type with a default
 * (`from` → `to`), so trips of event types added to the engine later are drawn without changes
 * here as long as they carry `arriveUs`.
 */
import type { EventSink, SimEvent } from '../engine';
import { numberField, stringField } from './eventFields';
import { TRIPS_MAX } from './tuning';

export interface Flight {
  /** The copy (msgId) and business message (originId) it carries, when the event says. */
  msgId: number | null;
  originId: number | null;
  /** Node ids at both ends of the link. */
  from: string;
  to: string;
  departUs: number;
  arriveUs: number;
  /** Key into the message style table (viz/messageStyles.ts): new, redelivered, retrying... */
  state: string;
}

interface TripRule {
  from: readonly string[];
  to: readonly string[];
}

/** Field names holding each end of a trip, tried in order. */
const TRIPS: Readonly<Record<string, TripRule>> = {
  published: { from: ['producer'], to: ['to', 'queue'] },
  delivered: { from: ['queue'], to: ['consumer'] },
};
const DEFAULT_TRIP: TripRule = { from: ['from'], to: ['to'] };

function firstString(e: SimEvent, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = stringField(e, k);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The state a trip is drawn in, from the event's flags. */
function stateOf(e: SimEvent): string {
  const rec = e as unknown as Record<string, unknown>;
  if (rec.redelivered === true) return 'redelivered';
  if ((numberField(e, 'attempt') ?? 1) > 1) return 'retrying';
  return 'new';
}

/** The trip an event starts, or null (most events are not trips). */
export function tripOf(e: SimEvent): Flight | null {
  const arriveUs = numberField(e, 'arriveUs');
  if (arriveUs === undefined || arriveUs <= e.atUs) return null;
  const rule = TRIPS[e.type] ?? DEFAULT_TRIP;
  const from = firstString(e, rule.from);
  const to = firstString(e, rule.to);
  if (from === undefined || to === undefined) return null;
  return {
    msgId: numberField(e, 'msgId') ?? null,
    originId: numberField(e, 'originId') ?? null,
    from,
    to,
    departUs: e.atUs,
    arriveUs,
    state: stateOf(e),
  };
}

export interface FlightLog extends EventSink {
  /**
   * Flights not yet arrived at `nowUs` (the engine's time, never ahead of the view), oldest
   * first, at most TRIPS_MAX (the newest). A pure function of the run and `nowUs`.
   */
  active(nowUs: number): readonly Flight[];
  clear(): void;
}

export function createFlightLog(): FlightLog {
  let items: Flight[] = [];
  return {
    push(e: SimEvent) {
      const f = tripOf(e);
      if (!f) return;
      items.push(f);
      // Trim in batches so a burst of events costs one copy, not one per event.
      if (items.length > TRIPS_MAX * 2) items = items.slice(items.length - TRIPS_MAX);
    },
    active(nowUs: number) {
      let w = 0;
      for (const f of items) if (f.arriveUs > nowUs) items[w++] = f;
      items.length = w;
      return items.length > TRIPS_MAX ? items.slice(items.length - TRIPS_MAX) : items;
    },
    clear() {
      items = [];
    },
  };
}
