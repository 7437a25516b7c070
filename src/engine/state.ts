/**
 * The simulation state: plain data only (numbers, strings, booleans, arrays, records; no
 * classes, closures, Infinity or NaN), so a snapshot is a JSON copy and restoring it then
 * advancing gives exactly what never snapshotting gives.
 *
 * Two kinds of record describe messages:
 * - a Msg is one copy of a message in the broker (one per queue it was routed to);
 * - a Delivery is a consumer's work on a copy it received. The broker may take a copy back
 *   (crash, ack timeout, visibility timeout) while the consumer still works on it, so the two
 *   live and die separately; an ack whose tag no longer matches the copy is stale.
 */
import type { EventHeap } from './heap';
import type { Histogram } from './histogram';
import type { Ring } from './ring';
import type { Series } from './series';
import type { Input } from './inputSchema';
import type { Ledger } from './ledger';

/** A distribution compiled to microseconds. */
export type DistUs =
  | { dist: 'constant'; us: number }
  | { dist: 'uniform'; minUs: number; maxUs: number }
  | { dist: 'exponential'; meanUs: number }
  | { dist: 'lognormal'; mu: number; sigma: number; meanUs: number };

/** Where a live copy is, from the broker's point of view. */
export const Loc = {
  /** Published, travelling to the broker. */
  ToQueue: 0,
  /** Ready in a queue. */
  Ready: 1,
  /** Delivered and not yet acked (the delivery with `tag` holds it). */
  Unacked: 2,
  /** Waiting in the broker for a delayed retry. */
  RetryWait: 3,
  /** The broker is done with it, but a consumer still works on it (auto-ack, stale delivery). */
  Detached: 4,
} as const;
export type Loc = (typeof Loc)[keyof typeof Loc];

/** Where a delivery is, at the consumer. */
export const DLoc = {
  /** Travelling from the broker to the consumer. */
  ToConsumer: 0,
  /** At the consumer, waiting for a free worker (prefetch above concurrency). */
  Buffered: 1,
  /** Being processed by a worker. */
  InService: 2,
  /** Processed; the ack (or nack) is travelling back to the broker. */
  AckInFlight: 3,
} as const;
export type DLoc = (typeof DLoc)[keyof typeof DLoc];

/** x-death entry (R16): why and how often this copy was dead-lettered from a queue. */
export interface Death {
  queue: number;
  reason: DeathReason;
  count: number;
}
export type DeathReason =
  'rejected' | 'expired' | 'maxlen' | 'delivery_limit' | 'max_receive_count';

export interface Msg {
  /** Unique id of this copy, 1-based and never reused. */
  id: number;
  /** The business message id, shared by every copy and every publish attempt of it. */
  origin: number;
  producer: number;
  /** Index of the producer's template it was built from. */
  tpl: number;
  queue: number;
  /** The queue the copy was first routed to: its ledger. */
  home: number;
  loc: Loc;
  /** Consumer holding the current delivery, else -1. */
  holder: number;
  /** Tag of the current delivery; 0 when not delivered. */
  tag: number;
  publishedUs: number;
  /** When it last became ready in its queue (enqueue or requeue). */
  readyUs: number;
  /** Order of first enqueue in its queue; requeued messages go back in this order. */
  enqSeq: number;
  priority: number;
  /** Expiry time (enqueue + min(queue TTL, message TTL)), or -1. */
  expiresUs: number;
  /** Per-message TTL (expiration), or -1; stripped when dead-lettered (R16). */
  msgTtlUs: number;
  /** Slot of the current delivery in `deliveries`, or -1. */
  dslot: number;
  /** Time of the latest delivery (for the TTL invariant). */
  deliveredUs: number;
  persistent: boolean;
  /** Written to disk (persistent copies in durable queues, after the next flush). */
  written: boolean;
  poison: boolean;
  /** Deliveries from the current queue (the SQS receive count). */
  deliveries: number;
  redelivered: boolean;
  /** Failed processing attempts so far. */
  failures: number;
  /** Returns counted toward a quorum queue's delivery limit (R32). */
  returns: number;
  /** Previous delay of a decorrelated-jitter retry, µs. */
  lastDelayUs: number;
  deaths: Death[];
  /** Business effects applied for this copy (the delivery-guarantee ledger). */
  effects: number;
  /** Live deliveries that still refer to this copy. */
  refs: number;
  /** Slot and id of the publish attempt that created it (for confirms), or -1. */
  pub: number;
  pubId: number;
  /** Its publisher still waits for this copy to be accepted (and written) before confirming. */
  confirmPending: boolean;
  /** The home queue's ledger tracks this message by id (its producer retries publishes). */
  tracked: boolean;
  /** Why the broker let go of it ('' while the broker still holds it). */
  fate: string;
}

