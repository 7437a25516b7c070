/** Build the initial state of a run from a validated scenario. */
import { EV } from './eventKinds';
import { createHeap } from './heap';
import { createLedger } from './ledger';
import { compileConsumer, compileProducer, compileTemplates } from './compileNodes';
import { attachServiceSides, compileService, createFlow } from './compileService';
import { attachLog, emptyLog, startLog } from './logCreate';
import { withGuarantee } from './guarantees';
import { scheduleArrival } from './producer';
import { createRing } from './ring';
import type { Scenario } from './scenarioSchema';
import { latencyPeriodUs } from './latencySeries';
import { createSeries } from './series';
import { schedule } from './sim';
import type { BrokerState, ExchangeState, QueueState, SimState } from './state';

export const DEFAULT_TICK_MS = 10;
export const DEFAULT_SEED = 1;
/** Id of the broker when the scenario declares none. */
export const IMPLICIT_BROKER_ID = 'broker';
/** Buckets of the depth and throughput series start at this many ticks each. */
const SERIES_TICKS_PER_BUCKET = 10;
/** R32: a quorum queue's default delivery limit since RabbitMQ 4.0. */
const QUORUM_DELIVERY_LIMIT = 20;
/** R14: RabbitMQ's default consumer_timeout. */
const CONSUMER_TIMEOUT_MS = 30 * 60 * 1000;
/** S2: SQS's default visibility timeout. */
const SQS_VISIBILITY_MS = 30_000;

export interface CreateOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Overrides the scenario's durationMs. */
  durationMs?: number;
}

const toUs = (ms: number) => Math.round(ms * 1000);

