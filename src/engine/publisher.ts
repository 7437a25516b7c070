/**
 * Publishing, producer side: build a message from a template, hold it when the broker pushes
 * back (memory alarm, broker down), send it, and handle its confirm: done on an ack, send again
 * on a nack or a missing confirm when the producer retries (which is how duplicates are born).
 */
import { emitPublished } from './emit';
import { EV } from './eventKinds';
import { ledgerCloseOrigin } from './ledger';
import { histAdd } from './histogram';
import { arriveAtBroker, packDirect, routeAndEnqueue } from './brokerIn';
import { uniform01 } from './rng';
import { clientOrder } from './serviceRequests';
import { produceRecord } from './logProduce';
import { allocPub, freePub, producerName, pubIf, schedule, type Sink } from './sim';
import type { ProducerState, SimState } from './state';

/**
 * Can producers publish now? Not while the broker is down or its memory alarm is on (R30), nor
 * when what it holds plus what is already on its way would reach the watermark: that is the
 * flow control of a blocked connection (R29), which keeps a producer from pouring its whole
 * buffer onto the wire the instant the alarm clears.
 */
export function producerBlocked(st: SimState): boolean {
  const b = st.broker;
  return !b.up || b.alarm || (b.watermark > 0 && b.held + b.incoming >= b.watermark);
}

function pickTemplate(st: SimState, p: ProducerState): number {
  const n = p.tplCum.length;
  if (n <= 1) return 0;
  if (p.cycle) {
    const t = p.nextTpl;
    p.nextTpl = (t + 1) % n;
    return t;
  }
  const x = uniform01(st.rng, p.tplStream) * p.tplCum[n - 1]!;
  for (let i = 0; i < n; i++) if (x < p.tplCum[i]!) return i;
  return n - 1;
}

/** A new business message from producer `pi` (an arrival, or the poison-message input). */
export function createMessage(st: SimState, pi: number, poison: boolean, sink: Sink): void {
  if (st.producers[pi]!.toService >= 0) return clientOrder(st, pi, sink);
  publishOrigin(st, pi, st.nextOrigin++, sink, poison);
}

/** Publish a message with a given business id (a service passing an order on). */
export function publishOrigin(
  st: SimState,
  pi: number,
  origin: number,
  sink: Sink,
  poison = false,
): void {
  const p = st.producers[pi]!;
  const tpl = pickTemplate(st, p);
  const li = st.log.producerLog[pi]!;
  if (li >= 0) return produceRecord(st, li, origin, tpl, sink);
  if (p.buffer.length > 0 || producerBlocked(st))
    holdAtProducer(st, pi, origin, tpl, poison, 1, sink);
  else send(st, pi, origin, tpl, poison, 1, st.nowUs, sink);
}

/** Words per held message in a producer's buffer: origin, template, poison, created, attempt. */
const HELD = 5;

function holdAtProducer(
  st: SimState,
  pi: number,
  origin: number,
  tpl: number,
  poison: boolean,
  attempt: number,
  sink: Sink,
): void {
  const p = st.producers[pi]!;
  const producer = producerName(st, pi);
  if (p.onBlocked === 'drop' || p.buffer.length / HELD >= p.bufferLimit) {
    const reason = p.onBlocked === 'drop' ? 'blocked' : 'bufferFull';
    p.stats.dropped++;
    if (reason === 'bufferFull') p.stats.droppedBufferFull++;
    st.totals.notRouted[`producer-${reason}`] =
      (st.totals.notRouted[`producer-${reason}`] ?? 0) + 1;
    if (sink)
      sink.push({ type: 'producerDropped', atUs: st.nowUs, originId: origin, producer, reason });
    return;
  }
  if (p.buffer.length === 0) {
    st.broker.waiting++;
    p.blockedSinceUs = st.nowUs;
    if (sink) sink.push({ type: 'producerBlocked', atUs: st.nowUs, producer, buffered: 1 });
    if (p.onBlocked === 'retry') schedule(st, st.nowUs + p.retryAfterUs, EV.BlockedRetry, pi);
  }
  p.buffer.push(origin, tpl, poison ? 1 : 0, st.nowUs, attempt);
  const held = p.buffer.length / HELD;
  if (held > p.stats.bufferMax) p.stats.bufferMax = held;
}

/** Send what the producer holds, oldest first, while the broker accepts publishes. */
export function flushProducer(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (p.buffer.length === 0 || producerBlocked(st)) return;
  const held = p.buffer;
  let i = 0;
  // Oldest first, while the broker's flow control lets this connection publish.
  while (i < held.length && !producerBlocked(st)) {
    send(st, pi, held[i]!, held[i + 1]!, held[i + 2] === 1, held[i + 4]!, held[i + 3]!, sink);
    i += HELD;
  }
  p.buffer = held.slice(i);
  if (p.buffer.length > 0) return;
  st.broker.waiting--;
  p.stats.blockedUs += st.nowUs - p.blockedSinceUs;
  if (sink)
    sink.push({
      type: 'producerUnblocked',
      atUs: st.nowUs,
      producer: producerName(st, pi),
      buffered: i / HELD,
    });
}

export function onBlockedRetry(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  if (p.buffer.length === 0) return;
  if (producerBlocked(st)) schedule(st, st.nowUs + p.retryAfterUs, EV.BlockedRetry, pi);
  else flushProducer(st, pi, sink);
}

/** The broker accepts publishes again: producers that wait send what they hold. */
export function onUnblocked(st: SimState, sink: Sink): void {
  st.producers.forEach((p, pi) => {
    if (p.onBlocked === 'wait') flushProducer(st, pi, sink);
  });
}

