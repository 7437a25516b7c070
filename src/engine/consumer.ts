/**
 * A consumer: `concurrency` workers behind one prefetch limit. A delivery waits in a local
 * buffer until a worker is free; the worker processes it, and then either the business effect
 * is applied and an ack goes back (manual ack after processing), or the attempt failed and a
 * nack or reject goes back (failures.ts decides what the broker does with it). With auto-ack the
 * broker already forgot the message, so a failure or a crash loses it (R9).
 */
import { releaseCopyOf, releaseRef } from './copies';
import { crashConsumer } from './consumerCrash';
import { dispatch } from './delivery';
import { sampleUs } from './distributions';
import {
  emitAckIgnored,
  emitAcked,
  emitAckSent,
  emitProcessed,
  emitProcessingStarted,
} from './emit';
import { EV } from './eventKinds';
import { attemptFails, slowFactor } from './failure';
import { handleFailure } from './failureHandling';
import { histAdd } from './histogram';
import { seenBefore } from './idempotency';
import { serviceConsumed } from './serviceConsume';
import { ringPush, ringShift } from './ring';
import { seriesCount } from './series';
import { deliveryAt, freeDelivery, schedule, type Sink } from './sim';
import { CrashPoint, DLoc, Loc, type ConsumerState, type Delivery, type SimState } from './state';

/** Retries per acked message (the failed attempts before the ack). */
function countRetries(c: ConsumerState, failures: number): void {
  c.stats.retriedAcks++;
  c.stats.retriesOfAcked += failures;
  if (failures + 1 > c.stats.attemptsMax) c.stats.attemptsMax = failures + 1;
}

/** Is this heap event still about the delivery it was scheduled for? */
function current(st: SimState, dslot: number, tag: number, loc: number): Delivery | null {
  const d = st.deliveries[dslot];
  return d && d.tag === tag && d.loc === loc ? d : null;
}

/** A delivery reaches the consumer: start it if a worker is free, else buffer it. */
export function receive(st: SimState, dslot: number, sink: Sink): void {
  const d = st.deliveries[dslot]!;
  const ci = d.consumer;
  const c = st.consumers[ci]!;
  if (c.busy < c.concurrency) startService(st, d, dslot, c, sink);
  else {
    d.loc = DLoc.Buffered;
    ringPush(c.buffer, dslot);
  }
  if (c.crashWindow === CrashPoint.AfterReceive) crashConsumer(st, ci, 'afterReceive', sink);
}

export function onReachConsumer(st: SimState, dslot: number, tag: number, sink: Sink): void {
  if (current(st, dslot, tag, DLoc.ToConsumer)) receive(st, dslot, sink);
}

function startService(
  st: SimState,
  d: Delivery,
  dslot: number,
  c: ConsumerState,
  sink: Sink,
): void {
  const m = st.msgs[d.slot]!;
  const now = st.nowUs;
  c.busy++;
  d.loc = DLoc.InService;
  d.serviceStartUs = now;
  const doneUs = now + sampleUs(c.service, st.rng, c.stream, slowFactor(c, m) * c.slowdown);
  schedule(st, doneUs, EV.ServiceDone, dslot, d.tag);
  if (sink) emitProcessingStarted(st, sink, m, d.consumer);
}

/** Start buffered deliveries while workers are free. */
export function drainBuffer(st: SimState, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  while (c.buffer.size > 0 && c.busy < c.concurrency) {
    const dslot = ringShift(c.buffer);
    startService(st, st.deliveries[dslot]!, dslot, c, sink);
  }
}

/** Let go of a finished delivery. */
function endDelivery(st: SimState, dslot: number): void {
  const d = deliveryAt(st, dslot);
  const m = st.msgs[d.slot];
  if (m && m.dslot === dslot) m.dslot = -1;
  freeDelivery(st, dslot);
  releaseRef(st, d.slot);
}

