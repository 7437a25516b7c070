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

function less(h: EventHeap, i: number, j: number): boolean {
  const ti = h.t[i]!;
  const tj = h.t[j]!;
  return ti < tj || (ti === tj && h.s[i]! < h.s[j]!);
}

function swap(h: EventHeap, i: number, j: number): void {
  let x = h.t[i]!;
  h.t[i] = h.t[j]!;
  h.t[j] = x;
  x = h.s[i]!;
  h.s[i] = h.s[j]!;
  h.s[j] = x;
  x = h.k[i]!;
  h.k[i] = h.k[j]!;
  h.k[j] = x;
  x = h.a[i]!;
  h.a[i] = h.a[j]!;
  h.a[j] = x;
  x = h.b[i]!;
  h.b[i] = h.b[j]!;
  h.b[j] = x;
}

export function heapPush(
  h: EventHeap,
  t: number,
  s: number,
  k: number,
  a: number,
  b: number,
): void {
  let i = h.size++;
  h.t[i] = t;
  h.s[i] = s;
  h.k[i] = k;
  h.a[i] = a;
  h.b[i] = b;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(h, i, p)) break;
    swap(h, i, p);
    i = p;
  }
}

/** Remove the earliest event; read its fields with h.t[0] etc. before calling. */
export function heapPop(h: EventHeap): void {
  const last = --h.size;
  if (last > 0) {
    h.t[0] = h.t[last]!;
    h.s[0] = h.s[last]!;
    h.k[0] = h.k[last]!;
    h.a[0] = h.a[last]!;
    h.b[0] = h.b[last]!;
  }
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= last) break;
    const r = l + 1;
    const m = r < last && less(h, r, l) ? r : l;
    if (!less(h, m, i)) break;
    swap(h, i, m);
    i = m;
  }
}
