/**
 * The run's numbers, read from the state without changing it: totals by fate and reason, per
 * producer (confirms, retries, backpressure), per exchange, per queue (depth, wait, dead letters
 * by reason, the delivery-guarantee ledger) and per consumer (throughput, latency, queue wait and
 * service time: mean, p50, p95, p99, max). Times are reported in milliseconds.
 */
import { brokerName } from './broker';
import { histMeanUs, histQuantileUs, type Histogram } from './histogram';
import { dedupSize } from './idempotency';
import { ledgerOpenCount } from './ledger';
import { seriesTotal, type Series } from './series';
import { DLoc, Loc, type SimState } from './state';
import { flowReport, serviceReports } from './flowReport';
import { groupReports, logProducerReports, memberReports, topicReports } from './logReport';

export type {
  BrokerReport,
  ConsumerReport,
  ExchangeReport,
  LatencySummary,
  LedgerReport,
  ProducerReport,
  QueueReport,
  RunReport,
} from './reportTypes';
import type {
  ConsumerReport,
  ExchangeReport,
  LatencySummary,
  ProducerReport,
  QueueReport,
  RunReport,
} from './reportTypes';
export type { FlowReport, ServiceReport } from './flowReport';
export type {
  GroupReport,
  LogProducerReport,
  MemberReport,
  TopicReport,
  PartitionReport,
} from './logReport';

const ms = (us: number) => us / 1000;

export function summarize(h: Histogram): LatencySummary {
  return {
    count: h.count,
    mean: ms(histMeanUs(h)),
    p50: ms(histQuantileUs(h, 0.5)),
    p95: ms(histQuantileUs(h, 0.95)),
    p99: ms(histQuantileUs(h, 0.99)),
    max: ms(h.maxUs),
  };
}

const perSec = (count: number, us: number) => (us > 0 ? (count * 1_000_000) / us : 0);

function producerReports(st: SimState): Record<string, ProducerReport> {
  const out: Record<string, ProducerReport> = {};
  for (const p of st.producers) {
    const s = p.stats;
    const blockedNow = p.buffer.length > 0 ? st.nowUs - p.blockedSinceUs : 0;
    out[st.nodeIds[p.node]!] = {
      published: s.published,
      paused: p.paused,
      ratePerSec: p.baseMeanUs > 0 ? 1_000_000 / (p.baseMeanUs * p.rateScale) : 0,
      attempts: s.attempts,
      retries: s.retries,
      confirmedAck: s.confirmedAck,
      confirmedNack: s.confirmedNack,
      missingConfirms: s.missingConfirms,
      returned: s.returned,
      dropped: s.dropped,
      buffered: p.buffer.length / 5,
      bufferMax: s.bufferMax,
      blockedMs: ms(s.blockedUs + blockedNow),
      confirmLatencyMs: summarize(s.confirmLatency),
      sendDelayMs: summarize(s.sendDelay),
    };
  }
  return out;
}

function queueReports(st: SimState): Record<string, QueueReport> {
  const now = st.nowUs;
  const unacked = new Array<number>(st.queues.length).fill(0);
  const waiting = new Array<number>(st.queues.length).fill(0);
  for (const m of st.msgs) {
    if (m?.loc === Loc.Unacked) unacked[m.queue]!++;
    else if (m?.loc === Loc.RetryWait) waiting[m.queue]!++;
  }
  const out: Record<string, QueueReport> = {};
  st.queues.forEach((q, qi) => {
    const s = q.stats;
    const area = seriesTotal(s.depthSeries, now);
    // Every consumer reads one queue: the queue's deliveries are its consumers' deliveries.
    let delivered = 0;
    let waitSumUs = 0;
    for (const ci of q.consumers) {
      delivered += st.consumers[ci]!.stats.delivered;
      waitSumUs += st.consumers[ci]!.stats.wait.sumUs;
    }
    const l = q.ledger;
    out[st.nodeIds[q.node]!] = {
      depth: q.readyCount,
      readyByPriority: q.levels.map((level) => level.size),
      depthMax: s.depthMax,
      depthMean: now > 0 ? area / now : 0,
      unacked: unacked[qi]!,
      retryWaiting: waiting[qi]!,
      enqueued: s.enqueued,
      delivered,
      acked: s.acked,
      arrivalRatePerSec: perSec(s.enqueued, now),
      meanWaitMs: delivered > 0 ? ms(waitSumUs / delivered) : 0,
      requeued: s.requeued,
      expired: s.expired,
      deadLettered: { ...s.deadLettered },
      discarded: { ...s.discarded },
      rejectedPublish: s.rejectedPublish,
      outOfOrder: s.outOfOrder,
      ledger: {
        exactlyOnce: l.exactlyOnce,
        duplicated: l.duplicated,
        extraEffects: l.extraEffects,
        lost: l.lostTotal,
        lostByReason: { ...l.lost },
        open: ledgerOpenCount(l),
        duplicatedIds: [...l.duplicatedIds],
        lostIds: [...l.lostIds],
      },
    };
  });
  return out;
}

