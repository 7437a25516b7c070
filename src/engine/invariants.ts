/**
 * Invariants the tests check after every tick. Each returns human-readable violations; an empty
 * list means the state is consistent. Conservation is counted independently of the totals: by
 * walking every live message and every place a message can be.
 */
import { unackedLimit } from './delivery';
import { ringToArray } from './ring';
import { Loc, type SimState } from './state';

export function checkInvariants(st: SimState): string[] {
  const out: string[] = [];
  const live = st.msgs.filter((m) => m !== null);
  const t = st.totals;

  // Conservation: every published message is live (in exactly one place) or acked.
  if (t.published !== t.acked + live.length)
    out.push(`conservation: published ${t.published} != acked ${t.acked} + live ${live.length}`);

  const seen = new Set<number>();
  st.queues.forEach((q, qi) => {
    if (q.ready.size < 0) out.push(`queue ${st.nodeIds[q.node]}: negative depth`);
    for (const slot of ringToArray(q.ready)) {
      const m = st.msgs[slot];
      if (!m) out.push(`queue ${st.nodeIds[q.node]}: ready slot ${slot} holds no message`);
      else if (m.loc !== Loc.Ready || m.queue !== qi)
        out.push(`message ${m.id}: in ready list of ${st.nodeIds[q.node]} but loc ${m.loc}`);
      if (seen.has(slot)) out.push(`slot ${slot}: listed twice`);
      seen.add(slot);
    }
  });
  st.consumers.forEach((c, ci) => {
    const name = st.nodeIds[c.node];
    for (const slot of ringToArray(c.buffer)) {
      const m = st.msgs[slot];
      if (!m || m.loc !== Loc.Buffered || m.holder !== ci)
        out.push(`consumer ${name}: buffer slot ${slot} inconsistent`);
      if (seen.has(slot)) out.push(`slot ${slot}: listed twice`);
      seen.add(slot);
    }
    const held = live.filter((m) => m.holder === ci);
    const inService = held.filter((m) => m.loc === Loc.InService).length;
    if (held.length !== c.unacked)
      out.push(`consumer ${name}: unacked ${c.unacked} but holds ${held.length}`);
    if (inService !== c.busy)
      out.push(`consumer ${name}: busy ${c.busy} but ${inService} in service`);
    const limit = Math.max(unackedLimit(c), c.graceUnacked);
    if (c.unacked > limit)
      out.push(`consumer ${name}: unacked ${c.unacked} > prefetch × concurrency ${limit}`);
    if (!c.up && c.unacked > 0) out.push(`consumer ${name}: down but holds ${c.unacked} unacked`);
  });
  for (const m of live) {
    const inList = m.loc === Loc.Ready || m.loc === Loc.Buffered;
    const held =
      m.loc === Loc.ToConsumer ||
      m.loc === Loc.Buffered ||
      m.loc === Loc.InService ||
      m.loc === Loc.AckInFlight;
    if (held !== m.holder >= 0) out.push(`message ${m.id}: loc ${m.loc} but holder ${m.holder}`);
    if (!inList && m.loc !== Loc.ToQueue && !held)
      out.push(`message ${m.id}: unknown loc ${m.loc}`);
    // R12 / invariant 5: the flag is false exactly until the first delivery is returned.
    const returned = held ? m.deliveries > 1 : m.deliveries >= 1;
    if (m.redelivered !== returned)
      out.push(`message ${m.id}: redelivered=${m.redelivered} after ${m.deliveries} deliveries`);
  }
  if (st.nowUs < 0 || st.nowUs > st.tick * st.tickUs)
    out.push(`clock: now ${st.nowUs} outside tick ${st.tick}`);
  return out;
}
