/**
 * Messages held by the broker (ready, unacked, waiting to retry), and the memory alarm it
 * drives (R30): while the count is at or above the high watermark, publishing is blocked;
 * consumers keep receiving, so the count falls and the alarm clears.
 */
import type { SimState } from './state';

export function heldChange(st: SimState, delta: number): void {
  const b = st.broker;
  b.held += delta;
  if (b.watermark <= 0) return;
  const over = b.held >= b.watermark;
  if (over !== b.alarm) b.alarmPending = true;
}
