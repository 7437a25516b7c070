/**
 * The golden trace: one fixed run whose event-trace hash Node (vitest) and Chromium (Playwright)
 * must both reproduce bit for bit. It uses every distribution, link latency, bursts, a scheduled
 * crash and restart, routing through a topic exchange, TTL, priorities, dead letters, retries with
 * jitter, confirms with retries, persistence, a broker crash and the three queue types, services
 * with blocking calls, a circuit breaker and compensation, a replicated Kafka-style topic with
 * keys, lost responses, a consumer group that rebalances, retention and a log broker crash, and
 * timeline inputs, so any engine-dependent arithmetic (murmur2 included) or ordering would show up.
 */
import {
  advance,
  createSim,
  createTraceHasher,
  validateScenario,
  type TimedInput,
} from '../engine';

export const GOLDEN_SCENARIO = {
  version: 1,
  name: 'Golden trace',
  seed: 20261128,
  durationMs: 60_000,
  tickMs: 10,
  linkLatencyMs: 3,
  logBrokers: 2,
  nodes: [
    { id: 'rabbit', kind: 'broker', persistIntervalMs: 40, memoryHighWatermark: 400 },
    {
      id: 'steady',
      kind: 'producer',
      to: 'work',
      arrival: { dist: 'exponential', meanMs: 40 },
      persistent: true,
    },
    {
      id: 'bursty',
      kind: 'producer',
      to: 'work',
      arrival: { dist: 'uniform', minMs: 5, maxMs: 45 },
      bursts: { onMs: 2000, offMs: 3000 },
    },
    {
      id: 'batch',
      kind: 'producer',
      to: 'side',
      arrival: { dist: 'constant', ms: 25 },
      count: 500,
      startMs: 1000,
    },
    {
      id: 'events',
      kind: 'producer',
      to: 'topics',
      arrival: { dist: 'exponential', meanMs: 60 },
      confirms: true,
      persistent: true,
      publishRetry: { timeoutMs: 150, maxAttempts: 3, backoffMs: 20 },
      templates: [
        { routingKey: 'order.created', priority: 1 },
        { routingKey: 'order.paid', priority: 5, ttlMs: 400 },
        { routingKey: 'audit.login', headers: { kind: 'audit' } },
      ],
    },
    {
      id: 'topics',
      kind: 'exchange',
      type: 'topic',
      bindings: [
        { queue: 'orders', key: 'order.*' },
        { queue: 'audit', key: 'audit.#' },
        { queue: 'jobs', key: '#' },
      ],
    },
    { id: 'work', kind: 'queue' },
    { id: 'side', kind: 'queue' },
    {
      id: 'orders',
      kind: 'queue',
      maxPriority: 5,
      messageTtlMs: 2000,
      deadLetterTo: 'dlq',
      maxLength: 30,
    },
    { id: 'audit', kind: 'queue', type: 'quorum', deliveryLimit: 3, deadLetterTo: 'dlq' },
    {
      id: 'jobs',
      kind: 'queue',
      type: 'sqs',
      visibilityTimeoutMs: 200,
      maxReceiveCount: 3,
      deadLetterTo: 'jobs-dlq',
    },
    { id: 'dlq', kind: 'queue' },
    { id: 'jobs-dlq', kind: 'queue', type: 'sqs' },
    {
      id: 'w1',
      kind: 'consumer',
      from: 'work',
      concurrency: 2,
      prefetch: 3,
      service: { dist: 'lognormal', meanMs: 60, sigma: 0.8 },
    },
    {
      id: 'w2',
      kind: 'consumer',
      from: 'work',
      concurrency: 1,
      prefetch: 0,
      service: { dist: 'exponential', meanMs: 50 },
    },
    {
      id: 's1',
      kind: 'consumer',
      from: 'side',
      service: { dist: 'uniform', minMs: 10, maxMs: 30 },
    },
    {
      id: 'o1',
      kind: 'consumer',
      from: 'orders',
      prefetch: 2,
      service: { dist: 'exponential', meanMs: 70 },
      failure: { probability: 0.2, poisonShare: 0.05 },
      retry: { policy: 'decorrelated-jitter', baseMs: 20, capMs: 500, maxAttempts: 4 },
      idempotent: { storeSize: 100 },
    },
    {
      id: 'a1',
      kind: 'consumer',
      from: 'audit',
      service: { dist: 'constant', ms: 30 },
      failure: { probability: 0.3 },
      retry: { policy: 'requeue', method: 'reject' },
    },
    {
      id: 'j1',
      kind: 'consumer',
      from: 'jobs',
      service: { dist: 'exponential', meanMs: 150 },
      ackMode: 'manual',
    },
    {
      id: 'j2',
      kind: 'consumer',
      from: 'jobs',
      service: { dist: 'exponential', meanMs: 150 },
      ackMode: 'auto',
    },
    {
      id: 'shop',
      kind: 'producer',
      to: 'front',
      arrival: { dist: 'lognormal', meanMs: 60, sigma: 0.8 },
    },
    {
      id: 'front',
      kind: 'service',
      concurrency: 3,
      queueLimit: 5,
      effect: false,
      service: { dist: 'exponential', meanMs: 4 },
      calls: [{ to: 'stock', timeoutMs: 80, maxAttempts: 2, backoffMs: 10 }],
      circuitBreaker: { failureThreshold: 3, openMs: 500 },
      compensate: true,
      publish: { to: 'order-log' },
    },
    {
      id: 'stock',
      kind: 'service',
      concurrency: 2,
      service: { dist: 'uniform', minMs: 5, maxMs: 60 },
      failure: { probability: 0.05 },
    },
    {
      id: 'order-log',
      kind: 'topic',
      partitions: 3,
      replicationFactor: 2,
      replicationMs: 4,
      retentionMs: 20_000,
      segmentRecords: 50,
    },
    {
      id: 'sensors',
      kind: 'producer',
      to: 'order-log',
      arrival: { dist: 'exponential', meanMs: 30 },
      keys: { count: 17, prefix: 'sensor-' },
      lostResponses: 0.05,
      requestTimeoutMs: 100,
    },
    {
      id: 'audit-1',
      kind: 'consumer',
      from: 'order-log',
      group: 'auditors',
      service: { dist: 'exponential', meanMs: 8 },
      commit: 'after',
      maxPollRecords: 20,
      sessionTimeoutMs: 1000,
      rebalancePauseMs: 200,
      assignor: 'cooperative-sticky',
    },
    {
      id: 'audit-2',
      kind: 'consumer',
      from: 'order-log',
      group: 'auditors',
      service: { dist: 'exponential', meanMs: 8 },
      commit: 'after',
      maxPollRecords: 20,
      sessionTimeoutMs: 1000,
      rebalancePauseMs: 200,
      assignor: 'cooperative-sticky',
    },
    { id: 'billing', kind: 'service', from: 'order-log', service: { dist: 'constant', ms: 3 } },
  ],
  schedule: [
    {
      atMs: 12_000,
      input: { type: 'serviceStateChanged', serviceId: 'stock', state: 'down', forMs: 3_000 },
    },
    {
      atMs: 18_000,
      input: {
        type: 'consumerCrashed',
        consumerId: 'audit-1',
        window: 'afterEffect',
        restartAfterMs: 2_000,
      },
    },
    { atMs: 33_000, input: { type: 'logBrokerCrashed', broker: 0, restartAfterMs: 4_000 } },
    { atMs: 15_000, input: { type: 'consumerCrashed', consumerId: 'w1' } },
    { atMs: 21_000, input: { type: 'consumerRestarted', consumerId: 'w1' } },
    { atMs: 30_000, input: { type: 'brokerCrashed', restartAfterMs: 2_000 } },
    { atMs: 40_000, input: { type: 'dlqRedriven', queueId: 'dlq', toQueueId: 'orders' } },
  ],
} as const;

