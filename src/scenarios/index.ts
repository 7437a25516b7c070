/**
 * Presets: scenarios as data, shared by the app, the CLI, the tests and the e2e specs. Each is
 * validated by the engine's schema when loaded, so a broken preset fails loudly in the tests.
 */
import { designDocument, DESIGNS, validateScenario, type Scenario } from '../engine';
import { COMPARISONS } from './comparisons';
import competingConsumers from './presets/competing-consumers.json' with { type: 'json' };
import twoPaymentWorkers from './presets/two-payment-workers.json' with { type: 'json' };
import consumerCrash from './presets/consumer-crash.json' with { type: 'json' };
import burstyTraffic from './presets/bursty-traffic.json' with { type: 'json' };
import workQueue from './presets/work-queue.json' with { type: 'json' };
import fairDispatch from './presets/fair-dispatch.json' with { type: 'json' };
import topicRouting from './presets/topic-routing.json' with { type: 'json' };
import pubsubFanout from './presets/pubsub-fanout.json' with { type: 'json' };
import priority from './presets/priority.json' with { type: 'json' };
import retryBackoffDlq from './presets/retry-backoff-dlq.json' with { type: 'json' };
import poisonMessage from './presets/poison-message.json' with { type: 'json' };
import ttlExpiry from './presets/ttl-expiry.json' with { type: 'json' };
import overflow from './presets/overflow.json' with { type: 'json' };
import memoryAlarm from './presets/memory-alarm.json' with { type: 'json' };
import brokerCrashDurability from './presets/broker-crash-durability.json' with { type: 'json' };
import ackModesCrash from './presets/ack-modes-crash.json' with { type: 'json' };
import sqsVisibility from './presets/sqs-visibility.json' with { type: 'json' };
import idempotentConsumer from './presets/idempotent-consumer.json' with { type: 'json' };
import mm1 from './presets/mm1.json' with { type: 'json' };
import mmc from './presets/mmc.json' with { type: 'json' };
import md1 from './presets/md1.json' with { type: 'json' };
import kafkaKeyPartitioning from './presets/kafka-key-partitioning.json' with { type: 'json' };
import kafkaGroupScaling from './presets/kafka-group-scaling.json' with { type: 'json' };
import kafkaCommitTiming from './presets/kafka-commit-timing.json' with { type: 'json' };
import kafkaSlowHandler from './presets/kafka-slow-handler.json' with { type: 'json' };
import kafkaAcksReplication from './presets/kafka-acks-replication.json' with { type: 'json' };
import kafkaIdempotentProducer from './presets/kafka-idempotent-producer.json' with { type: 'json' };
import kafkaTransactions from './presets/kafka-transactions.json' with { type: 'json' };
import kafkaRetention from './presets/kafka-retention.json' with { type: 'json' };
import kafkaCompaction from './presets/kafka-compaction.json' with { type: 'json' };
import kafkaLag from './presets/kafka-lag.json' with { type: 'json' };
import kafkaReplay from './presets/kafka-replay.json' with { type: 'json' };
import kafkaIotTelemetry from './presets/kafka-iot-telemetry.json' with { type: 'json' };
import kafkaVsRabbitmqLog from './presets/kafka-vs-rabbitmq-log.json' with { type: 'json' };
import kafkaVsRabbitmqQueue from './presets/kafka-vs-rabbitmq-queue.json' with { type: 'json' };

export interface Preset {
  id: string;
  /** Where the picker lists it. */
  group: string;
  /** The raw scenario document, exactly as a user could write it. */
  raw: unknown;
}

