/** Validating inputs and input timelines (from a link, a file or the page) against a scenario. */
import * as v from 'valibot';
import { INPUT_ID_FIELDS, InputSchema, type Input, type TimedInput } from './inputSchema';
import type { Scenario } from './scenarioSchema';
import { issueLines, type Validation } from './validate';

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Validate one input against the schema and the scenario's node kinds. */
export function validateInput(raw: unknown, scenario: Scenario, at = 'input'): Validation<Input> {
  const result = v.safeParse(InputSchema, raw);
  if (!result.success) return { ok: false, errors: issueLines(result.issues, at) };
  const input = result.output as Record<string, unknown>;
  const errors: string[] = [];
  for (const [field, want] of Object.entries(INPUT_ID_FIELDS)) {
    const id = input[field];
    if (typeof id !== 'string') continue;
    const found = scenario.nodes.find((n) => n.id === id)?.kind;
    if (found !== want)
      errors.push(
        `${at}.${field}: ${found ? `${JSON.stringify(id)} is a ${found}, not a ${want}` : `unknown node id ${JSON.stringify(id)}`}`,
      );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: result.output };
}

/** Validate a whole input timeline against a scenario; entries come back sorted by tick. */
export function validateTimeline(
  raw: unknown,
  scenario: Scenario,
  maxItems = 10_000,
): Validation<TimedInput[]> {
  if (!Array.isArray(raw)) return { ok: false, errors: ['inputs: must be a list'] };
  if (raw.length > maxItems)
    return {
      ok: false,
      errors: [`inputs: must hold at most ${maxItems} entries, got ${raw.length}`],
    };
  const errors: string[] = [];
  const out: TimedInput[] = [];
  raw.forEach((entry: unknown, i) => {
    const rec = asRecord(entry);
    const tick = rec?.tick;
    if (typeof tick !== 'number' || !Number.isInteger(tick) || tick < 0) {
      errors.push(
        `inputs[${i}].tick: must be an integer >= 0, got ${JSON.stringify(tick) ?? 'nothing'}`,
      );
      return;
    }
    const input = validateInput(rec?.input, scenario, `inputs[${i}].input`);
    if (input.ok) out.push({ tick, input: input.value });
    else errors.push(...input.errors);
  });
  if (errors.length > 0) return { ok: false, errors };
  // A stable sort keeps inputs of the same tick in the order they were given.
  out.sort((a, b) => a.tick - b.tick);
  return { ok: true, value: out };
}
