/**
 * Durations on the command line: `500ms`, `60s`, `10m`, `1h`, `2d`, combinations such as
 * `1h30m`, or a plain number of milliseconds (`90000`). Decimals are allowed (`1.5s`).
 */

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export const DURATION_FORMS = '500ms, 60s, 10m, 1h, 2d, 1h30m or a plain number of milliseconds';

export type DurationResult = { ok: true; ms: number } | { ok: false; error: string };

const PLAIN = /^\d+(?:\.\d+)?$/;
// One number and unit; `ms` is listed before `m` so that "500ms" is not read as "500m" + "s".
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/** Parse a duration into milliseconds; the error names the text and the accepted forms. */
export function parseDuration(text: string): DurationResult {
  const bad = (why: string): DurationResult => ({
    ok: false,
    error: `${why} ${JSON.stringify(text)}; use ${DURATION_FORMS}`,
  });
  if (text.length === 0) return bad('empty duration');
  let ms: number;
  if (PLAIN.test(text)) {
    ms = Number(text);
  } else {
    ms = 0;
    PART.lastIndex = 0;
    const seen = new Set<string>();
    while (PART.lastIndex < text.length) {
      const match = PART.exec(text);
      if (!match) return bad('not a duration:');
      const unit = match[2]!;
      if (seen.has(unit)) return bad(`unit "${unit}" given twice in`);
      seen.add(unit);
      ms += Number(match[1]) * UNIT_MS[unit]!;
    }
  }
  if (!Number.isFinite(ms)) return bad('not a finite duration:');
  if (ms <= 0) return bad('the duration must be greater than zero, got');
  return { ok: true, ms };
}

/** A readable rendering of a duration in ms: `1h 30m`, `90s`, `250ms`, `1.5ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit]!;
    const n = unit === 's' ? Number((rest / size).toFixed(3)) : Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= unit === 's' ? rest : n * size;
  }
  return parts.join(' ');
}
