/**
 * fast-check generators of valid broker scenarios: exchanges of every type, templates with keys,
 * headers, priorities, TTLs and poison, queues of the three types with limits and dead-letter
 * queues, consumers with failure models, retry policies, auto-ack and idempotency, a broker with
 * persistence delay and memory alarm, and random faults (consumer and broker crashes with
 * windows and restarts, redrives, setting changes). Dead-letter targets are queues, so tests can
 * follow every dead letter to where it went.
 */
import fc from 'fast-check';
import type { Input, Scenario, TimedInput } from '../../src/engine';
import { RETRY_POLICIES } from '../../src/engine/retryPolicies';

const dist = (lo: number, hi: number) =>
  fc.oneof(
    fc.record({ dist: fc.constant('constant' as const), ms: fc.integer({ min: lo, max: hi }) }),
    fc.record({
      dist: fc.constant('exponential' as const),
      meanMs: fc.integer({ min: Math.max(1, lo), max: hi }),
    }),
  );

const WORDS = ['a', 'b', 'c'];
const key = fc
  .array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 3 })
  .map((w) => w.join('.'));
const pattern = fc
  .array(fc.constantFrom(...WORDS, '*', '#'), { minLength: 0, maxLength: 3 })
  .map((w) => w.join('.'));
const headers = fc.dictionary(fc.constantFrom('h1', 'h2', 'x-h'), fc.constantFrom('v1', 'v2'), {
  maxKeys: 2,
});

export interface Options {
  /** Only the settings under which at-least-once must hold (manual ack, confirms, durable, persistent). */
  reliable?: boolean;
}

