/** The shape of a run's report (see metrics.ts for how each number is read from the state). */
import type { FlowReport, ServiceReport } from './flowReport';
import type { GroupReport, LogProducerReport, MemberReport, TopicReport } from './logReport';

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LedgerReport {
  exactlyOnce: number;
  duplicated: number;
  extraEffects: number;
  lost: number;
  lostByReason: Record<string, number>;
  open: number;
  duplicatedIds: number[];
  lostIds: number[];
}

export interface QueueReport {
  depth: number;
  /** Ready copies per priority level, level 0 first (one entry for a plain queue). */
  readyByPriority: number[];
  depthMax: number;
  depthMean: number;
  unacked: number;
  retryWaiting: number;
  enqueued: number;
  delivered: number;
  acked: number;
  arrivalRatePerSec: number;
  meanWaitMs: number;
  requeued: number;
  expired: number;
  deadLettered: Record<string, number>;
  discarded: Record<string, number>;
  rejectedPublish: number;
  outOfOrder: number;
  ledger: LedgerReport;
}

export interface ConsumerReport {
  up: boolean;
  /** Removed by a consumerRemoved input (still finishing its work in progress, or gone). */
  removed: boolean;
  ackMode: 'manual' | 'auto';
  /** Transient failure probability per attempt (settable by an input). */
  failureProbability: number;
  concurrency: number;
  prefetch: number;
  busy: number;
  unacked: number;
  delivered: number;
  redelivered: number;
  acked: number;
  failed: number;
  effects: number;
  duplicatesSkipped: number;
  staleAcks: number;
  idempotencyStore: number;
  throughputPerSec: number;
  utilisation: number;
  /** Processing attempts per acked copy: mean (1 = all at the first try), how many needed a retry, the most. */
  attempts: { mean: number; retried: number; max: number };
  latencyMs: LatencySummary;
  waitMs: LatencySummary;
  serviceMs: LatencySummary;
}

export interface ProducerReport {
  published: number;
  paused: boolean;
  ratePerSec: number;
  attempts: number;
  retries: number;
  confirmedAck: number;
  confirmedNack: number;
  missingConfirms: number;
  returned: number;
  dropped: number;
  buffered: number;
  bufferMax: number;
  blockedMs: number;
  confirmLatencyMs: LatencySummary;
  sendDelayMs: LatencySummary;
}

export interface ExchangeReport {
  routed: number;
  unroutable: number;
  copies: number;
}

export interface BrokerReport {
  id: string;
  up: boolean;
  alarm: boolean;
  held: number;
  unwritten: number;
  crashes: number;
  alarms: number;
  alarmMs: number;
}

export interface RunReport {
  scenario: string;
  seed: number;
  tick: number;
  simulatedMs: number;
  totals: {
    published: number;
    routedCopies: number;
    enqueued: number;
    delivered: number;
    redelivered: number;
    requeued: number;
    processed: number;
    acked: number;
    inFlight: number;
    throughputPerSec: number;
    deadLettered: number;
    unroutable: number;
    returned: number;
    effects: number;
    duplicateEffects: number;
    gone: Record<string, number>;
    notRouted: Record<string, number>;
  };
  /** Where the live messages are right now (copies in the broker, deliveries at consumers). */
  places: {
    ready: number;
    unacked: number;
    retryWaiting: number;
    toConsumer: number;
    buffered: number;
    inService: number;
    ackInFlight: number;
    detached: number;
  };
  broker: BrokerReport;
  producers: Record<string, ProducerReport>;
  exchanges: Record<string, ExchangeReport>;
  queues: Record<string, QueueReport>;
  consumers: Record<string, ConsumerReport>;
  /** Service nodes (issue 4); empty without services. */
  services: Record<string, ServiceReport>;
  /** Orders through a service flow; null without services. */
  flow: FlowReport | null;
  /** The log broker (issue 5); empty without topics. */
  topics: Record<string, TopicReport>;
  groups: Record<string, GroupReport>;
  /** Consumer-group members by id. */
  members: Record<string, MemberReport>;
  logProducers: Record<string, LogProducerReport>;
  /** Log brokers up, by id. */
  logBrokers: boolean[];
}
