/**
 * The Kafka-style log broker's state (issue 5): topics of partitions, each an append-only log of
 * records with immutable offsets, replicated on a cluster of log brokers; consumer groups and
 * their members; producer sends in flight. Plain data like the rest of the state.
 */
import type { Histogram } from './histogram';
import type { LatencySeries } from './latencySeries';
import type { Series } from './series';
import type { DistUs } from './state';

/** Records of one partition, in offset order, as parallel arrays (a compacted log has gaps). */
export interface PartitionLog {
  /** Offsets of the records kept (increasing; gaps after compaction). */
  off: number[];
  origin: number[];
  /** Key id (index into LogState.keys), or -1 for no key. */
  key: number[];
  tsUs: number[];
  bytes: number[];
  /** Producer index and sequence number (for idempotence). */
  pid: number[];
  seq: number[];
  /** Flags: 1 tombstone, 2 transactional, 4 aborted, 8 control marker. */
  flags: number[];
  /** Transaction id of a transactional record (0 otherwise). */
  txn: number[];
}

export interface PartitionState {
  log: PartitionLog;
  /** Log start offset: records below were deleted by retention. */
  start: number;
  /** Log end offset (next offset to write) on the leader. */
  end: number;
  /** High watermark: records below it are on every in-sync replica (committed, K15). */
  hw: number;
  /** Brokers holding a replica, first = preferred leader. */
  replicas: number[];
  /** Log end offset of each replica (same order as replicas). */
  repEnd: number[];
  /** In-sync replicas (broker ids). */
  isr: number[];
  /** Current leader broker, or -1 when the partition is offline. */
  leader: number;
  /** Bumped at each leader change: replication scheduled under an old leader is void. */
  epoch: number;
  bytes: number;
  /** Open transactions' first offsets, by transaction id (for the last stable offset). */
  openTxn: Record<string, number>;
  /** Records lost to truncation after a leader change. */
  truncated: number;
  /** Paused by an input (K18): its owner fetches nothing from it, without a rebalance. */
  paused: boolean;
  /** Send slots of acks=all writes waiting for the high watermark to pass them. */
  waiters: number[];
  /** Highest sequence number appended, per producer (idempotence, K11; reordering, K3). */
  lastSeq: Record<string, number>;
}

export interface TopicState {
  node: number;
  parts: PartitionState[];
  rf: number;
  minIsr: number;
  replicationUs: number;
  unclean: boolean;
  compact: boolean;
  retentionUs: number;
  retentionBytes: number;
  segmentRecords: number;
  deleteRetentionUs: number;
  stats: {
    appended: number;
    duplicatesDropped: number;
    notEnoughReplicas: number;
    offline: number;
    deletedByRetention: number;
    compactedAway: number;
    truncated: number;
    /** Records acknowledged to a producer, then lost to a leader change. */
    ackedLost: number;
    outOfOrder: number;
  };
}

/** A producer's send of one record, in flight or waiting to retry. */
export interface LogSend {
  id: number;
  producer: number;
  topic: number;
  partition: number;
  origin: number;
  key: number;
  seq: number;
  attempt: number;
  createdUs: number;
  /** 1 tombstone. */
  flags: number;
  /** Offset written at, or -1. */
  offset: number;
  /** Acknowledged to the producer already (acks=1 or all). */
  acked: boolean;
  /** 0 travelling, 1 appended and waiting for replication (acks=all), 2 response on the way, 3 backoff. */
  stage: number;
  ok: boolean;
  /** Refused for a sequence gap (an earlier record is being retried): try again soon, free. */
  gap: boolean;
}