function genArb(reliable: boolean) {
  return fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    durationMs: fc.integer({ min: 2000, max: 8000 }),
    tickMs: fc.constantFrom(5, 10, 20),
    latency: fc.constantFrom(0, 0, 3, 25),
    queues: fc.array(
      fc.record({
        type: reliable
          ? fc.constantFrom('classic', 'quorum')
          : fc.constantFrom('classic', 'classic', 'quorum', 'sqs'),
        durable: reliable ? fc.constant(true) : fc.boolean(),
        maxPriority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        ttl: reliable
          ? fc.constant(undefined)
          : fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
        maxLength: reliable
          ? fc.constant(undefined)
          : fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        overflow: fc.constantFrom('drop-head', 'reject-publish', 'reject-publish-dlx'),
        dlq: fc.boolean(),
        deliveryLimit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        countAll: fc.boolean(),
        sac: fc.boolean(),
        ackTimeout: fc.option(fc.integer({ min: 100, max: 1500 }), { nil: undefined }),
        visibility: fc.integer({ min: 50, max: 800 }),
        maxReceive: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    exchanges: fc.array(
      fc.record({
        type: fc.constantFrom('direct', 'fanout', 'topic', 'headers'),
        bindings: fc.array(
          fc.record({
            q: fc.nat(),
            key,
            pattern,
            headers,
            match: fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x'),
          }),
          {
            maxLength: 4,
          },
        ),
        alternate: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    producers: fc.array(
      fc.record({
        to: fc.nat(),
        arrival: dist(5, 150),
        count: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        templates: fc.array(
          fc.record({
            routingKey: key,
            headers,
            priority: fc.integer({ min: 0, max: 6 }),
            ttl: reliable
              ? fc.constant(undefined)
              : fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
            poison: reliable ? fc.constant(false) : fc.constantFrom(false, false, false, true),
            weight: fc.integer({ min: 1, max: 5 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        cycle: fc.boolean(),
        persistent: reliable ? fc.constant(true) : fc.boolean(),
        mandatory: fc.boolean(),
        confirms: reliable ? fc.constant(true) : fc.boolean(),
        retry: fc.option(
          fc.record({
            timeoutMs: fc.integer({ min: 20, max: 600 }),
            maxAttempts: fc.integer({ min: 1, max: 4 }),
          }),
          {
            nil: undefined,
          },
        ),
        onBlocked: fc.constantFrom('wait', 'drop', 'retry'),
        bufferLimit: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    consumers: fc.array(
      fc.record({
        from: fc.nat(),
        concurrency: fc.integer({ min: 1, max: 3 }),
        prefetch: fc.integer({ min: 0, max: 4 }),
        service: dist(1, 120),
        auto: reliable ? fc.constant(false) : fc.boolean(),
        failP: fc.constantFrom(0, 0, 0.2, 0.5),
        poisonShare: fc.constantFrom(0, 0, 0.1),
        slow: fc.boolean(),
        policy: fc.constantFrom(...RETRY_POLICIES),
        maxAttempts: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        method: fc.constantFrom('nack', 'reject'),
        idempotent: fc.option(
          fc.record({
            storeSize: fc.integer({ min: 1, max: 50 }),
            retentionMs: fc.integer({ min: 10, max: 3000 }),
          }),
          {
            nil: undefined,
          },
        ),
      }),
      { maxLength: 4 },
    ),
    broker: fc.record({
      persistMs: fc.constantFrom(0, 0, 30, 200),
      watermark: fc.option(fc.integer({ min: 3, max: 40 }), { nil: undefined }),
    }),
    faults: fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 8000 }),
        kind: fc.constantFrom(
          'crash',
          'crashWindow',
          'restart',
          'brokerCrash',
          'brokerRestart',
          'redrive',
          'prefetch',
          'ackMode',
          'failure',
          'poison',
          'pause',
          'resume',
          'addConsumer',
          'removeConsumer',
        ),
        target: fc.nat(),
        value: fc.integer({ min: 0, max: 4 }),
        scheduled: fc.boolean(),
        restartAfter: fc.option(fc.integer({ min: 50, max: 2000 }), { nil: undefined }),
      }),
      { maxLength: 8 },
    ),
  });
}

type G = ReturnType<typeof genArb> extends fc.Arbitrary<infer T> ? T : never;

export function brokerScenarioArb(
  options: Options = {},
): fc.Arbitrary<{ scenario: Scenario; timeline: TimedInput[] }> {
  const reliable = options.reliable ?? false;
  return genArb(reliable).map((g) => build(g, reliable));
}

function build(g: G, reliable: boolean): { scenario: Scenario; timeline: TimedInput[] } {
  const nodes: Record<string, unknown>[] = [];
  const qIds = g.queues.map((_, i) => `q${i}`);
  const dlqIds: string[] = [];
  g.queues.forEach((q, i) => {
    const id = qIds[i];
    const dlq = q.dlq || q.type === 'sqs' ? `${id}-dlq` : undefined;
    const node: Record<string, unknown> = { id, kind: 'queue', type: q.type };
    if (q.type !== 'quorum') node.durable = q.durable;
    if (q.type !== 'sqs' && q.maxPriority !== undefined) node.maxPriority = q.maxPriority;
    if (q.ttl !== undefined) node.messageTtlMs = q.ttl;
    if (q.maxLength !== undefined && q.type !== 'sqs') {
      node.maxLength = q.maxLength;
      node.overflow =
        q.type !== 'classic' && q.overflow === 'reject-publish-dlx' ? 'reject-publish' : q.overflow;
    }
    if (dlq) node.deadLetterTo = dlq;
    if (q.type === 'quorum') {
      if (q.deliveryLimit !== undefined) node.deliveryLimit = q.deliveryLimit;
      node.deliveryLimitCounts = q.countAll ? 'all-returns' : 'reject-and-crash';
    }
    if (q.type !== 'sqs' && q.sac) node.singleActiveConsumer = true;
    if (q.type === 'quorum' && q.ackTimeout !== undefined) node.ackTimeoutMs = q.ackTimeout;
    if (q.type === 'sqs') {
      node.visibilityTimeoutMs = q.visibility;
      if (q.maxReceive !== undefined) node.maxReceiveCount = q.maxReceive;
    }
    nodes.push(node);
    if (dlq) {
      dlqIds.push(dlq);
      nodes.push({
        id: dlq,
        kind: 'queue',
        type: q.type === 'sqs' ? 'sqs' : 'classic',
        durable: q.type === 'classic' ? q.durable : true,
      });
    }
  });
  const xIds = g.exchanges.map((_, i) => `x${i}`);
  g.exchanges.forEach((x, i) => {
    const node: Record<string, unknown> = {
      id: xIds[i],
      kind: 'exchange',
      type: x.type,
      bindings: x.bindings.map((b) => {
        const queue = qIds[b.q % qIds.length];
        if (x.type === 'fanout') return { queue };
        if (x.type === 'direct') return { queue, key: b.key };
        if (x.type === 'topic') return { queue, key: b.pattern };
        return { queue, headers: b.headers, match: b.match };
      }),
    };
    if (x.alternate && xIds.length > 1) node.alternateExchange = xIds[(i + 1) % xIds.length];
    nodes.push(node);
  });
  const targets = [...qIds, ...xIds];
  g.producers.forEach((p, i) => {
    const node: Record<string, unknown> = {
      id: `p${i}`,
      kind: 'producer',
      to: targets[p.to % targets.length],
      arrival: p.arrival,
      templates: p.templates.map((t) => {
        const tpl: Record<string, unknown> = {
          routingKey: t.routingKey,
          headers: t.headers,
          priority: t.priority,
          weight: t.weight,
        };
        if (t.ttl !== undefined) tpl.ttlMs = t.ttl;
        if (t.poison) tpl.poison = true;
        return tpl;
      }),
      pick: p.cycle ? 'cycle' : 'random',
      persistent: p.persistent,
      mandatory: p.mandatory,
      confirms: p.confirms || p.retry !== undefined,
      onBlocked: p.onBlocked,
      bufferLimit: p.bufferLimit,
      retryAfterMs: 100,
    };
    if (p.count !== undefined) node.count = p.count;
    if (p.retry)
      node.publishRetry = {
        timeoutMs: p.retry.timeoutMs,
        maxAttempts: p.retry.maxAttempts,
        backoffMs: 20,
      };
    const a = p.arrival;
    if (p.count === undefined && a.dist === 'constant' && a.ms === 0)
      node.arrival = { dist: 'constant', ms: 5 };
    nodes.push(node);
  });
  const consumerQueues = [...qIds, ...dlqIds];
  g.consumers.forEach((c, i) => {
    const node: Record<string, unknown> = {
      id: `c${i}`,
      kind: 'consumer',
      from: consumerQueues[c.from % consumerQueues.length],
      concurrency: c.concurrency,
      prefetch: c.prefetch,
      service: c.service,
      ackMode: c.auto ? 'auto' : 'manual',
      failure: {
        probability: c.failP,
        poisonShare: c.poisonShare,
        slowShare: c.slow ? 0.2 : 0,
        slowFactor: 3,
      },
    };
    if (!c.auto) {
      node.retry = { policy: c.policy, baseMs: 10, capMs: 400, method: c.method };
      if (c.maxAttempts !== undefined)
        (node.retry as Record<string, unknown>).maxAttempts = c.maxAttempts;
    }
    if (c.idempotent) node.idempotent = c.idempotent;
    nodes.push(node);
  });
  const broker: Record<string, unknown> = {
    id: 'rabbit',
    kind: 'broker',
    persistIntervalMs: g.broker.persistMs,
  };
  if (g.broker.watermark !== undefined && !reliable)
    broker.memoryHighWatermark = g.broker.watermark;
  nodes.push(broker);

  const schedule: { atMs: number; input: Input }[] = [];
  const timeline: TimedInput[] = [];
  const consumerIds = g.consumers.map((_, i) => `c${i}`);
  let added = 0;
  for (const f of g.faults) {
    const cid = consumerIds.length > 0 ? consumerIds[f.target % consumerIds.length] : null;
    const pid = `p${f.target % g.producers.length}`;
    const restart = f.restartAfter === undefined ? {} : { restartAfterMs: f.restartAfter };
    let input: Input | null = null;
    if (f.kind === 'crash' && cid) input = { type: 'consumerCrashed', consumerId: cid, ...restart };
    else if (f.kind === 'crashWindow' && cid)
      input = {
        type: 'consumerCrashed',
        consumerId: cid,
        window: (['afterReceive', 'afterEffect', 'afterAck'] as const)[f.value % 3]!,
        ...restart,
      };
    else if (f.kind === 'restart' && cid) input = { type: 'consumerRestarted', consumerId: cid };
    else if (f.kind === 'brokerCrash') input = { type: 'brokerCrashed', ...restart };
    else if (f.kind === 'brokerRestart') input = { type: 'brokerRestarted' };
    else if (f.kind === 'redrive' && dlqIds.length > 0)
      input = { type: 'dlqRedriven', queueId: dlqIds[f.target % dlqIds.length]! };
    else if (f.kind === 'prefetch' && cid)
      input = { type: 'prefetchChanged', consumerId: cid, prefetch: f.value };
    else if (f.kind === 'ackMode' && cid && !reliable)
      input = { type: 'ackModeChanged', consumerId: cid, ackMode: f.value % 2 ? 'auto' : 'manual' };
    else if (f.kind === 'failure' && cid)
      input = { type: 'failureRateChanged', consumerId: cid, probability: f.value / 4 };
    else if (f.kind === 'poison' && !reliable) input = { type: 'poisonPublished', producerId: pid };
    else if (f.kind === 'pause') input = { type: 'producerPaused', producerId: pid };
    else if (f.kind === 'resume') input = { type: 'producerResumed', producerId: pid };
    // Scaling goes on the timeline only: the scenario's schedule is validated, and a second
    // removal of one consumer is an error there (the engine ignores it on the timeline).
    const scaling = f.kind === 'addConsumer' || f.kind === 'removeConsumer';
    if (f.kind === 'addConsumer' && cid)
      input = { type: 'consumerAdded', consumerId: `x${added++}`, like: cid };
    else if (f.kind === 'removeConsumer' && cid)
      input = { type: 'consumerRemoved', consumerId: cid };
    if (!input) continue;
    const atMs = Math.min(f.atMs, g.durationMs);
    if (f.scheduled && !scaling) schedule.push({ atMs, input });
    else timeline.push({ tick: Math.floor(atMs / g.tickMs), input });
  }
  timeline.sort((a, b) => a.tick - b.tick);
  const scenario = {
    version: 1,
    name: 'generated broker scenario',
    seed: g.seed,
    durationMs: g.durationMs,
    tickMs: g.tickMs,
    linkLatencyMs: g.latency,
    nodes,
    schedule,
  } as unknown as Scenario;
  return { scenario, timeline };
}
