/**
 * A publish reaches the broker: routed (directly to a queue through the default exchange, R5,
 * or through an exchange), one copy per target queue; unroutable messages are dropped or
 * returned (R6). A publish that arrives while the broker is down is lost in transit.
 */
import { maybeConfirm } from './confirms';
import { routeExchange } from './exchange';
import { ledgerOpenCopy } from './ledger';
import { enqueueCopy } from './queue';
import { blankMsg } from './copyRecord';
import { allocMsg, freePub, nodeName, NO_DEATHS, producerName, takeMsg, type Sink } from './sim';
import { Loc, type PendingPublish, type SimState } from './state';

function lostInTransit(st: SimState, pi: number, origin: number, sink: Sink): void {
  st.totals.notRouted['broker-down'] = (st.totals.notRouted['broker-down'] ?? 0) + 1;
  if (sink)
    sink.push({
      type: 'lost',
      atUs: st.nowUs,
      msgId: 0,
      originId: origin,
      where: producerName(st, pi),
      reason: 'broker-down',
    });
}

/** A confirm-mode publish lost in transit: its confirm will never come. */
function pubLostInTransit(st: SimState, slot: number, pub: PendingPublish, sink: Sink): void {
  const p = st.producers[pub.producer]!;
  pub.brokerLost = true;
  lostInTransit(st, pub.producer, pub.origin, sink);
  if (!p.retry) {
    // The connection is gone: without retries the producer just records the missing confirm.
    p.stats.missingConfirms++;
    if (sink)
      sink.push({
        type: 'confirmMissing',
        atUs: st.nowUs,
        originId: pub.origin,
        producer: producerName(st, pub.producer),
        attempt: pub.attempt,
      });
    freePub(st, slot);
  } else if (pub.abandoned) freePub(st, slot);
}

/**
 * Publishes without confirms carry what they need in the heap event itself (no record):
 * a = origin, b = packed (epoch, producer, template, poison).
 */
export function packDirect(epoch: number, pi: number, tpl: number, poison: boolean): number {
  return ((epoch * 256 + pi) * 128 + tpl) * 2 + (poison ? 1 : 0);
}

export function onReachBrokerDirect(
  st: SimState,
  origin: number,
  packed: number,
  sink: Sink,
): void {
  st.broker.incoming--;
  const poison = packed % 2 === 1;
  let rest = Math.floor(packed / 2);
  const tpl = rest % 128;
  rest = Math.floor(rest / 128);
  const pi = rest % 256;
  const epoch = Math.floor(rest / 256);
  if (epoch !== st.brokerEpoch || !st.broker.up) return lostInTransit(st, pi, origin, sink);
  if (overWatermark(st))
    return holdAtDoor(st, pi, origin, tpl, poison, st.nowUs - st.linkLatencyUs, -1);
  routeAndEnqueue(st, pi, origin, tpl, poison, st.nowUs - st.linkLatencyUs, -1, null, sink);
}

const DOOR = 6;

/** R30: while the alarm is on (or about to go on) the broker reads no publish. */
function overWatermark(st: SimState): boolean {
  const b = st.broker;
  return b.alarm || (b.watermark > 0 && b.held >= b.watermark);
}

function holdAtDoor(
  st: SimState,
  pi: number,
  origin: number,
  tpl: number,
  poison: boolean,
  sentUs: number,
  slot: number,
): void {
  st.broker.door.push(pi, origin, tpl, poison ? 1 : 0, sentUs, slot);
}

/** The alarm cleared: accept the waiting publishes, in order (the next check may block again). */
export function drainDoor(st: SimState, sink: Sink): void {
  const b = st.broker;
  let i = 0;
  while (i < b.door.length && b.up && !overWatermark(st)) {
    const [pi, origin, tpl, poison, sentUs, slot] = b.door.slice(i, i + DOOR) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    i += DOOR;
    const pub = slot >= 0 ? st.pubs[slot] : null;
    if (slot >= 0 && !pub) continue;
    routeAndEnqueue(st, pi, origin, tpl, poison === 1, sentUs, slot, pub ?? null, sink);
  }
  b.door = b.door.slice(i);
}

/** The broker crashed: publishes waiting at its door were never read. */
export function loseDoor(st: SimState, sink: Sink): void {
  const door = st.broker.door;
  st.broker.door = [];
  for (let i = 0; i < door.length; i += DOOR) {
    const slot = door[i + 5]!;
    const pub = slot >= 0 ? st.pubs[slot] : null;
    if (pub) pubLostInTransit(st, slot, pub, sink);
    else if (slot < 0) lostInTransit(st, door[i]!, door[i + 1]!, sink);
  }
}

/** A confirm-mode publish reaches the broker (also called directly when there is no latency). */
export function onReachBroker(st: SimState, slot: number, epoch: number, sink: Sink): void {
  st.broker.incoming--;
  arriveAtBroker(st, slot, epoch, sink);
}

