/**
 * Messages travelling along a link, collected from the engine's events for the canvas layer.
 * A flight is data (ends and times), so where its dot is drawn is a pure function of the
 * simulated time being shown: pause, speed changes, stepping and seeking need no tweening.
 *
 * Trips (trips.ts): a publish to its exchange or queue, a routed copy from the exchange to each
 * queue, a delivery to its consumer, a dead letter to its DLQ, a redriven message back, and the
 * ack (or nack) travelling back from the consumer. An event type this table does not know is a
 * trip when it carries `arriveUs` and `from`/`to`. A delivery its consumer hands back before it
 * arrives (removed or crashed) turns round at that moment (turnBack.ts).
 */
import type { EventSink, SimEvent } from '../engine';
import { TRIPS_MAX } from './tuning';
import { tripsOf, type TripContext } from './trips';
import { TAKEN_BACK, turnBack } from './turnBack';

export interface Flight {
  /** The copy (msgId) and business message (originId) it carries, when the event says. */
  msgId: number | null;
  originId: number | null;
  /** Node ids at both ends of the link. */
  from: string;
  to: string;
  departUs: number;
  arriveUs: number;
  /** Key into the message style table (viz/messageStyles.ts): new, redelivered, ack... */
  state: string;
}

export interface FlightLog extends EventSink {
  /**
   * Flights not yet arrived at `nowUs` (the engine's time, never ahead of the view), oldest
   * first, at most TRIPS_MAX (the newest). A pure function of the run and `nowUs`.
   */
  active(nowUs: number): readonly Flight[];
  /** Trips found another way than from one event (records appended to a topic). */
  addTrips(trips: readonly Flight[]): void;
  clear(): void;
}

/** Publishes remembered until routed: far more than can be in transit over one link. */
const PUBLISHED_MAX = 20_000;

export function createFlightLog(base: Omit<TripContext, 'publishedTo'>): FlightLog {
  let items: Flight[] = [];
  // Where each message in transit was published to (for alternate exchanges), and the last
  // dead letter sent to an exchange (its copies then hop on to the queues it routes them to).
  const publishedTo = new Map<number, string>();
  let dlx: { originId: number; exchange: string; atUs: number } | null = null;
  const ctx: TripContext = { ...base, publishedTo: (o) => publishedTo.get(o) };
  // Deliveries still on their way to one consumer at one time, by copy id: a removal or crash
  // hands back many at once (one `requeued` event each), so the list is searched once for them.
  // Indexes into `items`: forgotten whenever `items` is added to or compacted.
  let wire: { consumer: string; queue: string; atUs: number; index: Map<number, number> } | null =
    null;
  const onTheWire = (consumer: string, queue: string, atUs: number) => {
    if (wire?.consumer !== consumer || wire.queue !== queue || wire.atUs !== atUs) {
      const index = new Map<number, number>();
      items.forEach((f, i) => {
        if (f.to !== consumer || f.from !== queue || f.msgId === null) return;
        if (f.departUs <= atUs && f.arriveUs > atUs) index.set(f.msgId, i);
      });
      wire = { consumer, queue, atUs, index };
    }
    return wire.index;
  };
  const takeBack = (e: SimEvent & { type: 'requeued' }) => {
    const i = onTheWire(e.consumer, e.queue, e.atUs).get(e.msgId);
    if (i === undefined) return;
    const f = items[i]!;
    // Replaced in place (the indexes stay valid); one that had not left ends here, undrawn.
    items[i] = turnBack(f, e.atUs, base.hopUs()) ?? { ...f, arriveUs: e.atUs };
  };
  const add = (f: Flight) => {
    wire = null;
    items.push(f);
    // Trim in batches so a burst of events costs one copy, not one per event.
    if (items.length > TRIPS_MAX * 2) items = items.slice(items.length - TRIPS_MAX);
  };
  const remember = (e: SimEvent) => {
    if (e.type === 'published') {
      // Only a publish to an exchange is routed later (a publish to a queue has no `routed`
      // and would never be forgotten).
      if (!base.isExchange(e.to)) return;
      publishedTo.set(e.originId, e.to);
      // Forget the oldest half at once: deleting one key at a time from the front of a Map
      // costs more with every key deleted (the iterator walks over the holes left behind).
      if (publishedTo.size > PUBLISHED_MAX) {
        const keep = [...publishedTo].slice(PUBLISHED_MAX / 2);
        publishedTo.clear();
        for (const [k, v] of keep) publishedTo.set(k, v);
      }
    } else if (e.type === 'deadLettered' && base.isExchange(e.to))
      dlx = { originId: e.originId, exchange: e.to, atUs: e.atUs };
    else if (e.type === 'enqueued' && dlx?.originId === e.originId && dlx.atUs === e.atUs) {
      const hop = base.hopUs();
      add({
        msgId: e.msgId,
        originId: e.originId,
        from: dlx.exchange,
        to: e.queue,
        departUs: e.atUs + hop,
        arriveUs: e.atUs + 2 * hop,
        state: 'deadLettered',
      });
    }
  };
  return {
    push(e: SimEvent) {
      remember(e);
      if (e.type === 'consumerCrashed' && e.window === 'afterEffect') {
        // It died after the effect and before its ack left: take back the ack drawn for it.
        const i = items.findLastIndex(
          (f) => f.from === e.consumer && f.departUs === e.atUs && f.state !== 'nack',
        );
        if (i >= 0) items.splice(i, 1);
        wire = null;
        return;
      }
      if (e.type === 'requeued' && TAKEN_BACK.has(e.reason)) takeBack(e);
      for (const f of tripsOf(e, ctx)) add(f);
      if (e.type === 'routed' || e.type === 'unroutable') publishedTo.delete(e.originId);
    },
    addTrips(trips) {
      for (const f of trips) add(f);
    },
    active(nowUs: number) {
      wire = null;
      let w = 0;
      for (const f of items) if (f.arriveUs > nowUs) items[w++] = f;
      items.length = w;
      return items.length > TRIPS_MAX ? items.slice(items.length - TRIPS_MAX) : items;
    },
    clear() {
      wire = null;
      items = [];
      publishedTo.clear();
      dlx = null;
    },
  };
}
