/**
 * The delivery-guarantee ledger of one queue (its consumers are one "subscriber"): for every
 * message that reached the queue, how many times its business effect was applied. A message is
 * classified once nothing can change its count any more (no live copy, no delivery still at
 * work, no publisher retry pending): exactly once, duplicated, or lost with the reason of its
 * last fate. Memory stays flat: only unsettled messages are kept, plus bounded id samples.
 */

/** How many ids of each class are kept for inspection. */
export const LEDGER_SAMPLE = 200;

export interface Ledger {
  exactlyOnce: number;
  duplicated: number;
  /** Effects beyond the first, summed over duplicated messages. */
  extraEffects: number;
  lost: Record<string, number>;
  lostTotal: number;
  duplicatedIds: number[];
  lostIds: number[];
  /**
   * Messages from producers that retry publishes: several copies of one message can reach this
   * queue, so counts are kept per message id until the producer is done with it.
   * Value: [effects, live copies, publisher still open (1/0)]; multiReason keeps the last fate.
   */
  multi: Record<string, [number, number, number]>;
  multiReason: Record<string, string>;
}

export function createLedger(): Ledger {
  return {
    exactlyOnce: 0,
    duplicated: 0,
    extraEffects: 0,
    lost: {},
    lostTotal: 0,
    duplicatedIds: [],
    lostIds: [],
    multi: {},
    multiReason: {},
  };
}

function classify(l: Ledger, origin: number, effects: number, reason: string): void {
  if (effects === 1) l.exactlyOnce++;
  else if (effects > 1) {
    l.duplicated++;
    l.extraEffects += effects - 1;
    if (l.duplicatedIds.length < LEDGER_SAMPLE) l.duplicatedIds.push(origin);
  } else {
    l.lost[reason] = (l.lost[reason] ?? 0) + 1;
    l.lostTotal++;
    if (l.lostIds.length < LEDGER_SAMPLE) l.lostIds.push(origin);
  }
}

/** A copy from a retrying producer arrived in this queue: track its message by id. */
export function ledgerOpenCopy(l: Ledger, origin: number): void {
  const e = l.multi[origin];
  if (e) e[1]++;
  else l.multi[origin] = [0, 1, 1];
}

/** A copy is finished for good (nothing can apply its effect any more). */
export function ledgerSettleCopy(
  l: Ledger,
  origin: number,
  effects: number,
  reason: string,
  tracked: boolean,
): void {
  if (!tracked) {
    classify(l, origin, effects, reason);
    return;
  }
  const e = l.multi[origin];
  if (!e) return;
  e[0] += effects;
  e[1]--;
  if (effects === 0) l.multiReason[origin] = reason;
  if (e[1] === 0 && e[2] === 0) finishMulti(l, origin, e);
}

/** The publisher will send no more copies of this message. */
export function ledgerCloseOrigin(l: Ledger, origin: number): void {
  const e = l.multi[origin];
  if (!e) return;
  e[2] = 0;
  if (e[1] === 0) finishMulti(l, origin, e);
}

function finishMulti(l: Ledger, origin: number, e: [number, number, number]): void {
  classify(l, origin, e[0], l.multiReason[origin] ?? 'unknown');
  delete l.multi[origin];
  delete l.multiReason[origin];
}

/** Messages still open in the ledger (tracked by id). */
export function ledgerOpenCount(l: Ledger): number {
  return Object.keys(l.multi).length;
}
