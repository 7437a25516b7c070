/**
 * Producer nodes: what they publish (message templates), how often, and how they publish
 * (persistent, mandatory, confirms, retries, what to do when the broker pushes back).
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { DistSchema, msSchema } from './schemaDist';
import { logProducerFields } from './schemaTopic';
import {
  arrayOf,
  bool,
  headerMap,
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  oneOf,
  positiveNumber,
  routingKey,
  strictObject,
  text,
} from './schemaHelpers';

/** One kind of message a producer sends; a producer picks among its templates. */
export const TemplateSchema = strictObject({
  label: v.optional(text(40)),
  weight: v.optional(positiveNumber(1e9)),
  routingKey: v.optional(routingKey),
  headers: v.optional(headerMap),
  priority: v.optional(integerIn(0, LIMITS.maxPriority)),
  ttlMs: v.optional(nonNegativeNumber(LIMITS.timeMs)),
  poison: v.optional(bool),
  /** Record key on a topic (K2); null-keyed records spread over the partitions. */
  key: v.optional(text(255)),
  /** A tombstone (null value) on a compacted topic (K10). */
  tombstone: v.optional(bool),
});

export const PublishRetrySchema = strictObject({
  /** A publish without a confirm after this long counts as missing and is sent again. */
  timeoutMs: msSchema,
  /** Publish attempts in all, the first included. */
  maxAttempts: integerIn(1, LIMITS.attempts),
  /** Wait after a nack before sending again. */
  backoffMs: v.optional(nonNegativeNumber(LIMITS.timeMs)),
});

export const ProducerSchema = strictObject({
  id: nodeId,
  kind: literalOf('producer'),
  label: v.optional(text(80)),
  to: nodeId,
  arrival: DistSchema,
  count: v.optional(integerIn(1, LIMITS.count)),
  startMs: v.optional(nonNegativeNumber(LIMITS.durationMs)),
  bursts: v.optional(strictObject({ onMs: msSchema, offMs: msSchema })),
  routingKey: v.optional(routingKey),
  templates: v.optional(
    v.pipe(
      arrayOf(TemplateSchema, LIMITS.templates, 'templates'),
      v.minLength(1, 'must hold at least one template'),
    ),
  ),
  pick: v.optional(oneOf(['random', 'cycle'] as const)),
  persistent: v.optional(bool),
  mandatory: v.optional(bool),
  confirms: v.optional(bool),
  publishRetry: v.optional(PublishRetrySchema),
  onBlocked: v.optional(oneOf(['wait', 'drop', 'retry'] as const)),
  bufferLimit: v.optional(integerIn(1, LIMITS.bufferLimit)),
  retryAfterMs: v.optional(msSchema),
  ...logProducerFields,
});

export type Template = v.InferOutput<typeof TemplateSchema>;
export type ProducerNode = v.InferOutput<typeof ProducerSchema>;
