/**
 * Copies held by the broker (ready, unacked, waiting to retry): what its memory alarm watches.
 * Crossing a threshold only raises a flag; the alarm itself flips between events (broker.ts).
 */
import type { SimState } from './state';

export function heldChange(st: SimState, delta: number): void {
  const b = st.broker;
  b.held += delta;
  if (b.watermark <= 0) return;
  if (b.alarm ? b.held < Math.floor(b.watermark * 0.9) : b.held >= b.watermark)
    b.alarmPending = true;
  // Room freed below the watermark lets waiting publishes in.
  else if (delta < 0 && !b.alarm && (b.waiting > 0 || b.door.length > 0)) b.alarmPending = true;
}
