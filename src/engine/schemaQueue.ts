/**
 * Queue nodes: classic (RabbitMQ default), quorum (replicated, delivery limit) or sqs
 * (visibility timeout and receive count), with TTL, length limits, priorities and dead-lettering.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { msSchema } from './schemaDist';
import {
  bool,
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  oneOf,
  routingKey,
  strictObject,
  text,
} from './schemaHelpers';

export const QUEUE_TYPES = ['classic', 'quorum', 'sqs'] as const;
export const OVERFLOW_MODES = ['drop-head', 'reject-publish', 'reject-publish-dlx'] as const;

export const QueueSchema = strictObject({
  id: nodeId,
  kind: literalOf('queue'),
  label: v.optional(text(80)),
  type: v.optional(oneOf(QUEUE_TYPES)),
  durable: v.optional(bool),
  maxPriority: v.optional(integerIn(1, LIMITS.maxPriority)),
  messageTtlMs: v.optional(nonNegativeNumber(LIMITS.timeMs)),
  maxLength: v.optional(integerIn(0, LIMITS.maxLength)),
  overflow: v.optional(oneOf(OVERFLOW_MODES)),
  deadLetterTo: v.optional(nodeId),
  deadLetterRoutingKey: v.optional(routingKey),
  deliveryLimit: v.optional(integerIn(-1, LIMITS.attempts)),
  deliveryLimitCounts: v.optional(oneOf(['reject-and-crash', 'all-returns'] as const)),
  singleActiveConsumer: v.optional(bool),
  ackTimeoutMs: v.optional(msSchema),
  /** S2: 0 s to 12 h. */
  visibilityTimeoutMs: v.optional(nonNegativeNumber(12 * 3600 * 1000)),
  maxReceiveCount: v.optional(integerIn(1, LIMITS.attempts)),
});

export type QueueNode = v.InferOutput<typeof QueueSchema>;
