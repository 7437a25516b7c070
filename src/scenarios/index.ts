/**
 * Presets: scenarios as data, shared by the app, the CLI, the tests and the e2e specs. Each is
 * validated by the engine's schema when loaded, so a broken preset fails loudly in the tests.
 */
import { designDocument, DESIGNS, validateScenario, type Design, type Scenario } from '../engine';
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

/**
 * Where a preset's document comes from, relative to this folder: a file of presets/, or one
 * design of a comparison of comparisons/. The app fetches it from there only when the preset is
 * chosen (src/ui/presetLoader.ts), so the presets stay out of its initial JavaScript.
 */
export interface PresetSource {
  file: string;
  design?: Design;
}

export interface Preset {
  id: string;
  /** Where the picker lists it. */
  group: string;
  /** The raw scenario document, exactly as a user could write it. */
  raw: unknown;
  source: PresetSource;
}

/** A preset whose document is presets/<id>.json. */
function preset(id: string, group: string, raw: unknown): Preset {
  return { id, group, raw, source: { file: `presets/${id}.json` } };
}

const PRESETS_ALL: Preset[] = [
  preset('competing-consumers', 'Basics', competingConsumers),
  preset('two-payment-workers', 'Basics', twoPaymentWorkers),
  preset('consumer-crash', 'Basics', consumerCrash),
  preset('bursty-traffic', 'Basics', burstyTraffic),
  preset('work-queue', 'Queue broker', workQueue),
  preset('fair-dispatch', 'Queue broker', fairDispatch),
  preset('topic-routing', 'Queue broker', topicRouting),
  preset('pubsub-fanout', 'Queue broker', pubsubFanout),
  preset('priority', 'Queue broker', priority),
  preset('retry-backoff-dlq', 'Queue broker', retryBackoffDlq),
  preset('poison-message', 'Queue broker', poisonMessage),
  preset('ttl-expiry', 'Queue broker', ttlExpiry),
  preset('overflow', 'Queue broker', overflow),
  preset('memory-alarm', 'Queue broker', memoryAlarm),
  preset('broker-crash-durability', 'Queue broker', brokerCrashDurability),
  preset('ack-modes-crash', 'Queue broker', ackModesCrash),
  preset('sqs-visibility', 'Queue broker', sqsVisibility),
  preset('idempotent-consumer', 'Queue broker', idempotentConsumer),
  preset('mm1', 'Queueing theory', mm1),
  preset('mmc', 'Queueing theory', mmc),
  preset('md1', 'Queueing theory', md1),
  preset('kafka-key-partitioning', 'Log broker', kafkaKeyPartitioning),
  preset('kafka-group-scaling', 'Log broker', kafkaGroupScaling),
  preset('kafka-commit-timing', 'Log broker', kafkaCommitTiming),
  preset('kafka-slow-handler', 'Log broker', kafkaSlowHandler),
  preset('kafka-acks-replication', 'Log broker', kafkaAcksReplication),
  preset('kafka-idempotent-producer', 'Log broker', kafkaIdempotentProducer),
  preset('kafka-transactions', 'Log broker', kafkaTransactions),
  preset('kafka-retention', 'Log broker', kafkaRetention),
  preset('kafka-compaction', 'Log broker', kafkaCompaction),
  preset('kafka-lag', 'Log broker', kafkaLag),
  preset('kafka-replay', 'Log broker', kafkaReplay),
  preset('kafka-iot-telemetry', 'Log broker', kafkaIotTelemetry),
  preset('kafka-vs-rabbitmq-log', 'Log broker', kafkaVsRabbitmqLog),
  preset('kafka-vs-rabbitmq-queue', 'Log broker', kafkaVsRabbitmqQueue),
];

/** Each design of each comparison, as a plain preset (the compare view comes with issue 7). */
const DESIGN_PRESETS: Preset[] = COMPARISONS.flatMap((c) =>
  DESIGNS.map((design) => ({
    id: `${c.id}-${design}`,
    group: 'Sync vs async',
    raw: designDocument(c.raw, design),
    source: { file: c.file, design },
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