export function arriveAtBroker(st: SimState, slot: number, epoch: number, sink: Sink): void {
  const pub = st.pubs[slot];
  if (!pub) return;
  if (epoch !== st.brokerEpoch || !st.broker.up) return pubLostInTransit(st, slot, pub, sink);
  if (overWatermark(st))
    return holdAtDoor(st, pub.producer, pub.origin, pub.tpl, pub.poison, pub.sentUs, slot);
  routeAndEnqueue(st, pub.producer, pub.origin, pub.tpl, pub.poison, pub.sentUs, slot, pub, sink);
}

/** Route a message that reached the live broker and enqueue one copy per target queue. */
export function routeAndEnqueue(
  st: SimState,
  pi: number,
  origin: number,
  tplIndex: number,
  poison: boolean,
  sentUs: number,
  slot: number,
  pub: PendingPublish | null,
  sink: Sink,
): void {
  const p = st.producers[pi]!;
  if (p.targetQueue >= 0) {
    // Straight to a queue through the default exchange (R5): one copy, no routing.
    if (pub) pub.waiting = 1;
    createCopy(st, p.targetQueue, pi, origin, tplIndex, poison, sentUs, slot, pub, sink);
  } else {
    const queues = routeToQueues(st, pi, origin, tplIndex, sink);
    // Count every copy before enqueueing any, so the confirm cannot go out early.
    if (pub) pub.waiting = queues.length;
    for (const qi of queues)
      createCopy(st, qi, pi, origin, tplIndex, poison, sentUs, slot, pub, sink);
  }
  if (!pub) return;
  pub.arrived = true;
  if (!p.confirms) freePub(st, slot);
  else maybeConfirm(st, slot, pub);
}

/** Route through the producer's exchange (R1-R6), with the events and counts of the outcome. */
function routeToQueues(
  st: SimState,
  pi: number,
  origin: number,
  tplIndex: number,
  sink: Sink,
): number[] {
  const p = st.producers[pi]!;
  const tpl = st.templates[pi]![tplIndex]!;
  const xi = st.nodeIndex[p.target]!;
  const route = routeExchange(st, xi, tpl.routingKey, tpl.headers);
  const queues = route.queues;
  const x = st.exchanges[xi]!;
  if (queues.length > 0) {
    x.stats.routed++;
    x.stats.copies += queues.length;
    if (sink)
      sink.push({
        type: 'routed',
        atUs: st.nowUs,
        originId: origin,
        exchange: nodeName(st, st.exchanges[route.via[route.via.length - 1]!]!.node),
        via: route.via.map((x) => nodeName(st, st.exchanges[x]!.node)),
        queues: queues.map((q) => nodeName(st, st.queues[q]!.node)),
      });
  } else {
    x.stats.unroutable++;
    st.totals.unroutable++;
    const outcome = p.mandatory ? 'returned' : 'dropped';
    if (p.mandatory) {
      p.stats.returned++;
      st.totals.returned++;
    } else st.totals.notRouted.unroutable = (st.totals.notRouted.unroutable ?? 0) + 1;
    if (sink)
      sink.push({
        type: 'unroutable',
        atUs: st.nowUs,
        originId: origin,
        exchange: nodeName(st, x.node),
        outcome,
      });
  }

  return queues;
}

/** One new copy of a message in queue `qi`; every field is written (the record may be reused). */
function createCopy(
  st: SimState,
  qi: number,
  pi: number,
  origin: number,
  tplIndex: number,
  poison: boolean,
  sentUs: number,
  slot: number,
  pub: PendingPublish | null,
  sink: Sink,
): void {
  const p = st.producers[pi]!;
  const tpl = st.templates[pi]![tplIndex]!;
  // Every field is rewritten: the record may be a reused one.
  const m = takeMsg() ?? blankMsg();
  m.id = st.nextMsgId++;
  m.origin = origin;
  m.producer = pi;
  m.tpl = tplIndex;
  m.queue = qi;
  m.home = qi;
  m.loc = Loc.ToQueue;
  m.holder = -1;
  m.tag = 0;
  m.publishedUs = sentUs;
  m.readyUs = st.nowUs;
  m.enqSeq = -1;
  m.priority = tpl.priority;
  m.expiresUs = -1;
  m.msgTtlUs = tpl.ttlUs;
  m.dslot = -1;
  m.persistent = p.persistent;
  m.written = false;
  m.poison = poison || tpl.poison;
  m.deliveries = 0;
  m.redelivered = false;
  m.failures = 0;
  m.returns = 0;
  m.lastDelayUs = 0;
  m.deaths = NO_DEATHS;
  m.effects = 0;
  m.refs = 0;
  m.pub = slot;
  m.pubId = pub ? pub.id : -1;
  m.confirmPending = pub !== null && p.confirms;
  m.tracked = p.retry !== null;
  m.fate = '';
  const copySlot = allocMsg(st, m);
  st.totals.routedCopies++;
  if (p.retry) ledgerOpenCopy(st.queues[qi]!.ledger, origin);
  enqueueCopy(st, copySlot, qi, 'new', sink);
}
