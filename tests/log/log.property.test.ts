/**
 * Properties of the log broker over random topologies, configurations and crash schedules,
 * checked after every 5 ticks (the engine invariants: offsets, watermarks, in-sync replicas,
 * exclusive ownership, no duplicate producer sequence) and over the run's events:
 * - each member reads each partition in strictly increasing offsets between seeks/rebalances;
 * - read_committed never returns an aborted record;
 * - at-least-once (commit after) never loses a record; at-most-once (commit before) never
 *   applies one twice; exactly-once neither; acks=all with clean election never loses an acked
 *   record.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { advance, checkInvariants, createSim, report, type SimEvent } from '../../src/engine';
import { Flag, indexAt } from '../../src/engine/logPartition';
import { mustValidate } from '../support/run';

const guaranteeArb = fc.constantFrom('at-most-once', 'at-least-once', 'exactly-once');

const configArb = fc.record({
  partitions: fc.integer({ min: 1, max: 6 }),
  members: fc.integer({ min: 1, max: 5 }),
  rf: fc.integer({ min: 1, max: 3 }),
  guarantee: guaranteeArb,
  assignor: fc.constantFrom('range', 'cooperative-sticky'),
  maxPollRecords: fc.integer({ min: 1, max: 50 }),
  serviceMs: fc.integer({ min: 1, max: 15 }),
  gapMs: fc.integer({ min: 2, max: 20 }),
  keys: fc.integer({ min: 0, max: 30 }),
  transactionalPipe: fc.boolean(),
  seed: fc.integer({ min: 1, max: 100_000 }),
  memberCrashes: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 6000 }),
      member: fc.integer({ min: 0, max: 4 }),
      window: fc.constantFrom('now', 'afterReceive', 'afterEffect', 'afterAck'),
      restartAfterMs: fc.integer({ min: 1, max: 2000 }),
    }),
    { maxLength: 4 },
  ),
  brokerCrashes: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: 6000 }),
      broker: fc.integer({ min: 0, max: 2 }),
      restartAfterMs: fc.integer({ min: 1, max: 2000 }),
    }),
    { maxLength: 2 },
  ),
});

type Config = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Config) {
  const members = Array.from({ length: c.members }, (_, i) => ({
    id: `m${i}`,
    kind: 'consumer',
    from: 'in',
    group: 'g',
    service: { dist: 'constant', ms: c.serviceMs },
    guarantee: c.guarantee,
    assignor: c.assignor,
    maxPollRecords: c.maxPollRecords,
    sessionTimeoutMs: 500,
    rebalancePauseMs: 100,
    autoOffsetReset: 'earliest',
    ...(i === 0 && c.transactionalPipe && c.guarantee !== 'at-most-once'
      ? { output: { to: 'out', transactional: true } }
      : {}),
  }));
  return mustValidate({
    version: 1,
    name: 'log property',
    seed: c.seed,
    durationMs: 12_000,
    logBrokers: 3,
    nodes: [
      {
        id: 'in',
        kind: 'topic',
        partitions: c.partitions,
        replicationFactor: c.rf,
        replicationMs: 3,
      },
      { id: 'out', kind: 'topic', partitions: 2 },
      {
        id: 'w',
        kind: 'producer',
        to: 'in',
        arrival: { dist: 'exponential', meanMs: c.gapMs },
        count: 400,
        retries: 1000,
        ...(c.keys > 0 ? { keys: { count: c.keys } } : {}),
      },
      ...members,
      {
        id: 'reader',
        kind: 'consumer',
        from: 'out',
        group: 'rc',
        isolation: 'read_committed',
        autoOffsetReset: 'earliest',
        service: { dist: 'constant', ms: 1 },
      },
    ],
    schedule: [
      ...c.memberCrashes
        .filter((x) => x.member < c.members)
        .map((x) => ({
          atMs: x.atMs,
          input: {
            type: 'consumerCrashed',
            consumerId: `m${x.member}`,
            window: x.window,
            restartAfterMs: x.restartAfterMs,
          },
        })),
      ...c.brokerCrashes.map((x) => ({
        atMs: x.atMs,
        input: { type: 'logBrokerCrashed', broker: x.broker, restartAfterMs: x.restartAfterMs },
      })),
    ],
  });
}

describe('log broker properties', () => {
  test('invariants after every 5 ticks, ordered reads, isolation, and each guarantee', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        const st = createSim(build(c));
        const events: SimEvent[] = [];
        while (st.tick < st.endTick) {
          advance(st, 5, [], events);
          const bad = checkInvariants(st);
          if (bad.length > 0) throw new Error(`tick ${st.tick}: ${bad.join('; ')}`);
        }
        // Strictly increasing offsets per member and partition, between rebalances: a member's
        // sequence restarts with its first poll after a rebalance (the batch it was working on
        // when the group rebalanced still finishes in order).
        const last = new Map<string, number>();
        const rebalancedSince = new Set<string>();
        for (const e of events) {
          if (e.type === 'rebalanced')
            for (let i = 0; i < c.members; i++) rebalancedSince.add(`m${i}`);
          if (e.type === 'recordsPolled' && rebalancedSince.delete(e.member))
            for (const k of [...last.keys()])
              if (k.startsWith(`${e.group}:${e.member}:`)) last.delete(k);
          if (e.type !== 'recordProcessed') continue;
          const k = `${e.group}:${e.member}:${e.partition}`;
          if (e.group === 'g' || e.group === 'rc') {
            expect(e.offset).toBeGreaterThan(last.get(k) ?? -1);
            last.set(k, e.offset);
          }
          if (e.group === 'rc') {
            const part = st.log.topics[1]!.parts[e.partition]!;
            const i = indexAt(part, e.offset);
            expect(part.log.off[i]).toBe(e.offset);
            expect(part.log.flags[i]! & Flag.Aborted).toBe(0);
          }
        }
        const r = report(st);
        const l = r.groups.g!.ledger;
        // acks=all (default) with clean election: nothing acknowledged is ever truncated away.
        expect(r.topics.in!.ackedLost).toBe(0);
        if (c.guarantee === 'at-least-once') expect(l.lost).toBe(0);
        if (c.guarantee === 'at-most-once') expect(l.duplicated).toBe(0);
        if (c.guarantee === 'exactly-once') expect(l.lost + l.duplicated).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
