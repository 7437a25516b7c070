/**
 * Time series with bounded memory. Values are kept per bucket of `periodUs`; when `cap` buckets
 * are full, neighbours are merged pairwise and the period doubles, so a run of any length keeps
 * at most `cap` points and the early part of the run is never dropped, only coarsened.
 *
 * Two flavours share the code: a gauge (time-weighted mean of a level, e.g. queue depth) and a
 * counter (events per bucket, e.g. acks, from which throughput is derived).
 */

export interface Series {
  gauge: boolean;
  periodUs: number;
  cap: number;
  /** Completed buckets: mean level (gauge) or count (counter). */
  values: number[];
  /** Start of the bucket being filled (= values.length · periodUs). */
  curStartUs: number;
  /** Gauge: level·µs so far in the current bucket. Counter: events so far. */
  acc: number;
  lastUs: number;
  level: number;
}

export function createSeries(gauge: boolean, periodUs: number, cap = 600): Series {
  return { gauge, periodUs, cap, values: [], curStartUs: 0, acc: 0, lastUs: 0, level: 0 };
}

function compact(s: Series): void {
  const v = s.values;
  const half = v.length >> 1;
  for (let i = 0; i < half; i++) {
    const x = v[2 * i]!;
    const y = v[2 * i + 1]!;
    v[i] = s.gauge ? (x + y) / 2 : x + y;
  }
  v.length = half;
  s.periodUs *= 2;
  // curStartUs is unchanged: half buckets of twice the width end where they ended.
}

/** Close every bucket that ends at or before `nowUs`. */
export function seriesAdvance(s: Series, nowUs: number): void {
  while (nowUs >= s.curStartUs + s.periodUs) {
    const end = s.curStartUs + s.periodUs;
    if (s.gauge) {
      s.acc += s.level * (end - s.lastUs);
      s.values.push(s.acc / s.periodUs);
    } else {
      s.values.push(s.acc);
    }
    s.curStartUs = end;
    s.lastUs = end;
    s.acc = 0;
    if (s.values.length >= s.cap) compact(s);
  }
  if (s.gauge) s.acc += s.level * (nowUs - s.lastUs);
  s.lastUs = nowUs;
}

export function seriesSetLevel(s: Series, nowUs: number, level: number): void {
  seriesAdvance(s, nowUs);
  s.level = level;
}

export function seriesCount(s: Series, nowUs: number, n = 1): void {
  seriesAdvance(s, nowUs);
  s.acc += n;
}

/** ∫ level dt (gauge) or the event count (counter) from 0 to `nowUs`, without changing the series. */
export function seriesTotal(s: Series, nowUs: number): number {
  let total = 0;
  for (const v of s.values) total += v;
  if (!s.gauge) return total + s.acc;
  // Merging keeps areas: the mean of two buckets times twice the width is their summed area.
  return total * s.periodUs + s.acc + s.level * (nowUs - s.lastUs);
}
