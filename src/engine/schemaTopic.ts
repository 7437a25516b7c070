/**
 * Topic nodes (issue 5): a Kafka-style log of N partitions, replicated on a cluster of log
 * brokers, with time and size retention (whole segments) or compaction.
 */
import * as v from 'valibot';
import { msSchema } from './schemaDist';
import {
  bool,
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  oneOf,
  strictObject,
  text,
} from './schemaHelpers';

export const TopicSchema = strictObject({
  id: nodeId,
  kind: literalOf('topic'),
  label: v.optional(text(80)),
  partitions: v.optional(integerIn(1, 256)),
  /** Copies of each partition, on different log brokers (K15). */
  replicationFactor: v.optional(integerIn(1, 9)),
  /** With acks=all, a write needs this many in-sync replicas (K14). */
  minInsyncReplicas: v.optional(integerIn(1, 9)),
  /** Time for followers to copy a record from the leader. */
  replicationMs: v.optional(nonNegativeNumber(60_000)),
  /** Elect an out-of-sync replica when no in-sync one is left (K15): available, but loses data. */
  uncleanLeaderElection: v.optional(bool),
  /** cleanup.policy (K9, K10). */
  cleanupPolicy: v.optional(oneOf(['delete', 'compact'] as const)),
  retentionMs: v.optional(msSchema),
  /** Per partition; records count their producer's recordBytes. */
  retentionBytes: v.optional(integerIn(1, 1e12)),
  /** Records per segment: retention deletes and compaction cleans whole closed segments. */
  segmentRecords: v.optional(integerIn(1, 1_000_000)),
  /** How long a tombstone stays after compaction (delete.retention.ms). */
  deleteRetentionMs: v.optional(msSchema),
});

export type TopicNode = v.InferOutput<typeof TopicSchema>;

export const COMMIT_POLICIES = ['auto', 'before', 'after'] as const;
export const ASSIGNORS = ['range', 'cooperative-sticky'] as const;

/** Fields of a consumer that reads a topic (a member of a consumer group). */
export const logConsumerFields = {
  group: v.optional(nodeId),
  /** Join the group at this time (a new service arriving later), not at the start. */
  startMs: v.optional(nonNegativeNumber(7 * 24 * 3600 * 1000)),
  /** When offsets are committed: auto (on an interval, inside poll), before or after processing (K6, K7). */
  commit: v.optional(oneOf(COMMIT_POLICIES)),
  autoCommitIntervalMs: v.optional(msSchema),
  maxPollRecords: v.optional(integerIn(1, 100_000)),
  autoOffsetReset: v.optional(oneOf(['earliest', 'latest'] as const)),
  isolation: v.optional(oneOf(['read_uncommitted', 'read_committed'] as const)),
  sessionTimeoutMs: v.optional(msSchema),
  maxPollIntervalMs: v.optional(msSchema),
  assignor: v.optional(oneOf(ASSIGNORS)),
  /** Read-process-write: each processed record writes one record (same key) to this topic. */
  output: v.optional(strictObject({ to: nodeId, transactional: v.optional(bool) })),
  /** Time to commit a transaction (markers and offsets), the price of exactly-once (K12). */
  transactionCommitMs: v.optional(nonNegativeNumber(60_000)),
  /** How long a rebalance stops consumption (of every partition, or only of moved ones with cooperative-sticky). */
  rebalancePauseMs: v.optional(nonNegativeNumber(600_000)),
};

/** Fields of a producer that writes to a topic. */
export const logProducerFields = {
  /** Keys: `count` distinct keys `prefix0 … prefix(count-1)`, one drawn at random per record. */
  keys: v.optional(strictObject({ count: integerIn(1, 1_000_000), prefix: v.optional(text(40)) })),
  acks: v.optional(
    v.union([literalOf(0), literalOf(1), literalOf('all')], 'must be 0, 1 or "all"'),
  ),
  idempotent: v.optional(bool),
  /** Attempts beyond the first for a failed or unanswered send. */
  retries: v.optional(integerIn(0, 1000)),
  requestTimeoutMs: v.optional(msSchema),
  maxInFlight: v.optional(integerIn(1, 100)),
  /** Share of responses lost on the way back (the record was written; the producer cannot know). */
  lostResponses: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  recordBytes: v.optional(integerIn(1, 10_000_000)),
};
