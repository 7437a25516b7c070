/** Inputs that change a running consumer's settings; each takes effect from the next delivery. */
import { dispatch, unackedLimit } from './delivery';
import { failureActive } from './failure';
import { consumerName, type Sink } from './sim';
import type { SimState } from './state';
import { compileDedup, compileRetry } from './compileNodes';
import type { Guarantee } from './guarantees';
import type { RetryPolicy } from './scenarioSchema';
import { drainBuffer } from './consumer';

function changed(st: SimState, ci: number, setting: string, value: string, sink: Sink): void {
  if (sink)
    sink.push({
      type: 'consumerChanged',
      atUs: st.nowUs,
      consumer: consumerName(st, ci),
      setting,
      value,
    });
}

/** Lowering a limit takes nothing back: the excess drains as acks arrive (invariant 6). */
function lowered(st: SimState, ci: number): void {
  const c = st.consumers[ci]!;
  if (c.unacked > unackedLimit(c)) c.graceUnacked = c.unacked;
}

export function setConcurrency(st: SimState, ci: number, concurrency: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  c.concurrency = concurrency;
  lowered(st, ci);
  changed(st, ci, 'concurrency', String(concurrency), sink);
  if (!c.up) return;
  drainBuffer(st, ci, sink);
  dispatch(st, c.queue, sink);
}

export function setPrefetch(st: SimState, ci: number, prefetch: number, sink: Sink): void {
  const c = st.consumers[ci]!;
  c.prefetch = prefetch;
  lowered(st, ci);
  changed(st, ci, 'prefetch', String(prefetch), sink);
  if (c.up) dispatch(st, c.queue, sink);
}

export function setAckMode(st: SimState, ci: number, ackMode: 'manual' | 'auto', sink: Sink): void {
  const c = st.consumers[ci]!;
  c.autoAck = ackMode === 'auto';
  lowered(st, ci);
  changed(st, ci, 'ackMode', ackMode, sink);
  if (c.up) dispatch(st, c.queue, sink);
}

export function setFailureRate(st: SimState, ci: number, probability: number, sink: Sink): void {
  const f = st.consumers[ci]!.failure;
  f.probability = probability;
  f.active = failureActive(f);
  changed(st, ci, 'failureProbability', String(probability), sink);
}

/** A new retry policy for failures from now on (a message already waiting keeps its delay). */
export function setRetryPolicy(st: SimState, ci: number, r: RetryPolicy, sink: Sink): void {
  const c = st.consumers[ci]!;
  c.retry = compileRetry(r);
  changed(st, ci, 'retry', r.policy, sink);
}

/** A named guarantee: ack mode and idempotency together (guarantees.ts). */
export function setGuarantee(st: SimState, ci: number, g: Guarantee, sink: Sink): void {
  const c = st.consumers[ci]!;
  c.autoAck = g === 'at-most-once';
  lowered(st, ci);
  if (g === 'exactly-once' && !c.dedup) c.dedup = compileDedup({});
  if (g !== 'exactly-once') c.dedup = null;
  changed(st, ci, 'guarantee', g, sink);
  if (c.up) dispatch(st, c.queue, sink);
}
