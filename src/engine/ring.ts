/**
 * A FIFO of integers on a growable circular array (no Array.shift, which is O(n)).
 * Plain data, so queues and consumer buffers serialise with the state. The capacity is always a
 * power of two, so wrapping is a bit mask rather than a division.
 */

export interface Ring {
  buf: number[];
  head: number;
  size: number;
}

export function createRing(): Ring {
  return { buf: new Array<number>(8).fill(0), head: 0, size: 0 };
}

function grow(r: Ring): void {
  const cap = r.buf.length;
  const next = new Array<number>(cap * 2).fill(0);
  for (let i = 0; i < r.size; i++) next[i] = r.buf[(r.head + i) & (cap - 1)]!;
  r.buf = next;
  r.head = 0;
}

export function ringPush(r: Ring, x: number): void {
  if (r.size === r.buf.length) grow(r);
  r.buf[(r.head + r.size) & (r.buf.length - 1)] = x;
  r.size++;
}

export function ringShift(r: Ring): number {
  const x = r.buf[r.head]!;
  r.head = (r.head + 1) & (r.buf.length - 1);
  r.size--;
  return x;
}

export function ringPeek(r: Ring): number {
  return r.buf[r.head]!;
}

export function ringAt(r: Ring, i: number): number {
  return r.buf[(r.head + i) & (r.buf.length - 1)]!;
}

export function ringToArray(r: Ring): number[] {
  const out = new Array<number>(r.size);
  for (let i = 0; i < r.size; i++) out[i] = ringAt(r, i);
  return out;
}

/** Replace the contents with `items` (front first). */
export function ringReset(r: Ring, items: readonly number[]): void {
  let cap = Math.max(8, r.buf.length);
  while (cap < items.length) cap *= 2;
  r.buf = new Array<number>(cap).fill(0);
  for (let i = 0; i < items.length; i++) r.buf[i] = items[i]!;
  r.head = 0;
  r.size = items.length;
}
