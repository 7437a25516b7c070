/**
 * Producing to a topic: the partition is chosen by key (K2), the send travels to the partition's
 * leader, is appended, and answered according to `acks` (K14): 0 never waits, 1 after the leader
 * wrote it, all once every in-sync replica has it (and only with at least min.insync.replicas).
 * A failed or unanswered send is retried; without idempotence a retry of a record that was in
 * fact written duplicates it, and with several sends in flight can reorder them (K3); the
 * idempotent producer's sequence numbers let the leader drop duplicates and refuse gaps (K11).
 */
import { EV } from './eventKinds';
import { Flag, appendRecord } from './logPartition';
import { partitionForKey } from './murmur2';
import { uniform01, uniformInt } from './rng';
import { histAdd } from './histogram';
import { schedule, type Sink } from './sim';
import type { LogProducerState, LogSend, PartitionState, SimState } from './state';

/** Kafka's retry.backoff.ms. */
const RETRY_BACKOFF_US = 100_000;

const Stage = { Travelling: 0, WaitingHw: 1, Responding: 2, Backoff: 3 } as const;

function sendIf(st: SimState, slot: number, id: number): LogSend | null {
  const s = st.log.sends[slot];
  return s && s.id === id ? s : null;
}

function pickPartition(st: SimState, lp: LogProducerState, key: number): number {
  const parts = st.log.topics[lp.topic]!.parts.length;
  if (key >= 0) return partitionForKey(st.log.keys[key]!, parts);
  const p = lp.rr % parts;
  lp.rr++;
  return p;
}

/** A new record from producer `pi` (its log side `li`). */
export function produceRecord(
  st: SimState,
  li: number,
  origin: number,
  tpl: number,
  sink: Sink,
): void {
  const lp = st.log.producers[li]!;
  const t = st.templates[lp.producer]![tpl]!;
  let key = t.keyId;
  if (key < 0 && lp.keyIds.length > 0)
    key = lp.keyIds[uniformInt(st.rng, lp.keyStream, lp.keyIds.length)]!;
  const flags = t.tombstone ? Flag.Tombstone : 0;
  if (lp.acks !== 0 && lp.inFlight >= lp.maxInFlight) {
    lp.backlog.push(origin, key, flags, st.nowUs);
    return;
  }
  startSend(st, li, origin, key, flags, st.nowUs, sink);
}

function startSend(
  st: SimState,
  li: number,
  origin: number,
  key: number,
  flags: number,
  createdUs: number,
  sink: Sink,
): void {
  const lp = st.log.producers[li]!;
  const partition = pickPartition(st, lp, key);
  const seq = lp.nextSeq[partition]!;
  lp.nextSeq[partition] = seq + 1;
  const send: LogSend = {
    id: st.log.nextToken++,
    producer: li,
    topic: lp.topic,
    partition,
    origin,
    key,
    seq,
    attempt: 1,
    createdUs,
    flags,
    offset: -1,
    acked: false,
    stage: Stage.Travelling,
    ok: false,
    gap: false,
  };
  const slot = st.log.freeSends.length > 0 ? st.log.freeSends.pop()! : st.log.sends.length;
  st.log.sends[slot] = send;
  lp.stats.sent++;
  st.totals.published++;
  st.producers[lp.producer]!.stats.published++;
  if (lp.acks !== 0) lp.inFlight++;
  transmit(st, slot, sink);
}

function transmit(st: SimState, slot: number, sink: Sink): void {
  const s = st.log.sends[slot]!;
  const lp = st.log.producers[s.producer]!;
  s.stage = Stage.Travelling;
  if (lp.acks !== 0) schedule(st, st.nowUs + lp.requestTimeoutUs, EV.LogSendTimeout, slot, s.id);
  if (st.linkLatencyUs === 0) arrive(st, slot, sink);
  else schedule(st, st.nowUs + st.linkLatencyUs, EV.LogSendArrive, slot, s.id);
}

