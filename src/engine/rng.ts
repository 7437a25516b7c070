/**
 * Seeded pseudo-random streams (sfc32), one per subsystem and node, kept in the simulation state
 * as plain numbers so a snapshot carries them. Streams are derived from the scenario seed and a
 * stream name, so adding draws to one stream (or adding a node) never shifts another stream.
 */

/** Words per stream in the flat `rng` array of the state. */
export const RNG_WORDS = 4;

/** FNV-1a over the UTF-16 code units of a name: a stable 32-bit id for a stream. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step: a well-mixed 32-bit value from any 32-bit input. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Append a new stream for (seed, name) to `rng` and return its offset. The first outputs are
 * discarded so that nearby seeds do not start correlated.
 */
export function addStream(rng: number[], seed: number, name: string): number {
  const offset = rng.length;
  const h = hashName(name);
  const s0 = mix32(seed ^ h);
  const s1 = mix32(s0 ^ 0x68e31da4);
  const s2 = mix32(s1 ^ h);
  rng.push(s0 | 0, s1 | 0, s2 | 0, 1);
  for (let i = 0; i < 12; i++) nextU32(rng, offset);
  return offset;
}

/** Next 32-bit unsigned output of the sfc32 stream at `o`, advancing it in place. */
export function nextU32(rng: number[], o: number): number {
  let a = rng[o]!;
  let b = rng[o + 1]!;
  let c = rng[o + 2]!;
  let d = rng[o + 3]!;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  rng[o] = a;
  rng[o + 1] = b;
  rng[o + 2] = c;
  rng[o + 3] = d;
  return t >>> 0;
}

/** Uniform double in [0, 1) with 32 bits of resolution (exact: a division by 2^32). */
export function uniform01(rng: number[], o: number): number {
  return nextU32(rng, o) / 4294967296;
}

/** Uniform integer in [0, n) for 1 <= n <= 2^32, by rejection so it is unbiased. */
export function uniformInt(rng: number[], o: number, n: number): number {
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const x = nextU32(rng, o);
    if (x < limit) return x % n;
  }
}
