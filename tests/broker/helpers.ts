/**
 * Shared helpers for the broker-rule tests: tiny scenarios with constant distributions, a run
 * that collects every engine event and checks the invariants at the end, and typed filters.
 */
import { expect } from 'vitest';
import {
  advance,
  checkInvariants,
  createSim,
  report,
  type RunReport,
  type Scenario,
  type SimEvent,
  type SimState,
  type TimedInput,
} from '../../src/engine';
import { mustValidate } from '../support/run';

export type Spec = Record<string, unknown>;

/** A validated scenario: seed 1, 60 s, 10 ms ticks unless `extra` says otherwise. */
export function scenario(nodes: Spec[], extra: Spec = {}): Scenario {
  return mustValidate({
    version: 1,
    name: 'broker rule',
    seed: 1,
    durationMs: 60_000,
    tickMs: 10,
    nodes,
    ...extra,
  });
}

export interface Run {
  st: SimState;
  events: SimEvent[];
  rep: RunReport;
}

/** Run to the end, collecting events; the invariants must hold at the end. */
export function run(sc: Scenario, timeline: TimedInput[] = []): Run {
  const st = createSim(sc);
  const events: SimEvent[] = [];
  advance(st, st.endTick, timeline, events);
  expect(checkInvariants(st)).toEqual([]);
  return { st, events, rep: report(st) };
}

export type Ev<T extends SimEvent['type']> = SimEvent & { type: T };

export function ofType<T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Ev<T>[] {
  return events.filter((e): e is Ev<T> => e.type === type);
}

/** Milliseconds of an event's time. */
export const atMs = (e: { atUs: number }): number => e.atUs / 1000;

/** Queue names each business message (originId) was enqueued in, in order. */
export function enqueuedByOrigin(events: readonly SimEvent[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of ofType(events, 'enqueued'))
    out.set(e.originId, [...(out.get(e.originId) ?? []), e.queue]);
  return out;
}

/** A producer that publishes `count` messages at t = startMs (all at once by default). */
export function producer(id: string, to: string, count: number, extra: Spec = {}): Spec {
  return { id, kind: 'producer', to, arrival: { dist: 'constant', ms: 0 }, count, ...extra };
}

export function queue(id: string, extra: Spec = {}): Spec {
  return { id, kind: 'queue', ...extra };
}

/** A consumer with a constant service time (10 ms unless `serviceMs` is given). */
export function consumer(id: string, from: string, serviceMs = 10, extra: Spec = {}): Spec {
  return { id, kind: 'consumer', from, service: { dist: 'constant', ms: serviceMs }, ...extra };
}

export function exchange(id: string, type: string, bindings: Spec[], extra: Spec = {}): Spec {
  return { id, kind: 'exchange', type, bindings, ...extra };
}

/** Templates for a producer that sends one message per entry, in turn. */
export function cycleTemplates(templates: Spec[]): Spec {
  return { templates, pick: 'cycle' };
}

/** msgIds of events of one type, optionally for one consumer. */
export function msgIds(
  events: readonly SimEvent[],
  type: 'delivered' | 'acked' | 'processingStarted',
  consumer?: string,
): number[] {
  return events
    .filter(
      (e) =>
        e.type === type && (consumer === undefined || ('consumer' in e && e.consumer === consumer)),
    )
    .map((e) => ('msgId' in e ? e.msgId : 0));
}