export function onLogSendArrive(st: SimState, slot: number, id: number, sink: Sink): void {
  const s = sendIf(st, slot, id);
  if (s && s.stage === Stage.Travelling) arrive(st, slot, sink);
}

/** The send reaches the partition's leader. */
function arrive(st: SimState, slot: number, sink: Sink): void {
  const s = st.log.sends[slot]!;
  const lp = st.log.producers[s.producer]!;
  const t = st.log.topics[s.topic]!;
  const part = t.parts[s.partition]!;
  if (part.leader < 0 || !st.log.brokersUp[part.leader]) {
    t.stats.offline++;
    return lp.acks === 0 ? finishSend(st, slot, false) : respond(st, slot, false, sink);
  }
  if (lp.acks === -1 && part.isr.length < t.minIsr) {
    t.stats.notEnoughReplicas++;
    return respond(st, slot, false, sink);
  }
  const last = part.lastSeq[s.producer] ?? -1;
  if (lp.idempotent) {
    if (s.seq <= last) {
      // Already written by an earlier attempt: drop it, answer as for the original (K11).
      t.stats.duplicatesDropped++;
      return respond(st, slot, true, sink);
    }
    // A gap: an earlier record of this producer failed; refuse, so order is kept (K3, K11).
    if (s.seq > last + 1) {
      s.gap = true;
      return respond(st, slot, false, sink);
    }
  } else if (s.seq < last) t.stats.outOfOrder++;
  if (s.seq > last) part.lastSeq[s.producer] = s.seq;
  s.offset = appendRecord(
    st,
    s.topic,
    s.partition,
    {
      origin: s.origin,
      key: s.key,
      bytes: lp.recordBytes,
      pid: s.producer,
      seq: s.seq,
      flags: s.flags,
      txn: 0,
    },
    sink,
  );
  if (lp.acks === 0) return finishSend(st, slot, true);
  if (lp.acks === 1 || part.hw > s.offset) return respond(st, slot, true, sink);
  s.stage = Stage.WaitingHw;
  part.waiters.push(slot);
}

/** The high watermark moved: answer the acks=all sends it now covers. */
export function releaseWaiters(st: SimState, ti: number, p: number): void {
  const part = st.log.topics[ti]!.parts[p]!;
  const still: number[] = [];
  for (const slot of part.waiters) {
    const s = st.log.sends[slot];
    if (!s || s.stage !== Stage.WaitingHw) continue;
    if (s.offset < part.hw) respond(st, slot, true, undefined);
    else still.push(slot);
  }
  part.waiters = still;
}

/** The leader changed: every write waiting for replication fails and will be retried. */
export function failWaiters(st: SimState, part: PartitionState): void {
  const waiting = part.waiters;
  part.waiters = [];
  for (const slot of waiting) {
    const s = st.log.sends[slot];
    if (s && s.stage === Stage.WaitingHw) respond(st, slot, false, undefined);
  }
}

function markAcked(st: SimState, s: LogSend): void {
  const part = st.log.topics[s.topic]!.parts[s.partition]!;
  if (s.offset < 0) return;
  // The record may have been truncated already; mark it only while it is there.
  const log = part.log;
  for (let i = log.off.length - 1; i >= 0 && log.off[i]! >= s.offset; i--)
    if (log.off[i] === s.offset && log.origin[i] === s.origin) log.flags[i]! |= Flag.Acked;
}

function respond(st: SimState, slot: number, ok: boolean, sink: Sink): void {
  const s = st.log.sends[slot]!;
  const lp = st.log.producers[s.producer]!;
  s.ok = ok;
  s.stage = Stage.Responding;
  if (ok) markAcked(st, s);
  if (lp.lostResponses > 0 && uniform01(st.rng, lp.respStream) < lp.lostResponses) {
    // Lost on the way back: the producer's request timeout will fire.
    lp.stats.lostResponses++;
    return;
  }
  if (st.linkLatencyUs === 0) return responseArrives(st, slot, sink);
  schedule(st, st.nowUs + st.linkLatencyUs, EV.LogSendResponse, slot, s.id);
}

