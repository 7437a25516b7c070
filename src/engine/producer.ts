/**
 * A producer: publishes messages to its queue with the configured inter-arrival distribution,
 * optionally limited to `count` messages and switched on and off in bursts. Pausing or changing
 * the rate bumps a generation number, which turns the pending arrival event into a no-op.
 */
import { EV } from './eventKinds';
import { sampleUs } from './distributions';
import { enqueue } from './queue';
import { allocMsg, schedule, type Sink } from './sim';
import { Loc, type ProducerState, type SimState } from './state';

function active(p: ProducerState): boolean {
  return !p.paused && p.burstOn && (p.limit < 0 || p.published < p.limit);
}

/** Schedule the next arrival one inter-arrival gap after `fromUs`. */
export function scheduleArrival(st: SimState, pi: number, fromUs: number): void {
  const p = st.producers[pi]!;
  if (!active(p)) return;
  const gapUs = sampleUs(p.arrival, st.rng, p.stream, p.rateScale);
  schedule(st, fromUs + gapUs, EV.Arrival, pi, p.gen);
}

/** Invalidate the pending arrival and, if still active, draw a new one from now (or the start). */
function reschedule(st: SimState, pi: number): void {
  const p = st.producers[pi]!;
  p.gen++;
  scheduleArrival(st, pi, Math.max(st.nowUs, p.startUs));
}

export function onArrival(st: SimState, pi: number, gen: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (gen !== p.gen || !active(p)) return;
  const now = st.nowUs;
  const id = st.nextMsgId++;
  const slot = allocMsg(st, {
    id,
    producer: pi,
    queue: p.queue,
    loc: Loc.ToQueue,
    holder: -1,
    publishedUs: now,
    readyUs: now,
    enqSeq: -1,
    deliveredUs: 0,
    serviceStartUs: 0,
    deliveries: 0,
    redelivered: false,
    tag: 0,
  });
  p.published++;
  st.totals.published++;
  const arriveUs = now + st.linkLatencyUs;
  if (sink) {
    const producer = st.nodeIds[p.node]!;
    sink.push({
      type: 'published',
      atUs: now,
      msgId: id,
      producer,
      queue: st.nodeIds[st.queues[p.queue]!.node]!,
      arriveUs,
    });
    if (p.limit >= 0 && p.published >= p.limit)
      sink.push({ type: 'producerFinished', atUs: now, producer });
  }
  // Draw the next gap before the message moves on, so the arrival stream is independent of
  // whatever the broker does with this message.
  scheduleArrival(st, pi, now);
  if (st.linkLatencyUs === 0) enqueue(st, slot, sink);
  else schedule(st, arriveUs, EV.ReachQueue, slot);
}

export function onBurstToggle(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  const bursts = p.bursts;
  if (!bursts) return;
  const now = st.nowUs;
  const producer = st.nodeIds[p.node]!;
  p.burstOn = !p.burstOn;
  if (p.burstOn) {
    if (sink) sink.push({ type: 'burstStarted', atUs: now, producer });
    reschedule(st, pi);
    schedule(st, now + bursts.onUs, EV.BurstToggle, pi);
  } else {
    if (sink) sink.push({ type: 'burstEnded', atUs: now, producer });
    p.gen++;
    schedule(st, now + bursts.offUs, EV.BurstToggle, pi);
  }
}

export function pauseProducer(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (p.paused) return;
  p.paused = true;
  p.gen++;
  if (sink) sink.push({ type: 'producerPaused', atUs: st.nowUs, producer: st.nodeIds[p.node]! });
}

export function resumeProducer(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (!p.paused) return;
  p.paused = false;
  if (sink) sink.push({ type: 'producerResumed', atUs: st.nowUs, producer: st.nodeIds[p.node]! });
  reschedule(st, pi);
}

/** New rate: scale every later gap so the mean gap is 1/rate; the current gap is redrawn. */
export function setRate(st: SimState, pi: number, ratePerSec: number, sink: Sink): void {
  const p = st.producers[pi]!;
  p.rateScale = 1_000_000 / ratePerSec / p.baseMeanUs;
  if (sink)
    sink.push({ type: 'rateChanged', atUs: st.nowUs, producer: st.nodeIds[p.node]!, ratePerSec });
  reschedule(st, pi);
}
