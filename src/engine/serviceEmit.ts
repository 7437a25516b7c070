/** Events of services and their requests (only built when someone listens). */
import { FAIL_REASONS, MODE_NAMES, type Req, type SimState } from './state';
import type { EventSink } from './events';

const serviceName = (st: SimState, si: number) => st.nodeIds[st.services[si]!.node]!;

export function emitRequest(
  st: SimState,
  sink: EventSink,
  r: Req,
  phase: 'arrived' | 'replied' | 'failed',
): void {
  const parent = r.parent >= 0 ? st.reqs[r.parent] : null;
  sink.push({
    type: 'request',
    atUs: st.nowUs,
    originId: r.origin,
    service: serviceName(st, r.svc),
    caller: parent ? serviceName(st, parent.svc) : null,
    client: r.parent < 0 ? st.nodeIds[st.producers[r.token]!.node]! : null,
    phase,
    undo: r.undo,
    sentUs: r.createdUs,
    reason: phase === 'failed' ? FAIL_REASONS[r.why]! || 'error' : null,
  });
}

export function emitServiceEvent(
  st: SimState,
  sink: EventSink,
  si: number,
  what: 'breakerOpened' | 'callTimedOut' | 'duplicateEffect',
  detail: string,
): void {
  sink.push({ type: 'serviceNote', atUs: st.nowUs, service: serviceName(st, si), what, detail });
}

export function emitMode(st: SimState, sink: EventSink, si: number, lost: number): void {
  const s = st.services[si]!;
  sink.push({
    type: 'serviceStateChanged',
    atUs: st.nowUs,
    service: serviceName(st, si),
    state: MODE_NAMES[s.mode]!,
    factor: s.factor,
    lost,
  });
}