function send(
  st: SimState,
  pi: number,
  origin: number,
  tpl: number,
  poison: boolean,
  attempt: number,
  createdUs: number,
  sink: Sink,
): void {
  const p = st.producers[pi]!;
  const now = st.nowUs;
  if (attempt === 1) {
    p.stats.published++;
    st.totals.published++;
    histAdd(p.stats.sendDelay, now - createdUs);
  }
  p.stats.attempts++;
  const arriveUs = now + st.linkLatencyUs;
  if (sink) emitPublished(st, sink, pi, origin, tpl, attempt, arriveUs);
  if (!p.confirms) {
    // Fire and forget: nothing to track, so no record; the heap event carries the message.
    if (st.linkLatencyUs === 0) routeAndEnqueue(st, pi, origin, tpl, poison, now, -1, null, sink);
    else {
      st.broker.incoming++;
      schedule(
        st,
        arriveUs,
        EV.ReachBrokerDirect,
        origin,
        packDirect(st.brokerEpoch, pi, tpl, poison),
      );
    }
    return;
  }
  const id = st.nextPub++;
  const slot = allocPub(st, {
    id,
    producer: pi,
    origin,
    tpl,
    attempt,
    poison,
    sentUs: now,
    waiting: 0,
    nacked: false,
    arrived: false,
    settled: false,
    brokerLost: false,
    abandoned: false,
  });
  if (p.retry) schedule(st, now + p.retry.timeoutUs, EV.ConfirmTimeout, slot, id);
  if (st.linkLatencyUs === 0) arriveAtBroker(st, slot, st.brokerEpoch, sink);
  else {
    st.broker.incoming++;
    schedule(st, arriveUs, EV.ReachBroker, slot, st.brokerEpoch);
  }
}

/** The producer is done with this message: no more attempts will follow. */
function closeOrigin(st: SimState, p: ProducerState, origin: number): void {
  if (!p.retry) return;
  for (const q of st.queues) ledgerCloseOrigin(q.ledger, origin);
}

export function onConfirmArrives(st: SimState, slot: number, id: number, sink: Sink): void {
  const pub = pubIf(st, slot, id);
  if (!pub || pub.brokerLost) return; // the connection dropped with the broker: no confirm
  freePub(st, slot);
  const p = st.producers[pub.producer]!;
  if (!p.confirms || pub.abandoned) return;
  const ack = !pub.nacked;
  if (ack) p.stats.confirmedAck++;
  else p.stats.confirmedNack++;
  const latencyUs = st.nowUs - pub.sentUs;
  histAdd(p.stats.confirmLatency, latencyUs);
  if (sink)
    sink.push({
      type: 'confirmed',
      atUs: st.nowUs,
      originId: pub.origin,
      producer: producerName(st, pub.producer),
      attempt: pub.attempt,
      ack,
      latencyUs,
    });
  if (!ack && p.retry && pub.attempt < p.retry.maxAttempts) {
    // Keep what a new attempt needs in a fresh record, sent after the backoff.
    const next = allocPub(st, {
      ...pub,
      id: st.nextPub++,
      attempt: pub.attempt + 1,
      abandoned: false,
    });
    schedule(st, st.nowUs + p.retry.backoffUs, EV.PublishRetry, next, st.pubs[next]!.id);
    return;
  }
  closeOrigin(st, p, pub.origin);
}

export function onPublishRetry(st: SimState, slot: number, id: number, sink: Sink): void {
  const pub = pubIf(st, slot, id);
  if (!pub) return;
  freePub(st, slot);
  const p = st.producers[pub.producer]!;
  p.stats.retries++;
  if (sink)
    sink.push({
      type: 'publishRetried',
      atUs: st.nowUs,
      originId: pub.origin,
      producer: producerName(st, pub.producer),
      attempt: pub.attempt,
      reason: 'nack',
    });
  send(st, pub.producer, pub.origin, pub.tpl, pub.poison, pub.attempt, st.nowUs, sink);
}

/** No confirm in time: the publish may or may not have arrived; send it again (or give up). */
export function onConfirmTimeout(st: SimState, slot: number, id: number, sink: Sink): void {
  const pub = pubIf(st, slot, id);
  if (!pub || pub.abandoned) return;
  const p = st.producers[pub.producer]!;
  const retry = p.retry!;
  p.stats.missingConfirms++;
  pub.abandoned = true;
  const producer = producerName(st, pub.producer);
  if (sink)
    sink.push({
      type: 'confirmMissing',
      atUs: st.nowUs,
      originId: pub.origin,
      producer,
      attempt: pub.attempt,
    });
  // A lost publish will never be confirmed; a settled one's late confirm is ignored.
  if (pub.brokerLost || pub.settled) freePub(st, slot);
  if (pub.attempt >= retry.maxAttempts) {
    closeOrigin(st, p, pub.origin);
    return;
  }
  p.stats.retries++;
  if (sink)
    sink.push({
      type: 'publishRetried',
      atUs: st.nowUs,
      originId: pub.origin,
      producer,
      attempt: pub.attempt + 1,
      reason: 'timeout',
    });
  if (producerBlocked(st)) {
    // The resend waits with the producer's other held messages.
    holdAtProducer(st, pub.producer, pub.origin, pub.tpl, pub.poison, pub.attempt + 1, sink);
    return;
  }
  send(st, pub.producer, pub.origin, pub.tpl, pub.poison, pub.attempt + 1, st.nowUs, sink);
}
