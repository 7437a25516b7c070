/** Consumer nodes: workers, prefetch, ack mode, how processing fails, and what happens then. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { DistSchema, msSchema } from './schemaDist';
import { logConsumerFields } from './schemaTopic';
import {
  arrayOf,
  integerIn,
  literalOf,
  nodeId,
  numberIn,
  oneOf,
  probability,
  strictObject,
  text,
} from './schemaHelpers';
import { RETRY_POLICIES } from './retryPolicies';

export { RETRY_POLICIES };

export const FailureSchema = strictObject({
  /** Each processing attempt fails with this probability (a transient error). */
  probability: v.optional(probability),
  /** This share of messages always fails (poison), chosen by message id. */
  poisonShare: v.optional(probability),
  /** These message ids always fail. */
  poisonMessages: v.optional(
    arrayOf(integerIn(1, Number.MAX_SAFE_INTEGER), LIMITS.poisonMessages, 'message ids'),
  ),
  /** This share of messages takes slowFactor times as long, chosen by message id. */
  slowShare: v.optional(probability),
  slowFactor: v.optional(numberIn(1, 1000, 'a factor from 1 to 1000')),
});

export const RetrySchema = strictObject({
  policy: oneOf(RETRY_POLICIES),
  baseMs: v.optional(msSchema),
  capMs: v.optional(msSchema),
  /** Failed attempts in all before the message is rejected to the dead-letter target. */
  maxAttempts: v.optional(integerIn(1, LIMITS.attempts)),
  /** How an immediate requeue is sent: basic.nack or basic.reject (R32 counts them differently). */
  method: v.optional(oneOf(['nack', 'reject'] as const)),
});

export const IdempotencySchema = strictObject({
  storeSize: v.optional(integerIn(1, LIMITS.idempotencyStore)),
  retentionMs: v.optional(msSchema),
});

export const ConsumerSchema = strictObject({
  id: nodeId,
  kind: literalOf('consumer'),
  label: v.optional(text(80)),
  from: nodeId,
  concurrency: v.optional(integerIn(1, LIMITS.concurrency)),
  prefetch: v.optional(integerIn(0, LIMITS.prefetch)),
  service: DistSchema,
  ackMode: v.optional(oneOf(['manual', 'auto'] as const)),
  failure: v.optional(FailureSchema),
  retry: v.optional(RetrySchema),
  idempotent: v.optional(IdempotencySchema),
  /** Sets ack mode (or commit timing) and idempotency together; see guarantees.ts. */
  guarantee: v.optional(oneOf(['at-most-once', 'at-least-once', 'exactly-once'] as const)),
  ...logConsumerFields,
});

export type FailureModel = v.InferOutput<typeof FailureSchema>;
export type RetryPolicy = v.InferOutput<typeof RetrySchema>;
export type ConsumerNode = v.InferOutput<typeof ConsumerSchema>;
