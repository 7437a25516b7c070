/**
 * A service answering requests: a request arrives (from a client or a caller), waits for a free
 * worker or is rejected when the waiting line is full, is refused while the service is down,
 * runs its local work, makes its calls in order (serviceCalls.ts), publishes if configured, and
 * replies. The worker is held from the start of the work until the reply leaves.
 */
import { sampleUs } from './distributions';
import { EV } from './eventKinds';
import { histAdd } from './histogram';
import { orderAccepted, orderEffect, orderRefused, orderUndo } from './orders';
import { publishOrigin } from './publisher';
import { ringPush, ringShift } from './ring';
import { uniform01 } from './rng';
import { latencyAdd } from './latencySeries';
import { seriesCount } from './series';
import { callReturned, makeCall } from './serviceCalls';
import { emitRequest } from './serviceEmit';
import { schedule, type Sink } from './sim';
import { Mode, Outcome, RLoc, Why, type Req, type SimState } from './state';

export function reqIf(st: SimState, slot: number, id: number): Req | null {
  const r = st.reqs[slot];
  return r && r.id === id ? r : null;
}

/** Send a request to service `svc`; returns its slot. */
export function sendRequest(
  st: SimState,
  svc: number,
  origin: number,
  parent: number,
  token: number,
  undo: boolean,
  createdUs: number,
  sink: Sink,
): number {
  const id = st.nextReq++;
  const r: Req = {
    id,
    origin,
    svc,
    parent,
    token,
    undo,
    loc: RLoc.ToService,
    step: 0,
    attempt: 1,
    awaiting: 0,
    okCalls: 0,
    compensating: false,
    createdUs,
    arrivedUs: -1,
    startUs: -1,
    blockedSinceUs: -1,
    outcome: Outcome.None,
    why: Why.None,
  };
  const slot = st.freeReqs.length > 0 ? st.freeReqs.pop()! : st.reqs.length;
  st.reqs[slot] = r;
  if (st.linkLatencyUs === 0) arrive(st, slot, sink);
  else schedule(st, st.nowUs + st.linkLatencyUs, EV.ReqArrive, slot, id);
  return slot;
}

/** A client order: a producer whose target is a service. */
export function clientOrder(st: SimState, pi: number, sink: Sink): void {
  const p = st.producers[pi]!;
  const origin = st.nextOrigin++;
  st.flow.stats.orders++;
  p.stats.published++;
  sendRequest(st, p.toService, origin, -1, pi, false, st.nowUs, sink);
}

export function onReqArrive(st: SimState, slot: number, id: number, sink: Sink): void {
  if (reqIf(st, slot, id)) arrive(st, slot, sink);
}

function arrive(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  r.arrivedUs = st.nowUs;
  s.stats.received++;
  if (sink) emitRequest(st, sink, r, 'arrived');
  if (s.mode === Mode.Down) {
    s.stats.refused++;
    r.why = Why.Down;
    return finish(st, slot, Outcome.Failed, sink);
  }
  if (s.busy < s.concurrency) return start(st, slot);
  if (s.waiting.size < s.queueLimit) {
    r.loc = RLoc.Waiting;
    ringPush(s.waiting, slot);
    if (s.waiting.size > s.stats.waitingMax) s.stats.waitingMax = s.waiting.size;
    return;
  }
  s.stats.rejected++;
  r.why = Why.Full;
  finish(st, slot, Outcome.Rejected, sink);
}

function start(st: SimState, slot: number): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  s.busy++;
  r.loc = RLoc.InService;
  r.startUs = st.nowUs;
  schedule(st, st.nowUs + sampleUs(s.service, st.rng, s.stream, s.factor), EV.ReqDone, slot, r.id);
}

export function onReqDone(st: SimState, slot: number, id: number, sink: Sink): void {
  const r = reqIf(st, slot, id);
  if (!r || r.loc !== RLoc.InService) return;
  const s = st.services[r.svc]!;
  if (s.failureP > 0 && uniform01(st.rng, s.failStream) < s.failureP) {
    s.stats.failed++;
    r.why = Why.Error;
    return finish(st, slot, Outcome.Failed, sink);
  }
  if (r.undo) {
    if (orderUndo(st, s.bit, r.origin)) s.stats.undone++;
    return finish(st, slot, Outcome.Ok, sink);
  }
  orderEffect(st, r.svc, r.origin, sink);
  r.step = 0;
  r.blockedSinceUs = st.nowUs;
  continueChain(st, slot, sink);
}

/** Make the next call, or, when all are done, publish and reply. */
export function continueChain(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  if (r.step < s.calls.length) return makeCall(st, slot, sink);
  if (s.publisher >= 0) publishOrigin(st, s.publisher, r.origin, sink);
  finish(st, slot, Outcome.Ok, sink);
}

/** Start waiting requests while workers are free (and the service is not down). */
export function drainWaiting(st: SimState, si: number): void {
  const s = st.services[si]!;
  while (s.waiting.size > 0 && s.busy < s.concurrency && s.mode !== Mode.Down)
    start(st, ringShift(s.waiting));
}

function releaseWorker(st: SimState, r: Req): void {
  const s = st.services[r.svc]!;
  const now = st.nowUs;
  s.busy--;
  s.stats.busyUs += now - r.startUs;
  if (r.blockedSinceUs >= 0) s.stats.blockedUs += now - r.blockedSinceUs;
  drainWaiting(st, r.svc);
}

/** The request is over: free its worker and send the reply back. */
export function finish(st: SimState, slot: number, outcome: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  const held = r.loc === RLoc.InService || r.loc === RLoc.Calling || r.loc === RLoc.Backoff;
  r.outcome = outcome;
  r.awaiting = 0;
  if (held) releaseWorker(st, r);
  if (outcome === Outcome.Ok) s.stats.succeeded++;
  if (r.arrivedUs >= 0) histAdd(s.stats.response, st.nowUs - r.arrivedUs);
  r.loc = RLoc.Replying;
  if (sink) emitRequest(st, sink, r, outcome === Outcome.Ok ? 'replied' : 'failed');
  if (st.linkLatencyUs === 0) replyArrives(st, slot, sink);
  else schedule(st, st.nowUs + st.linkLatencyUs, EV.ReplyArrives, slot, r.id);
}

export function onReplyArrives(st: SimState, slot: number, id: number, sink: Sink): void {
  if (reqIf(st, slot, id)) replyArrives(st, slot, sink);
}

function replyArrives(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  st.reqs[slot] = null;
  st.freeReqs.push(slot);
  if (r.parent >= 0) return callReturned(st, r, sink);
  const f = st.flow.stats;
  if (r.outcome === Outcome.Ok) {
    f.accepted++;
    seriesCount(st.flow.series.accepted, st.nowUs);
    histAdd(f.clientLatency, st.nowUs - r.createdUs);
    latencyAdd(st.flow.series.latency, st.nowUs, st.nowUs - r.createdUs);
    orderAccepted(st, r.origin, r.createdUs);
    return;
  }
  if (r.outcome === Outcome.Rejected) {
    f.rejected++;
    seriesCount(st.flow.series.rejected, st.nowUs);
  } else {
    f.failed++;
    seriesCount(st.flow.series.failed, st.nowUs);
  }
  orderRefused(st, r.origin, r.outcome);
}
