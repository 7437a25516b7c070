/** Turning engine series and store buckets into chart points (see chartData.ts). */
import type { SeriesData } from './engineAccess';

/** [simulated seconds, value]; a null value is a gap (no data in that bucket). */
export type Point = [number, number | null];

export type Dash = 'solid' | 'dashed' | 'dotted';

export interface ChartLine {
  id: string;
  label: string;
  /** Index into the chart palette, stable per line. */
  color: number;
  /** Line pattern, so lines differ without relying on colour. */
  dash: Dash;
  solid: Point[];
  ghost: Point[];
}

export const seconds = (us: number): number => us / 1e6;

/**
 * Points of a series, one at the end of each bucket (the last one may be partial). A counter
 * becomes a rate per second of its bucket; a gauge (depth) is drawn as is, from 0 at time 0.
 * A partial last bucket of a rate is left out: one ack in its first 50 ms would read 20/s.
 */
export function seriesToPoints(d: SeriesData | null, nowUs: number, rate: boolean): Point[] {
  if (!d) return [];
  const pts: Point[] = rate ? [] : [[0, 0]];
  d.values.forEach((v, i) => {
    const startUs = i * d.periodUs;
    const endUs = Math.min((i + 1) * d.periodUs, nowUs);
    if (endUs <= startUs || (rate && endUs - startUs < d.periodUs)) return;
    pts.push([seconds(endUs), rate ? v / seconds(endUs - startUs) : v]);
  });
  return pts;
}

/**
 * The sum of counter series whose bucket widths differ by powers of two (each series doubles
 * its width on its own schedule): re-bucketed to the widest, then summed.
 */
export function sumCounters(all: readonly (SeriesData | null)[]): SeriesData | null {
  const present = all.filter((d): d is SeriesData => d !== null);
  if (present.length === 0) return null;
  const periodUs = Math.max(...present.map((d) => d.periodUs));
  const values: number[] = [];
  for (const d of present) {
    const f = Math.max(1, Math.round(periodUs / d.periodUs));
    d.values.forEach((v, i) => {
      const j = Math.floor(i / f);
      values[j] = (values[j] ?? 0) + v;
    });
  }
  for (let j = 0; j < values.length; j++) values[j] ??= 0;
  return { periodUs, values };
}

/**
 * A counter series in wider buckets (at least `widthUs`, a whole number of its own): acks per
 * 200 ms are mostly 0 or 1 and draw as spikes; per second they read as a rate.
 */
export function widenCounter(d: SeriesData | null, widthUs: number): SeriesData | null {
  if (!d || d.periodUs >= widthUs) return d;
  const f = Math.max(1, Math.floor(widthUs / d.periodUs));
  const values: number[] = [];
  d.values.forEach((v, i) => {
    const j = Math.floor(i / f);
    values[j] = (values[j] ?? 0) + v;
  });
  return { periodUs: d.periodUs * f, values };
}

/**
 * A gauge series (time-weighted means per bucket, the last one partial up to `nowUs`) in wider
 * buckets of a whole number of its own: the time-weighted mean of each group of buckets. Levels
 * read per 100 ms (busy workers, orders waiting) flicker between 0 and 1; per second they read.
 */
export function widenGauge(
  d: SeriesData | null,
  widthUs: number,
  nowUs: number,
): SeriesData | null {
  if (!d || d.periodUs >= widthUs) return d;
  const f = Math.max(1, Math.floor(widthUs / d.periodUs));
  const area: number[] = [];
  const span: number[] = [];
  d.values.forEach((v, i) => {
    const w = Math.max(0, Math.min(d.periodUs, nowUs - i * d.periodUs));
    const j = Math.floor(i / f);
    area[j] = (area[j] ?? 0) + v * w;
    span[j] = (span[j] ?? 0) + w;
  });
  return {
    periodUs: d.periodUs * f,
    values: area.map((a, j) => (span[j]! > 0 ? a / span[j]! : 0)),
  };
}

/** The ghost of a line: points after the cursor, joined to the solid line's last point. */
export function ghostAfter(pts: readonly Point[], cursorS: number, from: Point | undefined) {
  const rest = pts.filter((p) => p[0] > cursorS);
  return rest.length > 0 && from ? [from, ...rest] : rest;
}

/** A line over store buckets: values by bucket index, solid up to `solidCount`. */
export function bucketLine(
  base: Omit<ChartLine, 'solid' | 'ghost'>,
  values: readonly (number | null)[],
  timeOfIndex: (i: number) => number,
  solidCount: number,
  current: Point | null,
): ChartLine {
  const all: Point[] = values.map((v, i) => [timeOfIndex(i), v]);
  const solid = all.slice(0, solidCount);
  if (current) solid.push(current);
  const lastS = solid.at(-1)?.[0] ?? -1;
  return { ...base, solid, ghost: ghostAfter(all.slice(solidCount), lastS, solid.at(-1)) };
}
