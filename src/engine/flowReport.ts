/**
 * Numbers of a service flow: per service (requests, rejections, calls, retries, timeouts,
 * compensations, worker time busy and blocked) and per order (accepted, rejected, failed,
 * completed, lost, inconsistent, pending, client latency, completion time). Read-only.
 */
import { EV } from './eventKinds';
import { type Histogram } from './histogram';
import { MODE_NAMES, Outcome, RLoc, type SimState } from './state';

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ServiceReport {
  state: (typeof MODE_NAMES)[number];
  /** Service-time factor now (slow, recovering), 1 when up. */
  factor: number;
  failureProbability: number;
  concurrency: number;
  busy: number;
  /** Workers now waiting on a call they made (part of busy). */
  blocked: number;
  waiting: number;
  waitingMax: number;
  received: number;
  succeeded: number;
  failed: number;
  rejected: number;
  refused: number;
  lostInCrash: number;
  effects: number;
  duplicateEffects: number;
  undone: number;
  callsMade: number;
  callRetries: number;
  callTimeouts: number;
  callFailures: number;
  lateReplies: number;
  breakerRejected: number;
  breakerOpened: number;
  compensations: number;
  compensationFailures: number;
  /** Busy worker time over worker capacity (includes time blocked on calls). */
  utilisation: number;
  /** Share of worker time spent waiting on downstream calls. */
  blockedShare: number;
  blockedMs: number;
  responseMs: Summary;
}

export interface FlowReport {
  effects: string[];
  orders: number;
  accepted: number;
  rejected: number;
  failed: number;
  completed: number;
  /** Accepted, not complete, and nothing left in the system that could complete it. */
  lost: number;
  /** Not accepted (failed or rejected), yet some effects stayed applied. */
  inconsistent: number;
  /** Accepted or in progress, with a message or request still in the system. */
  pending: number;
  /** Pending orders whose client was already told "accepted" (accepted = completed + lost + this). */
  acceptedPending: number;
  /** Pending orders whose only remaining copies sit in a dead-letter queue. */
  inDeadLetter: number;
  duplicateEffects: number;
  lateEffects: number;
  clientLatencyMs: Summary;
  /** Accepted → every effect applied (0 for a synchronous design: it answers at the end). */
  completionMs: Summary;
  /** Placed → every effect applied: the same measure for both designs. */
  endToEndMs: Summary;
}

/** Origins that still have something in the system: requests, copies, publishes on the wire. */
function liveOrigins(st: SimState): { live: Set<number>; outsideDlq: Set<number> } {
  const live = new Set<number>();
  const outsideDlq = new Set<number>();
  const dlq = deadLetterQueues(st);
  for (const r of st.reqs)
    if (r) {
      live.add(r.origin);
      outsideDlq.add(r.origin);
    }
  for (const m of st.msgs)
    if (m) {
      live.add(m.origin);
      if (!dlq.has(m.queue)) outsideDlq.add(m.origin);
    }
  for (const p of st.pubs)
    if (p && !p.settled) {
      live.add(p.origin);
      outsideDlq.add(p.origin);
    }
  for (const p of st.producers)
    for (let i = 0; i < p.buffer.length; i += 5) {
      live.add(p.buffer[i]!);
      outsideDlq.add(p.buffer[i]!);
    }
  // Records a service's group has not committed past yet are still to be processed.
  for (const g of st.log.groups) {
    if (!g.members.some((mi) => st.log.members[mi]!.svc >= 0)) continue;
    st.log.topics[g.topic]!.parts.forEach((part, p) => {
      const from = Math.max(g.committed[p]!, part.start);
      const log = part.log;
      for (let i = log.off.length - 1; i >= 0 && log.off[i]! >= from; i--) {
        live.add(log.origin[i]!);
        outsideDlq.add(log.origin[i]!);
      }
    });
  }
  for (const send of st.log.sends)
    if (send) {
      live.add(send.origin);
      outsideDlq.add(send.origin);
    }
  const h = st.heap;
  for (let i = 0; i < h.size; i++)
    if (h.k[i] === EV.ReachBrokerDirect) {
      live.add(h.a[i]!);
      outsideDlq.add(h.a[i]!);
    }
  return { live, outsideDlq };
}