export interface Delivery {
  tag: number;
  /** Slot of the copy in `msgs`. */
  slot: number;
  consumer: number;
  loc: DLoc;
  deliveredUs: number;
  serviceStartUs: number;
  /** False once the broker took the copy back or forgot the channel; its ack is then stale. */
  valid: boolean;
  /** Auto-ack: the broker forgot the copy when it delivered it. */
  autoAcked: boolean;
  /** Processing failed: what travels back is a nack or reject, not an ack. */
  failed: boolean;
}

/** A publish attempt waiting for its confirm (publisher confirms, R25). */
export interface PendingPublish {
  id: number;
  producer: number;
  origin: number;
  tpl: number;
  attempt: number;
  poison: boolean;
  sentUs: number;
  /** Copies still to be accepted (and written, if persistent and durable). */
  waiting: number;
  nacked: boolean;
  /** Routed and reached the broker (confirm possible). */
  arrived: boolean;
  /** The confirm was sent (ack or nack); it may still be travelling. */
  settled: boolean;
  /** The broker lost it (crash) before confirming: no confirm will come. */
  brokerLost: boolean;
  /** The producer stopped waiting (timeout) and sent a new attempt. */
  abandoned: boolean;
}

export interface ProducerState {
  node: number;
  /** Node index of the target (queue or exchange). */
  target: number;
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
  delivered: number;
  depthMax: number;
  waitSumUs: number;
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
  /** The held count crossed the watermark; the alarm flips after the current event. */
  alarmPending: boolean;
  /** Copies held in queues (ready, unacked, waiting to retry). */
  held: number;
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
  busyAreaUs: number;
  busyChangedUs: number;
  attempts: Histogram;
}

export interface ConsumerState {
  node: number;
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
  crashWindow: 'afterReceive' | 'afterEffect' | 'afterAck' | null;
  crashRestartUs: number;
  stats: ConsumerStats;
}

export interface Totals {
  published: number;
  routedCopies: number;
  enqueued: number;
  delivered: number;
  redelivered: number;
  requeued: number;
  processed: number;
  acked: number;
  /** Copies that left the system for good without an ack, by reason. */
  gone: Record<string, number>;
  /** Messages that never became a copy in any queue, by reason (unroutable, producer drops, broker down). */
  notRouted: Record<string, number>;
  deadLettered: number;
  unroutable: number;
  returned: number;
  effects: number;
  duplicateEffects: number;
}

export interface ScheduledInputState {
  atUs: number;
  input: Input;
}

export interface SimState {
  formatVersion: 1;
  name: string;
  seed: number;
  tickUs: number;
  tick: number;
  endTick: number;
  nowUs: number;
  linkLatencyUs: number;
  seq: number;
  heap: EventHeap;
  rng: number[];
  nodeIds: string[];
  nodeKinds: string[];
  /** Index of each node within its kind's array. */
  nodeIndex: number[];
  producers: ProducerState[];
  exchanges: ExchangeState[];
  queues: QueueState[];
  consumers: ConsumerState[];
  broker: BrokerState;
  /** Bumped at every broker crash: publishes in transit from an older epoch are lost. */
  brokerEpoch: number;
  /** Template data by producer: [routingKey, headers, priority, ttlUs, poison]. */
  templates: TemplateState[][];
  msgs: (Msg | null)[];
  freeSlots: number[];
  deliveries: (Delivery | null)[];
  freeDeliveries: number[];
  pubs: (PendingPublish | null)[];
  freePubs: number[];
  nextMsgId: number;
  nextOrigin: number;
  nextTag: number;
  nextPub: number;
  totals: Totals;
  schedule: ScheduledInputState[];
  /** Restarts requested by crash inputs with restartAfterMs. */
  restarts: Input[];
  /** Some queue or template sets a TTL (otherwise expiry work is skipped). */
  anyTtl: boolean;
}

export interface TemplateState {
  routingKey: string;
  headers: Record<string, string | number> | null;
  priority: number;
  ttlUs: number;
  poison: boolean;
}