export function onLogSendResponse(st: SimState, slot: number, id: number, sink: Sink): void {
  const s = sendIf(st, slot, id);
  if (s && s.stage === Stage.Responding) responseArrives(st, slot, sink);
}

function responseArrives(st: SimState, slot: number, sink: Sink): void {
  const s = st.log.sends[slot]!;
  if (s.ok) return finishSend(st, slot, true, sink);
  retryOrFail(st, slot, sink);
}

export function onLogSendTimeout(st: SimState, slot: number, id: number, sink: Sink): void {
  const s = sendIf(st, slot, id);
  if (!s || s.stage === Stage.Backoff) return;
  // No answer in time (lost response, or still waiting for replicas): try again.
  if (s.stage === Stage.WaitingHw) {
    const part = st.log.topics[s.topic]!.parts[s.partition]!;
    part.waiters = part.waiters.filter((x) => x !== slot);
  }
  retryOrFail(st, slot, sink);
}

function retryOrFail(st: SimState, slot: number, sink: Sink): void {
  const s = st.log.sends[slot]!;
  const lp = st.log.producers[s.producer]!;
  s.stage = Stage.Backoff;
  s.id = st.log.nextToken++;
  if (s.gap) {
    // Waiting for its turn behind a retried record, as Kafka's in-order retries do: soon, and
    // without using up an attempt.
    s.gap = false;
    schedule(st, st.nowUs + Math.max(1000, 2 * st.linkLatencyUs), EV.LogSendRetry, slot, s.id);
    return;
  }
  if (s.attempt > lp.retries) return finishSend(st, slot, false, sink);
  s.attempt++;
  lp.stats.retries++;
  schedule(st, st.nowUs + RETRY_BACKOFF_US, EV.LogSendRetry, slot, s.id);
}

export function onLogSendRetry(st: SimState, slot: number, id: number, sink: Sink): void {
  const s = sendIf(st, slot, id);
  if (s && s.stage === Stage.Backoff) transmit(st, slot, sink);
}

function renumberAfter(st: SimState, failed: LogSend): void {
  const lp = st.log.producers[failed.producer]!;
  const part = st.log.topics[failed.topic]!.parts[failed.partition]!;
  // Written after all (only its answers were lost): its number is taken.
  if ((part.lastSeq[failed.producer] ?? -1) >= failed.seq) return;
  for (const other of st.log.sends)
    if (
      other &&
      other !== failed &&
      other.producer === failed.producer &&
      other.partition === failed.partition &&
      other.seq > failed.seq
    )
      other.seq--;
  lp.nextSeq[failed.partition]!--;
}

function finishSend(st: SimState, slot: number, ok: boolean, sink?: Sink): void {
  const s = st.log.sends[slot]!;
  const lp = st.log.producers[s.producer]!;
  st.log.sends[slot] = null;
  st.log.freeSends.push(slot);
  if (ok) {
    lp.stats.acked++;
    histAdd(lp.stats.ackLatency, st.nowUs - s.createdUs);
  } else {
    lp.stats.failed++;
    // The idempotent producer gives the failed record's sequence number up, so the ones after
    // it are not refused for a gap forever (Kafka resets its sequences, KIP-360).
    if (lp.idempotent) renumberAfter(st, s);
  }
  if (lp.acks === 0) return;
  lp.inFlight--;
  if (lp.backlog.length > 0 && lp.inFlight < lp.maxInFlight) {
    const [origin, key, flags, createdUs] = lp.backlog.splice(0, 4) as [
      number,
      number,
      number,
      number,
    ];
    startSend(st, s.producer, origin, key, flags, createdUs, sink);
  }
}
