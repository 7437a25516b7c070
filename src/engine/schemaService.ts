/**
 * Service nodes (issue 4): a named service with a worker pool that answers requests (from
 * clients or from other services' synchronous calls), calls other services in order while
 * holding its worker, and can publish to the broker and consume from a queue.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { DistSchema, msSchema } from './schemaDist';
import {
  arrayOf,
  integerIn,
  literalOf,
  nodeId,
  numberIn,
  oneOf,
  strictObject,
  text,
} from './schemaHelpers';
import { FailureSchema, IdempotencySchema, RetrySchema } from './schemaConsumer';

/** One synchronous call: the callee, how long to wait, and how often to try. */
export const CallSchema = strictObject({
  to: nodeId,
  timeoutMs: v.optional(msSchema),
  /** Attempts in all (1 = no retry). A retried call can run twice downstream. */
  maxAttempts: v.optional(integerIn(1, 100)),
  /** Backoff before attempt n+1: backoffMs · 2^(n-1), capped at backoffCapMs. */
  backoffMs: v.optional(msSchema),
  backoffCapMs: v.optional(msSchema),
});

/** P4: closed → open after `failureThreshold` failures in a row → half-open after `openMs`. */
export const BreakerSchema = strictObject({
  failureThreshold: integerIn(1, 1000),
  openMs: msSchema,
});

/** What the service publishes when its work succeeds (same business id as the request). */
export const ServicePublishSchema = strictObject({
  to: nodeId,
  routingKey: v.optional(text(255)),
  persistent: v.optional(v.boolean()),
});

export const SERVICE_STATES = ['up', 'down', 'slow', 'recovering'] as const;

export const ServiceSchema = strictObject({
  id: nodeId,
  kind: literalOf('service'),
  label: v.optional(text(80)),
  concurrency: v.optional(integerIn(1, LIMITS.concurrency)),
  service: DistSchema,
  /** Requests waiting for a free worker; beyond this the service rejects at once. */
  queueLimit: v.optional(integerIn(0, LIMITS.maxLength)),
  /** Requests use `probability`; consumed messages use the whole model, as a consumer does. */
  failure: v.optional(FailureSchema),
  /** Name of the business effect this service's work applies (false: none). Default: its id. */
  effect: v.optional(v.union([text(80), v.literal(false)], 'must be an effect name or false')),
  calls: v.optional(arrayOf(CallSchema, 32, 'calls')),
  circuitBreaker: v.optional(BreakerSchema),
  /** On a failed chain, undo the calls that succeeded (saga-style compensation). */
  compensate: v.optional(v.boolean()),
  publish: v.optional(ServicePublishSchema),
  /** Slow-down factor used by the "slow" state when the input gives none. */
  slowFactor: v.optional(numberIn(1, 1000, 'a factor from 1 to 1000')),
  /** Consuming side: read this queue like a consumer. */
  from: v.optional(nodeId),
  prefetch: v.optional(integerIn(0, LIMITS.prefetch)),
  ackMode: v.optional(oneOf(['manual', 'auto'] as const)),
  retry: v.optional(RetrySchema),
  idempotent: v.optional(IdempotencySchema),
});

export type ServiceNode = v.InferOutput<typeof ServiceSchema>;
export type ServiceCall = v.InferOutput<typeof CallSchema>;
export type ServiceMode = (typeof SERVICE_STATES)[number];