export const GOLDEN_TIMELINE: TimedInput[] = [
  { tick: 500, input: { type: 'rateChanged', producerId: 'steady', ratePerSec: 40 } },
  { tick: 2500, input: { type: 'concurrencyChanged', consumerId: 'w2', concurrency: 3 } },
  { tick: 3000, input: { type: 'producerPaused', producerId: 'batch' } },
  { tick: 3100, input: { type: 'producerResumed', producerId: 'batch' } },
  { tick: 4000, input: { type: 'consumerCrashed', consumerId: 'w2' } },
  { tick: 4200, input: { type: 'consumerRestarted', consumerId: 'w2' } },
  {
    tick: 4500,
    input: {
      type: 'consumerCrashed',
      consumerId: 'o1',
      window: 'afterEffect',
      restartAfterMs: 500,
    },
  },
  { tick: 4700, input: { type: 'poisonPublished', producerId: 'events' } },
  { tick: 5000, input: { type: 'prefetchChanged', consumerId: 'w1', prefetch: 1 } },
];

/** The trace hash both runtimes must print; update it only for an intended engine change. */
export const GOLDEN_HASH = '525ba6be33e52360';

export function goldenTraceHash(): { hash: string; events: number } {
  const v = validateScenario(GOLDEN_SCENARIO);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  const st = createSim(v.value);
  const hasher = createTraceHasher();
  advance(st, st.endTick, GOLDEN_TIMELINE, hasher);
  return { hash: hasher.hex(), events: hasher.count };
}
