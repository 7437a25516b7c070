/**
 * The event queue: a binary min-heap ordered by (time, sequence), stored as parallel arrays of
 * plain numbers so it is part of the JSON state. The sequence number makes ties deterministic:
 * events due at the same microsecond run in the order they were scheduled.
 */

export interface EventHeap {
  /** Due time in microseconds. */
  t: number[];
  /** Global scheduling sequence: the tie-breaker. */
  s: number[];
  /** Event kind (see eventKinds.ts). */
  k: number[];
  /** Two integer payloads whose meaning depends on the kind. */
  a: number[];
  b: number[];
  size: number;
}

/** Entries at index >= size are stale; snapshot() drops them (see snapshot.ts). */
export function createHeap(): EventHeap {
  return { t: [], s: [], k: [], a: [], b: [], size: 0 };
}

export function heapPush(
  h: EventHeap,
  t: number,
  s: number,
  k: number,
  a: number,
  b: number,
): void {
  const ht = h.t;
  const hs = h.s;
  // Sift the hole up from the end, moving parents down, then drop the entry into it.
  let i = h.size++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const tp = ht[p]!;
    if (tp < t || (tp === t && hs[p]! < s)) break;
    ht[i] = tp;
    hs[i] = hs[p]!;
    h.k[i] = h.k[p]!;
    h.a[i] = h.a[p]!;
    h.b[i] = h.b[p]!;
    i = p;
  }
  ht[i] = t;
  hs[i] = s;
  h.k[i] = k;
  h.a[i] = a;
  h.b[i] = b;
}

/** Remove the earliest event; read its fields with h.t[0] etc. before calling. */
export function heapPop(h: EventHeap): void {
  const last = --h.size;
  if (last === 0) return;
  const ht = h.t;
  const hs = h.s;
  // Move the last entry into the root's hole and sift the hole down.
  const t = ht[last]!;
  const s = hs[last]!;
  const k = h.k[last]!;
  const a = h.a[last]!;
  const b = h.b[last]!;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= last) break;
    const r = c + 1;
    if (r < last && (ht[r]! < ht[c]! || (ht[r] === ht[c] && hs[r]! < hs[c]!))) c = r;
    const tc = ht[c]!;
    if (t < tc || (t === tc && s < hs[c]!)) break;
    ht[i] = tc;
    hs[i] = hs[c]!;
    h.k[i] = h.k[c]!;
    h.a[i] = h.a[c]!;
    h.b[i] = h.b[c]!;
    i = c;
  }
  ht[i] = t;
  hs[i] = s;
  h.k[i] = k;
  h.a[i] = a;
  h.b[i] = b;
}
