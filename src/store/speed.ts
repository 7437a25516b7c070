/** Playback speeds: simulated time per wall-clock time. */
export const SPEED_MIN = 0.1;
export const SPEED_MAX = 100;
export const SPEED_STEPS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
}
