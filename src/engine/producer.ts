/**
 * A producer's timing: it creates messages with the configured inter-arrival distribution,
 * optionally limited to `count` and switched on and off in bursts. Pausing or changing the rate
 * bumps a generation number, which turns the pending arrival event into a no-op. What happens
 * to each message it creates is publisher.ts.
 */
import { EV } from './eventKinds';
import { sampleUs } from './distributions';
import { createMessage } from './publisher';
import { producerName, schedule, type Sink } from './sim';
import type { ProducerState, SimState } from './state';

function active(p: ProducerState): boolean {
  return !p.paused && p.burstOn && (p.limit < 0 || p.created < p.limit);
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
  // Draw the next gap first, so the arrival stream is independent of what the broker does.
  p.created++;
  if (sink && p.limit >= 0 && p.created >= p.limit)
    sink.push({ type: 'producerFinished', atUs: st.nowUs, producer: producerName(st, pi) });
  scheduleArrival(st, pi, st.nowUs);
  createMessage(st, pi, false, sink);
}

export function onBurstToggle(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  const bursts = p.bursts;
  if (!bursts) return;
  const now = st.nowUs;
  const producer = producerName(st, pi);
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
  if (sink) sink.push({ type: 'producerPaused', atUs: st.nowUs, producer: producerName(st, pi) });
}

export function resumeProducer(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (!p.paused) return;
  p.paused = false;
  if (sink) sink.push({ type: 'producerResumed', atUs: st.nowUs, producer: producerName(st, pi) });
  reschedule(st, pi);
}

/** New rate: scale every later gap so the mean gap is 1/rate; the current gap is redrawn. */
export function setRate(st: SimState, pi: number, ratePerSec: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (p.baseMeanUs > 0) p.rateScale = 1_000_000 / ratePerSec / p.baseMeanUs;
  else {
    // A batch producer (all gaps 0) gets a steady stream at the new rate instead.
    p.arrival = { dist: 'constant', us: 1_000_000 / ratePerSec };
    p.baseMeanUs = p.arrival.us;
    p.rateScale = 1;
  }
  if (sink)
    sink.push({ type: 'rateChanged', atUs: st.nowUs, producer: producerName(st, pi), ratePerSec });
  reschedule(st, pi);
}
