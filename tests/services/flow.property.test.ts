/**
 * Properties of the two designs under random fault schedules (services going down, slowing,
 * recovering, failing more often), on the e-commerce flow of the comparison presets:
 * - asynchronous, with manual acks, durable queues, persistent messages and retries: no
 *   accepted order is ever lost; once the faults are over and the backlog drained, every
 *   accepted order is complete and every service applied each order's effect exactly once
 *   net of duplicates (conservation through every service);
 * - both designs: the numbers of the comparison table add up.
 * Broker crashes are not among the faults: a service publishes without waiting for a confirm,
 * so a broker crash can lose what it was told (the queue-broker tests cover confirms).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  advance,
  checkInvariants,
  compareTable,
  createSim,
  designDocument,
  report,
  type RunReport,
} from '../../src/engine';
import { COMPARISONS } from '../../src/scenarios';
import { mustValidate } from '../support/run';

const SERVICES = ['order', 'inventory', 'payment', 'notification'] as const;
const FAULT_WINDOW_MS = 20_000;
const DURATION_MS = 60_000;

const faultArb = fc.record({
  atMs: fc.integer({ min: 0, max: FAULT_WINDOW_MS - 1 }),
  serviceId: fc.constantFrom(...SERVICES),
  kind: fc.constantFrom('down', 'slow', 'recovering', 'failures'),
  forMs: fc.integer({ min: 1, max: 8_000 }),
  factor: fc.double({ min: 1, max: 20, noNaN: true }),
  probability: fc.double({ min: 0, max: 0.5, noNaN: true }),
});

type Fault = typeof faultArb extends fc.Arbitrary<infer T> ? T : never;

function toSchedule(faults: Fault[]): object[] {
  return faults.flatMap((f): object[] =>
    f.kind === 'failures'
      ? [
          {
            atMs: f.atMs,
            input: {
              type: 'serviceFailureRateChanged',
              serviceId: f.serviceId,
              probability: f.probability,
            },
          },
          // Every fault is over by the end of the fault window, so the backlog can drain.
          {
            atMs: Math.min(f.atMs + f.forMs, FAULT_WINDOW_MS),
            input: { type: 'serviceFailureRateChanged', serviceId: f.serviceId, probability: 0 },
          },
        ]
      : [
          {
            atMs: f.atMs,
            input: {
              type: 'serviceStateChanged',
              serviceId: f.serviceId,
              state: f.kind,
              factor: f.factor,
              forMs: Math.max(1, Math.min(f.forMs, FAULT_WINDOW_MS - f.atMs)),
            },
          },
        ],
  );
}

/** The happy-path comparison's design, with the random faults, at 20 orders/s. */
function designWith(design: 'sync' | 'async', faults: Fault[], seed: number) {
  const raw = structuredClone(COMPARISONS.find((c) => c.id === 'compare-happy-path')!.raw) as {
    workload: { arrival: { meanMs: number } }[];
    async: { nodes: Record<string, unknown>[] };
  };
  raw.workload[0]!.arrival.meanMs = 50;
  // Retries on every consuming service, as the property assumes.
  for (const n of raw.async.nodes)
    if (n.kind === 'service' && n.from)
      n.retry = { policy: 'exponential', baseMs: 50, capMs: 2000 };
  // The customers stop at 40 s, so the last orders have 20 s to finish.
  const stop = { atMs: 40_000, input: { type: 'producerPaused', producerId: 'orders' } };
  const doc = {
    ...designDocument(raw, design),
    seed,
    durationMs: DURATION_MS,
    schedule: [...toSchedule(faults), stop],
  };
  return mustValidate(doc);
}

function runChecked(design: 'sync' | 'async', faults: Fault[], seed: number): RunReport {
  const st = createSim(designWith(design, faults, seed));
  while (st.tick < st.endTick) {
    advance(st, 50);
    const bad = checkInvariants(st);
    if (bad.length > 0) throw new Error(`tick ${st.tick}: ${bad.join('; ')}`);
  }
  return report(st);
}

function addsUp(r: RunReport): void {
  const f = r.flow!;
  const inFlightAtClient = f.orders - f.accepted - f.rejected - f.failed;
  expect(inFlightAtClient).toBeGreaterThanOrEqual(0);
  expect(f.accepted).toBe(f.completed + f.lost + f.acceptedPending);
  expect(f.pending).toBeGreaterThanOrEqual(f.acceptedPending);
  expect(f.completionMs.count).toBe(f.completed);
  expect(f.clientLatencyMs.count).toBe(f.accepted);
}

describe('service flows under random faults', () => {
  test('async with manual acks, durable queues and retries never loses an accepted order, and each effect is applied once net', () => {
    let requeued = 0;
    fc.assert(
      fc.property(
        fc.array(faultArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        (faults, seed) => {
          const r = runChecked('async', faults, seed);
          const f = r.flow!;
          requeued += r.totals.requeued;
          addsUp(r);
          expect(f.lost).toBe(0);
          expect(f.inconsistent).toBe(0);
          // Faults end at 20 s; by 60 s every accepted order has been completed.
          expect(f.completed).toBe(f.accepted);
          for (const s of ['inventory', 'payment', 'notification'])
            expect(r.services[s]!.effects - r.services[s]!.duplicateEffects).toBe(f.completed);
        },
      ),
      { numRuns: 25 },
    );
    // The faults did bite: crashed consumers handed unacked messages back to their queues.
    expect(requeued).toBeGreaterThan(0);
  });

  test('sync and async: the comparison table adds up (answered + in flight = placed; accepted = completed + lost + pending)', () => {
    fc.assert(
      fc.property(
        fc.array(faultArb, { minLength: 0, maxLength: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        (faults, seed) => {
          const reports = {
            sync: runChecked('sync', faults, seed),
            async: runChecked('async', faults, seed),
          };
          addsUp(reports.sync);
          addsUp(reports.async);
          // Same seed, same clients: both designs saw exactly the same orders.
          expect(reports.sync.flow!.orders).toBe(reports.async.flow!.orders);
          const rows = compareTable(reports);
          const v = (label: string) => rows.find((row) => row.label === label)!.values;
          for (const d of ['sync', 'async'] as const) {
            const sum =
              (v('Accepted')[d] as number) +
              (v('Rejected at the front door')[d] as number) +
              (v('Failed')[d] as number);
            expect(sum).toBeLessThanOrEqual(v('Orders placed')[d] as number);
            expect(v('Availability')[d]).toBeCloseTo(
              (100 * (v('Accepted')[d] as number)) / (v('Orders placed')[d] as number),
              9,
            );
          }
          // A synchronous order is complete the moment it is accepted.
          expect(reports.sync.flow!.completed).toBe(
            reports.sync.flow!.accepted - reports.sync.flow!.lost,
          );
        },
      ),
      { numRuns: 15 },
    );
  });
});
