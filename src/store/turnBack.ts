/**
 * A delivery the engine took back while it was still on its way to its consumer (issue 6).
 *
 * A consumer that is removed, or crashes, hands back the deliveries it had not started, those
 * still on the wire included: the engine requeues them at once, flagged redelivered (R12), with
 * a `requeued` event naming the consumer. The delivery's dot must not go on to the consumer from
 * that moment. It turns round where it is and goes back to the queue in the redelivered style,
 * the way the engine now sees it.
 *
 * The way back is at most as long as the way out so far and at most a hop (the engine moves it
 * at once; a hop is how the page draws a move that takes no simulated time), and it ends no later
 * than the delivery would have arrived, so whatever replay rebuilds the delivery's trip for a
 * seek also rebuilds its return: the view at a tick stays the same whichever way it was reached.
 */
import type { Flight } from './flights';

/** Requeue reasons that take back deliveries not yet started, wire included. */
export const TAKEN_BACK = new Set(['consumerRemoved', 'consumerCrashed']);

/**
 * The trip back of delivery `f` turned round at `atUs`, or null when it had not left yet (it is
 * just not drawn). Drawn along the delivery's own edge backwards, starting where the dot was.
 */
export function turnBack(f: Flight, atUs: number, hopUs: number): Flight | null {
  const wayUs = f.arriveUs - f.departUs;
  const goneUs = atUs - f.departUs;
  if (goneUs <= 0 || wayUs <= 0) return null;
  // Fraction of the edge covered at the turn; the return covers it backwards in `backUs`.
  const covered = Math.min(1, goneUs / wayUs);
  const backUs = Math.min(goneUs, f.arriveUs - atUs, hopUs);
  if (backUs <= 0) return null;
  // A trip consumer → queue along the whole edge at that speed, placed so that at `atUs` the
  // dot is where the delivery was (a fraction 1 − covered of the way back).
  const fullUs = backUs / covered;
  return {
    msgId: f.msgId,
    originId: f.originId,
    from: f.to,
    to: f.from,
    departUs: atUs + backUs - fullUs,
    arriveUs: atUs + backUs,
    state: 'redelivered',
  };
}
