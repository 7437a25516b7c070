/** Turning validated producer and consumer nodes into their engine state (times in µs). */
import { compileDist, distMeanUs } from './distributions';
import { failureActive } from './failure';
import { createHistogram } from './histogram';
import { createRing } from './ring';
import { addStream, hashName } from './rng';
import type { ConsumerNode, ProducerNode, RetryPolicy } from './scenarioSchema';

type IdempotencySpec = NonNullable<ConsumerNode['idempotent']>;
import { createSeries } from './series';
import { CrashPoint, type ConsumerState, type ProducerState, type TemplateState } from './state';

const toUs = (ms: number) => Math.round(ms * 1000);

function withActive(f: Omit<ConsumerState['failure'], 'active'>): ConsumerState['failure'] {
  return { active: failureActive(f), ...f };
}

export function compileProducer(
  n: ProducerNode,
  node: number,
  target: number,
  targetQueue: number,
  rng: number[],
  seed: number,
): ProducerState {
  const arrival = compileDist(n.arrival);
  const weights = (n.templates ?? [{}]).map((t) =>
    'weight' in t && t.weight !== undefined ? t.weight : 1,
  );
  const tplCum: number[] = [];
  weights.reduce((sum, w) => {
    tplCum.push(sum + w);
    return sum + w;
  }, 0);
  return {
    node,
    toService: -1,
    target,
    targetQueue,
    arrival,
    baseMeanUs: distMeanUs(arrival),
    rateScale: 1,
    stream: addStream(rng, seed, `arrival:${n.id}`),
    paused: false,
    burstOn: true,
    bursts: n.bursts ? { onUs: toUs(n.bursts.onMs), offUs: toUs(n.bursts.offMs) } : null,
    startUs: toUs(n.startMs ?? 0),
    limit: n.count ?? -1,
    created: 0,
    gen: 0,
    tplCum,
    tplStream: addStream(rng, seed, `template:${n.id}`),
    cycle: n.pick === 'cycle',
    nextTpl: 0,
    persistent: n.persistent ?? false,
    mandatory: n.mandatory ?? false,
    confirms: n.confirms ?? false,
    retry: n.publishRetry
      ? {
          timeoutUs: toUs(n.publishRetry.timeoutMs),
          maxAttempts: n.publishRetry.maxAttempts,
          backoffUs: toUs(n.publishRetry.backoffMs ?? 0),
        }
      : null,
    onBlocked: n.onBlocked ?? 'wait',
    bufferLimit: n.bufferLimit ?? 10_000,
    retryAfterUs: toUs(n.retryAfterMs ?? 1000),
    buffer: [],
    blockedSinceUs: 0,
    stats: {
      published: 0,
      attempts: 0,
      confirmedAck: 0,
      confirmedNack: 0,
      missingConfirms: 0,
      retries: 0,
      returned: 0,
      dropped: 0,
      droppedBufferFull: 0,
      blockedUs: 0,
      bufferMax: 0,
      confirmLatency: createHistogram(),
      sendDelay: createHistogram(),
    },
  };
}

/** Message properties by template; publishing straight to a queue uses its name as the key (R5). */
export function compileTemplates(n: ProducerNode, toQueue: boolean): TemplateState[] {
  const defaultKey = n.routingKey ?? (toQueue ? n.to : '');
  return (n.templates ?? [{}]).map((t) => ({
    keyId: -1,
    tombstone: ('tombstone' in t ? t.tombstone : undefined) ?? false,
    routingKey: ('routingKey' in t ? t.routingKey : undefined) ?? defaultKey,
    headers: ('headers' in t ? t.headers : undefined) ?? null,
    priority: ('priority' in t ? t.priority : undefined) ?? 0,
    ttlUs: 'ttlMs' in t && t.ttlMs !== undefined ? toUs(t.ttlMs) : -1,
    poison: ('poison' in t ? t.poison : undefined) ?? false,
  }));
}

export function compileConsumer(
  n: ConsumerNode,
  node: number,
  queue: number,
  rng: number[],
  seed: number,
  seriesPeriodUs: number,
): ConsumerState {
  const f = n.failure ?? {};
  const r = n.retry ?? { policy: 'requeue' as const };
  return {
    node,
    svc: -1,
    slowdown: 1,
    queue,
    up: true,
    concurrency: n.concurrency ?? 1,
    prefetch: n.prefetch ?? 1,
    service: compileDist(n.service),
    stream: addStream(rng, seed, `service:${n.id}`),
    failStream: addStream(rng, seed, `failure:${n.id}`),
    retryStream: addStream(rng, seed, `retry:${n.id}`),
    pickSeed: (hashName(`pick:${n.id}`) ^ seed) >>> 0,
    busy: 0,
    buffer: createRing(),
    unacked: 0,
    graceUnacked: 0,
    autoAck: n.ackMode === 'auto',
    failure: withActive({
      probability: f.probability ?? 0,
      poisonShare: f.poisonShare ?? 0,
      poisonIds: f.poisonMessages ?? [],
      slowShare: f.slowShare ?? 0,
      slowFactor: f.slowFactor ?? 1,
    }),
    retry: compileRetry(r),
    dedup: n.idempotent ? compileDedup(n.idempotent) : null,
    crashWindow: CrashPoint.None,
    crashRestartUs: 0,
    removed: false,
    stats: {
      delivered: 0,
      acked: 0,
      redelivered: 0,
      failed: 0,
      effects: 0,
      duplicatesSkipped: 0,
      staleAcks: 0,
      latency: createHistogram(),
      wait: createHistogram(),
      service: createHistogram(),
      ackSeries: createSeries(false, seriesPeriodUs),
      lostBusyUs: 0,
      retriedAcks: 0,
      retriesOfAcked: 0,
      attemptsMax: 0,
    },
  };
}

export function compileRetry(r: RetryPolicy): ConsumerState['retry'] {
  return {
    policy: r.policy,
    baseUs: toUs(r.baseMs ?? 100),
    capUs: toUs(r.capMs ?? 30_000),
    maxAttempts: r.maxAttempts ?? 0,
    reject: r.method === 'reject',
  };
}

export function compileDedup(d: IdempotencySpec): ConsumerState['dedup'] {
  return {
    size: d.storeSize ?? 10_000,
    retentionUs: d.retentionMs === undefined ? 0 : toUs(d.retentionMs),
    ids: [],
    atUs: [],
    head: 0,
    set: {},
  };
}
