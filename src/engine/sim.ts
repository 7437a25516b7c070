/** Small helpers every engine module shares: scheduling, message slots and event output. */
import { heapPush } from './heap';
import type { EventSink } from './events';
import type { Msg, SimState } from './state';

export function schedule(st: SimState, atUs: number, kind: number, a: number, b = 0): void {
  heapPush(st.heap, atUs, st.seq++, kind, a, b);
}

/** Store a new live message and return its slot. */
export function allocMsg(st: SimState, msg: Msg): number {
  const slot = st.freeSlots.length > 0 ? st.freeSlots.pop()! : st.msgs.length;
  st.msgs[slot] = msg;
  return slot;
}

/** The message reached a final fate: forget it (its numbers are already in the metrics). */
export function freeMsg(st: SimState, slot: number): void {
  st.msgs[slot] = null;
  st.freeSlots.push(slot);
}

export function msgAt(st: SimState, slot: number): Msg {
  const m = st.msgs[slot];
  if (!m) throw new Error(`engine bug: no live message in slot ${slot}`);
  return m;
}

export type Sink = EventSink | undefined;
