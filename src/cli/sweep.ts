/**
 * `sim compare --sweep <producerId>.ratePerSec=<from>..<to>`: the same comparison at several
 * arrival rates of one workload producer, spaced geometrically, to find where a design collapses.
 * The rate is set by rewriting the producer's arrival in the raw comparison document, which is
 * then validated again, so each point is an ordinary comparison a user could have written.
 */

export const SWEEP_FORM = '<producerId>.ratePerSec=<from>..<to>';
export const SWEEP_PARAMS = ['ratePerSec'] as const;
export const MAX_SWEEP_RATE = 1_000_000;
export const DEFAULT_STEPS = 6;
export const MIN_STEPS = 2;
export const MAX_STEPS = 50;

export interface SweepSpec {
  producer: string;
  param: (typeof SWEEP_PARAMS)[number];
  from: number;
  to: number;
  steps: number;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A plain decimal number: "10", "0.5", "2.5e3" (no hex, no sign, no "Infinity"). */
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

export function parseSteps(text: string): Result<number> {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(n >= MIN_STEPS && n <= MAX_STEPS))
    return {
      ok: false,
      error: `--steps must be an integer from ${MIN_STEPS} to ${MAX_STEPS}, got ${JSON.stringify(text)}`,
    };
  return { ok: true, value: n };
}

/** Parse the text of --sweep (the producer id is checked later, against the document). */
export function parseSweep(text: string, steps = DEFAULT_STEPS): Result<SweepSpec> {
  const bad = (why: string): Result<SweepSpec> => ({
    ok: false,
    error: `--sweep ${JSON.stringify(text)}: ${why}`,
  });
  const eq = text.indexOf('=');
  if (eq < 0) return bad(`expected ${SWEEP_FORM}, for example orders.ratePerSec=10..400`);
  const target = text.slice(0, eq);
  const range = text.slice(eq + 1);
  // Node ids may hold dots, so the parameter is what follows the last one.
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return bad(`expected ${SWEEP_FORM}: name a producer and its parameter`);
  const producer = target.slice(0, dot);
  const param = target.slice(dot + 1);
  if (!(SWEEP_PARAMS as readonly string[]).includes(param))
    return bad(
      `only ${SWEEP_PARAMS.join(', ')} can be swept, got ${JSON.stringify(param || '(nothing)')}`,
    );
  const parts = range.split('..');
  if (parts.length !== 2) return bad('the range must be <from>..<to>, for example 10..400');
  const [fromText, toText] = parts as [string, string];
  for (const [name, t] of [
    ['from', fromText],
    ['to', toText],
  ] as const) {
    if (!NUMBER.test(t) || !(Number(t) > 0))
      return bad(
        `${name} must be a positive number of messages per second, got ${JSON.stringify(t)}`,
      );
    if (Number(t) > MAX_SWEEP_RATE)
      return bad(`${name} must be at most ${MAX_SWEEP_RATE.toLocaleString('en-US')}/s, got ${t}`);
  }
  const from = Number(fromText);
  const to = Number(toText);
  if (!(from < to)) return bad(`from must be less than to, got ${fromText}..${toText}`);
  return { ok: true, value: { producer, param: 'ratePerSec', from, to, steps } };
}

/** Round to 4 significant digits, for readable rates. */
const round4 = (x: number) => Number(x.toPrecision(4));

/**
 * `steps` rates from `from` to `to`, both included, spaced geometrically (each a constant factor
 * above the last). Inner rates are rounded to 4 significant digits unless that would make two
 * equal; the ends are exact.
 */
export function sweepRates(from: number, to: number, steps: number): number[] {
  const exact = Array.from({ length: steps }, (_, i) =>
    i === 0 ? from : i === steps - 1 ? to : from * Math.pow(to / from, i / (steps - 1)),
  );
  const rounded = exact.map((r, i) => (i === 0 || i === steps - 1 ? r : round4(r)));
  return rounded.every((r, i) => i === 0 || r > rounded[i - 1]!) ? rounded : exact;
}

function record(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : null;
}

/** The ids of the workload's producers, in document order. */
export function workloadIds(raw: unknown): string[] {
  const workload = record(raw)?.workload;
  return Array.isArray(workload)
    ? workload.map((n) => record(n)?.id).filter((id): id is string => typeof id === 'string')
    : [];
}

/** The producer must be one of the workload's; the error lists the ones there are. */
export function checkSweepProducer(raw: unknown, spec: SweepSpec): string | null {
  const ids = workloadIds(raw);
  if (ids.includes(spec.producer)) return null;
  return (
    `--sweep: no producer ${JSON.stringify(spec.producer)} in the comparison's workload; ` +
    `the workload's producers are: ${ids.join(', ')}`
  );
}

/** A new arrival whose mean gap is 1000/rate ms, of the same kind as the old one. */
function arrivalAt(arrival: unknown, rate: number): Result<Record<string, unknown>> {
  const a = record(arrival);
  const meanMs = 1000 / rate;
  switch (a?.dist) {
    case 'exponential':
    case 'lognormal':
      return { ok: true, value: { ...a, meanMs } };
    case 'constant':
      return { ok: true, value: { ...a, ms: meanMs } };
    case 'uniform': {
      const min = Number(a.minMs);
      const max = Number(a.maxMs);
      const mean = (min + max) / 2;
      if (!(mean > 0))
        return {
          ok: false,
          error:
            'a uniform arrival with a zero mean (minMs = maxMs = 0) cannot be scaled to a rate',
        };
      const k = meanMs / mean;
      return { ok: true, value: { ...a, minMs: min * k, maxMs: max * k } };
    }
    default:
      return {
        ok: false,
        error: `its arrival must be exponential, constant, uniform or lognormal to set a rate`,
      };
  }
}

/** A copy of the raw comparison with the producer's arrival set to `rate` messages per second. */
export function withRate(raw: unknown, producer: string, rate: number): Result<unknown> {
  const doc = record(raw) ?? {};
  const workload = Array.isArray(doc.workload) ? (doc.workload as unknown[]) : [];
  const index = workload.findIndex((n) => record(n)?.id === producer);
  const node = record(workload[index]);
  if (!node) return { ok: false, error: `no producer ${JSON.stringify(producer)} in the workload` };
  const arrival = arrivalAt(node.arrival, rate);
  if (!arrival.ok)
    return { ok: false, error: `workload[${index}] (${producer}): ${arrival.error}` };
  const copy = [...workload];
  copy[index] = { ...node, arrival: arrival.value };
  return { ok: true, value: { ...doc, workload: copy } };
}
