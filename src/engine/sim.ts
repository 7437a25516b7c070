/** Helpers every engine module shares: scheduling, record pools and event output. */
import { heapPush } from './heap';
import type { EventSink } from './events';
import {
  DLoc,
  type Death,
  type Delivery,
  type Msg,
  type PendingPublish,
  type SimState,
} from './state';

export type Sink = EventSink | undefined;

export function schedule(st: SimState, atUs: number, kind: number, a: number, b = 0): void {
  heapPush(st.heap, atUs, st.seq++, kind, a, b);
}

export function nodeName(st: SimState, node: number): string {
  return st.nodeIds[node]!;
}

export function queueName(st: SimState, qi: number): string {
  return st.nodeIds[st.queues[qi]!.node]!;
}

export function consumerName(st: SimState, ci: number): string {
  return st.nodeIds[st.consumers[ci]!.node]!;
}

export function producerName(st: SimState, pi: number): string {
  return st.nodeIds[st.producers[pi]!.node]!;
}

/** Store a new live copy and return its slot. */
export function allocMsg(st: SimState, msg: Msg): number {
  const slot = st.freeSlots.length > 0 ? st.freeSlots.pop()! : st.msgs.length;
  st.msgs[slot] = msg;
  return slot;
}

/**
 * Settled copies, kept for reuse so the hot path allocates no new record (like the deliveries
 * below). Not part of the state: a record here is referenced by no state, and `takeMsg` callers
 * rewrite every field.
 */
const spareMsgs: Msg[] = [];

/** A record to fill in completely, reused if one is spare. */
export function takeMsg(): Msg | undefined {
  return spareMsgs.pop();
}

export function freeMsg(st: SimState, slot: number): void {
  const m = st.msgs[slot];
  st.msgs[slot] = null;
  st.freeSlots.push(slot);
  if (m && spareMsgs.length < SPARE_MAX) spareMsgs.push(m);
}

/**
 * A message's x-death list before its first death: one shared, frozen empty list (an
 * allocation saved per message); the first death replaces it with the message's own list.
 */
export const NO_DEATHS = Object.freeze([]) as unknown as Death[];

export function msgAt(st: SimState, slot: number): Msg {
  const m = st.msgs[slot];
  if (!m) throw new Error(`engine bug: no live message in slot ${slot}`);
  return m;
}

/**
 * Freed delivery records, reused so that the hot path allocates nothing. Not part of the state:
 * a record here is referenced by no state, and every field is rewritten when it is reused.
 */
const spareDeliveries: Delivery[] = [];
const SPARE_MAX = 4096;

/** A new delivery (ToConsumer, valid) in a free slot; returns the slot. */
export function newDelivery(
  st: SimState,
  tag: number,
  slot: number,
  consumer: number,
  nowUs: number,
  autoAcked: boolean,
): number {
  const d = spareDeliveries.pop();
  let rec: Delivery;
  if (d) {
    d.tag = tag;
    d.slot = slot;
    d.consumer = consumer;
    d.loc = DLoc.ToConsumer;
    d.deliveredUs = nowUs;
    d.serviceStartUs = 0;
    d.valid = true;
    d.autoAcked = autoAcked;
    d.counted = !autoAcked;
    d.failed = false;
    rec = d;
  } else {
    rec = {
      tag,
      slot,
      consumer,
      loc: DLoc.ToConsumer,
      deliveredUs: nowUs,
      serviceStartUs: 0,
      valid: true,
      autoAcked,
      counted: !autoAcked,
      failed: false,
    };
  }
  const dslot = st.freeDeliveries.length > 0 ? st.freeDeliveries.pop()! : st.deliveries.length;
  st.deliveries[dslot] = rec;
  return dslot;
}

/** The delivery stops counting toward its consumer's prefetch limit. */
export function uncount(st: SimState, d: Delivery): void {
  d.counted = false;
  const c = st.consumers[d.consumer]!;
  c.unacked--;
  if (c.graceUnacked > c.unacked) c.graceUnacked = c.unacked;
}

/**
 * Free a delivery record. A manual-ack delivery occupies its consumer's prefetch limit until
 * here, even after the broker took its copy back: its worker is still busy with it.
 */
export function freeDelivery(st: SimState, slot: number): void {
  const d = st.deliveries[slot];
  if (d?.counted) uncount(st, d);
  st.deliveries[slot] = null;
  st.freeDeliveries.push(slot);
  if (d && spareDeliveries.length < SPARE_MAX) spareDeliveries.push(d);
}

export function deliveryAt(st: SimState, slot: number): Delivery {
  const d = st.deliveries[slot];
  if (!d) throw new Error(`engine bug: no delivery in slot ${slot}`);
  return d;
}

export function allocPub(st: SimState, p: PendingPublish): number {
  const slot = st.freePubs.length > 0 ? st.freePubs.pop()! : st.pubs.length;
  st.pubs[slot] = p;
  return slot;
}

export function freePub(st: SimState, slot: number): void {
  st.pubs[slot] = null;
  st.freePubs.push(slot);
}

/** The publish record in `slot` if it is still the one with this id. */
export function pubIf(st: SimState, slot: number, id: number): PendingPublish | null {
  const p = st.pubs[slot];
  return p && p.id === id ? p : null;
}

export function bump(record: Record<string, number>, key: string, n = 1): void {
  record[key] = (record[key] ?? 0) + n;
}
