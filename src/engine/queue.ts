/**
 * A queue in the broker: ready copies in one FIFO per priority level (a plain queue has one
 * level), depth statistics, arrival with length limits (R24), requeue to the original position
 * (R11, R12, R34), and priority dispatch order where only ready messages are reordered (R22).
 */
import { heldChange } from './brokerHeld';
import { confirmProgress, confirmReject } from './confirms';
import { deadLetterOrDiscard } from './deadLetter';
import { dispatch } from './delivery';
import { emitEnqueued } from './emit';
import { scheduleExpiry } from './expiry';
import { persistOnEnqueue } from './persistence';
import { ringAt, ringPeek, ringPush, ringReset, ringShift, ringToArray } from './ring';
import { seriesAdvance } from './series';
import type { Sink } from './sim';
import { Loc, type QueueState, type SimState } from './state';

/** Close the depth series up to now; call before the depth changes. */
export function beforeDepthChange(q: QueueState, nowUs: number): void {
  const s = q.stats.depthSeries;
  // Inside the current bucket only the running area grows; the series handles bucket ends.
  if (nowUs < s.curStartUs + s.periodUs) {
    s.acc += s.level * (nowUs - s.lastUs);
    s.lastUs = nowUs;
  } else seriesAdvance(s, nowUs);
}

/** Record the new depth; call after it changed. */
export function afterDepthChange(q: QueueState): void {
  const depth = q.readyCount;
  const stats = q.stats;
  stats.depthSeries.level = depth;
  if (depth > stats.depthMax) stats.depthMax = depth;
}

/** Highest non-empty priority level, or -1. */
export function topLevel(q: QueueState): number {
  const levels = q.levels;
  if (levels.length === 1) return levels[0]!.size > 0 ? 0 : -1;
  for (let p = levels.length - 1; p >= 0; p--) if (levels[p]!.size > 0) return p;
  return -1;
}

/** The next copy a consumer would get (R22: one of the highest-priority ready messages). */
export function peekReady(q: QueueState): number {
  const p = topLevel(q);
  return p < 0 ? -1 : ringPeek(q.levels[p]!);
}

/** Remove and return the copy `peekReady` returns. */
export function popReady(st: SimState, q: QueueState): number {
  return popLevelHead(st, q, topLevel(q));
}

/** Remove a specific ready copy (expiry or overflow at the head of a level). */
export function popLevelHead(st: SimState, q: QueueState, level: number): number {
  beforeDepthChange(q, st.nowUs);
  const slot = ringShift(q.levels[level]!);
  q.readyCount--;
  afterDepthChange(q);
  return slot;
}

function pushReady(st: SimState, q: QueueState, slot: number): void {
  const levels = q.levels;
  const level = levels.length === 1 ? 0 : Math.min(st.msgs[slot]!.priority, levels.length - 1);
  beforeDepthChange(q, st.nowUs);
  ringPush(levels[level]!, slot);
  q.readyCount++;
  afterDepthChange(q);
}

/**
 * A copy arrives in queue `qi`: 'new' from a publish, a dead-letter or a redrive (it starts
 * afresh in this queue: position, receive count, expiry); 'retry' back from a delayed retry
 * (a new position at the tail, everything else kept, R19: the original expiry stands).
 * Returns false if the queue refused it (reject-publish overflow); the copy is then gone.
 */
export function enqueueCopy(
  st: SimState,
  slot: number,
  qi: number,
  mode: 'new' | 'retry',
  sink: Sink,
): boolean {
  const m = st.msgs[slot]!;
  const q = st.queues[qi]!;
  const now = st.nowUs;
  if (q.maxLength >= 0 && q.overflow !== 'drop-head' && q.readyCount >= q.maxLength) {
    // R24: reject-publish refuses the newest; -dlx also dead-letters it.
    q.stats.rejectedPublish++;
    confirmReject(st, m);
    m.queue = qi;
    if (q.overflow === 'reject-publish-dlx') deadLetterOrDiscard(st, slot, 'maxlen', sink);
    else deadLetterOrDiscard(st, slot, 'reject-publish', sink, true);
    return false;
  }
  m.queue = qi;
  m.loc = Loc.Ready;
  m.readyUs = now;
  m.enqSeq = q.nextEnqSeq++;
  if (mode === 'new') {
    m.written = false;
    m.deliveries = 0;
    m.returns = 0;
    m.redelivered = false;
    // R19: the lower of the queue's and the message's TTL, counted from arrival here.
    const ttl = q.ttlUs < 0 ? m.msgTtlUs : m.msgTtlUs < 0 ? q.ttlUs : Math.min(q.ttlUs, m.msgTtlUs);
    m.expiresUs = ttl < 0 ? -1 : now + ttl;
  }
  // drop-head (R24): make room first, so the queue never shows more than max-length ready.
  if (q.maxLength > 0 && q.overflow === 'drop-head') {
    while (q.readyCount >= q.maxLength)
      deadLetterOrDiscard(st, popLevelHead(st, q, topLevel(q)), 'maxlen', sink);
  }
  heldChange(st, 1);
  pushReady(st, q, slot);
  q.stats.enqueued++;
  if (sink) emitEnqueued(st, sink, m, qi);
  // The confirm waits for the disk write only for persistent copies in durable queues (R26).
  if (!persistOnEnqueue(st, slot, q) && m.confirmPending) confirmProgress(st, m);
  dispatch(st, qi, sink);
  enforceMaxLength(st, qi, sink);
  if (m.expiresUs >= 0) scheduleExpiry(st, qi);
  return true;
}

