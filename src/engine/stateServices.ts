/**
 * Services, their requests and the order ledger (issue 4): plain data like the rest of the
 * state. A request is one call of one service (from a client or from another service); a
 * service's worker holds it from the start of its work until the reply leaves, including the
 * time it waits on the calls it makes downstream (blocking).
 */
import type { Histogram } from './histogram';
import type { Ring } from './ring';
import type { LatencySeries } from './latencySeries';
import type { Series } from './series';
import type { DistUs } from './state';

/** Service mode as a number, checked on every request. */
export const Mode = { Up: 0, Down: 1, Slow: 2, Recovering: 3 } as const;
export const MODE_NAMES = ['up', 'down', 'slow', 'recovering'] as const;

/** Where a request is. */
export const RLoc = {
  /** On the wire to the service. */
  ToService: 0,
  /** Waiting for a free worker. */
  Waiting: 1,
  /** A worker does the local work. */
  InService: 2,
  /** The worker waits on a downstream call (blocked). */
  Calling: 3,
  /** The worker waits to retry a failed call (still blocked). */
  Backoff: 4,
  /** Done: the reply is on its way back to the caller. */
  Replying: 5,
} as const;

export const Outcome = { None: 0, Ok: 1, Failed: 2, Rejected: 3 } as const;

export interface Req {
  id: number;
  origin: number;
  svc: number;
  /** Caller request slot, or -1 for a client order. */
  parent: number;
  /** The caller's call token this request answers (or the client producer for client orders). */
  token: number;
  /** A compensation (undo) request rather than the work itself. */
  undo: boolean;
  loc: number;
  /** Index of the call being made next (or being undone during compensation). */
  step: number;
  attempt: number;
  /** Token of the call this request waits on, or 0. */
  awaiting: number;
  /** Calls of this request that succeeded (a bit per call), for compensation. */
  okCalls: number;
  /** Compensating: undoing calls from `step` down to 0 before failing. */
  compensating: boolean;
  createdUs: number;
  arrivedUs: number;
  startUs: number;
  blockedSinceUs: number;
  outcome: number;
  /** Why it failed (an index into FAIL_REASONS), 0 while it has not. */
  why: number;
}

/** Why a request failed: refused by a down service, turned away by a full line, ... */
export const FAIL_REASONS = [
  '',
  'down',
  'full',
  'error',
  'timeout',
  'callFailed',
  'breakerOpen',
  'crashed',
] as const;
export const Why = {
  None: 0,
  Down: 1,
  Full: 2,
  Error: 3,
  Timeout: 4,
  CallFailed: 5,
  BreakerOpen: 6,
  Crashed: 7,
} as const;

export interface CallState {
  target: number;
  timeoutUs: number;
  maxAttempts: number;
  backoffUs: number;
  backoffCapUs: number;
  /** Circuit breaker for this call: 0 closed, 1 open, 2 half-open (a trial call is out). */
  breaker: number;
  failures: number;
  openUntilUs: number;
}

export interface ServiceStats {
  received: number;
  rejected: number;
  refused: number;
  succeeded: number;
  failed: number;
  effects: number;
  duplicateEffects: number;
  undone: number;
  callsMade: number;
  callRetries: number;
  callTimeouts: number;
  callFailures: number;
  lateReplies: number;
  breakerRejected: number;
  breakerOpened: number;
  compensations: number;
  compensationFailures: number;
  lostInCrash: number;
  waitingMax: number;
  /** Worker time: all of it, and the part spent waiting on downstream calls. */
  busyUs: number;
  blockedUs: number;
  /** Arrival at the service → reply sent. */
  response: Histogram;
  /** Busy workers over time (gauge, read at the end of each busy tick: levels.ts). */
  busySeries: Series;
}

export interface ServiceState {
  node: number;
  concurrency: number;
  service: DistUs;
  stream: number;
  failStream: number;
  failureP: number;
  mode: number;
  /** Service-time factor now (slow, recovering), 1 when up. */
  factor: number;
  slowFactor: number;
  queueLimit: number;
  waiting: Ring;
  busy: number;
  calls: CallState[];
  breakerThreshold: number;
  breakerOpenUs: number;
  compensate: boolean;
  /** Producer index of its publishing side, or -1. */
  publisher: number;
  /** Consumer index of its consuming side on a queue, or -1. */
  consumer: number;
  /** Member index of its consuming side on a topic, or -1. */
  member: number;
  /** Bit of its business effect in the order ledger, or -1. */
  bit: number;
  /** Token of the pending automatic return to "up", or 0. */
  modeToken: number;
  stats: ServiceStats;
}

/** Per order: effects applied (a bit per effect name), when accepted, and its client outcome. */
export interface OrderRec {
  mask: number;
  /** When the client placed it (known once the client's answer is recorded), else -1. */
  placedUs: number;
  acceptedUs: number;
  outcome: number;
}

export interface FlowState {
  effectNames: string[];
  /** All effect bits: an accepted order with all of them is complete. */
  fullMask: number;
  orders: Record<string, OrderRec>;
  /** Completed orders kept (FIFO, bounded) to recognise late duplicate effects. */
  done: Record<string, 1>;
  doneIds: number[];
  doneHead: number;
  stats: {
    orders: number;
    accepted: number;
    rejected: number;
    failed: number;
    completed: number;
    duplicateEffects: number;
    lateEffects: number;
    clientLatency: Histogram;
    completion: Histogram;
    /** Placed → complete: comparable across designs (the sync client waits for all of it). */
    endToEnd: Histogram;
  };
  /**
   * Orders per time bucket, for charts: answered accepted, failed, rejected; completed; orders
   * waiting for an answer (gauge, levels.ts); client latency of accepted orders.
   */
  series: {
    accepted: Series;
    failed: Series;
    rejected: Series;
    completed: Series;
    open: Series;
    latency: LatencySeries;
  };
}
