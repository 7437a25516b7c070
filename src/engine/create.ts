/** Build the initial state of a run from a validated scenario. */
import { compileDist, distMeanUs } from './distributions';
import { EV } from './eventKinds';
import { createHeap } from './heap';
import { createHistogram } from './histogram';
import { scheduleArrival } from './producer';
import { createRing } from './ring';
import { addStream } from './rng';
import type { Scenario } from './scenarioSchema';
import { createSeries } from './series';
import { schedule } from './sim';
import type { ConsumerState, ProducerState, QueueState, SimState } from './state';

export const DEFAULT_TICK_MS = 10;
export const DEFAULT_SEED = 1;
/** Buckets of the depth and throughput series start at this many ticks each. */
const SERIES_TICKS_PER_BUCKET = 10;

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
  const nodeKinds = scenario.nodes.map((n) => n.kind);
  const nodeIndex: number[] = [];
  const counters = { producer: 0, queue: 0, consumer: 0 };
  for (const n of scenario.nodes) nodeIndex.push(counters[n.kind]++);
  const indexOfId = (id: string) => nodeIndex[nodeIds.indexOf(id)]!;

  const rng: number[] = [];
  const producers: ProducerState[] = [];
  const queues: QueueState[] = [];
  const consumers: ConsumerState[] = [];

  scenario.nodes.forEach((n, node) => {
    if (n.kind !== 'queue') return;
    queues.push({
      node,
      ready: createRing(),
      consumers: [],
      rr: 0,
      nextEnqSeq: 0,
      stats: {
        enqueued: 0,
        delivered: 0,
        depthMax: 0,
        depthAreaUs: 0,
        depthChangedUs: 0,
        waitSumUs: 0,
        depthSeries: createSeries(true, seriesPeriodUs),
      },
    });
  });
  scenario.nodes.forEach((n, node) => {
    if (n.kind === 'producer') {
      const arrival = compileDist(n.arrival);
      producers.push({
        node,
        queue: indexOfId(n.to),
        arrival,
        baseMeanUs: distMeanUs(arrival),
        rateScale: 1,
        stream: addStream(rng, seed, `arrival:${n.id}`),
        paused: false,
        burstOn: true,
        bursts: n.bursts ? { onUs: toUs(n.bursts.onMs), offUs: toUs(n.bursts.offMs) } : null,
        startUs: toUs(n.startMs ?? 0),
        limit: n.count ?? -1,
        published: 0,
        gen: 0,
      });
    } else if (n.kind === 'consumer') {
      const queue = indexOfId(n.from);
      queues[queue]!.consumers.push(consumers.length);
      consumers.push({
        node,
        queue,
        up: true,
        concurrency: n.concurrency ?? 1,
        prefetch: n.prefetch ?? 1,
        service: compileDist(n.service),
        stream: addStream(rng, seed, `service:${n.id}`),
        busy: 0,
        buffer: createRing(),
        unacked: 0,
        graceUnacked: 0,
        stats: {
          delivered: 0,
          acked: 0,
          redelivered: 0,
          latency: createHistogram(),
          wait: createHistogram(),
          service: createHistogram(),
          ackSeries: createSeries(false, seriesPeriodUs),
          busyAreaUs: 0,
          busyChangedUs: 0,
        },
      });
    }
  });

  const st: SimState = {
    formatVersion: 1,
    name: scenario.name,
    seed,
    tickUs,
    tick: 0,
    endTick: Math.max(1, Math.ceil(durationUs / tickUs)),
    nowUs: 0,
    linkLatencyUs: toUs(scenario.linkLatencyMs ?? 0),
    seq: 0,
    heap: createHeap(),
    rng,
    nodeIds,
    nodeKinds,
    nodeIndex,
    producers,
    queues,
    consumers,
    msgs: [],
    freeSlots: [],
    nextMsgId: 1,
    nextTag: 1,
    totals: {
      published: 0,
      enqueued: 0,
      delivered: 0,
      redelivered: 0,
      requeued: 0,
      processed: 0,
      acked: 0,
    },
    schedule: (scenario.schedule ?? []).map((s) => ({ atUs: toUs(s.atMs), input: s.input })),
  };

  // Scheduled inputs first, so at equal times they act before the arrivals drawn below.
  st.schedule.forEach((s, i) => schedule(st, s.atUs, EV.ScheduledInput, i));
  producers.forEach((p, pi) => {
    scheduleArrival(st, pi, p.startUs);
    if (p.bursts) schedule(st, p.startUs + p.bursts.onUs, EV.BurstToggle, pi);
  });
  return st;
}