function consumerReports(st: SimState): Record<string, ConsumerReport> {
  const now = st.nowUs;
  const out: Record<string, ConsumerReport> = {};
  for (let ci = 0; ci < st.consumers.length; ci++) {
    const c = st.consumers[ci]!;
    const s = c.stats;
    // Busy time = completed processing (the service histogram's exact sum) + work a crash threw
    // away + the work in progress now.
    let busyArea = s.service.sumUs + s.lostBusyUs;
    for (const d of st.deliveries)
      if (d && d.consumer === ci && d.loc === DLoc.InService) busyArea += now - d.serviceStartUs;
    out[st.nodeIds[c.node]!] = {
      up: c.up,
      removed: c.removed,
      ackMode: c.autoAck ? 'auto' : 'manual',
      failureProbability: c.failure.probability,
      concurrency: c.concurrency,
      prefetch: c.prefetch,
      busy: c.busy,
      unacked: c.unacked,
      delivered: s.delivered,
      redelivered: s.redelivered,
      acked: s.acked,
      failed: s.failed,
      effects: s.effects,
      duplicatesSkipped: s.duplicatesSkipped,
      staleAcks: s.staleAcks,
      idempotencyStore: dedupSize(c),
      throughputPerSec: perSec(s.acked, now),
      utilisation: now > 0 ? busyArea / now / c.concurrency : 0,
      attempts: {
        mean: s.acked > 0 ? 1 + s.retriesOfAcked / s.acked : 0,
        retried: s.retriedAcks,
        max: Math.max(s.attemptsMax, s.acked > 0 ? 1 : 0),
      },
      latencyMs: summarize(s.latency),
      waitMs: summarize(s.wait),
      serviceMs: summarize(s.service),
    };
  }
  return out;
}

export function report(st: SimState): RunReport {
  const now = st.nowUs;
  const exchanges: Record<string, ExchangeReport> = {};
  for (const x of st.exchanges) exchanges[st.nodeIds[x.node]!] = { ...x.stats };
  const b = st.broker;
  const t = st.totals;
  const acked = st.queues.reduce((n, q) => n + q.stats.acked, 0);
  const enqueued = st.queues.reduce((n, q) => n + q.stats.enqueued, 0);
  const delivered = st.consumers.reduce((n, c) => n + c.stats.delivered, 0);
  let live = 0;
  const places = {
    ready: 0,
    unacked: 0,
    retryWaiting: 0,
    toConsumer: 0,
    buffered: 0,
    inService: 0,
    ackInFlight: 0,
    detached: 0,
  };
  for (const m of st.msgs) {
    if (!m) continue;
    live++;
    if (m.loc === Loc.Ready) places.ready++;
    else if (m.loc === Loc.Unacked) places.unacked++;
    else if (m.loc === Loc.RetryWait) places.retryWaiting++;
    else if (m.loc === Loc.Detached) places.detached++;
  }
  for (const d of st.deliveries) {
    if (!d) continue;
    if (d.loc === DLoc.ToConsumer) places.toConsumer++;
    else if (d.loc === DLoc.Buffered) places.buffered++;
    else if (d.loc === DLoc.InService) places.inService++;
    else places.ackInFlight++;
  }
  return {
    scenario: st.name,
    seed: st.seed,
    tick: st.tick,
    simulatedMs: ms(now),
    totals: {
      published: t.published,
      routedCopies: t.routedCopies,
      enqueued,
      delivered,
      redelivered: t.redelivered,
      requeued: t.requeued,
      processed: t.processed,
      acked,
      inFlight: live,
      throughputPerSec: perSec(acked, now),
      deadLettered: t.deadLettered,
      unroutable: t.unroutable,
      returned: t.returned,
      effects: t.effects,
      duplicateEffects: t.duplicateEffects,
      gone: { ...t.gone },
      notRouted: { ...t.notRouted },
    },
    places,
    broker: {
      id: brokerName(st),
      up: b.up,
      alarm: b.alarm,
      held: b.held,
      unwritten: b.unwritten.length / 2,
      crashes: b.stats.crashes,
      alarms: b.stats.alarms,
      alarmMs: ms(b.stats.alarmUs + (b.alarm ? now - b.stats.alarmSinceUs : 0)),
    },
    producers: producerReports(st),
    exchanges,
    queues: queueReports(st),
    consumers: consumerReports(st),
    services: serviceReports(st, summarize),
    flow: st.services.length > 0 ? flowReport(st, summarize) : null,
    topics: topicReports(st),
    groups: groupReports(st, summarize),
    members: memberReports(st),
    logProducers: logProducerReports(st, summarize),
    logBrokers: [...st.log.brokersUp],
  };
}

/**
 * A series' points up to `nowUs`, without changing it: buckets the series has not reached yet
 * because nothing changed (a quiet queue, a crashed consumer) are filled in (the level for a
 * gauge, zero for a counter), and the partial last bucket is included.
 */
export function seriesPoints(s: Series, nowUs: number): { periodUs: number; values: number[] } {
  const values = s.values.slice();
  let start = s.curStartUs;
  if (nowUs >= start + s.periodUs) {
    // Close the current bucket, then whole idle buckets, as seriesAdvance would.
    const acc = s.gauge ? s.acc + s.level * (start + s.periodUs - s.lastUs) : s.acc;
    values.push(s.gauge ? acc / s.periodUs : acc);
    start += s.periodUs;
    while (nowUs >= start + s.periodUs) {
      values.push(s.gauge ? s.level : 0);
      start += s.periodUs;
    }
    const partialUs = nowUs - start;
    if (partialUs > 0) values.push(s.gauge ? s.level : 0);
    return { periodUs: s.periodUs, values };
  }
  const partialUs = nowUs - start;
  if (partialUs > 0) {
    const acc = s.gauge ? s.acc + s.level * (nowUs - s.lastUs) : s.acc;
    values.push(s.gauge ? acc / partialUs : acc);
  }
  return { periodUs: s.periodUs, values };
}
