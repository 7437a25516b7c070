/**
 * Which moving messages to draw. Up to the cap, all of them; above it, a sample that is a pure
 * function of the messages themselves: a message is kept when the low k bits of a hash of its
 * id are zero, with the smallest k that brings the count near the cap. A message is therefore
 * drawn for its whole trip or not at all (no flicker), and a given tick always shows the same
 * dots, whichever way it was reached.
 */
import type { Flight } from './flights';

export interface FlightSample {
  /** Flights on screen at the time shown (the sample when above the cap). */
  drawn: readonly Flight[];
  /** All flights on screen at the time shown. */
  total: number;
}

/** A 32-bit integer mix (murmur3's finaliser): nearby ids get unrelated hashes. */
export function hashId(id: number): number {
  let h = id | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const keyOf = (f: Flight) => f.msgId ?? f.originId ?? f.departUs;

export function sampleFlights(
  flights: readonly Flight[],
  displayUs: number,
  cap: number,
): FlightSample {
  const live: Flight[] = [];
  for (const f of flights) if (f.departUs <= displayUs && displayUs < f.arriveUs) live.push(f);
  const total = live.length;
  if (total <= cap) return { drawn: live, total };
  let k = 0;
  while (total / 2 ** k > cap) k++;
  const mask = 2 ** k - 1;
  const drawn: Flight[] = [];
  for (const f of live) {
    if ((hashId(keyOf(f)) & mask) !== 0) continue;
    drawn.push(f);
    if (drawn.length === cap) break;
  }
  return { drawn, total };
}
