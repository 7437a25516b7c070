/** Inputs that change a running consumer's settings; each takes effect from the next delivery. */
import { dispatch, unackedLimit } from './delivery';
import { failureActive } from './failure';
import { consumerName, type Sink } from './sim';
import type { SimState } from './state';
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
