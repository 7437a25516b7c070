/**
 * Snapshots: a deep copy of the plain-data state. Restoring one and advancing gives exactly what
 * never snapshotting gives (tested). Stale heap slots beyond `size` are left out so that equal
 * states have equal snapshots. The text forms let a caller keep checkpoints as strings, which
 * costs one serialisation instead of a copy plus a serialisation.
 */
import type { SimState } from './state';

/** The state as JSON text, without stale heap slots. */
export function serializeState(st: SimState): string {
  const h = st.heap;
  const full = { t: h.t, s: h.s, k: h.k, a: h.a, b: h.b };
  h.t = h.t.slice(0, h.size);
  h.s = h.s.slice(0, h.size);
  h.k = h.k.slice(0, h.size);
  h.a = h.a.slice(0, h.size);
  h.b = h.b.slice(0, h.size);
  try {
    return JSON.stringify(st);
  } finally {
    Object.assign(h, full);
  }
}

export function deserializeState(text: string): SimState {
  return JSON.parse(text) as SimState;
}

export function snapshot(st: SimState): SimState {
  return deserializeState(serializeState(st));
}

export function restore(snap: SimState): SimState {
  return JSON.parse(JSON.stringify(snap)) as SimState;
}
