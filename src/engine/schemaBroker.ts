/**
 * The broker that hosts the queues and exchanges. Optional: without a broker node the scenario
 * runs on an implicit one that writes to disk at once and never raises an alarm.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';
import {
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  strictObject,
  text,
} from './schemaHelpers';

export const BrokerSchema = strictObject({
  id: nodeId,
  kind: literalOf('broker'),
  label: v.optional(text(80)),
  /** Persistent messages in durable queues are written to disk in batches this often (fsync). */
  persistIntervalMs: v.optional(nonNegativeNumber(60_000)),
  /** Memory alarm: publishing is blocked while the broker holds this many messages or more. */
  memoryHighWatermark: v.optional(integerIn(1, LIMITS.maxLength)),
});

export type BrokerNode = v.InferOutput<typeof BrokerSchema>;
