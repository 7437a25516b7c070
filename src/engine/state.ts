/**
 * The simulation state: plain data only (numbers, strings, booleans, arrays, records; no
 * classes, closures, Infinity or NaN), so a snapshot is a JSON copy and restoring it then
 * advancing gives exactly what never snapshotting gives.
 */
import type { EventHeap } from './heap';
import type { Histogram } from './histogram';
import type { Ring } from './ring';
import type { Series } from './series';
import type { Input } from './inputSchema';

/** A distribution compiled to microseconds. */
export type DistUs =
  | { dist: 'constant'; us: number }
  | { dist: 'uniform'; minUs: number; maxUs: number }
  | { dist: 'exponential'; meanUs: number }
  | { dist: 'lognormal'; mu: number; sigma: number; meanUs: number };

/** Where a live message is. Every live message is in exactly one of these places. */
export const Loc = {
  /** Published, travelling to the broker. */
  ToQueue: 0,
  /** Ready in a queue. */
  Ready: 1,
  /** Delivered, travelling to the consumer. */
  ToConsumer: 2,
  /** At the consumer, waiting for a free worker (prefetch above concurrency). */
  Buffered: 3,
  /** Being processed by a worker. */
  InService: 4,
  /** Processed; the ack is travelling back to the broker. */
  AckInFlight: 5,
} as const;
export type Loc = (typeof Loc)[keyof typeof Loc];

export interface Msg {
  /** Unique id of this message (copy), 1-based and never reused. */
  id: number;
  producer: number;
  queue: number;
  loc: Loc;
  /** Consumer holding it (delivered and unacked), else -1. */
  holder: number;
  publishedUs: number;
  /** When it last became ready in its queue (enqueue or requeue). */
  readyUs: number;
  /** Order of first enqueue in its queue; requeued messages go back in this order. */
  enqSeq: number;
  deliveredUs: number;
  serviceStartUs: number;
  deliveries: number;
  redelivered: boolean;
  /** Tag of the current delivery; 0 when not delivered. Stale heap events carry an older tag. */
  tag: number;
}

export interface ProducerState {
  node: number;
  queue: number;
  arrival: DistUs;
  /** Mean of the configured arrival distribution, µs; rate changes scale draws by rateScale. */
  baseMeanUs: number;
  rateScale: number;
  stream: number;
  paused: boolean;
  /** Burst phase: false while in an "off" period. */
  burstOn: boolean;
  bursts: { onUs: number; offUs: number } | null;
  startUs: number;
  /** Message limit (`count`), or -1 for unlimited. */
  limit: number;
  published: number;
  /** Generation: bumped to cancel the pending arrival event. */
  gen: number;
}

export interface QueueStats {
  enqueued: number;
  delivered: number;
  depthMax: number;
  /** ∫ depth dt in msg·µs, for the time-weighted mean depth. */
  depthAreaUs: number;
  depthChangedUs: number;
  waitSumUs: number;
  depthSeries: Series;
}

export interface QueueState {
  node: number;
  ready: Ring;
  consumers: number[];
  /** Round-robin cursor into `consumers`. */
  rr: number;
  nextEnqSeq: number;
  stats: QueueStats;
}

export interface ConsumerStats {
  delivered: number;
  acked: number;
  redelivered: number;
  latency: Histogram;
  wait: Histogram;
  service: Histogram;
  ackSeries: Series;
  /** Σ busy workers × µs, for utilisation. */
  busyAreaUs: number;
  busyChangedUs: number;
}

export interface ConsumerState {
  node: number;
  queue: number;
  up: boolean;
  concurrency: number;
  /** Unacked deliveries allowed per worker; 0 = unlimited (R10). */
  prefetch: number;
  service: DistUs;
  stream: number;
  busy: number;
  /** Delivered messages waiting here for a free worker. */
  buffer: Ring;
  unacked: number;
  /** After a limit is lowered, unacked may exceed it until acks drain it (see invariants). */
  graceUnacked: number;
  stats: ConsumerStats;
}

export interface Totals {
  published: number;
  enqueued: number;
  delivered: number;
  redelivered: number;
  requeued: number;
  processed: number;
  acked: number;
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
  /** Ticks completed so far; simulated time at the tick boundary is tick · tickUs. */
  tick: number;
  endTick: number;
  nowUs: number;
  linkLatencyUs: number;
  /** Scheduling sequence for heap ties. */
  seq: number;
  heap: EventHeap;
  rng: number[];
  nodeIds: string[];
  nodeKinds: string[];
  /** Index of each node within its kind's array (producers, queues or consumers). */
  nodeIndex: number[];
  producers: ProducerState[];
  queues: QueueState[];
  consumers: ConsumerState[];
  /** Live messages by slot; a slot is null once its message reaches a final fate. */
  msgs: (Msg | null)[];
  freeSlots: number[];
  nextMsgId: number;
  nextTag: number;
  totals: Totals;
  schedule: ScheduledInputState[];
}
