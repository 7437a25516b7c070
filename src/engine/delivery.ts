/**
 * Dispatch from a queue to its consumers: round-robin over the consumers that have room under
 * their prefetch limit (R8, R10), each delivery tagged and counted as unacked.
 */
import { EV } from './eventKinds';
import { histAdd } from './histogram';
import { receive } from './consumer';
import { afterDepthChange, beforeDepthChange } from './queue';
import { ringShift } from './ring';
import { msgAt, schedule, type Sink } from './sim';
import { Loc, type ConsumerState, type SimState } from './state';

/** Unacked deliveries this consumer may hold: prefetch per worker; 0 means no limit (R10). */
export function unackedLimit(c: ConsumerState): number {
  return c.prefetch === 0 ? Infinity : c.prefetch * c.concurrency;
}

export function hasRoom(c: ConsumerState): boolean {
  return c.up && c.unacked < unackedLimit(c);
}

/** Deliver ready messages while some consumer has room, rotating between consumers. */
export function dispatch(st: SimState, qi: number, sink: Sink): void {
  const q = st.queues[qi]!;
  const n = q.consumers.length;
  while (q.ready.size > 0 && n > 0) {
    let chosen = -1;
    if (n === 1) {
      // The common single-consumer case needs no rotation.
      if (hasRoom(st.consumers[q.consumers[0]!]!)) chosen = 0;
    } else {
      let idx = q.rr;
      for (let k = 0; k < n; k++) {
        if (hasRoom(st.consumers[q.consumers[idx]!]!)) {
          chosen = idx;
          break;
        }
        idx = idx + 1 === n ? 0 : idx + 1;
      }
    }
    if (chosen < 0) return;
    q.rr = chosen + 1 === n ? 0 : chosen + 1;
    beforeDepthChange(q, st.nowUs);
    const slot = ringShift(q.ready);
    afterDepthChange(q);
    deliver(st, slot, q.consumers[chosen]!, sink);
  }
}

function deliver(st: SimState, slot: number, ci: number, sink: Sink): void {
  const m = msgAt(st, slot);
  const c = st.consumers[ci]!;
  const q = st.queues[m.queue]!;
  const now = st.nowUs;
  const tag = st.nextTag++;
  m.holder = ci;
  m.tag = tag;
  m.deliveries++;
  m.deliveredUs = now;
  m.loc = Loc.ToConsumer;
  c.unacked++;
  c.stats.delivered++;
  if (m.redelivered) {
    c.stats.redelivered++;
    st.totals.redelivered++;
  }
  histAdd(c.stats.wait, now - m.readyUs);
  q.stats.delivered++;
  q.stats.waitSumUs += now - m.readyUs;
  st.totals.delivered++;
  const arriveUs = now + st.linkLatencyUs;
  if (sink)
    sink.push({
      type: 'delivered',
      atUs: now,
      msgId: m.id,
      queue: st.nodeIds[q.node]!,
      consumer: st.nodeIds[c.node]!,
      redelivered: m.redelivered,
      deliveryCount: m.deliveries,
      arriveUs,
    });
  if (st.linkLatencyUs === 0) receive(st, ci, slot, sink);
  else schedule(st, arriveUs, EV.ReachConsumer, slot, tag);
}
