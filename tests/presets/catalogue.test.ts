/**
 * Every preset loads and validates, says what it is meant to show, and has a claim test in this
 * folder (COVERED lists the ids the other files test; a new preset without a test fails here).
 */
import { describe, expect, test } from 'vitest';
import { validateScenario } from '../../src/engine';
import {
  PRESETS,
  comparisonIds,
  loadPreset,
  presetDescription,
  presetIds,
} from '../../src/scenarios';

/** Preset ids whose description is asserted by a test in tests/presets/. */
const COVERED = [
  // basics.test.ts
  'competing-consumers',
  'consumer-crash',
  'bursty-traffic',
  'work-queue',
  // routing.test.ts
  'topic-routing',
  'pubsub-fanout',
  // dispatch.test.ts
  'fair-dispatch',
  'priority',
  // failures.test.ts
  'poison-message',
  'retry-backoff-dlq',
  'ack-modes-crash',
  'sqs-visibility',
  'idempotent-consumer',
  // limits.test.ts
  'ttl-expiry',
  'overflow',
  'memory-alarm',
  'broker-crash-durability',
  // queueing-mm.test.ts, queueing-md1.test.ts
  'mm1',
  'mmc',
  'md1',
  'two-payment-workers',
  // logPresets.test.ts
  'kafka-key-partitioning',
  'kafka-group-scaling',
  'kafka-commit-timing',
  'kafka-slow-handler',
  'kafka-acks-replication',
  'kafka-idempotent-producer',
  'kafka-transactions',
  'kafka-retention',
  'kafka-compaction',
  'kafka-lag',
  'kafka-replay',
  'kafka-iot-telemetry',
  'kafka-vs-rabbitmq-log',
  'kafka-vs-rabbitmq-queue',
  // comparisons.test.ts: both designs of each comparison
  ...comparisonIds().flatMap((id) => [`${id}-sync`, `${id}-async`]),
];

describe('preset catalogue', () => {
  test('there are 21 presets, 14 log-broker presets and both designs of 8 comparisons, unique ids, each with a claim test', () => {
    expect(PRESETS).toHaveLength(21 + 14 + 2 * 8);
    expect(new Set(presetIds()).size).toBe(PRESETS.length);
    expect([...presetIds()].sort()).toEqual([...COVERED].sort());
  });

  test.each(presetIds())('%s loads, validates and has a description', (id) => {
    const raw = PRESETS.find((p) => p.id === id)!.raw;
    const v = validateScenario(raw);
    expect(v.ok, v.ok ? '' : v.errors.join('\n')).toBe(true);
    const sc = loadPreset(id);
    expect(sc.version).toBe(1);
    expect(sc.nodes.length).toBeGreaterThan(0);
    expect(presetDescription(id).length).toBeGreaterThan(20);
  });

  test('an unknown preset id is refused with the known ids listed', () => {
    expect(() => loadPreset('no-such-preset')).toThrow(/known: competing-consumers/);
  });
});
