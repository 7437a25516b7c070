/** Turning validated service nodes into engine state: the service, its publishing and consuming sides. */
import { compileConsumer, compileProducer, compileTemplates } from './compileNodes';
import { compileDist } from './distributions';
import { createHistogram } from './histogram';
import { createRing } from './ring';
import { createLatencySeries } from './latencySeries';
import { createSeries } from './series';
import { addStream } from './rng';
import type { Scenario, ServiceNode } from './scenarioSchema';
import { Mode, type FlowState, type ServiceState, type SimState } from './state';

const toUs = (ms: number) => Math.round(ms * 1000);

/** Default time a caller waits on a call (a typical HTTP client timeout). */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;
/** Default waiting line of a service (requests beyond it are rejected at once). */
export const DEFAULT_QUEUE_LIMIT = 1000;

/** The effect a service applies, or null for none. */
export function effectName(n: ServiceNode): string | null {
  if (n.effect === false) return null;
  return n.effect ?? n.id;
}

export function createFlow(
  scenario: Scenario,
  seriesPeriodUs: number,
  latencyPeriod: number,
): FlowState {
  const names: string[] = [];
  for (const n of scenario.nodes) {
    if (n.kind !== 'service') continue;
    const e = effectName(n);
    if (e !== null && !names.includes(e)) names.push(e);
  }
  return {
    effectNames: names,
    fullMask: names.length === 0 ? 0 : (2 ** names.length - 1) | 0,
    orders: {},
    done: {},
    doneIds: [],
    doneHead: 0,
    stats: {
      orders: 0,
      accepted: 0,
      rejected: 0,
      failed: 0,
      completed: 0,
      duplicateEffects: 0,
      lateEffects: 0,
      clientLatency: createHistogram(),
      completion: createHistogram(),
      endToEnd: createHistogram(),
    },
    series: {
      accepted: createSeries(false, seriesPeriodUs),
      failed: createSeries(false, seriesPeriodUs),
      rejected: createSeries(false, seriesPeriodUs),
      completed: createSeries(false, seriesPeriodUs),
      open: createSeries(true, seriesPeriodUs),
      latency: createLatencySeries(latencyPeriod),
    },
  };
}

export function compileService(
  n: ServiceNode,
  node: number,
  serviceIndexOf: (id: string) => number,
  effectNames: readonly string[],
  seed: number,
  rng: number[],
  seriesPeriodUs: number,
): ServiceState {
  const e = effectName(n);
  return {
    node,
    concurrency: n.concurrency ?? 1,
    service: compileDist(n.service),
    stream: addStream(rng, seed, `request-service:${n.id}`),
    failStream: addStream(rng, seed, `request-failure:${n.id}`),
    failureP: n.failure?.probability ?? 0,
    mode: Mode.Up,
    factor: 1,
    slowFactor: n.slowFactor ?? 10,
    queueLimit: n.queueLimit ?? DEFAULT_QUEUE_LIMIT,
    waiting: createRing(),
    busy: 0,
    calls: (n.calls ?? []).map((c) => ({
      target: serviceIndexOf(c.to),
      timeoutUs: toUs(c.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS),
      maxAttempts: c.maxAttempts ?? 1,
      backoffUs: toUs(c.backoffMs ?? 100),
      backoffCapUs: toUs(c.backoffCapMs ?? 30_000),
      breaker: 0,
      failures: 0,
      openUntilUs: 0,
    })),
    breakerThreshold: n.circuitBreaker?.failureThreshold ?? 0,
    breakerOpenUs: toUs(n.circuitBreaker?.openMs ?? 0),
    compensate: n.compensate ?? false,
    publisher: -1,
    consumer: -1,
    member: -1,
    bit: e === null ? -1 : effectNames.indexOf(e),
    modeToken: 0,
    stats: {
      received: 0,
      rejected: 0,
      refused: 0,
      succeeded: 0,
      failed: 0,
      effects: 0,
      duplicateEffects: 0,
      undone: 0,
      callsMade: 0,
      callRetries: 0,
      callTimeouts: 0,
      callFailures: 0,
      lateReplies: 0,
      breakerRejected: 0,
      breakerOpened: 0,
      compensations: 0,
      compensationFailures: 0,
      lostInCrash: 0,
      waitingMax: 0,
      busyUs: 0,
      blockedUs: 0,
      response: createHistogram(),
      busySeries: createSeries(true, seriesPeriodUs),
    },
  };
}

/**
 * Add the services' publishing sides (producers without arrivals) and consuming sides
 * (consumers), after the scenario's own producers and consumers so their indices stay put.
 */
export function attachServiceSides(
  st: SimState,
  scenario: Scenario,
  queueIndexOf: (id: string) => number,
  isQueue: (id: string) => boolean,
  seriesPeriodUs: number,
): void {
  scenario.nodes.forEach((n, node) => {
    if (n.kind !== 'service') return;
    const s = st.services[st.nodeIndex[node]!]!;
    if (n.publish) {
      const pn = {
        id: n.id,
        kind: 'producer' as const,
        to: n.publish.to,
        arrival: { dist: 'constant' as const, ms: 0 },
        count: 0,
        persistent: n.publish.persistent ?? true,
        ...(n.publish.routingKey === undefined ? {} : { routingKey: n.publish.routingKey }),
      };
      const target = st.nodeIds.indexOf(n.publish.to);
      const toQueue = isQueue(n.publish.to);
      s.publisher = st.producers.length;
      const p = compileProducer(
        pn,
        node,
        target,
        toQueue ? queueIndexOf(n.publish.to) : -1,
        st.rng,
        st.seed,
      );
      st.producers.push(p);
      st.templates.push(compileTemplates(pn, toQueue));
    }
    // A service reading a topic is a consumer-group member: logCreate.ts builds that side.
    if (n.from !== undefined && isQueue(n.from)) {
      const cn = {
        id: n.id,
        kind: 'consumer' as const,
        from: n.from,
        service: n.service,
        concurrency: n.concurrency ?? 1,
        ...(n.prefetch === undefined ? {} : { prefetch: n.prefetch }),
        ...(n.ackMode === undefined ? {} : { ackMode: n.ackMode }),
        ...(n.failure === undefined ? {} : { failure: n.failure }),
        ...(n.retry === undefined ? {} : { retry: n.retry }),
        ...(n.idempotent === undefined ? {} : { idempotent: n.idempotent }),
      };
      const qi = queueIndexOf(n.from);
      const ci = st.consumers.length;
      const c = compileConsumer(cn, node, qi, st.rng, st.seed, seriesPeriodUs);
      c.svc = st.nodeIndex[node]!;
      st.consumers.push(c);
      st.queues[qi]!.consumers.push(ci);
      s.consumer = ci;
    }
  });
}
