/**
 * The charts' numbers as a table: one row per chart bucket (the store's buckets, at least 1 s
 * of simulated time each, at most 600 per run) from time 0 up to the current time; the last row
 * is the bucket being filled when the current tick is not on a boundary (its end is now).
 *
 * The engine's depth and ack series have their own, finer buckets (which double in width as a
 * run grows); each is re-read over the row's interval: depth as the time-weighted mean, acks as
 * a count turned into a rate. Where a series bucket straddles a row's edge (only once the series
 * has grown coarser than the chart buckets), its count is shared in proportion to the overlap.
 */
import type { ExportData, SeriesData } from '../store';
import type { CsvValue } from './csv';

export interface Table {
  header: string[];
  rows: CsvValue[][];
}

/** The part of [a, b) covered by series bucket k, which spans [k·P, min((k+1)·P, nowUs)). */
function overlapUs(k: number, periodUs: number, nowUs: number, a: number, b: number): number {
  const lo = Math.max(a, k * periodUs);
  const hi = Math.min(b, (k + 1) * periodUs, nowUs);
  return Math.max(0, hi - lo);
}

/** Time-weighted mean of a gauge over [a, b), or null where the series does not reach. */
export function gaugeMean(d: SeriesData | null, nowUs: number, a: number, b: number) {
  if (!d) return null;
  let area = 0;
  let covered = 0;
  const first = Math.floor(a / d.periodUs);
  for (let k = first; k < d.values.length && k * d.periodUs < b; k++) {
    const o = overlapUs(k, d.periodUs, nowUs, a, b);
    area += d.values[k]! * o;
    covered += o;
  }
  return covered > 0 ? area / covered : null;
}

/** Events of a counter in [a, b) (a share of a bucket that straddles an edge). */
export function counterSum(d: SeriesData | null, nowUs: number, a: number, b: number) {
  if (!d) return null;
  let sum = 0;
  const first = Math.floor(a / d.periodUs);
  for (let k = first; k < d.values.length && k * d.periodUs < b; k++) {
    const spanUs = Math.min((k + 1) * d.periodUs, nowUs) - k * d.periodUs;
    if (spanUs > 0) sum += (d.values[k]! * overlapUs(k, d.periodUs, nowUs, a, b)) / spanUs;
  }
  return sum;
}

/** Rounded for a file a person reads: 6 significant decimals at most, no float noise. */
const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e6);

export function metricsTable(d: ExportData): Table {
  const widthUs = d.bucketTicks * d.tickUs;
  const rowCount = Math.ceil(d.tick / d.bucketTicks);
  const totalAcks = d.acks.length >= 2;
  const header = [
    'start_s',
    'end_s',
    ...d.depth.map((q) => `depth_mean:${q.id}`),
    ...(totalAcks ? ['throughput_per_s:all'] : []),
    ...d.acks.map((c) => `throughput_per_s:${c.id}`),
    'acks_in_bucket',
    'latency_p50_ms',
    'latency_p95_ms',
    'latency_p99_ms',
    'in_flight_at_end',
  ];
  const rows: CsvValue[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const a = i * widthUs;
    const b = Math.min((i + 1) * widthUs, d.nowUs);
    const sec = (b - a) / 1e6;
    const rates = d.acks.map((c) => {
      const n = counterSum(c.series, d.nowUs, a, b);
      return n === null ? null : n / sec;
    });
    const all = rates.reduce<number>((s, r) => s + (r ?? 0), 0);
    const lat = i < d.latency.length ? d.latency[i] : (d.latencyPartial ?? undefined);
    const pct = (v: number | undefined) => (lat && lat.count > 0 && v !== undefined ? v : null);
    // Sampled at each boundary; the partial last bucket ends now.
    const inFlightEnd = b === (i + 1) * widthUs ? d.inFlight[i + 1] : d.report.totals.inFlight;
    rows.push([
      round(a / 1e6),
      round(b / 1e6),
      ...d.depth.map((q) => round(gaugeMean(q.series, d.nowUs, a, b))),
      ...(totalAcks ? [round(all)] : []),
      ...rates.map(round),
      lat?.count ?? 0,
      round(pct(lat?.p50Ms)),
      round(pct(lat?.p95Ms)),
      round(pct(lat?.p99Ms)),
      inFlightEnd ?? null,
    ]);
  }
  return { header, rows };
}
