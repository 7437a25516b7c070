/** A question's answer is a number read from the run's report by a dotted path. */

export type MetricRead = { ok: true; value: number } | { ok: false; error: string };

export function readMetric(report: unknown, path: string): MetricRead {
  let at: unknown = report;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key))
      return { ok: false, error: `the report has no "${keys.slice(0, i + 1).join('.')}"` };
    at = (at as Record<string, unknown>)[key];
  }
  if (typeof at !== 'number' || !Number.isFinite(at))
    return { ok: false, error: `"${path}" is not a number in the report` };
  return { ok: true, value: at };
}

/** A choice is right when the value is in [min, max]; a missing bound is open. */
export function choiceHolds(c: { min?: number; max?: number }, value: number): boolean {
  return (c.min === undefined || value >= c.min) && (c.max === undefined || value <= c.max);
}

/** The index of the choice the value falls in, or -1 (the lesson's choices leave a gap). */
export function rightChoice(choices: readonly { min?: number; max?: number }[], value: number) {
  return choices.findIndex((c) => choiceHolds(c, value));
}

/** The explanation with the run's number in it. */
export function explainWith(explain: string, value: number): string {
  const shown = Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1);
  return explain.replaceAll('{value}', shown);
}
