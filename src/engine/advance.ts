/**
 * The tick loop. Simulated time advances in whole ticks; inside a tick, due events run in
 * (time, sequence) order from the heap, so idle time costs nothing and ties are deterministic.
 * Inputs from the run's timeline are applied at the start of their tick.
 */
import { updateAlarm } from './broker';
import { onReachBroker, onReachBrokerDirect } from './brokerIn';
import { onAckArrives, onReachConsumer, onServiceDone } from './consumer';
import { onAckTimeout, onVisibilityTimeout } from './consumerCrash';
import { EV } from './eventKinds';
import { onExpiryCheck } from './expiry';
import { onRetryReady } from './failureHandling';
import { heapPop } from './heap';
import type { TimedInput } from './inputSchema';
import { applyInput } from './inputs';
import { onFlush } from './persistence';
import { onArrival, onBurstToggle } from './producer';
import { onBlockedRetry, onConfirmArrives, onConfirmTimeout, onPublishRetry } from './publisher';
import { onCallRetry, onCallTimeout } from './serviceCalls';
import { onModeReturn } from './serviceFaults';
import { onReplyArrives, onReqArrive, onReqDone } from './serviceRequests';
import { joinGroup, onPollIntervalCheck, onRebalanceDone, onSessionExpired } from './logGroup';
import { onMemberPoll, onRecordDone } from './logMember';
import { onLogReplicate } from './logPartition';
import { onLogSendArrive, onLogSendResponse, onLogSendRetry, onLogSendTimeout } from './logProduce';
import { onLogRetention } from './logRetention';
import { sampleLevels } from './levels';
import type { Sink } from './sim';
import type { SimState } from './state';

function runEvent(st: SimState, kind: number, a: number, b: number, sink: Sink): void {
  switch (kind) {
    case EV.Arrival:
      return onArrival(st, a, b, sink);
    case EV.BurstToggle:
      return onBurstToggle(st, a, sink);
    case EV.ReachBroker:
      return onReachBroker(st, a, b, sink);
    case EV.ReachBrokerDirect:
      return onReachBrokerDirect(st, a, b, sink);
    case EV.ReachConsumer:
      return onReachConsumer(st, a, b, sink);
    case EV.ServiceDone:
      return onServiceDone(st, a, b, sink);
    case EV.AckArrives:
      return onAckArrives(st, a, b, sink);
    case EV.ScheduledInput:
      return applyInput(st, st.schedule[a]!.input, sink);
    case EV.DeferredInput:
      return applyInput(st, st.restarts[a]!, sink);
    case EV.ExpiryCheck:
      return onExpiryCheck(st, a, sink);
    case EV.RetryReady:
      return onRetryReady(st, a, b, sink);
    case EV.Flush:
      return onFlush(st, sink);
    case EV.ConfirmArrives:
      return onConfirmArrives(st, a, b, sink);
    case EV.ConfirmTimeout:
      return onConfirmTimeout(st, a, b, sink);
    case EV.PublishRetry:
      return onPublishRetry(st, a, b, sink);
    case EV.BlockedRetry:
      return onBlockedRetry(st, a, sink);
    case EV.VisibilityTimeout:
      return onVisibilityTimeout(st, a, b, sink);
    case EV.AckTimeout:
      return onAckTimeout(st, a, b, sink);
    case EV.ReqArrive:
      return onReqArrive(st, a, b, sink);
    case EV.ReqDone:
      return onReqDone(st, a, b, sink);
    case EV.ReplyArrives:
      return onReplyArrives(st, a, b, sink);
    case EV.CallTimeout:
      return onCallTimeout(st, a, b, sink);
    case EV.CallRetry:
      return onCallRetry(st, a, b, sink);
    case EV.ModeReturn:
      return onModeReturn(st, a, b, sink);
    case EV.LogReplicate:
      return onLogReplicate(st, a, b);
    case EV.LogSendArrive:
      return onLogSendArrive(st, a, b, sink);
    case EV.LogSendResponse:
      return onLogSendResponse(st, a, b, sink);
    case EV.LogSendTimeout:
      return onLogSendTimeout(st, a, b, sink);
    case EV.LogSendRetry:
      return onLogSendRetry(st, a, b, sink);
    case EV.MemberPoll:
      return onMemberPoll(st, a, b, sink);
    case EV.RecordDone:
      return onRecordDone(st, a, b, sink);
    case EV.SessionExpired:
      return onSessionExpired(st, a, b, sink);
    case EV.PollIntervalCheck:
      return onPollIntervalCheck(st, a, b, sink);
    case EV.RebalanceDone:
      return onRebalanceDone(st, a, b);
    case EV.LogRetention:
      return onLogRetention(st);
    case EV.MemberJoin:
      return joinGroup(st, a, sink);
    default:
      throw new Error(`engine bug: unknown event kind ${kind}`);
  }
}

