/**
 * The readable report: a header line, then one table each for totals, producers, queues and
 * consumers, for a service flow (issue 4) the services and the orders, and for a log broker
 * (issue 5) the producers that write to topics, the partitions, the topics and the groups. Times are in
 * milliseconds and rates per second, as in the JSON output. Tables with no rows are left out.
 */
import type { RunReport } from '../engine';
import { formatDuration } from './duration';
import {
  groupTable,
  logLegend,
  logLines,
  logProducerTable,
  partitionTable,
  topicTable,
} from './formatLog';
import { int, num, pct, renderTable } from './table';

export interface RunInfo {
  /** Where the scenario came from, for the header: a preset id or a file path. */
  source: { preset: string } | { file: string };
  tickMs: number;
}

function header(r: RunReport, info: RunInfo): string {
  const from =
    'preset' in info.source ? `preset ${info.source.preset}` : `file ${info.source.file}`;
  return (
    `${r.scenario}  (${from}, seed ${r.seed}, simulated ${formatDuration(r.simulatedMs)} = ` +
    `${r.simulatedMs} ms in ${r.tick} ticks of ${info.tickMs} ms)`
  );
}

function totals(r: RunReport): string[] {
  const t = r.totals;
  return renderTable(
    [
      'totals',
      'published',
      'enqueued',
      'delivered',
      'redelivered',
      'requeued',
      'processed',
      'acked',
      'in flight',
      'acked/s',
    ],
    [
      [
        'all',
        int(t.published),
        int(t.enqueued),
        int(t.delivered),
        int(t.redelivered),
        int(t.requeued),
        int(t.processed),
        int(t.acked),
        int(t.inFlight),
        num(t.throughputPerSec),
      ],
    ],
  );
}

function producers(r: RunReport): string[] {
  const rows = Object.entries(r.producers).map(([id, p]) => [
    id,
    int(p.published),
    num(p.ratePerSec),
    p.paused ? 'yes' : 'no',
    int(p.confirmedAck),
    int(p.confirmedNack),
    int(p.retries),
    int(p.returned),
    int(p.dropped),
    num(p.blockedMs),
  ]);
  return renderTable(
    [
      'producer',
      'published',
      'rate/s',
      'paused',
      'confirm ack',
      'nack',
      'retries',
      'returned',
      'dropped',
      'blocked ms',
    ],
    rows,
  );
}

const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
const reasons = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([k, n]) => `${k} ${int(n)}`)
    .join(', ');

/** Why messages left without an ack, when any did. */
function fates(r: RunReport): string[] {
  const lines: string[] = [];
  if (sum(r.totals.gone) > 0) lines.push(`gone without an ack: ${reasons(r.totals.gone)}`);
  if (sum(r.totals.notRouted) > 0)
    lines.push(`never reached a queue: ${reasons(r.totals.notRouted)}`);
  for (const [id, q] of Object.entries(r.queues))
    if (sum(q.deadLettered) > 0) lines.push(`dead-lettered from ${id}: ${reasons(q.deadLettered)}`);
  if (r.broker.crashes > 0 || r.broker.alarms > 0)
    lines.push(
      `broker ${r.broker.id}: ${int(r.broker.crashes)} crash(es), ${int(r.broker.alarms)} memory alarm(s) for ${num(r.broker.alarmMs)} ms`,
    );
  return lines;
}

/** The delivery-guarantee ledger: how many messages had their effect once, twice, never. */
function ledger(r: RunReport): string[] {
  const rows = Object.entries(r.queues)
    .filter(
      ([, q]) => q.ledger.exactlyOnce + q.ledger.duplicated + q.ledger.lost + q.ledger.open > 0,
    )
    .map(([id, q]) => [
      id,
      int(q.ledger.exactlyOnce),
      int(q.ledger.duplicated),
      int(q.ledger.lost),
      reasons(q.ledger.lostByReason),
    ]);
  return rows.length > 0
    ? renderTable(['ledger', 'exactly once', 'duplicated', 'lost', 'lost by reason'], rows)
    : [];
}

