/**
 * Lines of the charts from engine series, each solid up to the current tick and faint after it
 * up to the explored horizon (the same series read from the horizon's state). Two kinds of
 * series: level and counter series (series.ts: depth, lag, busy workers, acks, orders) and
 * latency series (latencySeries.ts: percentiles per bucket).
 */
import type { SimState } from '../engine';
import type { SeriesData } from './engineAccess';
import type { LatencyPoints } from './engineAccessSeries';
import {
  ghostAfter,
  seconds,
  seriesToPoints,
  sumCounters,
  widenCounter,
  widenGauge,
  type ChartLine,
  type Dash,
  type Point,
} from './chartPoints';
import type { Run } from './run';

/** One line's source: a series read from an engine state. */
export interface SeriesSource {
  id: string;
  label: string;
  dash?: Dash;
  read(sim: Readonly<SimState>): SeriesData | null;
}

/** The solid part from the current state, the ghost from the horizon's. */
function twoParts(
  run: Run,
  toPoints: (sim: Readonly<SimState>) => Point[],
): { solid: Point[]; ghost: Point[] } {
  const sim = run.sim();
  const horizon = run.horizonSim();
  const solid = toPoints(sim);
  const ghost = horizon ? ghostAfter(toPoints(horizon), seconds(sim.nowUs), solid.at(-1)) : [];
  return { solid, ghost };
}

/**
 * One line per source; a counter (`rate`) becomes a rate per second in buckets of at least the
 * chart's bucket width. `total`: a dashed line of all the sources summed first, if several.
 */
export function seriesLines(
  run: Run,
  sources: readonly SeriesSource[],
  rate: boolean,
  total?: string,
  firstColor = 0,
): ChartLine[] {
  const widthUs = run.buckets.ticks * run.sim().tickUs;
  // Every line in buckets of the chart's width (≥ 1 s): counters as rates, gauges as means.
  const read = (src: SeriesSource, s: Readonly<SimState>) =>
    rate ? widenCounter(src.read(s), widthUs) : widenGauge(src.read(s), widthUs, s.nowUs);
  const line = (
    id: string,
    label: string,
    color: number,
    dash: Dash,
    get: (s: Readonly<SimState>) => SeriesData | null,
  ): ChartLine => ({
    id,
    label,
    color,
    dash,
    ...twoParts(run, (s) => seriesToPoints(get(s), s.nowUs, rate)),
  });
  const withTotal = rate && total !== undefined && sources.length >= 2;
  const base = firstColor + (withTotal ? 1 : 0);
  const lines = sources.map((src, i) =>
    line(src.id, src.label, base + i, src.dash ?? 'solid', (s) => read(src, s)),
  );
  if (!withTotal) return lines;
  const sum = (s: Readonly<SimState>) => sumCounters(sources.map((src) => read(src, s)));
  return [line('total', total, firstColor, 'dashed', sum), ...lines];
}

export const PERCENTILES = [
  ['p50', 'p50Us', 'solid'],
  ['p95', 'p95Us', 'dashed'],
  ['p99', 'p99Us', 'dotted'],
] as const;

/** Points of one percentile: at each bucket's end (the open bucket's at now), in ms; gaps where empty. */
function latencyToPoints(
  d: LatencyPoints | null,
  nowUs: number,
  key: 'p50Us' | 'p95Us' | 'p99Us',
): Point[] {
  if (!d) return [];
  return d.count.map((n, i) => [
    seconds(Math.min((i + 1) * d.periodUs, nowUs)),
    n > 0 ? d[key][i]! / 1000 : null,
  ]);
}

/** A latency source: percentiles per bucket read from an engine state. */
export interface LatencySource {
  id: string;
  /** Prefix of the line labels ("orders" → "orders p50"); '' for plain "p50". */
  label: string;
  read(sim: Readonly<SimState>): LatencyPoints | null;
}

/** p50, p95 and p99 lines of a latency source (or only p50 and p99), with the given colours. */
export function latencyLines(
  run: Run,
  src: LatencySource,
  color: (percentile: number) => number,
  only?: readonly string[],
): ChartLine[] {
  const shown = only ? PERCENTILES.filter(([p]) => only.includes(p)) : PERCENTILES;
  return shown.map(([p, key, dash], i) => ({
    id: `${src.id}-${p}`,
    label: src.label ? `${src.label} ${p}` : p,
    color: color(i),
    dash,
    ...twoParts(run, (s) => latencyToPoints(src.read(s), s.nowUs, key)),
  }));
}
