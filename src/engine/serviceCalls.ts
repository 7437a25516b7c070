/**
 * Synchronous calls between services: the caller's worker sends a request and waits for the
 * answer (blocking). A call fails on an error reply, on its timeout (the callee may still finish
 * the work later: a late reply), or at once when the caller's circuit breaker is open (P4).
 * A failed call is retried with exponential backoff up to maxAttempts; when the chain fails for
 * good, a compensating service undoes, newest first, the calls that had succeeded.
 */
import { EV } from './eventKinds';
import { orderUndo } from './orders';
import { continueChain, finish, sendRequest } from './serviceRequests';
import { emitServiceEvent } from './serviceEmit';
import { schedule, type Sink } from './sim';
import { Outcome, RLoc, Why, type CallState, type Req, type SimState } from './state';

const Breaker = { Closed: 0, Open: 1, HalfOpen: 2 } as const;

/** May a call go out through this breaker now? (Open → half-open once the wait is over.) */
function breakerAllows(st: SimState, call: CallState): boolean {
  if (call.breaker === Breaker.Closed) return true;
  if (call.breaker === Breaker.Open && st.nowUs >= call.openUntilUs) {
    call.breaker = Breaker.HalfOpen;
    call.failures = -1; // marks that the trial call is out
    return true;
  }
  return false;
}

function breakerResult(st: SimState, r: Req, call: CallState, ok: boolean, sink: Sink): void {
  const s = st.services[r.svc]!;
  if (s.breakerThreshold <= 0) return;
  if (ok) {
    call.breaker = Breaker.Closed;
    call.failures = 0;
    return;
  }
  const trial = call.breaker === Breaker.HalfOpen;
  call.failures = trial ? s.breakerThreshold : call.failures + 1;
  if (call.failures >= s.breakerThreshold && call.breaker !== Breaker.Open) {
    call.breaker = Breaker.Open;
    call.openUntilUs = st.nowUs + s.breakerOpenUs;
    s.stats.breakerOpened++;
    if (sink)
      emitServiceEvent(
        st,
        sink,
        r.svc,
        'breakerOpened',
        st.nodeIds[st.services[call.target]!.node]!,
      );
  }
}

/** Send the call at r.step (or its undo while compensating). */
export function makeCall(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  const call = s.calls[r.step]!;
  if (!r.compensating && s.breakerThreshold > 0 && !breakerAllows(st, call)) {
    s.stats.breakerRejected++;
    r.loc = RLoc.Calling;
    r.why = Why.BreakerOpen;
    return chainFailed(st, slot, sink);
  }
  const token = st.nextReq++;
  r.awaiting = token;
  r.loc = RLoc.Calling;
  s.stats.callsMade++;
  sendRequest(st, call.target, r.origin, slot, token, r.compensating, st.nowUs, sink);
  if (call.timeoutUs > 0) schedule(st, st.nowUs + call.timeoutUs, EV.CallTimeout, slot, token);
}

export function onCallTimeout(st: SimState, slot: number, token: number, sink: Sink): void {
  const r = st.reqs[slot];
  if (!r || r.awaiting !== token || r.loc !== RLoc.Calling) return;
  const s = st.services[r.svc]!;
  s.stats.callTimeouts++;
  r.awaiting = 0;
  if (!r.compensating) r.why = Why.Timeout;
  if (sink)
    emitServiceEvent(
      st,
      sink,
      r.svc,
      'callTimedOut',
      st.nodeIds[st.services[s.calls[r.step]!.target]!.node]!,
    );
  attemptFailed(st, slot, sink);
}

/** A callee's reply reached its caller (the callee's request record is already freed). */
export function callReturned(st: SimState, child: Req, sink: Sink): void {
  const slot = child.parent;
  const r = st.reqs[slot];
  if (!r || r.awaiting !== child.token || r.loc !== RLoc.Calling) {
    // The caller gave up (timeout) or died: the callee's work happened, nobody uses the answer.
    st.services[child.svc]!.stats.lateReplies++;
    return;
  }
  r.awaiting = 0;
  const ok = child.outcome === Outcome.Ok;
  if (r.compensating) {
    const s = st.services[r.svc]!;
    if (ok) s.stats.compensations++;
    else s.stats.compensationFailures++;
    return undoNext(st, slot, sink);
  }
  const call = st.services[r.svc]!.calls[r.step]!;
  breakerResult(st, r, call, ok, sink);
  if (!ok) {
    st.services[r.svc]!.stats.callFailures++;
    r.why = Why.CallFailed;
    return attemptFailed(st, slot, sink);
  }
  r.okCalls |= 1 << r.step;
  r.step++;
  r.attempt = 1;
  continueChain(st, slot, sink);
}

function backoffUs(call: CallState, attempt: number): number {
  let d = call.backoffUs;
  for (let i = 1; i < attempt && d < call.backoffCapUs; i++) d *= 2;
  return Math.min(d, call.backoffCapUs);
}

function attemptFailed(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  if (r.compensating) {
    s.stats.compensationFailures++;
    return undoNext(st, slot, sink);
  }
  const call = s.calls[r.step]!;
  if (r.attempt >= call.maxAttempts) return chainFailed(st, slot, sink);
  s.stats.callRetries++;
  const token = st.nextReq++;
  r.awaiting = token;
  r.loc = RLoc.Backoff;
  schedule(st, st.nowUs + backoffUs(call, r.attempt), EV.CallRetry, slot, token);
  r.attempt++;
}

export function onCallRetry(st: SimState, slot: number, token: number, sink: Sink): void {
  const r = st.reqs[slot];
  if (!r || r.awaiting !== token || r.loc !== RLoc.Backoff) return;
  r.awaiting = 0;
  makeCall(st, slot, sink);
}

/** The chain failed for good: compensate what succeeded (if configured), then fail. */
function chainFailed(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  if (s.compensate && r.okCalls !== 0) {
    r.compensating = true;
    return undoNext(st, slot, sink);
  }
  if (s.compensate) orderUndo(st, s.bit, r.origin);
  finish(st, slot, Outcome.Failed, sink);
}

/** Undo the newest call that succeeded and is not undone yet; fail when none is left. */
function undoNext(st: SimState, slot: number, sink: Sink): void {
  const r = st.reqs[slot]!;
  const s = st.services[r.svc]!;
  for (let i = s.calls.length - 1; i >= 0; i--) {
    if ((r.okCalls & (1 << i)) === 0) continue;
    r.okCalls &= ~(1 << i);
    r.step = i;
    return makeCall(st, slot, sink);
  }
  orderUndo(st, s.bit, r.origin);
  finish(st, slot, Outcome.Failed, sink);
}
