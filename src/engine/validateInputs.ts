/** Validating inputs and input timelines (from a link, a file or the page) against a scenario. */
import * as v from 'valibot';
import { INPUT_ID_FIELDS, InputSchema, type Input, type TimedInput } from './inputSchema';
import type { Scenario } from './scenarioSchema';
import { issueLines, type Validation } from './validate';
import {
  checkConsumerIds,
  foldConsumerIds,
  newConsumerIds,
  scheduleInOrder,
  tickUsOf,
  type ConsumerIds,
} from './validateScale';

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const kindError =
  (want: string) =>
  (path: string, id: string, found: string | undefined): string =>
    `${path}: ${found ? `${JSON.stringify(id)} is a ${found}, not a ${want}` : `unknown node id ${JSON.stringify(id)}`}`;

/**
 * Validate one input against the schema and the scenario's node kinds. `ids` holds the consumers
 * that earlier inputs added and removed (validateScale.ts); an accepted input adds its own.
 */
export function validateInput(
  raw: unknown,
  scenario: Scenario,
  at = 'input',
  ids: ConsumerIds = newConsumerIds(),
): Validation<Input> {
  const result = v.safeParse(InputSchema, raw);
  if (!result.success) return { ok: false, errors: issueLines(result.issues, at) };
  const input = result.output as Record<string, unknown>;
  const errors: string[] = [];
  const kindOf = (id: string) => scenario.nodes.find((n) => n.id === id)?.kind;
  for (const [field, want] of Object.entries(INPUT_ID_FIELDS)) {
    const id = input[field];
    if (typeof id !== 'string' || field === 'consumerId') continue;
    const found = kindOf(id);
    if (found !== want) errors.push(kindError(want)(`${at}.${field}`, id, found));
  }
  const consumers = checkConsumerIds(input, kindOf, ids, at, kindError('consumer'));
  errors.push(...consumers.errors);
  if (errors.length > 0) return { ok: false, errors };
  consumers.record();
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
  const entries: { i: number; tick: number; input: unknown }[] = [];
  raw.forEach((entry: unknown, i) => {
    const rec = asRecord(entry);
    const tick = rec?.tick;
    if (typeof tick !== 'number' || !Number.isInteger(tick) || tick < 0)
      errors.push(
        `inputs[${i}].tick: must be an integer >= 0, got ${JSON.stringify(tick) ?? 'nothing'}`,
      );
    else entries.push({ i, tick, input: rec?.input });
  });
  // In the order the engine applies them (a stable sort keeps inputs of one tick in the order
  // given), so an input may name a consumer an earlier one added, with the scheduled inputs that
  // run before each.
  entries.sort((a, b) => a.tick - b.tick);
  const ids = newConsumerIds();
  const schedule = scheduleInOrder(scenario);
  const tickUs = tickUsOf(scenario);
  let folded = 0;
  const out: TimedInput[] = [];
  for (const e of entries) {
    // A timeline input runs at the start of its tick, before what is scheduled at that instant.
    for (; folded < schedule.length && schedule[folded]!.us < e.tick * tickUs; folded++)
      foldConsumerIds(ids, schedule[folded]!.input);
    const input = validateInput(e.input, scenario, `inputs[${e.i}].input`, ids);
    if (input.ok) out.push({ tick: e.tick, input: input.value });
    else errors.push(...input.errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: out };
}
