/** Exchanges route each published message to zero or more queues through their bindings. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import {
  arrayOf,
  headerMap,
  literalOf,
  nodeId,
  oneOf,
  routingKey,
  strictObject,
  text,
} from './schemaHelpers';

export const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers'] as const;
export const HEADER_MATCH = ['all', 'any', 'all-with-x', 'any-with-x'] as const;

export const BindingSchema = strictObject({
  queue: nodeId,
  /** Binding key for direct and topic exchanges (topic: `*` one word, `#` zero or more). */
  key: v.optional(routingKey),
  /** Headers a message must carry (headers exchanges). */
  headers: v.optional(headerMap),
  /** x-match: all (default) or any; the -with-x forms also compare x- headers (R4). */
  match: v.optional(oneOf(HEADER_MATCH)),
});

export const ExchangeSchema = strictObject({
  id: nodeId,
  kind: literalOf('exchange'),
  label: v.optional(text(80)),
  type: oneOf(EXCHANGE_TYPES),
  bindings: v.optional(arrayOf(BindingSchema, LIMITS.bindings, 'bindings')),
  alternateExchange: v.optional(nodeId),
});

export type Binding = v.InferOutput<typeof BindingSchema>;
export type ExchangeNode = v.InferOutput<typeof ExchangeSchema>;
