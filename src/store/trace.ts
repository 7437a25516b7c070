/**
 * The one event sink the store gives the engine: every event goes to the log, the flights, the
 * latency buckets and the list of recent fates. All four are functions of the run up to the
 * current tick (see run.ts for how a seek rebuilds them), never of how the tick was reached.
 */
import type { EventSink, SimEvent } from '../engine';
import type { Buckets } from './buckets';
import { createEventLog, type EventLog } from './eventLog';
import { messageKey, numberField } from './eventFields';
import { fateOf } from './fates';
import { createFlightLog, type FlightLog } from './flights';
import { FADE_US } from './tuning';

/** A message that left the system without an ack, fading out where it vanished. */
export interface Fade {
  atUs: number;
  node: string | null;
  label: string;
  msgKey: number | null;
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

export function createTrace(buckets: Buckets): Trace {
  const log = createEventLog();
  const flights = createFlightLog();
  let fades: Fade[] = [];
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
      flights.push(e);
      addLatency(e);
      if (PLAIN_STEPS.has(e.type)) return;
      const fate = fateOf(e);
      if (fate?.kind === 'gone') {
        fades.push({ atUs: e.atUs, node: fate.node, label: fate.label, msgKey: messageKey(e) });
        if (fades.length > FADES_MAX * 2) fades = fades.slice(fades.length - FADES_MAX);
      }
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
        addLatency(e);
      },
    },
    reset(eventCount: number) {
      log.reset(eventCount);
      flights.clear();
      fades = [];
    },
  };
}