/** Queues that receive dead letters (directly, or bound to a dead-letter exchange). */
function deadLetterQueues(st: SimState): Set<number> {
  const out = new Set<number>();
  for (const q of st.queues) {
    if (q.dlx < 0) continue;
    const kind = st.nodeKinds[q.dlx];
    const index = st.nodeIndex[q.dlx]!;
    if (kind === 'queue') out.add(index);
    else if (kind === 'exchange') for (const b of st.exchanges[index]!.bindings) out.add(b.queue);
  }
  return out;
}

export function flowReport(st: SimState, summarize: (h: Histogram) => Summary): FlowReport {
  const f = st.flow;
  const { live, outsideDlq } = liveOrigins(st);
  let lost = 0;
  let inconsistent = 0;
  let pending = 0;
  let acceptedPending = 0;
  let inDeadLetter = 0;
  for (const key of Object.keys(f.orders)) {
    const origin = Number(key);
    const o = f.orders[key]!;
    if (live.has(origin)) {
      pending++;
      if (o.outcome === Outcome.Ok) acceptedPending++;
      if (!outsideDlq.has(origin)) inDeadLetter++;
    } else if (o.outcome === Outcome.Ok) lost++;
    else if (o.mask !== 0) inconsistent++;
  }
  const s = f.stats;
  return {
    effects: [...f.effectNames],
    orders: s.orders,
    accepted: s.accepted,
    rejected: s.rejected,
    failed: s.failed,
    completed: s.completed,
    lost,
    inconsistent,
    pending,
    acceptedPending,
    inDeadLetter,
    duplicateEffects: s.duplicateEffects,
    lateEffects: s.lateEffects,
    clientLatencyMs: summarize(s.clientLatency),
    completionMs: summarize(s.completion),
    endToEndMs: summarize(s.endToEnd),
  };
}

export function serviceReports(
  st: SimState,
  summarize: (h: Histogram) => Summary,
): Record<string, ServiceReport> {
  const now = st.nowUs;
  const inProgressUs = new Array<number>(st.services.length).fill(0);
  const blockedNow = new Array<number>(st.services.length).fill(0);
  for (const r of st.reqs)
    if (r && (r.loc === RLoc.Calling || r.loc === RLoc.Backoff)) blockedNow[r.svc]!++;
  for (const r of st.reqs)
    if (r && r.startUs >= 0 && r.loc >= RLoc.InService && r.loc <= RLoc.Backoff)
      inProgressUs[r.svc]! += now - r.startUs;
  const out: Record<string, ServiceReport> = {};
  st.services.forEach((sv, si) => {
    const s = sv.stats;
    let busyUs = s.busyUs + inProgressUs[si]!;
    // The consuming side counts like requests: deliveries received, acked, failed attempts.
    let [received, succeeded, failed] = [s.received, s.succeeded, s.failed];
    if (sv.member >= 0) {
      const m = st.log.members[sv.member]!.stats;
      busyUs += m.busyUs;
      received += m.processed;
      succeeded += m.processed;
    }
    if (sv.consumer >= 0) {
      const c = st.consumers[sv.consumer]!.stats;
      busyUs += c.service.sumUs + c.lostBusyUs;
      received += c.delivered;
      succeeded += c.acked;
      failed += c.failed;
    }
    out[st.nodeIds[sv.node]!] = {
      state: MODE_NAMES[sv.mode]!,
      factor: sv.factor,
      failureProbability: sv.failureP,
      concurrency: sv.concurrency,
      blocked: blockedNow[si]!,
      busy: sv.busy + (sv.consumer >= 0 ? st.consumers[sv.consumer]!.busy : 0),
      waiting: sv.waiting.size,
      waitingMax: s.waitingMax,
      received,
      succeeded,
      failed,
      rejected: s.rejected,
      refused: s.refused,
      lostInCrash: s.lostInCrash,
      effects: s.effects,
      duplicateEffects: s.duplicateEffects,
      undone: s.undone,
      callsMade: s.callsMade,
      callRetries: s.callRetries,
      callTimeouts: s.callTimeouts,
      callFailures: s.callFailures,
      lateReplies: s.lateReplies,
      breakerRejected: s.breakerRejected,
      breakerOpened: s.breakerOpened,
      compensations: s.compensations,
      compensationFailures: s.compensationFailures,
      utilisation: now > 0 ? busyUs / now / sv.concurrency : 0,
      blockedShare: busyUs > 0 ? s.blockedUs / busyUs : 0,
      blockedMs: s.blockedUs / 1000,
      responseMs: summarize(s.response),
    };
  });
  return out;
}