/**
 * drop-head (R24): while ready exceeds max-length, the head goes (dead-lettered as maxlen). Run
 * after anything that adds ready messages: publishes, delayed retries and requeues alike. The
 * reject-publish modes only refuse publishes, so a requeue may take such a queue over its limit.
 */
export function enforceMaxLength(st: SimState, qi: number, sink: Sink): void {
  const q = st.queues[qi]!;
  if (q.maxLength < 0 || q.overflow !== 'drop-head') return;
  while (q.readyCount > q.maxLength) {
    const slot = popLevelHead(st, q, topLevel(q));
    deadLetterOrDiscard(st, slot, 'maxlen', sink);
  }
}

/**
 * Put copies back as ready, each in its priority level merged by original enqueue order, so a
 * requeued message returns to its original position when possible (R11, R12, R34).
 */
export function requeueSlots(
  st: SimState,
  qi: number,
  slots: readonly number[],
  countAsRequeue = true,
): void {
  if (slots.length === 0) return;
  const q = st.queues[qi]!;
  const now = st.nowUs;
  // R32: a quorum queue without a delivery limit returns messages to the back instead.
  if (q.type === 'quorum' && q.deliveryLimit < 0 && countAsRequeue)
    for (const slot of slots) st.msgs[slot]!.enqSeq = q.nextEnqSeq++;
  const seqOf = (slot: number) => st.msgs[slot]!.enqSeq;
  beforeDepthChange(q, now);
  for (let p = 0; p < q.levels.length; p++) {
    const back = slots.filter((s) => Math.min(st.msgs[s]!.priority, q.levels.length - 1) === p);
    if (back.length === 0) continue;
    back.sort((x, y) => seqOf(x) - seqOf(y));
    const ready = ringToArray(q.levels[p]!);
    const merged: number[] = [];
    let i = 0;
    let j = 0;
    while (i < back.length || j < ready.length) {
      if (j >= ready.length || (i < back.length && seqOf(back[i]!) < seqOf(ready[j]!)))
        merged.push(back[i++]!);
      else merged.push(ready[j++]!);
    }
    ringReset(q.levels[p]!, merged);
  }
  for (const slot of slots) {
    const m = st.msgs[slot]!;
    m.loc = Loc.Ready;
    m.readyUs = now;
    m.holder = -1;
    m.tag = 0;
    m.redelivered = true;
  }
  q.readyCount += slots.length;
  afterDepthChange(q);
  // R19: a requeued message keeps its original expiry, and may now be the head that expires.
  if (st.anyTtl) scheduleExpiry(st, qi);
  if (!countAsRequeue) return;
  q.stats.requeued += slots.length;
  st.totals.requeued += slots.length;
}

/** Every ready copy of a queue, highest priority first (for inspection and redrive). */
export function readySlots(q: QueueState): number[] {
  const out: number[] = [];
  for (let p = q.levels.length - 1; p >= 0; p--) {
    const r = q.levels[p]!;
    for (let i = 0; i < r.size; i++) out.push(ringAt(r, i));
  }
  return out;
}

/** Drop every ready copy of a queue (broker crash), returning them. */
export function takeAllReady(st: SimState, q: QueueState): number[] {
  const all = readySlots(q);
  beforeDepthChange(q, st.nowUs);
  for (const r of q.levels) ringReset(r, []);
  q.readyCount = 0;
  afterDepthChange(q);
  return all;
}