export function onServiceDone(st: SimState, dslot: number, tag: number, sink: Sink): void {
  const d = current(st, dslot, tag, DLoc.InService);
  if (!d) return;
  const ci = d.consumer;
  const c = st.consumers[ci]!;
  const m = st.msgs[d.slot]!;
  const now = st.nowUs;
  c.busy--;
  histAdd(c.stats.service, now - d.serviceStartUs);
  st.totals.processed++;
  d.failed = attemptFails(st, c, m);
  let effect: 'applied' | 'duplicateSkipped' | 'none' = 'none';
  if (d.failed) c.stats.failed++;
  else if (seenBefore(st, c, m.origin, now)) {
    effect = 'duplicateSkipped';
    c.stats.duplicatesSkipped++;
  } else {
    effect = 'applied';
    m.effects++;
    c.stats.effects++;
    st.totals.effects++;
    if (m.effects > 1) st.totals.duplicateEffects++;
    if (c.svc >= 0) serviceConsumed(st, c.svc, m.origin, sink);
  }
  if (sink) emitProcessed(st, sink, m, ci, d.failed, effect);
  // The freed worker takes the oldest buffered delivery before new ones are dispatched.
  drainBuffer(st, ci, sink);
  if (d.autoAcked) {
    // Nothing goes back: the broker forgot the message at delivery (R9).
    endDelivery(st, dslot);
    // Dies after the effect: what it still holds was auto-acked, so it is lost.
    if (c.crashWindow === CrashPoint.AfterEffect && effect !== 'none')
      crashConsumer(st, ci, 'afterEffect', sink);
    return;
  }
  d.loc = DLoc.AckInFlight;
  if (c.crashWindow === CrashPoint.AfterEffect && effect !== 'none') {
    // Dies after the effect, before its ack leaves: the broker will deliver it again.
    crashConsumer(st, ci, 'afterEffect', sink);
    return;
  }
  if (sink) emitAckSent(st, sink, m, ci, d.failed);
  if (st.linkLatencyUs === 0) ackArrives(st, dslot, sink);
  else schedule(st, now + st.linkLatencyUs, EV.AckArrives, dslot, d.tag);
}

export function onAckArrives(st: SimState, dslot: number, tag: number, sink: Sink): void {
  if (current(st, dslot, tag, DLoc.AckInFlight)) ackArrives(st, dslot, sink);
}

/** The ack (or nack) reaches the broker. A stale one (the copy was taken back) is ignored. */
function ackArrives(st: SimState, dslot: number, sink: Sink): void {
  const d = st.deliveries[dslot]!;
  const ci = d.consumer;
  const c = st.consumers[ci]!;
  const m = st.msgs[d.slot]!;
  const qi = m.queue;
  const now = st.nowUs;
  if (!d.valid || m.tag !== d.tag || m.loc !== Loc.Unacked) {
    c.stats.staleAcks++;
    if (sink) emitAckIgnored(st, sink, m, ci);
    endDelivery(st, dslot);
    return;
  }
  if (d.failed) {
    handleFailure(st, d, sink);
    endDelivery(st, dslot);
    dispatch(st, qi, sink);
    return;
  }
  const latencyUs = now - m.publishedUs;
  histAdd(c.stats.latency, latencyUs);
  c.stats.acked++;
  if (m.failures > 0) countRetries(c, m.failures);
  seriesCount(c.stats.ackSeries, now);
  st.queues[qi]!.stats.acked++;
  if (sink) emitAcked(st, sink, m, qi, ci, latencyUs);
  // The delivery ends, then the broker lets go of the copy (endDelivery + releaseCopy, with
  // what this path already knows: the copy is still held, so the ref drop settles nothing).
  const slot = d.slot;
  m.dslot = -1;
  m.refs--;
  freeDelivery(st, dslot);
  releaseCopyOf(st, slot, m, 'acked');
  dispatch(st, qi, sink);
  if (c.crashWindow === CrashPoint.AfterAck) crashConsumer(st, ci, 'afterAck', sink);
}
