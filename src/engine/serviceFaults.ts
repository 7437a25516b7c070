/**
 * A service's state, changed by an input or a schedule: up; down (a crash: work in progress and
 * waiting requests are lost, callers get an error, new requests are refused, and a consuming
 * side stops, its unacked messages going back to the queue); slow or recovering (service time
 * multiplied by a factor). A change may last `forMs`, after which the service is up again.
 */
import { crashConsumer, restartConsumer } from './consumerCrash';
import { setFailureRate } from './consumerSettings';
import { EV } from './eventKinds';
import { crashMember, restartMember } from './logMemberCrash';
import { ringReset } from './ring';
import { drainWaiting, finish } from './serviceRequests';
import { emitMode } from './serviceEmit';
import { schedule, type Sink } from './sim';
import { Mode, Outcome, RLoc, Why, type SimState } from './state';

/** Throw away everything the service was doing; returns how many requests were lost. */
function crashRequests(st: SimState, si: number, sink: Sink): number {
  const s = st.services[si]!;
  ringReset(s.waiting, []);
  let lost = 0;
  for (let slot = 0; slot < st.reqs.length; slot++) {
    const r = st.reqs[slot];
    if (!r || r.svc !== si) continue;
    if (r.loc === RLoc.ToService || r.loc === RLoc.Replying) continue;
    lost++;
    r.why = Why.Crashed;
    // The caller sees the connection drop: an error reply, sent now.
    finish(st, slot, Outcome.Failed, sink);
  }
  s.stats.lostInCrash += lost;
  return lost;
}

export function setServiceMode(
  st: SimState,
  si: number,
  mode: number,
  factor: number,
  forUs: number,
  sink: Sink,
): void {
  const s = st.services[si]!;
  const wasDown = s.mode === Mode.Down;
  s.mode = mode;
  s.factor = mode === Mode.Slow || mode === Mode.Recovering ? factor : 1;
  let lost = 0;
  if (mode === Mode.Down && !wasDown) {
    lost = crashRequests(st, si, sink);
    if (s.consumer >= 0) crashConsumer(st, s.consumer, 'now', sink);
    if (s.member >= 0) crashMember(st, s.member, 'now', sink);
  }
  if (s.consumer >= 0) st.consumers[s.consumer]!.slowdown = s.factor;
  if (s.member >= 0) st.log.members[s.member]!.slowdown = s.factor;
  s.modeToken = 0;
  if (forUs > 0 && mode !== Mode.Up) {
    s.modeToken = st.nextReq++;
    schedule(st, st.nowUs + forUs, EV.ModeReturn, si, s.modeToken);
  }
  if (sink) emitMode(st, sink, si, lost);
  if (mode !== Mode.Down && wasDown) {
    if (s.consumer >= 0) restartConsumer(st, s.consumer, sink);
    if (s.member >= 0) restartMember(st, s.member, sink);
    drainWaiting(st, si);
  }
}

export function onModeReturn(st: SimState, si: number, token: number, sink: Sink): void {
  const s = st.services[si]!;
  if (s.modeToken === token && token !== 0) setServiceMode(st, si, Mode.Up, 1, 0, sink);
}

export function setServiceFailureRate(
  st: SimState,
  si: number,
  probability: number,
  sink: Sink,
): void {
  const s = st.services[si]!;
  s.failureP = probability;
  if (s.consumer >= 0) setFailureRate(st, s.consumer, probability, sink);
}
