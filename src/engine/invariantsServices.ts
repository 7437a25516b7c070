/** Invariants of services and their requests, counted from the live request records. */
import { ringToArray } from './ring';
import { Mode, RLoc, type SimState } from './state';

export function serviceInvariants(st: SimState): string[] {
  const out: string[] = [];
  const held = st.services.map(() => 0);
  const waitingSeen = st.services.map(() => 0);
  st.reqs.forEach((r, slot) => {
    if (!r) return;
    if (r.svc < 0 || r.svc >= st.services.length)
      return void out.push(`request ${slot}: no service`);
    if (r.loc === RLoc.InService || r.loc === RLoc.Calling || r.loc === RLoc.Backoff)
      held[r.svc]!++;
    if (r.loc === RLoc.Waiting) waitingSeen[r.svc]!++;
    if ((r.loc === RLoc.Calling || r.loc === RLoc.Backoff) && r.awaiting === 0)
      out.push(`request ${slot}: waits on a call but awaits no token`);
  });
  st.services.forEach((s, si) => {
    const name = st.nodeIds[s.node];
    if (s.busy !== held[si])
      out.push(`service ${name}: busy ${s.busy} but ${held[si]} requests hold a worker`);
    if (s.busy > s.concurrency)
      out.push(`service ${name}: busy ${s.busy} > concurrency ${s.concurrency}`);
    const waiting = ringToArray(s.waiting);
    if (waiting.length !== waitingSeen[si])
      out.push(`service ${name}: ${waiting.length} waiting but ${waitingSeen[si]} requests wait`);
    if (waiting.length > s.queueLimit)
      out.push(`service ${name}: ${waiting.length} waiting > limit ${s.queueLimit}`);
    for (const slot of waiting) {
      const r = st.reqs[slot];
      if (!r || r.svc !== si || r.loc !== RLoc.Waiting)
        out.push(`service ${name}: waiting entry ${slot} inconsistent`);
    }
    if (s.mode === Mode.Down && (s.busy > 0 || waiting.length > 0))
      out.push(`service ${name}: down but holds ${s.busy} busy and ${waiting.length} waiting`);
    if (s.waiting.size > 0 && s.busy < s.concurrency && s.mode !== Mode.Down)
      out.push(`service ${name}: requests wait while a worker is free`);
  });
  const f = st.flow.stats;
  if (f.accepted + f.rejected + f.failed > f.orders)
    out.push(`flow: ${f.accepted + f.rejected + f.failed} orders answered > ${f.orders} placed`);
  return out;
}
