/**
 * The idempotent consumer (P2): a store of processed message ids. An id already in the store is
 * a duplicate: the consumer acks it without applying its effect again. The store is bounded:
 * ids older than the retention, or beyond the size, are forgotten (oldest first), and a
 * duplicate that arrives after its id was forgotten is applied again, as in a real system.
 * The table lives in the subscriber's database, so idempotent consumers of the same queue (one
 * subscriber, several instances) see each other's ids: each records in its own part, and all
 * parts are checked.
 */
import type { ConsumerState, SimState } from './state';

type Store = NonNullable<ConsumerState['dedup']>;

function live(d: Store): number {
  return d.ids.length - d.head;
}

function forgetOldest(d: Store): void {
  delete d.set[d.ids[d.head]!];
  d.head++;
  // Compact now and then so the arrays do not grow without bound (amortised O(1)).
  if (d.head > 1024 && d.head * 2 > d.ids.length) {
    d.ids = d.ids.slice(d.head);
    d.atUs = d.atUs.slice(d.head);
    d.head = 0;
  }
}

/** Returns true if `origin` was processed before; otherwise records it. */
function expire(d: Store, nowUs: number): void {
  while (live(d) > 0 && d.retentionUs > 0 && nowUs - d.atUs[d.head]! > d.retentionUs)
    forgetOldest(d);
}

export function seenBefore(st: SimState, c: ConsumerState, origin: number, nowUs: number): boolean {
  const d = c.dedup;
  if (!d) return false;
  expire(d, nowUs);
  if (d.set[origin] === 1) return true;
  for (const ci of st.queues[c.queue]!.consumers) {
    const peer = st.consumers[ci]!.dedup;
    if (!peer || peer === d) continue;
    expire(peer, nowUs);
    if (peer.set[origin] === 1) return true;
  }
  d.set[origin] = 1;
  d.ids.push(origin);
  d.atUs.push(nowUs);
  if (live(d) > d.size) forgetOldest(d);
  return false;
}

export function dedupSize(c: ConsumerState): number {
  return c.dedup ? live(c.dedup) : 0;
}
