/**
 * Dead-lettering (R15-R17): a copy rejected without requeue, expired, dropped by a length limit,
 * or over its delivery or receive limit is republished to the queue's dead-letter target with an
 * x-death record (queue, reason, count), its per-message TTL stripped. Without a target, or when
 * the target does not route it, the copy is discarded with that reason.
 */
import { heldChange } from './brokerHeld';
import { releaseCopy } from './copies';
import { routeExchange } from './exchange';
import { enqueueCopy } from './queue';
import { msgAt, nodeName, NO_DEATHS, queueName, type Sink } from './sim';
import { Loc, type DeathReason, type Msg, type SimState } from './state';

const DEATH_REASONS: readonly string[] = [
  'rejected',
  'expired',
  'maxlen',
  'delivery_limit',
  'max_receive_count',
];

/** Would dead-lettering `m` from `from` to queue `to` close a cycle with no rejection in it? */
function isDeadCycle(m: Msg, from: number, to: number, reason: string): boolean {
  if (reason === 'rejected') return false;
  if (to === from) return true;
  // x-death is newest first: the cycle is every death since the message last left `to`.
  const back = m.deaths.findIndex((d) => d.queue === to);
  if (back < 0) return false;
  for (let i = 0; i <= back; i++) if (m.deaths[i]!.reason === 'rejected') return false;
  return true;
}

/** R16: newest death first; an existing (queue, reason) entry has its count raised and moves up. */
function recordDeath(m: Msg, queue: number, reason: DeathReason): number {
  if (m.deaths === NO_DEATHS) m.deaths = [];
  const i = m.deaths.findIndex((d) => d.queue === queue && d.reason === reason);
  const entry = i >= 0 ? m.deaths.splice(i, 1)[0]! : { queue, reason, count: 0 };
  entry.count++;
  m.deaths.unshift(entry);
  return entry.count;
}

function discard(st: SimState, slot: number, reason: string, sink: Sink): void {
  const m = msgAt(st, slot);
  const q = st.queues[m.queue]!;
  q.stats.discarded[reason] = (q.stats.discarded[reason] ?? 0) + 1;
  if (sink)
    sink.push({
      type: 'discarded',
      atUs: st.nowUs,
      msgId: m.id,
      originId: m.origin,
      queue: queueName(st, m.queue),
      reason,
    });
  releaseCopy(st, slot, reason);
}

/**
 * End a copy's stay in its queue for `reason`. The copy must no longer be in the ready list.
 * With `noDlx` (or no dead-letter target) it is discarded.
 */
export function deadLetterOrDiscard(
  st: SimState,
  slot: number,
  reason: string,
  sink: Sink,
  noDlx = false,
): void {
  const m = msgAt(st, slot);
  const from = m.queue;
  const q = st.queues[from]!;
  if (reason === 'expired') q.stats.expired++;
  if (sink && reason === 'expired')
    sink.push({ type: 'expired', atUs: st.nowUs, msgId: m.id, queue: queueName(st, from) });
  if (noDlx || q.dlx < 0 || !DEATH_REASONS.includes(reason)) return discard(st, slot, reason, sink);

  const kind = st.nodeKinds[q.dlx];
  const idx = st.nodeIndex[q.dlx]!;
  const tpl = st.templates[m.producer]![m.tpl]!;
  const key = q.dlxKey ?? tpl.routingKey;
  const route = kind === 'queue' ? null : routeExchange(st, idx, key, tpl.headers);
  const targets = route ? route.queues : [idx];
  // R17: a message that comes back to a queue it was dead-lettered from has gone round a
  // cycle; it is dropped unless a rejection happened somewhere on the way.
  const usable = targets.filter((t) => !isDeadCycle(m, from, t, reason));
  if (usable.length === 0)
    return discard(st, slot, targets.length === 0 ? 'dlx-unroutable' : 'dlx-cycle', sink);

  const count = recordDeath(m, from, reason as DeathReason);
  q.stats.deadLettered[reason] = (q.stats.deadLettered[reason] ?? 0) + 1;
  st.totals.deadLettered++;
  if (m.loc === Loc.Ready || m.loc === Loc.Unacked || m.loc === Loc.RetryWait) heldChange(st, -1);
  m.holder = -1;
  m.tag = 0;
  m.loc = Loc.ToQueue;
  // R16: the per-message TTL is stripped; the target queue's own TTL applies from now.
  m.expiresUs = -1;
  m.msgTtlUs = -1;
  if (sink)
    sink.push({
      type: 'deadLettered',
      atUs: st.nowUs,
      msgId: m.id,
      originId: m.origin,
      from: queueName(st, from),
      to: nodeName(st, q.dlx),
      reason,
      count,
    });
  if (sink && route)
    sink.push({
      type: 'routed',
      atUs: st.nowUs,
      originId: m.origin,
      exchange: nodeName(st, st.exchanges[route.via[route.via.length - 1]!]!.node),
      via: route.via.map((x) => nodeName(st, st.exchanges[x]!.node)),
      queues: usable.map((t) => queueName(st, t)),
    });
  // One copy per target queue (R3); the first keeps this record, the others are clones.
  for (let i = 1; i < usable.length; i++) {
    const clone: Msg = {
      ...m,
      id: st.nextMsgId++,
      home: usable[i]!,
      tracked: false,
      deaths: m.deaths.map((d) => ({ ...d })),
      refs: 0,
      confirmPending: false,
    };
    const cslot = st.freeSlots.length > 0 ? st.freeSlots.pop()! : st.msgs.length;
    st.msgs[cslot] = clone;
    st.totals.routedCopies++;
    enqueueCopy(st, cslot, usable[i]!, 'new', sink);
  }
  enqueueCopy(st, slot, usable[0]!, 'new', sink);
}
