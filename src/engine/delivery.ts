/**
 * Dispatch from a queue to its consumers: round-robin over the consumers that have room under
 * their prefetch limit (R8, R10), or only the single active consumer (R33). Expired heads are
 * expired rather than delivered (R19); an SQS copy over its receive count goes to the DLQ (S3).
 * Each delivery gets a tag; the copy is unacked until the ack with that tag arrives, or, with
 * auto-ack, done at once (R9).
 */
import { releaseCopy } from './copies';
import { receive } from './consumer';
import { deadLetterOrDiscard } from './deadLetter';
import { emitDelivered } from './emit';
import { EV } from './eventKinds';
import { isExpired, scheduleExpiry } from './expiry';
import { histAdd } from './histogram';
import { popReady } from './queue';
import { consumerName, newDelivery, queueName, schedule, type Sink } from './sim';
import { Loc, type ConsumerState, type Msg, type QueueState, type SimState } from './state';

/** Unacked deliveries this consumer may hold: prefetch per worker; 0 means no limit (R10). */
export function unackedLimit(c: ConsumerState): number {
  return c.prefetch === 0 || c.autoAck ? Infinity : c.prefetch * c.concurrency;
}

export function hasRoom(c: ConsumerState): boolean {
  return c.up && !c.removed && c.unacked < unackedLimit(c);
}

/** Can take deliveries at all: up and not removed (cancelled). */
const live = (c: ConsumerState) => c.up && !c.removed;

/**
 * R33: one consumer is active; only when it dies does the next live one (in registration
 * order) take over. A consumer that comes back does not take over from a live active one.
 */
export function updateActiveConsumer(st: SimState, qi: number, sink: Sink): void {
  const q = st.queues[qi]!;
  if (!q.sac) return;
  if (q.activeConsumer >= 0 && live(st.consumers[q.activeConsumer]!)) return;
  const next = q.consumers.find((ci) => live(st.consumers[ci]!)) ?? -1;
  if (next === q.activeConsumer) return;
  q.activeConsumer = next;
  if (sink)
    sink.push({
      type: 'activeConsumerChanged',
      atUs: st.nowUs,
      queue: queueName(st, qi),
      consumer: next < 0 ? null : consumerName(st, next),
    });
}

function chooseConsumer(st: SimState, q: QueueState): number {
  const n = q.consumers.length;
  if (n === 0) return -1;
  if (q.sac)
    return q.activeConsumer >= 0 && hasRoom(st.consumers[q.activeConsumer]!)
      ? q.activeConsumer
      : -1;
  if (n === 1) return hasRoom(st.consumers[q.consumers[0]!]!) ? q.consumers[0]! : -1;
  let idx = q.rr;
  for (let k = 0; k < n; k++) {
    if (hasRoom(st.consumers[q.consumers[idx]!]!)) {
      q.rr = idx + 1 === n ? 0 : idx + 1;
      return q.consumers[idx]!;
    }
    idx = idx + 1 === n ? 0 : idx + 1;
  }
  return -1;
}

/** Deliver ready messages while a consumer has room. */
export function dispatch(st: SimState, qi: number, sink: Sink): void {
  if (!st.broker.up) return;
  const q = st.queues[qi]!;
  let popped = false;
  while (q.readyCount > 0) {
    const ci = chooseConsumer(st, q);
    if (ci < 0) break;
    const slot = popReady(st, q);
    const m = st.msgs[slot]!;
    popped = true;
    if (st.anyTtl && isExpired(m, st.nowUs)) {
      deadLetterOrDiscard(st, slot, 'expired', sink);
      continue;
    }
    if (q.maxReceiveCount > 0 && m.deliveries >= q.maxReceiveCount) {
      // S3 (our reading): at most maxReceiveCount receives; the next attempt moves it.
      deadLetterOrDiscard(st, slot, 'max_receive_count', sink);
      continue;
    }
    deliver(st, q, slot, m, ci, sink);
  }
  if (popped && st.anyTtl && q.readyCount > 0) scheduleExpiry(st, qi);
}

function deliver(st: SimState, q: QueueState, slot: number, m: Msg, ci: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  const now = st.nowUs;
  const tag = st.nextTag++;
  m.deliveries++;
  m.refs++;
  const dslot = newDelivery(st, tag, slot, ci, now, c.autoAck);
  c.stats.delivered++;
  if (m.redelivered) {
    c.stats.redelivered++;
    st.totals.redelivered++;
  }
  histAdd(c.stats.wait, now - m.readyUs);
  const outOfOrder = m.enqSeq < q.stats.maxDeliveredSeq;
  if (outOfOrder) q.stats.outOfOrder++;
  else q.stats.maxDeliveredSeq = m.enqSeq;
  const arriveUs = now + st.linkLatencyUs;
  if (sink) emitDelivered(st, sink, m, ci, arriveUs, outOfOrder);
  if (c.autoAck) {
    // R9: auto-ack: the broker forgets the copy as it sends it.
    q.stats.acked++;
    releaseCopy(st, slot, 'autoAcked');
  } else {
    m.loc = Loc.Unacked;
    m.holder = ci;
    m.tag = tag;
    m.dslot = dslot;
    c.unacked++;
    // A visibility timeout of 0 acts as 1 ms, so a receive loop still moves the clock forward.
    if (q.sqs) schedule(st, now + Math.max(1000, q.visibilityUs), EV.VisibilityTimeout, slot, tag);
    if (q.ackTimeoutUs > 0) schedule(st, now + q.ackTimeoutUs, EV.AckTimeout, dslot, tag);
  }
  if (st.linkLatencyUs === 0) receive(st, dslot, sink);
  else schedule(st, arriveUs, EV.ReachConsumer, dslot, tag);
}
