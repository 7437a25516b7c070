/**
 * Which events start a trip the canvas animates, between which nodes and in which style.
 *
 * - published: producer → its exchange or queue, over the link latency (arriveUs);
 * - routed: exchange → each queue it routed a copy to; routing is instant in the engine, so it
 *   is drawn as a short hop inside the broker (HOP) once the publish has arrived (through the
 *   alternate exchange first when that is what routed it);
 * - delivered: queue → consumer (arriveUs), redelivered or retried ones in their own style;
 * - deadLettered: queue → its dead-letter target, redriven: DLQ → queue, both as hops;
 * - processed: the ack (or nack) leaving the consumer for its queue. The engine's `acked` event
 *   comes when the ack arrives, too late to draw it travelling, so the trip starts here, one
 *   link latency long, unless the consumer acks automatically (nothing goes back).
 * - request: a synchronous call (or a client's order) travelling from its caller to the service
 *   (the engine emits it on arrival, so the trip is placed one link latency back), and its
 *   reply (or error) travelling back from the moment it leaves;
 * - any other event with `arriveUs` and `from`/`to` fields.
 *
 * A trip shorter than a hop (two ticks at least) is drawn over a hop, so that it can be seen:
 * with a 1 ms link a request or a delivery would otherwise cross its edge between two frames.
 */
import type { SimEvent } from '../engine';
import { numberField, stringField } from './eventFields';
import type { Flight } from './flights';

export interface TripContext {
  /** One-way link latency, µs (0: nothing travels visibly). */
  linkUs(): number;
  /** Simulated time a hop inside the broker is drawn over, µs. */
  hopUs(): number;
  /** Is this node an exchange? */
  isExchange(id: string): boolean;
  /** The queue a consumer reads from. */
  queueOf(consumer: string): string | undefined;
  /** Does this consumer ack automatically right now? */
  autoAck(consumer: string): boolean;
  /** For a 'processed' event with an applied effect: was it applied before (a duplicate)? */
  duplicateNow(): boolean;
  /** Where the publish of this message went (to tell when an alternate exchange routed it). */
  publishedTo(originId: number): string | undefined;
  /** The client (producer) that sends orders to this service, for requests without a caller. */
  clientOf(service: string): string | undefined;
}

const ids = (e: SimEvent) => ({
  msgId: numberField(e, 'msgId') ?? null,
  originId: numberField(e, 'originId') ?? null,
});

/** The state of a message leaving on a publish or a delivery, from the event's flags. */
function stateOf(e: SimEvent): string {
  const rec = e as unknown as Record<string, unknown>;
  if (rec.redelivered === true) return 'redelivered';
  if ((numberField(e, 'attempt') ?? 1) > 1) return 'retrying';
  if ((numberField(e, 'deliveryCount') ?? 1) > 1) return 'retrying';
  return 'new';
}

function trip(e: SimEvent, from: string, to: string, arriveUs: number, state: string): Flight {
  return { ...ids(e), from, to, departUs: e.atUs, arriveUs, state };
}

/** A trip over a link, drawn over at least a hop (see above). */
function linkTrip(
  e: SimEvent,
  from: string,
  to: string,
  arriveUs: number,
  state: string,
  ctx: TripContext,
): Flight {
  return trip(e, from, to, Math.max(arriveUs, e.atUs + ctx.hopUs()), state);
}

/** A request on its way to a service, or its answer on the way back. */
function requestTrip(e: SimEvent & { type: 'request' }, ctx: TripContext): Flight[] {
  const link = ctx.linkUs();
  const client = e.caller ?? ctx.clientOf(e.service);
  if (link <= 0 || client === undefined) return [];
  const durationUs = Math.max(link, ctx.hopUs());
  const base = { msgId: null, originId: e.originId };
  if (e.phase === 'arrived') {
    const departUs = e.atUs - link;
    const state = e.undo ? 'undo' : 'request';
    return [
      { ...base, from: client, to: e.service, departUs, arriveUs: departUs + durationUs, state },
    ];
  }
  const state = e.phase === 'replied' ? 'reply' : 'replyFailed';
  return [
    {
      ...base,
      from: e.service,
      to: client,
      departUs: e.atUs,
      arriveUs: e.atUs + durationUs,
      state,
    },
  ];
}

export function tripsOf(e: SimEvent, ctx: TripContext): Flight[] {
  switch (e.type) {
    case 'published':
      return e.arriveUs > e.atUs
        ? [linkTrip(e, e.producer, e.to, e.arriveUs, stateOf(e), ctx)]
        : [];
    case 'delivered':
      return e.arriveUs > e.atUs
        ? [linkTrip(e, e.queue, e.consumer, e.arriveUs, stateOf(e), ctx)]
        : [];
    case 'request':
      return requestTrip(e, ctx);
    case 'routed': {
      const hop = ctx.linkUs() > 0 ? ctx.hopUs() : 0;
      if (hop <= 0) return [];
      const via = ctx.publishedTo(e.originId);
      if (via === undefined || via === e.exchange)
        return e.queues.map((q) => trip(e, e.exchange, q, e.atUs + hop, 'new'));
      // Nothing matched at `via`: its alternate exchange routed it. Two half hops.
      const mid = e.atUs + hop / 2;
      return [
        trip(e, via, e.exchange, mid, 'new'),
        ...e.queues.map((q) => ({ ...trip(e, e.exchange, q, e.atUs + hop, 'new'), departUs: mid })),
      ];
    }
    case 'deadLettered':
      return ctx.hopUs() > 0 ? [trip(e, e.from, e.to, e.atUs + ctx.hopUs(), 'deadLettered')] : [];
    case 'redriven':
      return ctx.hopUs() > 0 ? [trip(e, e.from, e.to, e.atUs + ctx.hopUs(), 'retrying')] : [];
    case 'processed': {
      const duplicate =
        e.effect === 'duplicateSkipped' || (e.effect === 'applied' && ctx.duplicateNow());
      const link = ctx.linkUs();
      const queue = ctx.queueOf(e.consumer);
      if (link <= 0 || !queue || ctx.autoAck(e.consumer)) return [];
      const state = e.outcome === 'failed' ? 'nack' : duplicate ? 'duplicate' : 'ack';
      return [linkTrip(e, e.consumer, queue, e.atUs + link, state, ctx)];
    }
    default: {
      const arriveUs = numberField(e, 'arriveUs');
      const from = stringField(e, 'from');
      const to = stringField(e, 'to');
      if (arriveUs === undefined || arriveUs <= e.atUs || !from || !to) return [];
      return [trip(e, from, to, arriveUs, stateOf(e))];
    }
  }
}
