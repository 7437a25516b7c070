/**
 * Event construction for the hot path, kept out of the functions that run once per message:
 * a large object literal inside them (even behind `if (sink)`) makes them too big for the JIT
 * to inline their callees, which costs every headless run, sink or not.
 */
import { consumerName, producerName, queueName, type Sink } from './sim';
import type { Msg, SimState } from './state';

export function emitPublished(
  st: SimState,
  sink: Sink,
  pi: number,
  origin: number,
  tpl: number,
  attempt: number,
  arriveUs: number,
): void {
  sink!.push({
    type: 'published',
    atUs: st.nowUs,
    originId: origin,
    producer: producerName(st, pi),
    to: st.nodeIds[st.producers[pi]!.target]!,
    routingKey: st.templates[pi]![tpl]!.routingKey,
    attempt,
    arriveUs,
  });
}

export function emitEnqueued(st: SimState, sink: Sink, m: Msg, qi: number): void {
  sink!.push({
    type: 'enqueued',
    atUs: st.nowUs,
    msgId: m.id,
    originId: m.origin,
    queue: queueName(st, qi),
    depth: st.queues[qi]!.readyCount,
    priority: m.priority,
  });
}

export function emitDelivered(
  st: SimState,
  sink: Sink,
  m: Msg,
  ci: number,
  arriveUs: number,
  outOfOrder: boolean,
): void {
  sink!.push({
    type: 'delivered',
    atUs: st.nowUs,
    msgId: m.id,
    originId: m.origin,
    queue: queueName(st, m.queue),
    consumer: consumerName(st, ci),
    redelivered: m.redelivered,
    deliveryCount: m.deliveries,
    arriveUs,
    outOfOrder,
  });
}

export function emitProcessingStarted(st: SimState, sink: Sink, m: Msg, ci: number): void {
  sink!.push({
    type: 'processingStarted',
    atUs: st.nowUs,
    msgId: m.id,
    consumer: consumerName(st, ci),
  });
}

export function emitProcessed(
  st: SimState,
  sink: Sink,
  m: Msg,
  ci: number,
  failed: boolean,
  effect: 'applied' | 'duplicateSkipped' | 'none',
): void {
  sink!.push({
    type: 'processed',
    atUs: st.nowUs,
    msgId: m.id,
    originId: m.origin,
    consumer: consumerName(st, ci),
    outcome: failed ? 'failed' : 'ok',
    effect,
    duplicate: effect === 'applied' && m.effects > 1,
  });
}

export function emitAckSent(st: SimState, sink: Sink, m: Msg, ci: number, nack: boolean): void {
  sink!.push({
    type: 'ackSent',
    atUs: st.nowUs,
    msgId: m.id,
    consumer: consumerName(st, ci),
    queue: queueName(st, m.queue),
    nack,
    arriveUs: st.nowUs + st.linkLatencyUs,
  });
}

export function emitAcked(
  st: SimState,
  sink: Sink,
  m: Msg,
  qi: number,
  ci: number,
  latencyUs: number,
): void {
  sink!.push({
    type: 'acked',
    atUs: st.nowUs,
    msgId: m.id,
    originId: m.origin,
    queue: queueName(st, qi),
    consumer: consumerName(st, ci),
    latencyUs,
    sentUs: st.nowUs - st.linkLatencyUs,
  });
}

export function emitAckIgnored(st: SimState, sink: Sink, m: Msg, ci: number): void {
  sink!.push({
    type: 'ackIgnored',
    atUs: st.nowUs,
    msgId: m.id,
    consumer: consumerName(st, ci),
    reason: 'stale',
  });
}
