/**
 * The consumer failure model: transient failures (a probability per attempt, drawn from the
 * consumer's failure stream), poison messages (always fail) and slow messages (take longer).
 * Poison and slow are properties of the message, chosen by a hash of its id, so every attempt
 * and every consumer instance agrees on them.
 */
import { uniform01 } from './rng';
import type { ConsumerState, Msg, SimState } from './state';

/** Does the consumer have any failure model at all? (Most do not: skip the checks.) */
export function failureActive(f: Omit<ConsumerState['failure'], 'active'>): boolean {
  return f.probability > 0 || f.poisonShare > 0 || f.poisonIds.length > 0 || f.slowShare > 0;
}

/** A well-mixed 32-bit hash of (message id, seed), as a fraction of 2^32. */
function pickFraction(origin: number, seed: number): number {
  let h = (origin ^ seed) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export function isPoison(c: ConsumerState, m: Msg): boolean {
  const f = c.failure;
  if (m.poison) return true;
  if (f.poisonShare > 0 && pickFraction(m.origin, c.pickSeed) < f.poisonShare) return true;
  return f.poisonIds.length > 0 && f.poisonIds.includes(m.origin);
}

export function slowFactor(c: ConsumerState, m: Msg): number {
  const f = c.failure;
  if (!f.active || f.slowShare <= 0) return 1;
  return pickFraction(m.origin, c.pickSeed ^ 0x5bd1e995) < f.slowShare ? f.slowFactor : 1;
}

/** Does this processing attempt fail? Draws from the failure stream only when it can. */
export function attemptFails(st: SimState, c: ConsumerState, m: Msg): boolean {
  if (m.poison) return true;
  if (!c.failure.active) return false;
  if (isPoison(c, m)) return true;
  const p = c.failure.probability;
  return p > 0 && uniform01(st.rng, c.failStream) < p;
}
