/** Kinds of scheduled (heap) events. Payload meanings are listed next to each kind. */
export const EV = {
  /** a = producer index, b = producer generation when scheduled. */
  Arrival: 1,
  /** a = producer index: flip between the on and off phase of a bursty producer. */
  BurstToggle: 2,
  /** a = publish slot, b = publish id: a publish reaches the broker. */
  ReachBroker: 3,
  /** a = delivery slot, b = delivery tag: a delivery reaches its consumer. */
  ReachConsumer: 4,
  /** a = delivery slot, b = delivery tag: a worker finishes processing. */
  ServiceDone: 5,
  /** a = delivery slot, b = delivery tag: the consumer's ack or nack reaches the broker. */
  AckArrives: 6,
  /** a = index into state.schedule. */
  ScheduledInput: 7,
  /** a = index into state.restarts: a restart requested by a crash with restartAfterMs. */
  DeferredInput: 8,
  /** a = queue index: expire the heads whose time has come (R20). */
  ExpiryCheck: 9,
  /** a = message slot, b = message id: a delayed retry is over; back to the queue. */
  RetryReady: 10,
  /** a = 0: write pending persistent messages to disk (batched fsync). */
  Flush: 11,
  /** a = publish slot, b = publish id: the confirm reaches the producer. */
  ConfirmArrives: 12,
  /** a = publish slot, b = publish id: no confirm in time. */
  ConfirmTimeout: 13,
  /** a = publish slot, b = publish id: send again after a nack. */
  PublishRetry: 14,
  /** a = producer index: a blocked producer tries its buffer again (onBlocked: retry). */
  BlockedRetry: 15,
  /** a = message slot, b = delivery tag: SQS visibility timeout (S2). */
  VisibilityTimeout: 16,
  /** a = delivery slot, b = delivery tag: consumer_timeout (R14). */
  AckTimeout: 17,
  /** a = origin, b = packed (epoch, producer, template, poison): a publish without confirms. */
  ReachBrokerDirect: 18,
  /** a = request slot, b = request id: a request reaches its service. */
  ReqArrive: 19,
  /** a = request slot, b = request id: the service's local work is done. */
  ReqDone: 20,
  /** a = request slot, b = request id: the reply reaches the caller. */
  ReplyArrives: 21,
  /** a = caller request slot, b = call token: no reply in time. */
  CallTimeout: 22,
  /** a = caller request slot, b = backoff token: try the call again. */
  CallRetry: 23,
  /** a = service index, b = mode token: a timed state change is over; back to up. */
  ModeReturn: 24,
  /** a = packed (topic, partition), b = packed (offset, leader epoch): followers copied a record. */
  LogReplicate: 25,
  /** a = send slot, b = send id: a producer's send reaches the partition leader. */
  LogSendArrive: 26,
  /** a = send slot, b = send id: the leader's answer reaches the producer. */
  LogSendResponse: 27,
  /** a = send slot, b = send id: no answer within request.timeout.ms. */
  LogSendTimeout: 28,
  /** a = send slot, b = send id: retry.backoff.ms is over; send again. */
  LogSendRetry: 29,
  /** a = member, b = token: the member polls. */
  MemberPoll: 30,
  /** a = member, b = token: the member finished processing a record. */
  RecordDone: 31,
  /** a = member, b = token: a crashed member's session timed out. */
  SessionExpired: 32,
  /** a = member, b = poll count: has the member polled since? (max.poll.interval.ms) */
  PollIntervalCheck: 33,
  /** a = group, b = generation: the rebalance pause is over. */
  RebalanceDone: 34,
  /** a = 0: apply retention and compaction to every topic. */
  LogRetention: 35,
  /** a = member: a member with a start time joins its group. */
  MemberJoin: 36,
} as const;