const PRESETS_ALL: Preset[] = [
  { id: 'competing-consumers', group: 'Basics', raw: competingConsumers },
  { id: 'two-payment-workers', group: 'Basics', raw: twoPaymentWorkers },
  { id: 'consumer-crash', group: 'Basics', raw: consumerCrash },
  { id: 'bursty-traffic', group: 'Basics', raw: burstyTraffic },
  { id: 'work-queue', group: 'Queue broker', raw: workQueue },
  { id: 'fair-dispatch', group: 'Queue broker', raw: fairDispatch },
  { id: 'topic-routing', group: 'Queue broker', raw: topicRouting },
  { id: 'pubsub-fanout', group: 'Queue broker', raw: pubsubFanout },
  { id: 'priority', group: 'Queue broker', raw: priority },
  { id: 'retry-backoff-dlq', group: 'Queue broker', raw: retryBackoffDlq },
  { id: 'poison-message', group: 'Queue broker', raw: poisonMessage },
  { id: 'ttl-expiry', group: 'Queue broker', raw: ttlExpiry },
  { id: 'overflow', group: 'Queue broker', raw: overflow },
  { id: 'memory-alarm', group: 'Queue broker', raw: memoryAlarm },
  { id: 'broker-crash-durability', group: 'Queue broker', raw: brokerCrashDurability },
  { id: 'ack-modes-crash', group: 'Queue broker', raw: ackModesCrash },
  { id: 'sqs-visibility', group: 'Queue broker', raw: sqsVisibility },
  { id: 'idempotent-consumer', group: 'Queue broker', raw: idempotentConsumer },
  { id: 'mm1', group: 'Queueing theory', raw: mm1 },
  { id: 'mmc', group: 'Queueing theory', raw: mmc },
  { id: 'md1', group: 'Queueing theory', raw: md1 },
  { id: 'kafka-key-partitioning', group: 'Log broker', raw: kafkaKeyPartitioning },
  { id: 'kafka-group-scaling', group: 'Log broker', raw: kafkaGroupScaling },
  { id: 'kafka-commit-timing', group: 'Log broker', raw: kafkaCommitTiming },
  { id: 'kafka-slow-handler', group: 'Log broker', raw: kafkaSlowHandler },
  { id: 'kafka-acks-replication', group: 'Log broker', raw: kafkaAcksReplication },
  { id: 'kafka-idempotent-producer', group: 'Log broker', raw: kafkaIdempotentProducer },
  { id: 'kafka-transactions', group: 'Log broker', raw: kafkaTransactions },
  { id: 'kafka-retention', group: 'Log broker', raw: kafkaRetention },
  { id: 'kafka-compaction', group: 'Log broker', raw: kafkaCompaction },
  { id: 'kafka-lag', group: 'Log broker', raw: kafkaLag },
  { id: 'kafka-replay', group: 'Log broker', raw: kafkaReplay },
  { id: 'kafka-iot-telemetry', group: 'Log broker', raw: kafkaIotTelemetry },
  { id: 'kafka-vs-rabbitmq-log', group: 'Log broker', raw: kafkaVsRabbitmqLog },
  { id: 'kafka-vs-rabbitmq-queue', group: 'Log broker', raw: kafkaVsRabbitmqQueue },
];

/** Each design of each comparison, as a plain preset (the compare view comes with issue 7). */
const DESIGN_PRESETS: Preset[] = COMPARISONS.flatMap((c) =>
  DESIGNS.map((design) => ({
    id: `${c.id}-${design}`,
    group: 'Sync vs async',
    raw: designDocument(c.raw, design),
  })),
);

PRESETS_ALL.push(...DESIGN_PRESETS);

export const PRESETS: readonly Preset[] = PRESETS_ALL;

export const DEFAULT_PRESET_ID = 'competing-consumers';

export function presetIds(): string[] {
  return PRESETS.map((p) => p.id);
}

/** The validated scenario of a preset; throws if the id is unknown or the preset is invalid. */
export function loadPreset(id: string): Scenario {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset)
    throw new Error(`unknown preset ${JSON.stringify(id)}; known: ${presetIds().join(', ')}`);
  const result = validateScenario(preset.raw);
  if (!result.ok) throw new Error(`preset ${id} is invalid:\n${result.errors.join('\n')}`);
  return result.value;
}

/** One-line description of a preset, for pickers and `sim --list`. */
export function presetDescription(id: string): string {
  return loadPreset(id).description ?? '';
}

export { COMPARISONS, comparisonIds, loadComparison, type ComparisonPreset } from './comparisons';
