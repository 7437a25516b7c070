/**
 * Events out of the engine: what happened, at which simulated microsecond. The UI animates and
 * logs from these (and from state), never from diffs. Node fields hold node ids; `msgId` names
 * one copy of a message in one queue, `originId` the business message shared by its copies.
 */

interface At {
  atUs: number;
}

/** Why a copy left the system without being acked (see docs/scenario-format.md). */
export type GoneReason = string;

export type SimEvent =
  // Publishing
  | (At & {
      type: 'published';
      originId: number;
      producer: string;
      to: string;
      routingKey: string;
      attempt: number;
      arriveUs: number;
    })
  | (At & {
      type: 'routed';
      originId: number;
      /** The exchange whose bindings matched (an alternate one, or a dead-letter exchange). */
      exchange: string;
      /** Every exchange tried, first the one published (or dead-lettered) to. */
      via: string[];
      queues: string[];
    })
  | (At & {
      type: 'unroutable';
      originId: number;
      exchange: string;
      outcome: 'dropped' | 'returned';
    })
  | (At & {
      type: 'confirmed';
      originId: number;
      producer: string;
      attempt: number;
      ack: boolean;
      latencyUs: number;
    })
  | (At & { type: 'confirmMissing'; originId: number; producer: string; attempt: number })
  | (At & {
      type: 'publishRetried';
      originId: number;
      producer: string;
      attempt: number;
      reason: 'nack' | 'timeout';
    })
  | (At & { type: 'producerBlocked' | 'producerUnblocked'; producer: string; buffered: number })
  | (At & {
      type: 'producerDropped';
      originId: number;
      producer: string;
      reason: 'blocked' | 'bufferFull';
    })
  // In the broker
  | (At & {
      type: 'enqueued';
      msgId: number;
      originId: number;
      queue: string;
      depth: number;
      priority: number;
    })
  | (At & { type: 'persisted'; msgId: number; queue: string })
  | (At & {
      type: 'delivered';
      msgId: number;
      originId: number;
      queue: string;
      consumer: string;
      redelivered: boolean;
      deliveryCount: number;
      arriveUs: number;
      outOfOrder: boolean;
    })
  | (At & {
      type: 'acked';
      msgId: number;
      originId: number;
      queue: string;
      consumer: string;
      latencyUs: number;
      /** When the ack left the consumer (it arrives at atUs). */
      sentUs: number;
    })
  | (At & { type: 'ackIgnored'; msgId: number; consumer: string; reason: 'stale' })
  | (At & {
      type: 'nacked';
      msgId: number;
      queue: string;
      consumer: string;
      requeue: boolean;
      method: 'nack' | 'reject';
    })
  | (At & {
      type: 'requeued';
      msgId: number;
      queue: string;
      consumer: string;
      reason:
        | 'consumerCrashed'
        | 'nack'
        | 'ackTimeout'
        | 'visibilityTimeout'
        | 'brokerRestarted'
        | 'consumerRemoved';
    })
  | (At & {
      type: 'retryScheduled';
      msgId: number;
      queue: string;
      consumer: string;
      attempt: number;
      delayUs: number;
    })
  | (At & { type: 'retryReady'; msgId: number; queue: string })
  | (At & { type: 'expired'; msgId: number; queue: string })
  | (At & {
      type: 'deadLettered';
      msgId: number;
      originId: number;
      from: string;
      to: string;
      reason: string;
      count: number;
    })
  | (At & { type: 'discarded'; msgId: number; originId: number; queue: string; reason: GoneReason })
  | (At & { type: 'lost'; msgId: number; originId: number; where: string; reason: GoneReason })
  | (At & { type: 'redriven'; msgId: number; previousId: number; from: string; to: string })
  // At the consumer
  | (At & { type: 'processingStarted'; msgId: number; consumer: string })
  | (At & {
      type: 'ackSent';
      msgId: number;
      consumer: string;
      queue: string;
      /** A nack or reject (a failed attempt) rather than an ack. */
      nack: boolean;
      arriveUs: number;
    })
  | (At & {
      type: 'processed';
      msgId: number;
      originId: number;
      consumer: string;
      outcome: 'ok' | 'failed';
      effect: 'applied' | 'duplicateSkipped' | 'none';
      /** The effect was applied again: this message already had it (a duplicate effect). */
      duplicate: boolean;
    })
  // Nodes
  | (At & { type: 'producerPaused' | 'producerResumed' | 'producerFinished'; producer: string })
  | (At & { type: 'burstStarted' | 'burstEnded'; producer: string })
  | (At & { type: 'rateChanged'; producer: string; ratePerSec: number })
  | (At & {
      type: 'consumerCrashed';
      consumer: string;
      requeued: number;
      lost: number;
      window: string;
    })
  | (At & { type: 'consumerRestarted'; consumer: string })
  | (At & {
      type: 'consumerAdded';
      consumer: string;
      /** The consumer whose settings it copied. */
      like: string;
      /** The queue it reads, or null for a group member. */
      queue: string | null;
      /** The group it joins, or null for a queue consumer. */
      group: string | null;
    })
  | (At & {
      type: 'consumerRemoved';
      consumer: string;
      /** Deliveries it had not started, handed back to the queue (R12). */
      requeued: number;
      /** Work in progress it finishes (and acks or commits) before it is gone. */
      finishing: number;
    })
  | (At & { type: 'channelClosed'; consumer: string; reason: 'ackTimeout'; requeued: number })
  | (At & { type: 'consumerChanged'; consumer: string; setting: string; value: string })
  | (At & { type: 'activeConsumerChanged'; queue: string; consumer: string | null })
  | (At & { type: 'brokerCrashed'; broker: string; lost: number; survived: number })
  | (At & { type: 'brokerRestarted'; broker: string; recovered: number })
  | (At & { type: 'alarm'; broker: string; on: boolean; held: number })
  | (At & { type: 'inputIgnored'; input: string; reason: string })
  // Services (synchronous requests and their state)
  | (At & {
      type: 'request';
      originId: number;
      service: string;
      /** The calling service, or null for a client order. */
      caller: string | null;
      /** The client producer of a client order, else null. */
      client: string | null;
      phase: 'arrived' | 'replied' | 'failed';
      undo: boolean;
      /** When the request left its caller or client. */
      sentUs: number;
      /** Why it failed: down, full, error, timeout, callFailed, breakerOpen, crashed; else null. */
      reason: string | null;
    })
  | (At & {
      type: 'serviceNote';
      service: string;
      what: 'breakerOpened' | 'callTimedOut' | 'duplicateEffect';
      detail: string;
    })
  | (At & {
      type: 'serviceStateChanged';
      service: string;
      state: 'up' | 'down' | 'slow' | 'recovering';
      factor: number;
      /** Requests in progress or waiting that the change threw away (going down). */
      lost: number;
    })
  // The log broker
  | (At & {
      type: 'rebalanced';
      group: string;
      generation: number;
      reason: string;
      /** Owner of each partition. */
      owners: (string | null)[];
    })
  | (At & { type: 'memberLeft'; member: string; reason: string })
  | (At & {
      type: 'recordAppended';
      topic: string;
      partition: number;
      offset: number;
      originId: number;
      key: string | null;
      /** The producer (or service) that wrote it, or null for a processor's output. */
      writer: string | null;
    })
  | (At & {
      type: 'recordsPolled';
      group: string;
      member: string;
      count: number;
      /** The partitions the batch came from. */
      partitions: number[];
    })
  | (At & {
      type: 'recordProcessed';
      group: string;
      member: string;
      originId: number;
      partition: number;
      offset: number;
      duplicate: boolean;
    })
  | (At & {
      type: 'offsetsCommitted';
      group: string;
      member: string;
      /** The group's committed offset of every partition after this commit. */
      offsets: number[];
      /** The partitions this commit covered (the member's own). */
      partitions: number[];
    })
  | (At & { type: 'logBrokerChanged'; broker: number; up: boolean });

export type SimEventType = SimEvent['type'];

/** Where events go. An array works; so does a hasher or a bounded log. */
export interface EventSink {
  push(event: SimEvent): unknown;
}
