/**
 * A consumer: a pool of `concurrency` workers behind one prefetch window. Deliveries wait in a
 * local buffer until a worker is free; a worker processes, then acks (manual ack after
 * processing); the broker forgets the message when the ack arrives. A crash returns every
 * unacked delivery to the queue, flagged redelivered (R12).
 */
import { EV } from './eventKinds';
import { sampleUs } from './distributions';
import { dispatch, unackedLimit } from './delivery';
import { histAdd } from './histogram';
import { requeueSlots } from './queue';
import { ringPush, ringReset, ringShift } from './ring';
import { seriesCount } from './series';
import { freeMsg, msgAt, schedule, type Sink } from './sim';
import { Loc, type ConsumerState, type SimState } from './state';

function setBusy(c: ConsumerState, nowUs: number, busy: number): void {
  c.stats.busyAreaUs += c.busy * (nowUs - c.stats.busyChangedUs);
  c.stats.busyChangedUs = nowUs;
  c.busy = busy;
}

/** A delivery reaches the consumer: start it if a worker is free, else buffer it. */
export function receive(st: SimState, ci: number, slot: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  if (c.busy < c.concurrency) startService(st, ci, slot, sink);
  else {
    msgAt(st, slot).loc = Loc.Buffered;
    ringPush(c.buffer, slot);
  }
}

function startService(st: SimState, ci: number, slot: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  const m = msgAt(st, slot);
  const now = st.nowUs;
  setBusy(c, now, c.busy + 1);
  m.loc = Loc.InService;
  m.serviceStartUs = now;
  const doneUs = now + sampleUs(c.service, st.rng, c.stream);
  schedule(st, doneUs, EV.ServiceDone, slot, m.tag);
  if (sink)
    sink.push({ type: 'processingStarted', atUs: now, msgId: m.id, consumer: st.nodeIds[c.node]! });
}

/** Start buffered deliveries while workers are free. */
function drainBuffer(st: SimState, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  while (c.buffer.size > 0 && c.busy < c.concurrency)
    startService(st, ci, ringShift(c.buffer), sink);
}

/** Is this heap event still about the delivery it was scheduled for? */
function current(st: SimState, slot: number, tag: number, loc: number): boolean {
  const m = st.msgs[slot];
  return m !== null && m !== undefined && m.tag === tag && m.loc === loc;
}

export function onReachConsumer(st: SimState, slot: number, tag: number, sink: Sink): void {
  if (!current(st, slot, tag, Loc.ToConsumer)) return;
  receive(st, msgAt(st, slot).holder, slot, sink);
}

export function onServiceDone(st: SimState, slot: number, tag: number, sink: Sink): void {
  if (!current(st, slot, tag, Loc.InService)) return;
  const m = msgAt(st, slot);
  const ci = m.holder;
  const c = st.consumers[ci]!;
  const now = st.nowUs;
  setBusy(c, now, c.busy - 1);
  histAdd(c.stats.service, now - m.serviceStartUs);
  st.totals.processed++;
  if (sink) sink.push({ type: 'processed', atUs: now, msgId: m.id, consumer: st.nodeIds[c.node]! });
  // The freed worker takes the oldest buffered delivery before new ones are dispatched.
  drainBuffer(st, ci, sink);
  m.loc = Loc.AckInFlight;
  if (st.linkLatencyUs === 0) ackArrives(st, slot, sink);
  else schedule(st, now + st.linkLatencyUs, EV.AckArrives, slot, m.tag);
}

export function onAckArrives(st: SimState, slot: number, tag: number, sink: Sink): void {
  if (!current(st, slot, tag, Loc.AckInFlight)) return;
  ackArrives(st, slot, sink);
}

/** The broker receives the ack: the message is done and leaves the system. */
function ackArrives(st: SimState, slot: number, sink: Sink): void {
  const m = msgAt(st, slot);
  const ci = m.holder;
  const c = st.consumers[ci]!;
  const now = st.nowUs;
  c.unacked--;
  if (c.graceUnacked > c.unacked) c.graceUnacked = c.unacked;
  const latencyUs = now - m.publishedUs;
  histAdd(c.stats.latency, latencyUs);
  c.stats.acked++;
  seriesCount(c.stats.ackSeries, now);
  st.totals.acked++;
  if (sink)
    sink.push({
      type: 'acked',
      atUs: now,
      msgId: m.id,
      queue: st.nodeIds[st.queues[m.queue]!.node]!,
      consumer: st.nodeIds[c.node]!,
      latencyUs,
    });
  const qi = m.queue;
  freeMsg(st, slot);
  dispatch(st, qi, sink);
}

/** Crash: workers stop, the buffer is gone, and every unacked delivery is requeued (R12). */
export function crashConsumer(st: SimState, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  if (!c.up) return;
  const now = st.nowUs;
  c.up = false;
  setBusy(c, now, 0);
  ringReset(c.buffer, []);
  const held: number[] = [];
  for (let slot = 0; slot < st.msgs.length; slot++) {
    const m = st.msgs[slot];
    if (m && m.holder === ci) held.push(slot);
  }
  for (const slot of held) {
    const m = msgAt(st, slot);
    m.holder = -1;
    m.tag = 0;
    m.redelivered = true;
  }
  c.unacked = 0;
  c.graceUnacked = 0;
  requeueSlots(st, c.queue, held);
  if (sink) {
    const queue = st.nodeIds[st.queues[c.queue]!.node]!;
    const consumer = st.nodeIds[c.node]!;
    for (const slot of held)
      sink.push({
        type: 'requeued',
        atUs: now,
        msgId: msgAt(st, slot).id,
        queue,
        consumer,
        reason: 'consumerCrashed',
      });
    sink.push({ type: 'consumerCrashed', atUs: now, consumer, requeued: held.length });
  }
  dispatch(st, c.queue, sink);
}

export function restartConsumer(st: SimState, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  if (c.up) return;
  c.up = true;
  if (sink) sink.push({ type: 'consumerRestarted', atUs: st.nowUs, consumer: st.nodeIds[c.node]! });
  dispatch(st, c.queue, sink);
}

export function setConcurrency(st: SimState, ci: number, concurrency: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  c.concurrency = concurrency;
  // Lowering the limit does not take deliveries back; the excess drains as acks arrive.
  if (c.unacked > unackedLimit(c)) c.graceUnacked = c.unacked;
  if (sink)
    sink.push({
      type: 'concurrencyChanged',
      atUs: st.nowUs,
      consumer: st.nodeIds[c.node]!,
      concurrency,
    });
  if (c.up) {
    drainBuffer(st, ci, sink);
    dispatch(st, c.queue, sink);
  }
}
