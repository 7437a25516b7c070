/**
 * A FIFO queue in the broker: ready messages in arrival order, depth statistics, and requeue
 * that puts returned messages back in their original order (R12, R34).
 */
import { dispatch } from './delivery';
import { ringPush, ringReset, ringToArray } from './ring';
import { seriesAdvance } from './series';
import { msgAt, type Sink } from './sim';
import { Loc, type QueueState, type SimState } from './state';

/** Accumulate ∫depth dt up to now; call before the depth changes. */
export function beforeDepthChange(q: QueueState, nowUs: number): void {
  const s = q.stats;
  s.depthAreaUs += q.ready.size * (nowUs - s.depthChangedUs);
  s.depthChangedUs = nowUs;
  seriesAdvance(s.depthSeries, nowUs);
}

/** Record the new depth; call after it changed. */
export function afterDepthChange(q: QueueState): void {
  const depth = q.ready.size;
  q.stats.depthSeries.level = depth;
  if (depth > q.stats.depthMax) q.stats.depthMax = depth;
}

/** A message arrives at its queue and becomes ready. */
export function enqueue(st: SimState, slot: number, sink: Sink): void {
  const m = msgAt(st, slot);
  const q = st.queues[m.queue]!;
  const now = st.nowUs;
  m.loc = Loc.Ready;
  m.readyUs = now;
  m.enqSeq = q.nextEnqSeq++;
  beforeDepthChange(q, now);
  ringPush(q.ready, slot);
  afterDepthChange(q);
  q.stats.enqueued++;
  st.totals.enqueued++;
  if (sink)
    sink.push({
      type: 'enqueued',
      atUs: now,
      msgId: m.id,
      queue: st.nodeIds[q.node]!,
      depth: q.ready.size,
    });
  dispatch(st, m.queue, sink);
}

/**
 * Put messages back as ready, merged by their original enqueue order, so a requeued message
 * returns to its original position when that is still possible (R11, R12, R34).
 */
export function requeueSlots(st: SimState, qi: number, slots: number[]): void {
  if (slots.length === 0) return;
  const q = st.queues[qi]!;
  const now = st.nowUs;
  const seqOf = (slot: number) => msgAt(st, slot).enqSeq;
  const back = [...slots].sort((x, y) => seqOf(x) - seqOf(y));
  const ready = ringToArray(q.ready);
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < back.length || j < ready.length) {
    if (j >= ready.length || (i < back.length && seqOf(back[i]!) < seqOf(ready[j]!)))
      merged.push(back[i++]!);
    else merged.push(ready[j++]!);
  }
  for (const slot of back) {
    const m = msgAt(st, slot);
    m.loc = Loc.Ready;
    m.readyUs = now;
  }
  beforeDepthChange(q, now);
  ringReset(q.ready, merged);
  afterDepthChange(q);
  st.totals.requeued += back.length;
}