export function createSim(scenario: Scenario, options: CreateOptions = {}): SimState {
  const seed = (options.seed ?? scenario.seed ?? DEFAULT_SEED) >>> 0;
  const tickUs = Math.max(1, toUs(scenario.tickMs ?? DEFAULT_TICK_MS));
  const durationUs = toUs(options.durationMs ?? scenario.durationMs);
  const seriesPeriodUs = tickUs * SERIES_TICKS_PER_BUCKET;
  const nodeIds = scenario.nodes.map((n) => n.id);
  const kindOfId = (id: string) => scenario.nodes.find((m) => m.id === id)?.kind;
  // A consumer that reads a topic is a consumer-group member: its own kind inside the engine.
  const nodeKinds: string[] = scenario.nodes.map((n) =>
    n.kind === 'consumer' && kindOfId(n.from) === 'topic' ? 'member' : n.kind,
  );
  const counters: Record<string, number> = {
    producer: 0,
    exchange: 0,
    queue: 0,
    consumer: 0,
    broker: 0,
    service: 0,
    topic: 0,
    member: 0,
  };
  const nodeIndex = nodeKinds.map((kind) => counters[kind]!++);
  const nodeOf = (id: string) => nodeIds.indexOf(id);
  const indexOfId = (id: string) => nodeIndex[nodeOf(id)]!;

  const rng: number[] = [];
  const queues: QueueState[] = [];
  const exchanges: ExchangeState[] = [];
  const brokerNode = scenario.nodes.findIndex((n) => n.kind === 'broker');
  const brokerSpec = brokerNode >= 0 ? scenario.nodes[brokerNode] : undefined;

  scenario.nodes.forEach((n, node) => {
    if (n.kind !== 'queue') return;
    const type = n.type ?? 'classic';
    queues.push({
      node,
      type,
      sqs: type === 'sqs',
      durable: n.durable ?? true,
      levels: Array.from({ length: (n.maxPriority ?? 0) + 1 }, () => createRing()),
      readyCount: 0,
      consumers: [],
      rr: 0,
      nextEnqSeq: 0,
      ttlUs: n.messageTtlMs === undefined ? -1 : toUs(n.messageTtlMs),
      maxLength: n.maxLength ?? -1,
      overflow: n.overflow ?? 'drop-head',
      dlx: n.deadLetterTo === undefined ? -1 : nodeOf(n.deadLetterTo),
      dlxKey: n.deadLetterRoutingKey ?? null,
      deliveryLimit: n.deliveryLimit ?? (type === 'quorum' ? QUORUM_DELIVERY_LIMIT : -1),
      countAllReturns: n.deliveryLimitCounts === 'all-returns',
      sac: n.singleActiveConsumer ?? false,
      activeConsumer: -1,
      // R14: consumer_timeout defaults to 30 min; since 4.3 only quorum queues enforce it.
      ackTimeoutUs: type === 'quorum' ? toUs(n.ackTimeoutMs ?? CONSUMER_TIMEOUT_MS) : 0,
      visibilityUs: type === 'sqs' ? toUs(n.visibilityTimeoutMs ?? SQS_VISIBILITY_MS) : 0,
      maxReceiveCount: n.maxReceiveCount ?? 0,
      expiryAtUs: -1,
      ledger: createLedger(),
      stats: {
        enqueued: 0,
        depthMax: 0,
        depthSeries: createSeries(true, seriesPeriodUs),
        acked: 0,
        expired: 0,
        deadLettered: {},
        discarded: {},
        requeued: 0,
        rejectedPublish: 0,
        outOfOrder: 0,
        maxDeliveredSeq: -1,
      },
    });
  });
  scenario.nodes.forEach((n, node) => {
    if (n.kind !== 'exchange') return;
    exchanges.push({
      node,
      type: n.type,
      bindings: (n.bindings ?? []).map((b) => ({
        queue: indexOfId(b.queue),
        key: b.key ?? '',
        headers: b.headers ?? null,
        match: b.match ?? 'all',
      })),
      alternate: n.alternateExchange === undefined ? -1 : indexOfId(n.alternateExchange),
      stats: { routed: 0, unroutable: 0, copies: 0 },
    });
  });
  const producers = scenario.nodes.flatMap((n, node) =>
    n.kind === 'producer'
      ? [
          compileProducer(
            n,
            node,
            nodeOf(n.to),
            nodeKinds[nodeOf(n.to)] === 'queue' ? indexOfId(n.to) : -1,
            rng,
            seed,
          ),
        ]
      : [],
  );
  const templates = scenario.nodes.flatMap((n) =>
    n.kind === 'producer' ? [compileTemplates(n, nodeKinds[nodeOf(n.to)] === 'queue')] : [],
  );
  producers.forEach((p) => {
    if (nodeKinds[p.target] === 'service') p.toService = nodeIndex[p.target]!;
  });
  const endTick = Math.max(1, Math.ceil(durationUs / tickUs));
  const flow = createFlow(scenario, seriesPeriodUs, latencyPeriodUs(tickUs, endTick));
  const services = scenario.nodes.flatMap((n, node) =>
    n.kind === 'service'
      ? [compileService(n, node, indexOfId, flow.effectNames, seed, rng, seriesPeriodUs)]
      : [],
  );
  const consumers = scenario.nodes.flatMap((n, node) =>
    n.kind === 'consumer' && nodeKinds[node] === 'consumer'
      ? [
          compileConsumer(
            withGuarantee(n, false),
            node,
            indexOfId(n.from),
            rng,
            seed,
            seriesPeriodUs,
          ),
        ]
      : [],
  );
  consumers.forEach((c, ci) => queues[c.queue]!.consumers.push(ci));

  const broker: BrokerState = {
    node: brokerNode,
    up: true,
    persistIntervalUs: toUs(
      brokerSpec?.kind === 'broker' ? (brokerSpec.persistIntervalMs ?? 0) : 0,
    ),
    unwritten: [],
    flushAtUs: -1,
    watermark: brokerSpec?.kind === 'broker' ? (brokerSpec.memoryHighWatermark ?? 0) : 0,
    alarm: false,
    alarmPending: false,
    incoming: 0,
    waiting: 0,
    held: 0,
    door: [],
    stats: { crashes: 0, alarms: 0, alarmUs: 0, alarmSinceUs: 0, flushes: 0 },
  };

  const st: SimState = {
    formatVersion: 1,
    name: scenario.name,
    seed,
    tickUs,
    tick: 0,
    endTick,
    nowUs: 0,
    linkLatencyUs: toUs(scenario.linkLatencyMs ?? 0),
    seq: 0,
    heap: createHeap(),
    rng,
    nodeIds,
    nodeKinds,
    nodeIndex,
    producers,
    exchanges,
    queues,
    consumers,
    broker,
    services,
    reqs: [],
    freeReqs: [],
    nextReq: 1,
    flow,
    log: emptyLog(),
    brokerEpoch: 0,
    templates,
    msgs: [],
    freeSlots: [],
    deliveries: [],
    freeDeliveries: [],
    pubs: [],
    freePubs: [],
    nextMsgId: 1,
    nextOrigin: 1,
    nextTag: 1,
    nextPub: 1,
    totals: {
      published: 0,
      routedCopies: 0,
      redelivered: 0,
      requeued: 0,
      processed: 0,
      gone: {},
      notRouted: {},
      deadLettered: 0,
      unroutable: 0,
      returned: 0,
      effects: 0,
      duplicateEffects: 0,
    },
    schedule: (scenario.schedule ?? []).map((s) => ({ atUs: toUs(s.atMs), input: s.input })),
    restarts: [],
    anyTtl:
      queues.some((q) => q.ttlUs >= 0) || templates.some((ts) => ts.some((t) => t.ttlUs >= 0)),
  };
  attachServiceSides(
    st,
    scenario,
    indexOfId,
    (id) => nodeKinds[nodeOf(id)] === 'queue',
    seriesPeriodUs,
  );
  attachLog(st, scenario, seed, seriesPeriodUs);
  for (const q of queues) if (q.sac) q.activeConsumer = q.consumers[0] ?? -1;

  // Scheduled inputs first, so at equal times they act before the arrivals drawn below.
  st.schedule.forEach((s, i) => schedule(st, s.atUs, EV.ScheduledInput, i));
  startLog(st, (node) => {
    const n = scenario.nodes[node]!;
    return n.kind === 'consumer' ? (n.startMs ?? 0) : 0;
  });
  producers.forEach((p, pi) => {
    scheduleArrival(st, pi, p.startUs);
    if (p.bursts) schedule(st, p.startUs + p.bursts.onUs, EV.BurstToggle, pi);
  });
  return st;
}
