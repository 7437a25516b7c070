/**
 * Persistence (R26, R27): a persistent copy in a durable queue is written to disk by the next
 * batched flush (fsync) of the broker. Until then a broker crash loses it, and its publisher's
 * confirm waits for the write. With persistIntervalMs 0 the write is immediate.
 */
import { confirmProgress } from './confirms';
import { EV } from './eventKinds';
import { queueName, schedule, type Sink } from './sim';
import type { QueueState, SimState } from './state';

/** Returns true if the copy now waits for a disk write. */
export function persistOnEnqueue(st: SimState, slot: number, q: QueueState): boolean {
  const m = st.msgs[slot]!;
  if (!m.persistent || !q.durable || m.written) return false;
  const b = st.broker;
  if (b.persistIntervalUs === 0) {
    m.written = true;
    return false;
  }
  b.unwritten.push(slot, m.id);
  if (b.flushAtUs < 0) {
    b.flushAtUs = st.nowUs + b.persistIntervalUs;
    schedule(st, b.flushAtUs, EV.Flush, 0);
  }
  return true;
}

export function onFlush(st: SimState, sink: Sink): void {
  const b = st.broker;
  if (st.nowUs !== b.flushAtUs) return;
  b.flushAtUs = -1;
  if (!b.up) return;
  const pending = b.unwritten;
  b.unwritten = [];
  b.stats.flushes++;
  for (let i = 0; i < pending.length; i += 2) {
    const m = st.msgs[pending[i]!];
    // The copy may have been acked or dropped since (then it needs no write).
    if (!m || m.id !== pending[i + 1] || m.written || m.fate !== '') continue;
    m.written = true;
    if (sink)
      sink.push({ type: 'persisted', atUs: st.nowUs, msgId: m.id, queue: queueName(st, m.queue) });
    confirmProgress(st, m);
  }
}
