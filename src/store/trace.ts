/**
 * The one event sink the store gives the engine: every event goes to the log, the flights, the
 * latency buckets and the list of recent fates. All four are functions of the run up to the
 * current tick (see run.ts for how a seek rebuilds them), never of how the tick was reached.
 */
import type { EventSink, Scenario, SimEvent, SimState } from '../engine';
import type { Buckets } from './buckets';
import { consumerAutoAck, consumerQueueId, duplicateEffects, linkLatencyUs } from './engineAccess';
import { createEventLog, type EventLog } from './eventLog';
import { messageKey, numberField } from './eventFields';
import { fateOf, noteOf } from './fates';
import { createFlightLog, type FlightLog } from './flights';
import { createLogTrips } from './logTrips';
import type { TripContext } from './trips';
import { FADE_US, HOP_MIN_TICKS } from './tuning';

/**
 * A mark fading out where something happened to a message: it left without an ack ('gone':
 * expired, discarded, lost...) or its effect was a duplicate ('duplicate').
 */
export interface Fade {
  atUs: number;
  node: string | null;
  label: string;
  msgKey: number | null;
  style: 'gone' | 'duplicate';
}

/**
 * The common steps of a message's life: they are never a fate, so the hot path skips the fate
 * table for them (a third of the store's cost per event otherwise).
 */
const PLAIN_STEPS = new Set([
  'published',
  'enqueued',
  'delivered',
  'processingStarted',
  'processed',
  'acked',
  'recordsPolled',
  'offsetsCommitted',
]);

/** Fades kept at most: the canvas labels only the newest anyway. */
const FADES_MAX = 2000;

export interface Trace extends EventSink {
  readonly log: EventLog;
  readonly flights: FlightLog;
  /** Fates of the last FADE_US before `nowUs`, oldest first. */
  fades(nowUs: number): readonly Fade[];
  /** After a restore: forget everything position-dependent. */
  reset(eventCount: number): void;
  /**
   * A sink that only counts events and feeds the latency buckets: for replaying the part of a
   * seek too far before its target for any event to be shown there (twice as fast).
   */
  readonly light: EventSink;
}

export function createTrace(buckets: Buckets, sim: () => SimState, scenario: Scenario): Trace {
  const log = createEventLog();
  const queueOf = new Map<string, string>();
  const clientOf = new Map<string, string>();
  const queues = new Set(scenario.nodes.filter((n) => n.kind === 'queue').map((n) => n.id));
  for (const n of scenario.nodes) {
    // A service with `from` a queue consumes like a consumer (under the service's id).
    if ((n.kind === 'consumer' || n.kind === 'service') && n.from && queues.has(n.from))
      queueOf.set(n.id, n.from);
    if (n.kind === 'producer' && !clientOf.has(n.to)) clientOf.set(n.to, n.id);
  }
  const exchanges = new Set(scenario.nodes.filter((n) => n.kind === 'exchange').map((n) => n.id));
  // Whether the effect of the 'processed' event being handled was a duplicate: the engine's
  // duplicate count went up (a state read, the same on every replay; see engine requests).
  let lastDup = duplicateEffects(sim());
  let dupNow = false;
  const checkDuplicate = (e: SimEvent) => {
    dupNow = false;
    if (e.type !== 'processed' || e.effect !== 'applied') return;
    const d = duplicateEffects(sim());
    dupNow = d > lastDup;
    lastDup = d;
  };
  const ctx: Omit<TripContext, 'publishedTo'> = {
    isExchange: (id) => exchanges.has(id),
    linkUs: () => linkLatencyUs(sim()),
    hopUs: () => Math.max(linkLatencyUs(sim()) / 2, HOP_MIN_TICKS * sim().tickUs),
    // A consumer added by an input is not in the scenario: its queue comes from the state.
    queueOf: (c) => queueOf.get(c) ?? consumerQueueId(sim(), c),
    autoAck: (c) => consumerAutoAck(sim(), c),
    duplicateNow: () => dupNow,
    clientOf: (service) => clientOf.get(service),
  };
  const flights = createFlightLog(ctx);
  const logTrips = createLogTrips(scenario, sim, ctx.linkUs, ctx.hopUs);
  let fades: Fade[] = [];
  const addFade = (f: Fade) => {
    fades.push(f);
    if (fades.length > FADES_MAX * 2) fades = fades.slice(fades.length - FADES_MAX);
  };
  const addLatency = (e: SimEvent) => {
    if (e.type !== 'acked') return;
    const us = numberField(e, 'latencyUs');
    if (us !== undefined) buckets.addLatency(us);
  };
  return {
    log,
    flights,
    push(e: SimEvent) {
      log.push(e);
      checkDuplicate(e);
      flights.addTrips(logTrips.onEvent(e));
      flights.push(e);
      addLatency(e);
      if (e.type === 'recordProcessed') {
        if (e.duplicate)
          addFade({
            atUs: e.atUs,
            node: e.member,
            label: 'duplicate effect',
            msgKey: e.originId,
            style: 'duplicate',
          });
        return;
      }
      if (e.type === 'processed') {
        const dup =
          e.effect === 'duplicateSkipped' ? 'duplicate skipped' : dupNow && 'duplicate effect';
        if (dup)
          addFade({
            atUs: e.atUs,
            node: e.consumer,
            label: dup,
            msgKey: e.msgId,
            style: 'duplicate',
          });
        return;
      }
      if (PLAIN_STEPS.has(e.type)) return;
      if (e.type === 'request') {
        // A client told "failed": the order is refused (the service it called says so).
        if (e.phase === 'failed' && e.caller === null && !e.undo)
          addFade({
            atUs: e.atUs,
            node: e.service,
            label: 'order failed',
            msgKey: e.originId,
            style: 'gone',
          });
        return;
      }
      const fate = fateOf(e) ?? noteOf(e);
      if (fate?.kind === 'gone')
        addFade({
          atUs: e.atUs,
          node: fate.node,
          label: fate.label,
          msgKey: messageKey(e),
          style: 'gone',
        });
    },
    fades(nowUs: number) {
      let start = 0;
      while (start < fades.length && fades[start]!.atUs < nowUs - FADE_US) start++;
      if (start > 0) fades = fades.slice(start);
      return fades.length > FADES_MAX ? fades.slice(fades.length - FADES_MAX) : fades;
    },
    light: {
      push(e: SimEvent) {
        log.skip();
        checkDuplicate(e);
        addLatency(e);
      },
    },
    reset(eventCount: number) {
      log.reset(eventCount);
      flights.clear();
      fades = [];
      lastDup = duplicateEffects(sim());
    },
  };
}
