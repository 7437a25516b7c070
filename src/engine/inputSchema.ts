/**
 * Inputs: what a user or a schedule does to a running simulation. They are data, applied by the
 * engine at a tick (or at an exact time when scheduled in the scenario), never setters.
 */
import * as v from 'valibot';
import { GUARANTEES } from './guarantees';
import { RetrySchema } from './schemaConsumer';
import {
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  numberIn,
  oneOf,
  positiveNumber,
  probability,
  show,
  strictObject,
} from './schemaHelpers';

const producerInput = <const T extends string>(type: T) =>
  strictObject({ type: literalOf(type), producerId: nodeId });

/** Where in handling a message a consumer dies (issue 5's crash window). */
export const CRASH_WINDOWS = ['now', 'afterReceive', 'afterEffect', 'afterAck'] as const;
export type CrashWindow = (typeof CRASH_WINDOWS)[number];

const InputVariants = [
  producerInput('producerPaused'),
  producerInput('producerResumed'),
  strictObject({
    type: literalOf('rateChanged'),
    producerId: nodeId,
    ratePerSec: positiveNumber(1_000_000),
  }),
  producerInput('poisonPublished'),
  strictObject({
    type: literalOf('consumerCrashed'),
    consumerId: nodeId,
    window: v.optional(oneOf(CRASH_WINDOWS)),
    restartAfterMs: v.optional(positiveNumber(24 * 3600 * 1000)),
  }),
  strictObject({ type: literalOf('consumerRestarted'), consumerId: nodeId }),
  strictObject({
    type: literalOf('concurrencyChanged'),
    consumerId: nodeId,
    concurrency: integerIn(1, 1000),
  }),
  strictObject({
    type: literalOf('prefetchChanged'),
    consumerId: nodeId,
    prefetch: integerIn(0, 10_000),
  }),
  strictObject({
    type: literalOf('ackModeChanged'),
    consumerId: nodeId,
    ackMode: oneOf(['manual', 'auto'] as const),
  }),
  strictObject({ type: literalOf('failureRateChanged'), consumerId: nodeId, probability }),
  strictObject({
    type: literalOf('brokerCrashed'),
    brokerId: v.optional(nodeId),
    restartAfterMs: v.optional(positiveNumber(24 * 3600 * 1000)),
  }),
  strictObject({ type: literalOf('brokerRestarted'), brokerId: v.optional(nodeId) }),
  strictObject({ type: literalOf('dlqRedriven'), queueId: nodeId, toQueueId: v.optional(nodeId) }),
  strictObject({
    type: literalOf('serviceStateChanged'),
    serviceId: nodeId,
    state: oneOf(['up', 'down', 'slow', 'recovering'] as const),
    /** Service-time factor for slow and recovering (default: the service's slowFactor). */
    factor: v.optional(numberIn(1, 1000, 'a factor from 1 to 1000')),
    /** Back to up after this long (default: until the next change). */
    forMs: v.optional(positiveNumber(24 * 3600 * 1000)),
  }),
  strictObject({ type: literalOf('serviceFailureRateChanged'), serviceId: nodeId, probability }),
  strictObject({
    type: literalOf('groupSeek'),
    /** The consumer group (its "group" field, or the consumer's id). */
    groupId: nodeId,
    /** beginning, end, an offset for every partition, or the first record at or after atMs. */
    to: oneOf(['beginning', 'end', 'offset', 'time'] as const),
    offset: v.optional(integerIn(0, Number.MAX_SAFE_INTEGER)),
    atMs: v.optional(nonNegativeNumber(7 * 24 * 3600 * 1000)),
  }),
  strictObject({
    type: literalOf('partitionPaused'),
    topicId: nodeId,
    partition: integerIn(0, 4095),
  }),
  strictObject({
    type: literalOf('partitionResumed'),
    topicId: nodeId,
    partition: integerIn(0, 4095),
  }),
  strictObject({ type: literalOf('partitionsAdded'), topicId: nodeId, count: integerIn(1, 256) }),
  strictObject({
    type: literalOf('logBrokerCrashed'),
    broker: integerIn(0, 8),
    restartAfterMs: v.optional(positiveNumber(24 * 3600 * 1000)),
  }),
  strictObject({ type: literalOf('logBrokerRestarted'), broker: integerIn(0, 8) }),
  strictObject({ type: literalOf('retryPolicyChanged'), consumerId: nodeId, retry: RetrySchema }),
  strictObject({
    type: literalOf('guaranteeChanged'),
    consumerId: nodeId,
    guarantee: oneOf(GUARANTEES),
  }),
  /** A new consumer (a new id) with the settings of `like`, on its queue or in its group. */
  strictObject({ type: literalOf('consumerAdded'), consumerId: nodeId, like: nodeId }),
  /** The consumer leaves for good, cleanly (consumerScale.ts, logMemberScale.ts). */
  strictObject({ type: literalOf('consumerRemoved'), consumerId: nodeId }),
] as const;

export const INPUT_TYPES = [
  'producerPaused',
  'producerResumed',
  'rateChanged',
  'poisonPublished',
  'consumerCrashed',
  'consumerRestarted',
  'concurrencyChanged',
  'prefetchChanged',
  'ackModeChanged',
  'failureRateChanged',
  'brokerCrashed',
  'brokerRestarted',
  'dlqRedriven',
  'serviceStateChanged',
  'serviceFailureRateChanged',
  'groupSeek',
  'partitionPaused',
  'partitionResumed',
  'partitionsAdded',
  'logBrokerCrashed',
  'logBrokerRestarted',
  'retryPolicyChanged',
  'guaranteeChanged',
  'consumerAdded',
  'consumerRemoved',
] as const;

export const InputSchema = v.variant('type', [...InputVariants], (i) =>
  i.expected === 'Object' || i.expected === 'object'
    ? `must be an input object like { "type": "consumerCrashed", "consumerId": "c1" }`
    : `must be one of ${INPUT_TYPES.join(', ')}, got ${show(i.input)}`,
);

export type Input = v.InferOutput<typeof InputSchema>;

/**
 * Which node kind each id field of an input must name. A consumerId may also name a consumer an
 * earlier consumerAdded input added (validateScale.ts); consumerAdded's own consumerId is new.
 */
export const INPUT_ID_FIELDS = {
  producerId: 'producer',
  consumerId: 'consumer',
  brokerId: 'broker',
  queueId: 'queue',
  toQueueId: 'queue',
  serviceId: 'service',
  topicId: 'topic',
} as const;

/** One entry of a run's input timeline: the input is applied at the start of `tick`. */
export interface TimedInput {
  tick: number;
  input: Input;
}
