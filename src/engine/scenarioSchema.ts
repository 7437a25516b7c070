/**
 * Scenario format, version 1 (documented in docs/scenario-format.md). Later work extends it
 * with optional fields and node kinds only, so every version-1 file keeps loading.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { InputSchema } from './inputSchema';
import { BrokerSchema } from './schemaBroker';
import { ConsumerSchema } from './schemaConsumer';
import { ExchangeSchema } from './schemaExchange';
import { ProducerSchema } from './schemaProducer';
import { QueueSchema } from './schemaQueue';
import { ServiceSchema } from './schemaService';
import { TopicSchema } from './schemaTopic';
import {
  arrayOf,
  integerIn,
  literalOf,
  nonNegativeNumber,
  numberIn,
  positiveNumber,
  show,
  strictObject,
  text,
} from './schemaHelpers';

export { LIMITS } from './limits';
export { DIST_KINDS, DistSchema, type Dist } from './schemaDist';
export type { ProducerNode, Template } from './schemaProducer';
export type { QueueNode } from './schemaQueue';
export type { ConsumerNode, FailureModel, RetryPolicy } from './schemaConsumer';
export type { ExchangeNode, Binding } from './schemaExchange';
export type { BrokerNode } from './schemaBroker';
export type { ServiceNode, ServiceCall, ServiceMode } from './schemaService';
export type { TopicNode } from './schemaTopic';

export const NODE_KINDS = [
  'producer',
  'exchange',
  'queue',
  'consumer',
  'broker',
  'service',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const NodeSchema = v.variant(
  'kind',
  [
    ProducerSchema,
    ExchangeSchema,
    QueueSchema,
    ConsumerSchema,
    BrokerSchema,
    ServiceSchema,
    TopicSchema,
  ],
  (i) =>
    i.expected === 'Object' || i.expected === 'object'
      ? `must be a node object, got ${show(i.input)}`
      : `must be one of ${NODE_KINDS.join(', ')}, got ${show(i.input)}`,
);

export const ScheduledInputSchema = strictObject({
  atMs: nonNegativeNumber(LIMITS.durationMs),
  input: InputSchema,
});

export const ScenarioSchema = strictObject({
  $schema: v.optional(v.string()),
  version: literalOf(1),
  name: text(LIMITS.nameLength),
  description: v.optional(text(LIMITS.descriptionLength)),
  seed: v.optional(integerIn(0, 4294967295)),
  durationMs: positiveNumber(LIMITS.durationMs),
  tickMs: v.optional(
    numberIn(
      LIMITS.tickMsMin,
      LIMITS.tickMsMax,
      `a number from ${LIMITS.tickMsMin} to ${LIMITS.tickMsMax}`,
    ),
  ),
  linkLatencyMs: v.optional(nonNegativeNumber(60_000)),
  /** Log brokers in the Kafka-style cluster that holds the topics (default: the largest replicationFactor). */
  logBrokers: v.optional(integerIn(1, 9)),
  nodes: v.pipe(
    arrayOf(NodeSchema, LIMITS.nodes, 'nodes'),
    v.minLength(1, 'must hold at least one node'),
  ),
  schedule: v.optional(arrayOf(ScheduledInputSchema, LIMITS.scheduleItems, 'scheduled inputs')),
});

export type ScenarioNode = v.InferOutput<typeof NodeSchema>;
export type ScheduledInput = v.InferOutput<typeof ScheduledInputSchema>;
export type Scenario = v.InferOutput<typeof ScenarioSchema>;
