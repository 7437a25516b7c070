/** Kinds of scheduled (heap) events. Payload meanings are listed next to each kind. */
export const EV = {
  /** a = producer index, b = producer generation when scheduled. */
  Arrival: 1,
  /** a = producer index: flip between the on and off phase of a bursty producer. */
  BurstToggle: 2,
  /** a = message slot: a published message reaches its queue. */
  ReachQueue: 3,
  /** a = message slot, b = delivery tag: a delivery reaches its consumer. */
  ReachConsumer: 4,
  /** a = message slot, b = delivery tag: a worker finishes processing. */
  ServiceDone: 5,
  /** a = message slot, b = delivery tag: the consumer's ack reaches the broker. */
  AckArrives: 6,
  /** a = index into state.schedule. */
  ScheduledInput: 7,
} as const;
