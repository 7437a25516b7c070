/**
 * Snapshots: a deep copy of the plain-data state. Restoring one and advancing gives exactly what
 * never snapshotting gives (tested). Stale heap slots beyond `size` are dropped so that equal
 * states have equal snapshots.
 */
import type { SimState } from './state';

export function snapshot(st: SimState): SimState {
  const copy = JSON.parse(JSON.stringify(st)) as SimState;
  const h = copy.heap;
  h.t.length = h.size;
  h.s.length = h.size;
  h.k.length = h.size;
  h.a.length = h.size;
  h.b.length = h.size;
  return copy;
}

export function restore(snap: SimState): SimState {
  return JSON.parse(JSON.stringify(snap)) as SimState;
}
