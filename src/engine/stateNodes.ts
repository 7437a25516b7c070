/** Per-node state: producers, queues, exchanges, the broker and consumers, with their stats. */
import type { Histogram } from './histogram';
import type { Ledger } from './ledger';
import type { Ring } from './ring';
import type { Series } from './series';
import type { DistUs } from './state';

export interface ProducerState {
  node: number;
  /** Service index when the producer is a client sending requests to a service, else -1. */
  toService: number;
  /** Node index of the target (queue or exchange). */
  target: number;
  /** Queue index when the target is a queue (the default exchange, R5), else -1. */
  targetQueue: number;
  arrival: DistUs;
  baseMeanUs: number;
  rateScale: number;
  stream: number;
  paused: boolean;
  burstOn: boolean;
  bursts: { onUs: number; offUs: number } | null;
  startUs: number;
  limit: number;
  /** Messages created (origins), whether or not sent yet. */
  created: number;
  gen: number;
  /** Cumulative template weights for random picks; one entry = a single template. */
  tplCum: number[];
  tplStream: number;
  cycle: boolean;
  nextTpl: number;
  persistent: boolean;
  mandatory: boolean;
  confirms: boolean;
  retry: { timeoutUs: number; maxAttempts: number; backoffUs: number } | null;
  onBlocked: 'wait' | 'drop' | 'retry';
  bufferLimit: number;
  retryAfterUs: number;
  /** Messages waiting at the producer (blocked broker): packed [origin, tpl, poison, createdUs, attempt]. */
  buffer: number[];
  blockedSinceUs: number;
  stats: ProducerStats;
}

export interface ProducerStats {
  published: number;
  attempts: number;
  confirmedAck: number;
  confirmedNack: number;
  missingConfirms: number;
  retries: number;
  returned: number;
  dropped: number;
  droppedBufferFull: number;
  blockedUs: number;
  bufferMax: number;
  confirmLatency: Histogram;
  /** Creation → first send: how long backpressure held messages at the producer. */
  sendDelay: Histogram;
}

export interface QueueStats {
  enqueued: number;
  depthMax: number;
  /** Time-weighted depth: its integral also gives the mean depth of the whole run. */
  depthSeries: Series;
  acked: number;
  expired: number;
  deadLettered: Record<string, number>;
  discarded: Record<string, number>;
  requeued: number;
  rejectedPublish: number;
  outOfOrder: number;
  maxDeliveredSeq: number;
}

export interface QueueState {
  node: number;
  type: 'classic' | 'quorum' | 'sqs';
  /** type === 'sqs', kept as a flag for the per-message checks. */
  sqs: boolean;
  durable: boolean;
  /** Ready messages, one ring per priority level (index = priority). */
  levels: Ring[];
  readyCount: number;
  consumers: number[];
  rr: number;
  nextEnqSeq: number;
  ttlUs: number;
  maxLength: number;
  overflow: 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
  /** Node index of the dead-letter target (exchange or queue), or -1. */
  dlx: number;
  dlxKey: string | null;
  deliveryLimit: number;
  countAllReturns: boolean;
  sac: boolean;
  activeConsumer: number;
  ackTimeoutUs: number;
  visibilityUs: number;
  maxReceiveCount: number;
  /** Time of the pending expiry check, or -1. */
  expiryAtUs: number;
  ledger: Ledger;
  stats: QueueStats;
}

export interface ExchangeState {
  node: number;
  type: 'direct' | 'fanout' | 'topic' | 'headers';
  bindings: {
    queue: number;
    key: string;
    headers: Record<string, string | number> | null;
    match: string;
  }[];
  /** Node index of the alternate exchange, or -1. */
  alternate: number;
  stats: { routed: number; unroutable: number; copies: number };
}

export interface BrokerState {
  node: number;
  up: boolean;
  persistIntervalUs: number;
  /** Slots of copies waiting for the next disk flush. */
  unwritten: number[];
  flushAtUs: number;
  watermark: number;
  alarm: boolean;
  /** `held` crossed a threshold; the alarm flips after the current event. */
  alarmPending: boolean;
  /** Publishes on their way to the broker (sent, not arrived). */
  incoming: number;
  /** Producers holding messages because the broker refused publishes. */
  waiting: number;
  /** Copies held in queues (ready, unacked, waiting to retry). */
  held: number;
  /**
   * Publishes that arrived during a memory alarm: the blocked connections are not read (R30),
   * so they wait here, in order, packed [producer, origin, template, poison, sentUs, publish slot].
   */
  door: number[];
  stats: {
    crashes: number;
    alarms: number;
    alarmUs: number;
    alarmSinceUs: number;
    flushes: number;
  };
}

export interface ConsumerStats {
  delivered: number;
  acked: number;
  redelivered: number;
  failed: number;
  effects: number;
  duplicatesSkipped: number;
  staleAcks: number;
  latency: Histogram;
  wait: Histogram;
  service: Histogram;
  ackSeries: Series;
  /** Worker time spent on work a crash threw away (busy time not in the service histogram). */
  lostBusyUs: number;
  /** Acks that needed more than one processing attempt, the retries they took, the most attempts. */
  retriedAcks: number;
  retriesOfAcked: number;
  attemptsMax: number;
}

/** Where an armed consumer dies (a number: checked on every message, so kept cheap to compare). */
export const CrashPoint = { None: 0, AfterReceive: 1, AfterEffect: 2, AfterAck: 3 } as const;
export type CrashPoint = (typeof CrashPoint)[keyof typeof CrashPoint];

export interface ConsumerState {
  node: number;
  /** Service index when this is a service's consuming side, else -1. */
  svc: number;
  /** Service-time factor of the whole consumer (a slow or recovering service), 1 normally. */
  slowdown: number;
  queue: number;
  up: boolean;
  concurrency: number;
  prefetch: number;
  service: DistUs;
  stream: number;
  failStream: number;
  retryStream: number;
  /** Seed for the per-message poison/slow choice (a hash, so it is stable across attempts). */
  pickSeed: number;
  busy: number;
  /** Delivery slots waiting here for a free worker. */
  buffer: Ring;
  /** Valid deliveries not yet acked (the prefetch window). */
  unacked: number;
  graceUnacked: number;
  autoAck: boolean;
  failure: {
    /** Any of the below is set (otherwise the per-message checks are skipped). */
    active: boolean;
    probability: number;
    poisonShare: number;
    poisonIds: number[];
    slowShare: number;
    slowFactor: number;
  };
  retry: {
    policy:
      | 'requeue'
      | 'reject'
      | 'fixed'
      | 'exponential'
      | 'full-jitter'
      | 'equal-jitter'
      | 'decorrelated-jitter';
    baseUs: number;
    capUs: number;
    maxAttempts: number;
    reject: boolean;
  };
  /** Idempotency store: processed origin ids with the time they were recorded (FIFO). */
  dedup: {
    size: number;
    retentionUs: number;
    ids: number[];
    atUs: number[];
    head: number;
    set: Record<string, 1>;
  } | null;
  /** Armed crash: the consumer dies at the next point of this kind. */
  crashWindow: CrashPoint;
  crashRestartUs: number;
  /** Removed by a consumerRemoved input: cancelled for good (its work in progress still ends). */
  removed: boolean;
  stats: ConsumerStats;
}

export interface TemplateState {
  /** Record key id on a topic, or -1. */
  keyId: number;
  tombstone: boolean;
  routingKey: string;
  headers: Record<string, string | number> | null;
  priority: number;
  ttlUs: number;
  poison: boolean;
}