export interface LogProducerState {
  producer: number;
  topic: number;
  acks: number;
  idempotent: boolean;
  retries: number;
  requestTimeoutUs: number;
  maxInFlight: number;
  lostResponses: number;
  recordBytes: number;
  keyIds: number[];
  keyStream: number;
  respStream: number;
  /** Next sequence number per partition. */
  nextSeq: number[];
  /** Round-robin partition for keyless records. */
  rr: number;
  inFlight: number;
  /** Records waiting for a free in-flight slot: packed [origin, key, flags, createdUs]. */
  backlog: number[];
  stats: {
    sent: number;
    acked: number;
    failed: number;
    retries: number;
    lostResponses: number;
    ackLatency: Histogram;
  };
}

export interface GroupState {
  id: string;
  topic: number;
  members: number[];
  generation: number;
  /** Owner member per partition, or -1. */
  owner: number[];
  /** Committed offset per partition, or -1 (none). */
  committed: number[];
  /** Where the group first started reading each partition (-1 until it did). */
  from: number[];
  /** Consumption stopped until this time (a rebalance), per partition. */
  pausedUntilUs: number[];
  rebalances: number;
  assignor: 'range' | 'cooperative-sticky';
  pauseUs: number;
  reset: 'earliest' | 'latest';
  /** Effects applied per record origin (the group's ledger). */
  effects: Record<string, number>;
  /** The idempotent consumer's processed-ids table (P2), shared by the group's members; or null. */
  dedup: Record<string, 1> | null;
  /** Records skipped because retention deleted them before the group read them (K8, K9). */
  skipped: number;
  commitFailed: number;
  /** Records no longer in the log (deleted by retention), classified when they went. */
  final: { exactlyOnce: number; duplicated: number; extraEffects: number; lost: number };
  stats: {
    processed: number;
    latency: Histogram;
    /** For charts: lag (gauge, read at the end of each busy tick: levels.ts), records processed, record latency. */
    lagSeries: Series;
    processedSeries: Series;
    latencySeries: LatencySeries;
  };
}

export interface MemberState {
  node: number;
  /** Service index when this is a service's consuming side, else -1. */
  svc: number;
  /** Service-time factor (a slow or recovering service), 1 normally. */
  slowdown: number;
  group: number;
  up: boolean;
  /** In the group (joined and not evicted). */
  joined: boolean;
  service: DistUs;
  stream: number;
  failStream: number;
  failureP: number;
  commit: 'auto' | 'before' | 'after';
  autoCommitUs: number;
  lastAutoCommitUs: number;
  maxPoll: number;
  readCommitted: boolean;
  sessionUs: number;
  maxPollIntervalUs: number;
  lastPollUs: number;
  /** Next offset to read, per partition (-1: not assigned / unknown). */
  position: number[];
  /** Current batch: partition and offset of each record, and the index being processed. */
  batchPart: number[];
  batchOff: number[];
  batchAt: number;
  /** Token of the pending processing / poll event (older events are void). */
  token: number;
  /** Waiting for data (woken by an append or a watermark move). */
  idle: boolean;
  rr: number;
  crashWindow: number;
  crashRestartUs: number;
  /** Removed by a consumerRemoved input: leaving (finishing its record) or gone for good. */
  removed: boolean;
  /** Read-process-write output topic, or -1; transactional or not (K12). */
  outTopic: number;
  transactional: boolean;
  txnCommitUs: number;
  /** Open transaction id (0 when none) and the output partitions it wrote to. */
  txn: number;
  txnParts: number[];
  stats: {
    polls: number;
    processed: number;
    effects: number;
    duplicatesSkipped: number;
    commits: number;
    evictions: number;
    busyUs: number;
    outputs: number;
    txnCommitted: number;
    txnAborted: number;
  };
}

export interface LogState {
  brokersUp: boolean[];
  keys: string[];
  keyIndex: Record<string, number>;
  topics: TopicState[];
  producers: LogProducerState[];
  /** Producer index → its LogProducerState index, or -1. */
  producerLog: number[];
  sends: (LogSend | null)[];
  freeSends: number[];
  groups: GroupState[];
  members: MemberState[];
  nextToken: number;
  /** Period of the retention and compaction check, or 0 when no topic needs one. */
  retentionCheckUs: number;
}
