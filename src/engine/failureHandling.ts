/**
 * What the broker does with a failed delivery's nack or reject, by the consumer's retry policy:
 * requeue at once (basic.nack/reject with requeue, R11: back to its original position), reject
 * to the dead-letter target (R15), or a delayed retry with backoff and jitter (P1) that puts the
 * message back at the tail later. After maxAttempts failed attempts it is rejected for good; a
 * quorum queue also dead-letters it past its delivery limit (R32). On an SQS queue a failure
 * simply leaves the message invisible until its visibility timeout (S2), unless the policy is
 * requeue (ChangeMessageVisibility to 0).
 */
import { heldChange } from './brokerHeld';
import { deadLetterOrDiscard } from './deadLetter';
import { EV } from './eventKinds';
import { enforceMaxLength, enqueueCopy, requeueSlots } from './queue';
import { retryDelayUs } from './retryPolicy';
import { consumerName, msgAt, queueName, schedule, type Sink } from './sim';
import { Loc, type Delivery, type SimState } from './state';

/** A return counted toward a quorum queue's delivery limit; true if the limit is now passed. */
export function countReturn(st: SimState, slot: number, viaReject: boolean): boolean {
  const m = msgAt(st, slot);
  const q = st.queues[m.queue]!;
  if (q.deliveryLimit <= 0) return false;
  // R32 (4.3): only basic.reject and crashes count; 4.0-4.2 counted every return.
  if (viaReject || q.countAllReturns) m.returns++;
  return m.returns > q.deliveryLimit;
}

export function handleFailure(st: SimState, d: Delivery, sink: Sink): void {
  const c = st.consumers[d.consumer]!;
  const slot = d.slot;
  const m = msgAt(st, slot);
  const q = st.queues[m.queue]!;
  const policy = c.retry;
  const consumer = consumerName(st, d.consumer);
  const queue = queueName(st, m.queue);
  m.failures++;
  const method = policy.reject ? 'reject' : 'nack';
  const exhausted = policy.maxAttempts > 0 && m.failures >= policy.maxAttempts;

  if (q.sqs && !exhausted) {
    m.holder = -1;
    if (policy.policy !== 'requeue') return; // stays invisible until the visibility timeout
    m.dslot = -1;
    requeueSlots(st, m.queue, [slot]);
    if (sink)
      sink.push({ type: 'requeued', atUs: st.nowUs, msgId: m.id, queue, consumer, reason: 'nack' });
    enforceMaxLength(st, m.queue, sink);
    return;
  }
  const requeue = !exhausted && policy.policy === 'requeue';
  if (sink)
    sink.push({ type: 'nacked', atUs: st.nowUs, msgId: m.id, queue, consumer, requeue, method });
  if (exhausted || policy.policy === 'reject')
    return deadLetterOrDiscard(st, slot, 'rejected', sink);
  if (requeue) {
    if (countReturn(st, slot, method === 'reject'))
      return deadLetterOrDiscard(st, slot, 'delivery_limit', sink);
    m.holder = -1;
    m.dslot = -1;
    requeueSlots(st, m.queue, [slot]);
    if (sink)
      sink.push({ type: 'requeued', atUs: st.nowUs, msgId: m.id, queue, consumer, reason: 'nack' });
    enforceMaxLength(st, m.queue, sink);
    return;
  }
  // A delayed retry: the broker keeps the copy aside and puts it back at the tail later.
  const delayUs = retryDelayUs(policy, m.failures - 1, m.lastDelayUs, st.rng, c.retryStream);
  m.lastDelayUs = delayUs;
  m.loc = Loc.RetryWait;
  m.holder = -1;
  m.tag = 0;
  m.dslot = -1;
  schedule(st, st.nowUs + delayUs, EV.RetryReady, slot, m.id);
  if (sink)
    sink.push({
      type: 'retryScheduled',
      atUs: st.nowUs,
      msgId: m.id,
      queue,
      consumer,
      attempt: m.failures,
      delayUs,
    });
}

/** A delayed retry is over: the copy goes back to the tail of its queue, flagged redelivered. */
export function onRetryReady(st: SimState, slot: number, id: number, sink: Sink): void {
  const m = st.msgs[slot];
  if (!m || m.id !== id || m.loc !== Loc.RetryWait) return;
  if (!st.broker.up) return;
  heldChange(st, -1);
  m.loc = Loc.ToQueue;
  m.redelivered = true;
  if (sink)
    sink.push({ type: 'retryReady', atUs: st.nowUs, msgId: m.id, queue: queueName(st, m.queue) });
  enqueueCopy(st, slot, m.queue, 'retry', sink);
}
