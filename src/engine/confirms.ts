/**
 * Publisher confirms, broker side (R25, R26): a publish is confirmed once every copy it made
 * was accepted by its queue (and written, if persistent in a durable queue). It gets exactly
 * one confirm: a nack if any queue refused a copy (reject-publish), otherwise an ack.
 */
import { EV } from './eventKinds';
import { pubIf, schedule } from './sim';
import type { Msg, PendingPublish, SimState } from './state';

/** Send the confirm of a publish whose copies are all settled; it travels back to the producer. */
export function maybeConfirm(st: SimState, slot: number, p: PendingPublish): void {
  if (p.waiting > 0 || !p.arrived || p.settled) return;
  p.settled = true;
  schedule(st, st.nowUs + st.linkLatencyUs, EV.ConfirmArrives, slot, p.id);
}

/** This copy no longer holds up its publish's confirm. */
export function confirmProgress(st: SimState, m: Msg): void {
  if (!m.confirmPending) return;
  m.confirmPending = false;
  const p = pubIf(st, m.pub, m.pubId);
  if (!p) return;
  p.waiting--;
  maybeConfirm(st, m.pub, p);
}

/** A queue refused this copy: its publish will be nacked. */
export function confirmReject(st: SimState, m: Msg): void {
  const p = pubIf(st, m.pub, m.pubId);
  if (p) p.nacked = true;
  confirmProgress(st, m);
}
