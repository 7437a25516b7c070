/**
 * The readable report: a header line, then one table each for totals, producers, queues and
 * consumers. Times are in milliseconds and rates per second, as in the JSON output.
 */
import type { RunReport } from '../engine';
import { formatDuration } from './duration';
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
  ]);
  return renderTable(['producer', 'published', 'rate/s', 'paused'], rows);
}

function queues(r: RunReport): string[] {
  const rows = Object.entries(r.queues).map(([id, q]) => [
    id,
    int(q.depth),
    int(q.depthMax),
    num(q.depthMean),
    int(q.enqueued),
    int(q.delivered),
    num(q.arrivalRatePerSec),
    num(q.meanWaitMs),
  ]);
  return renderTable(
    [
      'queue',
      'depth',
      'depth max',
      'depth mean',
      'enqueued',
      'delivered',
      'arrivals/s',
      'wait mean ms',
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
    queues(r),
    consumers(r),
    [
      'Times in ms (latency = publish to ack, wait = ready in queue to delivery, service = processing).',
    ],
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
