/**
 * The order ledger of a service flow: which business effects (inventory reserved, payment
 * taken, ...) each order has, whether its client was told it was accepted, and when it became
 * complete. An order is complete when it was accepted and has every effect; a second application
 * of an effect is a duplicate. What is left at the end classifies into lost (accepted, not
 * complete, nothing left that could finish it) and inconsistent (refused, yet some effects
 * applied): see flowReport.ts.
 */
import { histAdd } from './histogram';
import { seriesCount } from './series';
import { emitServiceEvent } from './serviceEmit';
import type { Sink } from './sim';
import { Outcome, type OrderRec, type SimState } from './state';

/** Completed orders remembered to recognise late duplicates. */
export const DONE_MEMORY = 50_000;

function remember(st: SimState, origin: number): void {
  const f = st.flow;
  if (f.doneIds.length - f.doneHead >= DONE_MEMORY) {
    delete f.done[f.doneIds[f.doneHead]!];
    f.doneHead++;
    if (f.doneHead >= DONE_MEMORY) {
      f.doneIds = f.doneIds.slice(f.doneHead);
      f.doneHead = 0;
    }
  }
  f.done[origin] = 1;
  f.doneIds.push(origin);
}

function checkComplete(st: SimState, origin: number, o: OrderRec): void {
  const f = st.flow;
  if (o.outcome !== Outcome.Ok || (o.mask & f.fullMask) !== f.fullMask) return;
  f.stats.completed++;
  seriesCount(f.series.completed, st.nowUs);
  histAdd(f.stats.completion, st.nowUs - o.acceptedUs);
  histAdd(f.stats.endToEnd, st.nowUs - o.placedUs);
  delete f.orders[origin];
  remember(st, origin);
}

/** Service `si` applied its effect for this order. */
export function orderEffect(st: SimState, si: number, origin: number, sink: Sink): void {
  const s = st.services[si]!;
  s.stats.effects++;
  if (s.bit < 0) return;
  const f = st.flow;
  const bit = 1 << s.bit;
  const o = f.orders[origin];
  if (f.done[origin] === 1 || (o && (o.mask & bit) !== 0)) {
    s.stats.duplicateEffects++;
    f.stats.duplicateEffects++;
    if (sink) emitServiceEvent(st, sink, si, 'duplicateEffect', String(origin));
    return;
  }
  if (!o) {
    f.orders[origin] = { mask: bit, placedUs: -1, acceptedUs: -1, outcome: Outcome.None };
    return;
  }
  if (o.outcome !== Outcome.None && o.outcome !== Outcome.Ok) f.stats.lateEffects++;
  o.mask |= bit;
  checkComplete(st, origin, o);
}

/** Undo (compensate) an effect; true when there was one to undo. */
export function orderUndo(st: SimState, bit: number, origin: number): boolean {
  if (bit < 0) return false;
  const o = st.flow.orders[origin];
  if (!o || (o.mask & (1 << bit)) === 0) return false;
  o.mask &= ~(1 << bit);
  if (o.mask === 0 && o.outcome !== Outcome.Ok && o.outcome !== Outcome.None)
    delete st.flow.orders[origin];
  return true;
}

/** The client was told the order is accepted. */
export function orderAccepted(st: SimState, origin: number, placedUs: number): void {
  const f = st.flow;
  let o = f.orders[origin];
  if (!o) {
    o = { mask: 0, placedUs, acceptedUs: st.nowUs, outcome: Outcome.Ok };
    f.orders[origin] = o;
  }
  o.placedUs = placedUs;
  o.outcome = Outcome.Ok;
  o.acceptedUs = st.nowUs;
  checkComplete(st, origin, o);
}

/** The client was told the order failed or was rejected. */
export function orderRefused(st: SimState, origin: number, outcome: number): void {
  const o = st.flow.orders[origin];
  if (!o) return;
  if (o.mask === 0) delete st.flow.orders[origin];
  else o.outcome = outcome;
}
