/**
 * Losing a consumer's deliveries: a crash (R12), a channel closed by the ack timeout (R14), or
 * an SQS visibility timeout (S2). The broker requeues every copy whose delivery was still valid,
 * flagged redelivered, so another consumer may take it; a crash also drops the consumer's
 * buffer and its workers' progress. With auto-ack nothing comes back: those messages are lost.
 */
import { releaseRef } from './copies';
import { deadLetterOrDiscard } from './deadLetter';
import { dispatch, updateActiveConsumer } from './delivery';
import { EV } from './eventKinds';
import { countReturn } from './failureHandling';
import { enforceMaxLength, requeueSlots } from './queue';
import { ringReset, ringToArray } from './ring';
import { consumerName, freeDelivery, msgAt, queueName, schedule, uncount, type Sink } from './sim';
import { CrashPoint, DLoc, Loc, type SimState } from './state';

/**
 * Invalidate a valid delivery: the copy goes back (if the broker still holds it for this
 * delivery). The delivery itself stays until its worker is done with it.
 */
export function takeBack(st: SimState, dslot: number): number {
  const d = st.deliveries[dslot]!;
  d.valid = false;
  if (d.counted && !st.queues[st.msgs[d.slot]!.queue]!.sqs) uncount(st, d);
  const m = msgAt(st, d.slot);
  if (m.loc !== Loc.Unacked || m.tag !== d.tag) return -1;
  m.holder = -1;
  m.tag = 0;
  m.dslot = -1;
  return d.slot;
}

/** Requeue taken-back copies of one queue, dead-lettering those past a delivery limit (R32). */
export function returnCopies(
  st: SimState,
  qi: number,
  slots: number[],
  consumer: string,
  reason: 'consumerCrashed' | 'ackTimeout' | 'visibilityTimeout' | 'consumerRemoved',
  sink: Sink,
): number {
  const back: number[] = [];
  for (const slot of slots) {
    // R32: 4.3 counts crashes but not consumer timeouts or a removed consumer's handed-back
    // messages (a requeueing nack); 4.0-4.2 counted every return.
    if (reason !== 'visibilityTimeout' && countReturn(st, slot, reason === 'consumerCrashed'))
      deadLetterOrDiscard(st, slot, 'delivery_limit', sink);
    else back.push(slot);
  }
  requeueSlots(st, qi, back);
  if (sink) {
    const queue = queueName(st, qi);
    for (const slot of back)
      sink.push({
        type: 'requeued',
        atUs: st.nowUs,
        msgId: msgAt(st, slot).id,
        queue,
        consumer,
        reason,
      });
  }
  enforceMaxLength(st, qi, sink);
  return back.length;
}

export function crashConsumer(st: SimState, ci: number, window: string, sink: Sink): void {
  const c = st.consumers[ci]!;
  if (!c.up) return;
  c.up = false;
  c.crashWindow = CrashPoint.None;
  c.busy = 0;
  ringReset(c.buffer, []);
  const back: number[] = [];
  let lost = 0;
  for (let dslot = 0; dslot < st.deliveries.length; dslot++) {
    const d = st.deliveries[dslot];
    if (!d || d.consumer !== ci) continue;
    // The work in progress is thrown away; its worker time still counts as busy.
    if (d.loc === DLoc.InService) c.stats.lostBusyUs += st.nowUs - d.serviceStartUs;
    if (d.autoAcked) {
      // Auto-acked: the broker forgot it at delivery, so the crash loses it (R9).
      lost++;
      const m = msgAt(st, d.slot);
      if (sink)
        sink.push({
          type: 'lost',
          atUs: st.nowUs,
          msgId: m.id,
          originId: m.origin,
          where: consumerName(st, ci),
          reason: 'autoAcked',
        });
    }
    if (d.valid && !d.autoAcked) {
      const slot = takeBack(st, dslot);
      if (slot >= 0) back.push(slot);
    }
    freeDelivery(st, dslot);
    releaseRef(st, d.slot);
  }
  const requeued = returnCopies(st, c.queue, back, consumerName(st, ci), 'consumerCrashed', sink);
  if (sink)
    sink.push({
      type: 'consumerCrashed',
      atUs: st.nowUs,
      consumer: consumerName(st, ci),
      requeued,
      lost,
      window,
    });
  if (c.crashRestartUs > 0) {
    st.restarts.push({ type: 'consumerRestarted', consumerId: st.nodeIds[c.node]! });
    schedule(st, st.nowUs + c.crashRestartUs, EV.DeferredInput, st.restarts.length - 1);
    c.crashRestartUs = 0;
  }
  updateActiveConsumer(st, c.queue, sink);
  dispatch(st, c.queue, sink);
}

export function restartConsumer(st: SimState, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  // A removed consumer is gone for good: a restart armed by an earlier crash does nothing.
  if (c.up || c.removed) return;
  c.up = true;
  if (sink)
    sink.push({ type: 'consumerRestarted', atUs: st.nowUs, consumer: consumerName(st, ci) });
  updateActiveConsumer(st, c.queue, sink);
  dispatch(st, c.queue, sink);
}

/** R14: a delivery unacked too long closes the consumer's channel; all its deliveries return. */
export function onAckTimeout(st: SimState, dslot: number, tag: number, sink: Sink): void {
  const d = st.deliveries[dslot];
  if (!d || d.tag !== tag || !d.valid) return;
  const ci = d.consumer;
  const back: number[] = [];
  for (let i = 0; i < st.deliveries.length; i++) {
    const other = st.deliveries[i];
    if (!other || other.consumer !== ci || !other.valid || other.autoAcked) continue;
    const slot = takeBack(st, i);
    if (slot >= 0) back.push(slot);
    // Work not started yet is dropped with the channel; work in progress finishes, its ack stale.
    if (other.loc === DLoc.ToConsumer || other.loc === DLoc.Buffered) {
      freeDelivery(st, i);
      releaseRef(st, other.slot);
    }
  }
  const c = st.consumers[ci]!;
  // Deliveries dropped with the channel leave the buffer; auto-acked ones stay to be processed.
  ringReset(
    c.buffer,
    ringToArray(c.buffer).filter((slot) => st.deliveries[slot]?.loc === DLoc.Buffered),
  );
  const consumer = consumerName(st, ci);
  const requeued = returnCopies(st, c.queue, back, consumer, 'ackTimeout', sink);
  if (sink)
    sink.push({ type: 'channelClosed', atUs: st.nowUs, consumer, reason: 'ackTimeout', requeued });
  dispatch(st, c.queue, sink);
}

/** S2: the copy becomes visible again; the consumer still working on it will ack in vain. */
export function onVisibilityTimeout(st: SimState, slot: number, tag: number, sink: Sink): void {
  const m = st.msgs[slot];
  if (!m || m.tag !== tag || m.loc !== Loc.Unacked) return;
  const holder = m.holder;
  if (m.dslot >= 0 && st.deliveries[m.dslot]?.tag === tag) takeBack(st, m.dslot);
  else {
    m.holder = -1;
    m.tag = 0;
  }
  const consumer = holder >= 0 ? consumerName(st, holder) : '';
  returnCopies(st, m.queue, [slot], consumer, 'visibilityTimeout', sink);
  dispatch(st, m.queue, sink);
}
