/**
 * Property tests over random broker scenarios with random faults. Every invariant is checked
 * after every tick (conservation, prefetch bound, TTL, length limit, ...), and the event trace is
 * checked for what the broker promises: dead-letter exactness, at-least-once under the reliable
 * settings, at-most-once processing with auto-ack, and one confirm per publish. fast-check prints
 * the seed of a failure; FC_SEED=<seed> replays it.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { advance, checkInvariants, createSim, report, type SimEvent } from '../../src/engine';
import { brokerScenarioArb } from '../support/brokerArbitraries';
import { mustValidate } from '../support/run';

const RUNS = Number(process.env.FC_RUNS ?? 120);

function checkedEvents(
  raw: ReturnType<typeof brokerScenarioArb> extends fc.Arbitrary<infer T> ? T : never,
) {
  const sc = mustValidate(raw.scenario);
  const st = createSim(sc);
  const events: SimEvent[] = [];
  while (st.tick < st.endTick) {
    advance(st, 1, raw.timeline, events);
    const violations = checkInvariants(st);
    if (violations.length > 0)
      throw new Error(`tick ${st.tick}: ${violations.slice(0, 5).join('; ')}`);
  }
  return { sc, st, events };
}

const TRIGGERS = ['rejected', 'expired', 'maxlen', 'delivery_limit', 'max_receive_count'];

describe('broker invariants over random scenarios and faults', () => {
  test('every invariant holds after every tick', () => {
    fc.assert(
      fc.property(brokerScenarioArb(), (raw) => {
        checkedEvents(raw);
      }),
      { numRuns: RUNS },
    );
  });

  test('DLQ exactness: a dead-letter queue holds exactly the copies that met a trigger, each with its reason', () => {
    fc.assert(
      fc.property(brokerScenarioArb(), (raw) => {
        const { sc, events } = checkedEvents(raw);
        const queueOf = new Map(sc.nodes.filter((n) => n.kind === 'queue').map((n) => [n.id, n]));
        const failed = new Set<number>();
        const last = new Map<number, SimEvent>();
        for (const e of events) {
          if (e.type === 'processed' && e.outcome === 'failed') failed.add(e.msgId);
          if (e.type === 'deadLettered') {
            expect(TRIGGERS).toContain(e.reason);
            const from = queueOf.get(e.from)!;
            expect(from.kind === 'queue' && from.deadLetterTo).toBe(e.to);
            // Each trigger only where its cause is configured (R15).
            if (from.kind !== 'queue') continue;
            if (e.reason === 'maxlen') expect(from.maxLength).toBeDefined();
            if (e.reason === 'delivery_limit') expect(from.type).toBe('quorum');
            if (e.reason === 'max_receive_count') expect(from.type).toBe('sqs');
            if (e.reason === 'rejected') expect(failed.has(e.msgId)).toBe(true);
          }
          if (e.type === 'enqueued') {
            const before = last.get(e.msgId);
            // A copy enters a dead-letter queue only right after being dead-lettered into it,
            // or after a delayed retry/redrive inside it.
            if (sc.nodes.some((n) => n.kind === 'queue' && n.deadLetterTo === e.queue) && before) {
              const arrivedBy =
                (before.type === 'deadLettered' && before.to === e.queue) ||
                (before.type === 'retryReady' && before.queue === e.queue) ||
                before.type === 'redriven';
              expect(arrivedBy, `message ${e.msgId} entered ${e.queue} after ${before.type}`).toBe(
                true,
              );
            }
          }
          if ('msgId' in e && e.msgId > 0) last.set(e.msgId, e);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('at-least-once (manual ack, confirms, durable queues, persistent messages): no confirmed message vanishes, whatever crashes', () => {
    fc.assert(
      fc.property(brokerScenarioArb({ reliable: true }), (raw) => {
        const { st, events } = checkedEvents(raw);
        const confirmed = new Set<number>();
        const done = new Set<number>();
        for (const e of events) {
          if (e.type === 'confirmed' && e.ack) confirmed.add(e.originId);
          // Its effect was applied, or a configured policy removed it (invariant 3).
          if (e.type === 'processed' && e.effect !== 'none') done.add(e.originId);
          if (e.type === 'discarded') done.add(e.originId);
          // Unroutable messages are confirmed too (R6) but were never accepted by a queue.
          if (e.type === 'unroutable') done.add(e.originId);
          // R18: dead-lettering is at-most-once (no internal confirms); the promise ends there.
          if (e.type === 'deadLettered') done.add(e.originId);
        }
        for (const m of st.msgs) if (m && m.fate === '') done.add(m.origin); // still in the broker
        for (const origin of confirmed)
          expect(done.has(origin), `confirmed message ${origin} vanished`).toBe(true);
        // Nothing is settled as lost under auto-ack in this family (every consumer acks manually).
        for (const q of Object.values(report(st).queues))
          expect(q.ledger.lostByReason.autoAcked ?? 0).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  test('memory alarm (R30): while it is on, no publish is accepted', () => {
    fc.assert(
      fc.property(brokerScenarioArb(), (raw) => {
        const { events } = checkedEvents(raw);
        let alarm = false;
        const seen = new Set<number>();
        for (const e of events) {
          if (e.type === 'alarm') alarm = e.on;
          if (e.type === 'brokerCrashed') alarm = false;
          // A redrive moves messages the broker already held (under a new id, S3).
          if (e.type === 'redriven') seen.add(e.msgId);
          if (e.type !== 'enqueued') continue;
          // A copy seen for the first time comes from a publish (or a dead-letter clone).
          if (!seen.has(e.msgId) && alarm) {
            const prior = events.filter((x) => x.type === 'deadLettered' && x.atUs === e.atUs);
            expect(
              prior.length,
              `copy ${e.msgId} accepted at ${e.atUs} during an alarm`,
            ).toBeGreaterThan(0);
          }
          seen.add(e.msgId);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('auto-ack: no message is processed twice without publisher retries', () => {
    fc.assert(
      fc.property(brokerScenarioArb(), (raw) => {
        const { sc, events } = checkedEvents(raw);
        const auto = new Set(
          sc.nodes.filter((n) => n.kind === 'consumer' && n.ackMode === 'auto').map((n) => n.id),
        );
        const retrying = sc.nodes.some((n) => n.kind === 'producer' && n.publishRetry);
        const switched =
          (raw.scenario.schedule ?? []).some((s) => s.input.type === 'ackModeChanged') ||
          raw.timeline.some((t) => t.input.type === 'ackModeChanged');
        if (retrying || switched || auto.size === 0) return;
        const times = new Map<number, number>();
        for (const e of events)
          if (e.type === 'processed' && auto.has(e.consumer))
            times.set(e.msgId, (times.get(e.msgId) ?? 0) + 1);
        for (const [msgId, n] of times)
          expect(n, `message ${msgId} processed ${n} times under auto-ack`).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });

  test('confirms: each publish attempt gets at most one ack or nack, and without a broker crash exactly one', () => {
    fc.assert(
      fc.property(brokerScenarioArb(), (raw) => {
        const { sc, events } = checkedEvents(raw);
        // A crash loses confirms; an alarm holds publishes at the broker's door for a while.
        const crashes = events.some((e) => e.type === 'brokerCrashed' || e.type === 'alarm');
        const confirms = new Map<string, number>();
        for (const e of events) {
          if (e.type !== 'confirmed') continue;
          const k = `${e.producer}/${e.originId}/${e.attempt}`;
          confirms.set(k, (confirms.get(k) ?? 0) + 1);
        }
        for (const [k, n] of confirms) expect(n, `${k} confirmed ${n} times`).toBe(1);
        if (crashes) return;
        // Every attempt sent early enough to be confirmed before the end was confirmed.
        const endUs = sc.durationMs * 1000;
        const slackUs = 2 * (sc.linkLatencyMs ?? 0) * 1000 + 250_000;
        for (const e of events) {
          if (e.type !== 'published' || e.atUs > endUs - slackUs) continue;
          const p = sc.nodes.find((n) => n.id === e.producer);
          if (p?.kind !== 'producer' || !p.confirms || p.publishRetry) continue;
          expect(
            confirms.has(`${e.producer}/${e.originId}/${e.attempt}`),
            `publish ${e.originId} never confirmed`,
          ).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
