/**
 * Small valibot building blocks whose messages read like the ones a user should see:
 * "must be a positive number, got -3". The path is added by `formatIssues` in validate.ts.
 */
import * as v from 'valibot';

/** A short, safe rendering of any received value for an error message. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const got = (issue: { input: unknown }) => `got ${show(issue.input)}`;

/** A finite number in [min, max], with `label` naming the expectation. */
export function numberIn(min: number, max: number, label: string, exclusiveMin = false) {
  return v.pipe(
    v.number((i) => `must be ${label}, ${got(i)}`),
    v.check(
      (n) => Number.isFinite(n) && (exclusiveMin ? n > min : n >= min),
      (i) => `must be ${label}, ${got(i)}`,
    ),
    v.check(
      (n) => n <= max,
      (i) => `must be at most ${max}, ${got(i)}`,
    ),
  );
}

export function positiveNumber(max: number) {
  return numberIn(0, max, 'a positive number', true);
}

export function nonNegativeNumber(max: number) {
  return numberIn(0, max, 'a number >= 0');
}

export function integerIn(min: number, max: number) {
  return v.pipe(
    v.number((i) => `must be an integer from ${min} to ${max}, ${got(i)}`),
    v.check(
      (n) => Number.isInteger(n) && n >= min && n <= max,
      (i) => `must be an integer from ${min} to ${max}, ${got(i)}`,
    ),
  );
}

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export const nodeId = v.pipe(
  v.string((i) => `must be a node id (text), ${got(i)}`),
  v.regex(
    ID_PATTERN,
    (i) => `must be a node id: a letter, then up to 63 letters, digits, '_', '.' or '-', ${got(i)}`,
  ),
);

export function text(maxLength: number) {
  return v.pipe(
    v.string((i) => `must be text, ${got(i)}`),
    v.maxLength(
      maxLength,
      (i) => `must be at most ${maxLength} characters, got ${String((i.input as string).length)}`,
    ),
  );
}

export function literalOf<const T extends string | number>(value: T) {
  return v.literal(value, (i) => `must be ${JSON.stringify(value)}, ${got(i)}`);
}

export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, (i) => `must be one of ${options.join(', ')}, ${got(i)}`);
}

export const bool = v.boolean((i) => `must be true or false, ${got(i)}`);

export const probability = numberIn(0, 1, 'a probability from 0 to 1');

/** Message headers or binding arguments: a small record of text or number values. */
export const headerMap = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.regex(
        /^[A-Za-z0-9_.:-]{1,64}$/,
        (i) => `header names must be 1-64 letters, digits, '_', '.', ':' or '-', ${got(i)}`,
      ),
    ),
    v.union(
      [v.pipe(v.string(), v.maxLength(200)), v.number()],
      (i) => `must be text or a number, ${got(i)}`,
    ),
    (i) => `must be an object of header names to values, ${got(i)}`,
  ),
  v.check((r) => Object.keys(r).length <= 16, 'must hold at most 16 headers'),
);

/** A routing key or binding key: dot-separated words, at most 255 characters. */
export const routingKey = v.pipe(
  v.string((i) => `must be a routing key (text), ${got(i)}`),
  v.maxLength(255, 'must be at most 255 characters'),
  v.check((k) => ![...k].some((ch) => ch.charCodeAt(0) < 32), 'must not hold control characters'),
);

export function strictObject<const T extends v.ObjectEntries>(entries: T, what = 'an object') {
  return v.strictObject(entries, (i) =>
    i.expected === 'never' ? 'is not a known field' : `must be ${what}, ${got(i)}`,
  );
}

export function arrayOf<const T extends v.GenericSchema>(item: T, maxItems: number, what: string) {
  return v.pipe(
    v.array(item, (i) => `must be a list of ${what}, ${got(i)}`),
    v.maxLength(
      maxItems,
      (i) => `must hold at most ${maxItems} ${what}, got ${String((i.input as unknown[]).length)}`,
    ),
  );
}
