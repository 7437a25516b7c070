/**
 * Playback speeds: simulated time per wall-clock time, from 0.1× to 100×, plus "as fast as
 * possible" (SPEED_FASTEST), where the engine runs for a fixed budget of every frame.
 */
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 100;
/** Infinity survives String()/Number() round trips through a <select> value. */
export const SPEED_FASTEST = Number.POSITIVE_INFINITY;
export const SPEED_STEPS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, SPEED_FASTEST] as const;

export function clampSpeed(speed: number): number {
  if (speed === SPEED_FASTEST) return SPEED_FASTEST;
  if (!Number.isFinite(speed)) return 1;
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
}