/** Service nodes: requests handled, worker time busy and blocked on calls, response times. */
function services(r: RunReport): string[] {
  const rows = Object.entries(r.services).map(([id, s]) => [
    id,
    s.state,
    int(s.received),
    int(s.succeeded),
    int(s.failed),
    int(s.rejected),
    pct(s.utilisation),
    pct(s.blockedShare),
    num(s.responseMs.p50),
    num(s.responseMs.p99),
  ]);
  return rows.length > 0
    ? renderTable(
        [
          'service',
          'state',
          'received',
          'succeeded',
          'failed',
          'rejected',
          'busy',
          'blocked',
          'response p50',
          'p99',
        ],
        rows,
        2,
      )
    : [];
}

/** The orders through a service flow: what the clients were told, and what really happened. */
function flow(r: RunReport): string[] {
  const f = r.flow;
  if (!f) return [];
  return renderTable(
    [
      'flow',
      'orders',
      'accepted',
      'rejected',
      'failed',
      'completed',
      'lost',
      'inconsistent',
      'pending',
      'client p50',
      'p99',
      'all done p50',
      'p99',
    ],
    [
      [
        'orders',
        int(f.orders),
        int(f.accepted),
        int(f.rejected),
        int(f.failed),
        int(f.completed),
        int(f.lost),
        int(f.inconsistent),
        int(f.pending),
        num(f.clientLatencyMs.p50),
        num(f.clientLatencyMs.p99),
        num(f.endToEndMs.p50),
        num(f.endToEndMs.p99),
      ],
    ],
  );
}

const unlessEmpty = (table: string[]) => (table.length > 1 ? table : []);

function queues(r: RunReport): string[] {
  const rows = Object.entries(r.queues).map(([id, q]) => [
    id,
    int(q.depth),
    int(q.depthMax),
    num(q.depthMean),
    int(q.unacked),
    int(q.enqueued),
    int(q.delivered),
    num(q.arrivalRatePerSec),
    num(q.meanWaitMs),
    int(q.requeued),
    int(sum(q.deadLettered)),
  ]);
  return renderTable(
    [
      'queue',
      'depth',
      'depth max',
      'depth mean',
      'unacked',
      'enqueued',
      'delivered',
      'arrivals/s',
      'wait mean ms',
      'requeued',
      'dead-lettered',
    ],
    rows,
  );
}

function consumers(r: RunReport): string[] {
  const rows = Object.entries(r.consumers).map(([id, c]) => [
    id,
    c.up ? 'up' : 'down',
    int(c.acked),
    int(c.redelivered),
    int(c.failed),
    int(c.duplicatesSkipped),
    num(c.throughputPerSec),
    pct(c.utilisation),
    num(c.latencyMs.mean),
    num(c.latencyMs.p50),
    num(c.latencyMs.p95),
    num(c.latencyMs.p99),
    num(c.waitMs.mean),
    num(c.serviceMs.mean),
  ]);
  return renderTable(
    [
      'consumer',
      'state',
      'acked',
      'redelivered',
      'failed',
      'dup skipped',
      'acked/s',
      'busy',
      'latency mean',
      'p50',
      'p95',
      'p99',
      'wait mean',
      'service mean',
    ],
    rows,
  );
}

/** The whole report as text, ending with a newline. */
export function formatReport(r: RunReport, info: RunInfo): string {
  const sections = [
    [header(r, info)],
    totals(r),
    producers(r),
    unlessEmpty(queues(r)),
    unlessEmpty(consumers(r)),
    services(r),
    flow(r),
    logProducerTable(r),
    partitionTable(r),
    topicTable(r),
    groupTable(r),
    ledger(r),
    [...fates(r), ...logLines(r)],
    [
      'Times in ms (latency = publish to ack, wait = ready in queue to delivery, service = processing).',
      ...(r.flow
        ? [
            'Services: response = request received to reply; busy and blocked = share of worker time.',
            'Orders: client = placed to answer; all done = placed to every effect applied.',
          ]
        : []),
      ...logLegend(r),
    ],
  ];
  return (
    sections
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.join('\n'))
      .join('\n\n') + '\n'
  );
}