/** Run every event due strictly before `endUs`, then set the clock to `endUs`. */
export function processUntil(st: SimState, endUs: number, sink: Sink): void {
  const h = st.heap;
  while (h.size > 0 && h.t[0]! < endUs) {
    const t = h.t[0]!;
    const kind = h.k[0]!;
    const a = h.a[0]!;
    const b = h.b[0]!;
    heapPop(h);
    if (t < st.nowUs) throw new Error(`engine bug: time went back from ${st.nowUs} to ${t}`);
    st.nowUs = t;
    runEvent(st, kind, a, b, sink);
    // The memory alarm flips between events, never in the middle of one (no re-entrance).
    if (st.broker.alarmPending) updateAlarm(st, sink);
  }
  st.nowUs = endUs;
}

/** Index of the first timeline entry at or after `tick` (the timeline is sorted by tick). */
function firstAt(timeline: readonly TimedInput[], tick: number): number {
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid]!.tick < tick) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Has the run reached its end? */
export function finished(st: SimState): boolean {
  return st.tick >= st.endTick;
}

/**
 * One step of the tick loop: apply the inputs of the current tick, then run events up to the
 * next tick boundary, or further when no input or event falls inside the following ticks (idle
 * ticks are skipped in one go). Kept apart from the loop so the engine optimises it as a normal
 * function call rather than as one long on-stack-replaced loop. Returns the next timeline index.
 */
function step(
  st: SimState,
  target: number,
  timeline: readonly TimedInput[],
  next: number,
  sink: Sink,
): number {
  st.nowUs = st.tick * st.tickUs;
  while (next < timeline.length && timeline[next]!.tick === st.tick) {
    applyInput(st, timeline[next++]!.input, sink);
    if (st.broker.alarmPending) updateAlarm(st, sink);
  }
  const nextInputTick = next < timeline.length ? timeline[next]!.tick : target;
  const nextEventTick = st.heap.size > 0 ? Math.floor(st.heap.t[0]! / st.tickUs) : target;
  const endTick = Math.max(st.tick + 1, Math.min(nextEventTick, nextInputTick, target));
  processUntil(st, endTick * st.tickUs, sink);
  sampleLevels(st);
  st.tick = endTick;
  return next;
}

/**
 * Advance by up to `ticks` whole ticks (never past the end of the run). Returns the number of
 * ticks actually run.
 */
export function advance(
  st: SimState,
  ticks: number,
  timeline: readonly TimedInput[] = [],
  sink?: Sink,
): number {
  const target = Math.min(st.endTick, st.tick + Math.max(0, Math.floor(ticks)));
  let next = timeline.length > 0 ? firstAt(timeline, st.tick) : 0;
  const start = st.tick;
  while (st.tick < target) next = step(st, target, timeline, next, sink);
  return st.tick - start;
}

/** Advance to the given tick (no-op if already there or past it). */
export function advanceTo(
  st: SimState,
  tick: number,
  timeline: readonly TimedInput[] = [],
  sink?: Sink,
): number {
  return advance(st, tick - st.tick, timeline, sink);
}

/** Run to the end of the scenario. */
export function runToEnd(st: SimState, timeline: readonly TimedInput[] = [], sink?: Sink): void {
  advance(st, st.endTick - st.tick, timeline, sink);
}

/** Time of the next scheduled event, or -1 when nothing is scheduled. */
export function nextEventUs(st: SimState): number {
  return st.heap.size > 0 ? st.heap.t[0]! : -1;
}
