/**
 * Messages travelling along a link, collected from the engine's events for the canvas layer.
 * A flight is data (ends and times), so where its dot is drawn is a pure function of the
 * simulated time being shown: pause, speed changes and stepping need no tweening.
 */
import type { EventSink, SimEvent } from '../engine';

export interface Flight {
  msgId: number;
  /** Node ids at both ends of the link. */
  from: string;
  to: string;
  departUs: number;
  arriveUs: number;
  redelivered: boolean;
}

/** Dots kept at once; beyond this the oldest are dropped (they would be unreadable anyway). */
export const MAX_FLIGHTS = 5000;

export interface FlightLog extends EventSink {
  /** Flights not yet known to have arrived, oldest first. Read-only for callers. */
  readonly list: readonly Flight[];
  /** Forget flights that arrived at or before `nowUs` (the engine's time, never ahead of the view). */
  prune(nowUs: number): void;
  clear(): void;
}

export function createFlightLog(): FlightLog {
  let items: Flight[] = [];

  const add = (f: Flight) => {
    // Zero-latency links have nothing to animate.
    if (f.arriveUs <= f.departUs) return;
    items.push(f);
    // Trim in batches so a burst of events costs one splice, not one per event.
    if (items.length > MAX_FLIGHTS * 2) items = items.slice(items.length - MAX_FLIGHTS);
  };

  return {
    get list() {
      return items;
    },
    push(e: SimEvent) {
      if (e.type === 'published') {
        add({
          msgId: e.msgId,
          from: e.producer,
          to: e.queue,
          departUs: e.atUs,
          arriveUs: e.arriveUs,
          redelivered: false,
        });
      } else if (e.type === 'delivered') {
        add({
          msgId: e.msgId,
          from: e.queue,
          to: e.consumer,
          departUs: e.atUs,
          arriveUs: e.arriveUs,
          redelivered: e.redelivered,
        });
      }
    },
    prune(nowUs: number) {
      let w = 0;
      for (const f of items) if (f.arriveUs > nowUs) items[w++] = f;
      items.length = w;
      if (items.length > MAX_FLIGHTS) items = items.slice(items.length - MAX_FLIGHTS);
    },
    clear() {
      items = [];
    },
  };
}
