/**
 * The end of a copy's life. The broker lets go of a copy (acked, discarded, lost); if no
 * consumer still works on it, its effects are settled in its home queue's ledger and its slot
 * is freed; otherwise it stays, detached, until the last delivery lets go too.
 */
import { heldChange } from './brokerHeld';
import { confirmProgress } from './confirms';
import { ledgerSettleCopy } from './ledger';
import { bump, freeMsg } from './sim';
import { Loc, type Msg, type SimState } from './state';

function settle(st: SimState, slot: number, m: Msg): void {
  ledgerSettleCopy(st.queues[m.home]!.ledger, m.origin, m.effects, m.fate, m.tracked);
  freeMsg(st, slot);
}

/**
 * The broker is done with this copy. `fate` is 'acked' or the reason it left; anything but
 * 'acked' and 'autoAcked' is counted in totals.gone.
 */
export function releaseCopy(st: SimState, slot: number, fate: string): void {
  releaseCopyOf(st, slot, st.msgs[slot]!, fate);
}

/** releaseCopy for a caller that holds the record already. */
export function releaseCopyOf(st: SimState, slot: number, m: Msg, fate: string): void {
  if (m.loc === Loc.Ready || m.loc === Loc.Unacked || m.loc === Loc.RetryWait) heldChange(st, -1);
  m.fate = fate;
  m.holder = -1;
  m.tag = 0;
  m.loc = Loc.Detached;
  if (fate !== 'acked' && fate !== 'autoAcked') bump(st.totals.gone, fate);
  // A copy that leaves before its disk write no longer holds up its publisher's confirm.
  if (m.confirmPending) confirmProgress(st, m);
  if (m.refs === 0) settle(st, slot, m);
}

/** A delivery of this copy ended (acked, failed, crashed or dropped). */
export function releaseRef(st: SimState, slot: number): void {
  const m = st.msgs[slot]!;
  m.refs--;
  if (m.refs === 0 && m.loc === Loc.Detached) settle(st, slot, m);
}
