/**
 * The broker as a whole: crash and restart (R27) and the memory alarm (R30).
 *
 * A crash keeps exactly the persistent copies in durable queues that were already written to
 * disk; everything else in the broker is lost, each with its reason. Every connection drops:
 * deliveries in transit and in consumers' buffers vanish, work in progress finishes but its ack
 * has nowhere to go, publishes in transit are lost and pending confirms never come. After the
 * restart the surviving copies are ready again (flagged redelivered if they had been delivered).
 */
import { releaseCopy, releaseRef } from './copies';
import { dispatch, updateActiveConsumer } from './delivery';
import { IMPLICIT_BROKER_ID } from './create';
import { drainDoor, loseDoor } from './brokerIn';
import { EV } from './eventKinds';
import { scheduleExpiry } from './expiry';
import { onUnblocked } from './publisher';
import { enforceMaxLength, readySlots, requeueSlots, takeAllReady } from './queue';
import { ringReset } from './ring';
import {
  freeDelivery,
  freePub,
  uncount,
  msgAt,
  nodeName,
  queueName,
  schedule,
  type Sink,
} from './sim';
import { DLoc, Loc, type SimState } from './state';

export function brokerName(st: SimState): string {
  return st.broker.node >= 0 ? nodeName(st, st.broker.node) : IMPLICIT_BROKER_ID;
}

function survives(st: SimState, slot: number): boolean {
  const m = msgAt(st, slot);
  return st.queues[m.queue]!.durable && m.persistent && m.written;
}

function lossReason(st: SimState, slot: number): string {
  const m = msgAt(st, slot);
  if (!st.queues[m.queue]!.durable) return 'broker-crash:transient-queue';
  if (!m.persistent) return 'broker-crash:transient-message';
  return 'broker-crash:not-written';
}

export function crashBroker(st: SimState, restartAfterUs: number, sink: Sink): void {
  const b = st.broker;
  if (!b.up) return;
  b.up = false;
  st.brokerEpoch++;
  b.stats.crashes++;
  b.unwritten = [];
  loseDoor(st, sink);
  // Connections drop: consumers keep only work already in a worker, and can no longer ack it.
  for (let dslot = 0; dslot < st.deliveries.length; dslot++) {
    const d = st.deliveries[dslot];
    if (!d) continue;
    d.valid = false;
    // The connection is gone; after the restart the consumer has a fresh prefetch limit.
    if (d.counted) uncount(st, d);
    if (d.loc === DLoc.ToConsumer || d.loc === DLoc.Buffered) {
      freeDelivery(st, dslot);
      releaseRef(st, d.slot);
    }
  }
  for (const c of st.consumers) ringReset(c.buffer, []);
  // Pending confirms, and confirms still travelling, will never arrive.
  st.pubs.forEach((p, slot) => {
    if (!p || !p.arrived) return;
    p.brokerLost = true;
    const producer = st.producers[p.producer]!;
    if (producer.retry) return; // its confirm timeout resends it and frees the record
    producer.stats.missingConfirms++;
    freePub(st, slot);
  });

  let lost = 0;
  let survived = 0;
  st.queues.forEach((q, qi) => {
    const held: number[] = takeAllReady(st, q);
    for (let slot = 0; slot < st.msgs.length; slot++) {
      const m = st.msgs[slot];
      if (m && m.queue === qi && (m.loc === Loc.Unacked || m.loc === Loc.RetryWait))
        held.push(slot);
    }
    const keep: number[] = [];
    for (const slot of held) {
      if (survives(st, slot)) keep.push(slot);
      else {
        const reason = lossReason(st, slot);
        const m = msgAt(st, slot);
        if (sink)
          sink.push({
            type: 'lost',
            atUs: st.nowUs,
            msgId: m.id,
            originId: m.origin,
            where: queueName(st, qi),
            reason,
          });
        releaseCopy(st, slot, reason);
        lost++;
      }
    }
    // Survivors wait, ready, in their original order; those that had been delivered come back
    // flagged redelivered.
    const flags = keep.map(
      (slot) => msgAt(st, slot).redelivered || msgAt(st, slot).loc !== Loc.Ready,
    );
    requeueSlots(st, qi, keep, false);
    keep.forEach((slot, i) => (msgAt(st, slot).redelivered = flags[i]!));
    survived += keep.length;
    q.expiryAtUs = -1;
  });
  if (sink)
    sink.push({ type: 'brokerCrashed', atUs: st.nowUs, broker: brokerName(st), lost, survived });
  if (restartAfterUs > 0) {
    st.restarts.push({ type: 'brokerRestarted' });
    schedule(st, st.nowUs + restartAfterUs, EV.DeferredInput, st.restarts.length - 1);
  }
}

export function restartBroker(st: SimState, sink: Sink): void {
  const b = st.broker;
  if (b.up) return;
  b.up = true;
  let recovered = 0;
  for (const q of st.queues) recovered += readySlots(q).length;
  if (sink)
    sink.push({ type: 'brokerRestarted', atUs: st.nowUs, broker: brokerName(st), recovered });
  st.queues.forEach((_q, qi) => {
    updateActiveConsumer(st, qi, sink);
    dispatch(st, qi, sink);
    enforceMaxLength(st, qi, sink);
    scheduleExpiry(st, qi);
  });
  updateAlarm(st, sink);
  onUnblocked(st, sink);
}

/**
 * The memory alarm (R30). It goes on when the broker holds `memoryHighWatermark` copies and
 * clears when it holds fewer than 90 % of that (RabbitMQ checks memory on an interval; the
 * margin does the same job here: the alarm does not flap at every message). While it is on,
 * publishing connections are blocked: publishes that arrive wait at the door. When it clears,
 * they go in, in order, up to the watermark, and producers send what they held. Runs between
 * events (see advance.ts), never inside one, so a publish never re-enters the broker.
 */
export function updateAlarm(st: SimState, sink: Sink): void {
  const b = st.broker;
  b.alarmPending = false;
  if (b.watermark <= 0) return;
  for (;;) {
    const flip = b.alarm ? b.held < alarmClearLevel(b.watermark) : b.held >= b.watermark;
    if (flip) setAlarm(st, !b.alarm, sink);
    if (b.alarm || !b.up) return;
    const before = b.held;
    drainDoor(st, sink);
    onUnblocked(st, sink);
    // Publishes that went in may have reached the watermark again.
    if (b.held === before && !b.alarmPending) return;
    b.alarmPending = false;
  }
}

export function alarmClearLevel(watermark: number): number {
  return Math.floor(watermark * 0.9);
}

function setAlarm(st: SimState, on: boolean, sink: Sink): void {
  const b = st.broker;
  b.alarm = on;
  if (on) {
    b.stats.alarms++;
    b.stats.alarmSinceUs = st.nowUs;
  } else b.stats.alarmUs += st.nowUs - b.stats.alarmSinceUs;
  if (sink) sink.push({ type: 'alarm', atUs: st.nowUs, broker: brokerName(st), on, held: b.held });
}
