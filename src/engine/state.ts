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
import type { Input } from './inputSchema';
import type { Delivery, Msg, PendingPublish } from './stateMessages';
import type {
  BrokerState,
  ConsumerState,
  ExchangeState,
  ProducerState,
  QueueState,
  TemplateState,
} from './stateNodes';
import type { FlowState, Req, ServiceState } from './stateServices';
import type { LogState } from './stateLog';

export * from './stateMessages';
export * from './stateNodes';
export * from './stateServices';
export * from './stateLog';

/** A distribution compiled to microseconds. */
export type DistUs =
  | { dist: 'constant'; us: number }
  | { dist: 'uniform'; minUs: number; maxUs: number }
  | { dist: 'exponential'; meanUs: number }
  | { dist: 'lognormal'; mu: number; sigma: number; meanUs: number };

export interface Totals {
  published: number;
  routedCopies: number;
  redelivered: number;
  requeued: number;
  processed: number;
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
  services: ServiceState[];
  /** Live service requests (null when free), like msgs. */
  reqs: (Req | null)[];
  freeReqs: number[];
  /** Request ids and call tokens, from one counter so every token is unique. */
  nextReq: number;
  flow: FlowState;
  log: LogState;
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
