/**
 * Message records of the state. A Msg is one copy of a message in the broker (one per queue it
 * was routed to); a Delivery is a consumer's work on a copy it received; a PendingPublish is a
 * publish waiting for its confirm.
 */
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
  /**
   * Counts toward its consumer's prefetch limit. A RabbitMQ channel that closes (crash, ack
   * timeout, broker crash) frees its place at once; an SQS worker still busy with a message
   * that became visible again does not poll for more, so there it keeps counting.
   */
  counted: boolean;
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
