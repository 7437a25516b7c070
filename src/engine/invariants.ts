/**
 * Invariants the tests check after every tick. Each returns human-readable violations; an empty
 * list means the state is consistent. Everything is counted independently of the running
 * totals: by walking every live copy, every delivery and every list a copy can be in.
 */
import { unackedLimit } from './delivery';
import { serviceInvariants } from './invariantsServices';
import { logInvariants } from './invariantsLog';
import { ringToArray } from './ring';
import { DLoc, Loc, type SimState } from './state';

function sum(record: Record<string, number>): number {
  let n = 0;
  for (const k of Object.keys(record)) n += record[k]!;
  return n;
}

export function checkInvariants(st: SimState): string[] {
  const out: string[] = [];
  const t = st.totals;
  const now = st.nowUs;
  let held = 0;
  let inBroker = 0;
  let ready = 0;
  const refs = new Map<number, number>();

  // Deliveries: each refers to a live copy; per consumer they explain unacked, busy and buffer.
  const perConsumer = st.consumers.map(() => ({
    valid: 0,
    inService: 0,
    buffered: 0,
    any: 0,
    notStarted: 0,
  }));
  st.deliveries.forEach((d, dslot) => {
    if (!d) return;
    const m = st.msgs[d.slot];
    if (!m) return void out.push(`delivery ${dslot}: its copy (slot ${d.slot}) is gone`);
    refs.set(d.slot, (refs.get(d.slot) ?? 0) + 1);
    const c = perConsumer[d.consumer]!;
    c.any++;
    if (d.counted) c.valid++;
    if (d.loc === DLoc.InService) c.inService++;
    if (d.loc === DLoc.Buffered) c.buffered++;
    if ((d.loc === DLoc.Buffered || d.loc === DLoc.ToConsumer) && !d.autoAcked) c.notStarted++;
  });

  st.msgs.forEach((m, slot) => {
    if (!m) return;
    if (m.loc !== Loc.Detached) inBroker++;
    if (m.loc === Loc.Ready || m.loc === Loc.Unacked || m.loc === Loc.RetryWait) held++;
    if (m.loc === Loc.Ready) ready++;
    if (m.loc === Loc.ToQueue)
      out.push(`message ${m.id}: still in transit to its queue between events`);
    if ((refs.get(slot) ?? 0) !== m.refs)
      out.push(`message ${m.id}: refs ${m.refs} but ${refs.get(slot) ?? 0} deliveries`);
    if (m.loc === Loc.Detached && m.refs === 0)
      out.push(`message ${m.id}: detached with no delivery yet not settled`);
    if (m.loc === Loc.Unacked && st.queues[m.queue]!.type !== 'sqs') {
      const d = m.dslot >= 0 ? st.deliveries[m.dslot] : null;
      if (!d || d.tag !== m.tag || !d.valid)
        out.push(`message ${m.id}: unacked without its valid delivery`);
    }
    // Invariant 5 (R12): the flag is false exactly until a delivery from this queue returns.
    const returned = m.loc === Loc.Unacked ? m.deliveries > 1 : m.deliveries >= 1;
    if ((m.loc === Loc.Ready || m.loc === Loc.Unacked) && m.redelivered !== returned)
      out.push(`message ${m.id}: redelivered=${m.redelivered} after ${m.deliveries} deliveries`);
    // Invariant 7 (R19): nothing is delivered after it expired.
    const delivery = m.loc === Loc.Unacked && m.dslot >= 0 ? st.deliveries[m.dslot] : null;
    if (delivery && m.expiresUs >= 0 && delivery.deliveredUs > m.expiresUs)
      out.push(
        `message ${m.id}: delivered at ${delivery.deliveredUs} after expiring at ${m.expiresUs}`,
      );
  });

  // Conservation (invariant 1): every routed copy is still in the broker or left it exactly once.
  const acked = st.queues.reduce((n, q) => n + q.stats.acked, 0);
  const released = acked + sum(t.gone);
  if (t.routedCopies !== released + inBroker)
    out.push(
      `conservation: ${t.routedCopies} copies != ${released} released + ${inBroker} in the broker`,
    );
  if (st.broker.held !== held)
    out.push(`broker: held ${st.broker.held} but ${held} copies are held`);

  const seen = new Set<number>();
  let listed = 0;
  st.queues.forEach((q, qi) => {
    const name = st.nodeIds[q.node];
    let count = 0;
    for (const level of q.levels) {
      for (const slot of ringToArray(level)) {
        count++;
        const m = st.msgs[slot];
        if (!m || m.loc !== Loc.Ready || m.queue !== qi)
          out.push(`queue ${name}: ready slot ${slot} is not a ready copy of it`);
        if (seen.has(slot)) out.push(`slot ${slot}: listed twice`);
        seen.add(slot);
      }
    }
    listed += count;
    if (count !== q.readyCount)
      out.push(`queue ${name}: readyCount ${q.readyCount} but ${count} listed`);
    // Invariant 8 (R24): ready never exceeds max-length (drop-head; the reject modes refuse
    // publishes only, so requeues can take such a queue over) while the broker runs.
    if (
      st.broker.up &&
      q.maxLength >= 0 &&
      q.overflow === 'drop-head' &&
      q.readyCount > q.maxLength
    )
      out.push(`queue ${name}: ${q.readyCount} ready > max-length ${q.maxLength}`);
  });
  if (listed !== ready) out.push(`ready lists hold ${listed} but ${ready} copies are ready`);

  st.consumers.forEach((c, ci) => {
    const name = st.nodeIds[c.node];
    const seenHere = perConsumer[ci]!;
    const buffer = ringToArray(c.buffer);
    for (const dslot of buffer) {
      const d = st.deliveries[dslot];
      if (!d || d.loc !== DLoc.Buffered || d.consumer !== ci)
        out.push(`consumer ${name}: buffer entry ${dslot} inconsistent`);
    }
    if (buffer.length !== seenHere.buffered)
      out.push(`consumer ${name}: ${buffer.length} buffered but ${seenHere.buffered} deliveries`);
    if (seenHere.valid !== c.unacked)
      out.push(`consumer ${name}: unacked ${c.unacked} but ${seenHere.valid} valid deliveries`);
    if (seenHere.inService !== c.busy)
      out.push(`consumer ${name}: busy ${c.busy} but ${seenHere.inService} in service`);
    // Invariant 6 (R10): unacked <= prefetch × concurrency, but for the drain after a lowered limit.
    const limit = Math.max(unackedLimit(c), c.graceUnacked);
    if (c.unacked > limit)
      out.push(`consumer ${name}: unacked ${c.unacked} > prefetch × concurrency ${limit}`);
    if (!c.up && seenHere.any > 0)
      out.push(`consumer ${name}: down but holds ${seenHere.any} deliveries`);
    // A removed consumer got nothing new and handed back what it had not started.
    if (c.removed && seenHere.notStarted > 0)
      out.push(`consumer ${name}: removed but holds ${seenHere.notStarted} unstarted deliveries`);
    if (c.removed && st.queues[c.queue]!.activeConsumer === ci)
      out.push(`consumer ${name}: removed but still its queue's active consumer`);
  });

  if (now < 0 || now > st.tick * st.tickUs) out.push(`clock: now ${now} outside tick ${st.tick}`);
  if (st.services.length > 0) out.push(...serviceInvariants(st));
  if (st.log.topics.length > 0) out.push(...logInvariants(st));
  return out;
}
