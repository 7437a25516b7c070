/**
 * Scenario validation: the schema (field by field) plus the checks a schema cannot express
 * (duplicate ids, links to unknown or wrong-kind nodes). Every problem is reported, each as
 * "path: reason", and the function never throws, whatever it is given.
 */
import * as v from 'valibot';
import { NODE_KINDS, ScenarioSchema, type Scenario } from './scenarioSchema';
import { InputSchema, type Input, type TimedInput } from './inputSchema';
import { ID_PATTERN } from './schemaHelpers';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Render a valibot path as `nodes[2].service.meanMs`. */
export function formatPath(path: readonly { key: unknown }[] | undefined): string {
  if (!path || path.length === 0) return '(scenario)';
  let out = '';
  for (const item of path) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function issueLines(issues: readonly v.BaseIssue<unknown>[], root: string): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    const at =
      root && path === '(scenario)' ? root : root ? `${root}.${path}`.replace('.[', '[') : path;
    const message =
      issue.kind === 'schema' && issue.input === undefined && issue.path?.length
        ? 'is required'
        : issue.message;
    lines.push(`${at}: ${message}`);
  }
  return [...new Set(lines)];
}

const KNOWN_KINDS: readonly string[] = NODE_KINDS;

type RawNode = { id?: unknown; kind?: unknown; to?: unknown; from?: unknown };

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Checks across nodes, run on the raw document so they are reported alongside schema issues. */
function crossReferenceErrors(raw: unknown): string[] {
  const doc = asRecord(raw);
  if (!doc || !Array.isArray(doc.nodes)) return [];
  const errors: string[] = [];
  const kinds = new Map<string, string>();
  const nodes = doc.nodes as unknown[];
  nodes.forEach((n, i) => {
    const node = asRecord(n) as RawNode | null;
    if (!node || typeof node.id !== 'string' || !ID_PATTERN.test(node.id)) return;
    if (kinds.has(node.id)) errors.push(`nodes[${i}].id: duplicate id ${JSON.stringify(node.id)}`);
    else kinds.set(node.id, typeof node.kind === 'string' ? node.kind : '?');
  });
  const expectKind = (at: string, ref: unknown, allowed: readonly string[], role: string) => {
    if (typeof ref !== 'string' || !ID_PATTERN.test(ref)) return;
    const kind = kinds.get(ref);
    if (kind === undefined) errors.push(`${at}: unknown node id ${JSON.stringify(ref)}`);
    else if (KNOWN_KINDS.includes(kind) && !allowed.includes(kind))
      errors.push(
        `${at}: ${JSON.stringify(ref)} is a ${kind}; ${role} must name a ${allowed.join(' or ')}`,
      );
  };
  nodes.forEach((n, i) => {
    const node = asRecord(n) as RawNode | null;
    if (!node) return;
    if (node.kind === 'producer')
      expectKind(`nodes[${i}].to`, node.to, ['queue'], 'a producer\'s "to"');
    if (node.kind === 'consumer')
      expectKind(`nodes[${i}].from`, node.from, ['queue'], 'a consumer\'s "from"');
  });
  if (Array.isArray(doc.schedule)) {
    (doc.schedule as unknown[]).forEach((s, i) => {
      const input = asRecord(asRecord(s)?.input);
      if (!input) return;
      expectKind(`schedule[${i}].input.producerId`, input.producerId, ['producer'], 'producerId');
      expectKind(`schedule[${i}].input.consumerId`, input.consumerId, ['consumer'], 'consumerId');
    });
    const duration = typeof doc.durationMs === 'number' ? doc.durationMs : Infinity;
    (doc.schedule as unknown[]).forEach((s, i) => {
      const at = asRecord(s)?.atMs;
      if (typeof at === 'number' && at > duration)
        errors.push(`schedule[${i}].atMs: must be within durationMs (${duration}), got ${at}`);
    });
  }
  return errors;
}

/** Checks on a schema-valid scenario that span several fields. */
function semanticErrors(sc: Scenario): string[] {
  const errors: string[] = [];
  sc.nodes.forEach((n, i) => {
    if (n.kind !== 'producer' || n.count !== undefined) return;
    const a = n.arrival;
    const zero = (a.dist === 'constant' && a.ms === 0) || (a.dist === 'uniform' && a.maxMs === 0);
    if (zero)
      errors.push(
        `nodes[${i}].arrival: a producer without a count needs gaps above 0 ms, or it would publish forever at one instant`,
      );
  });
  return errors;
}

/** Validate an untrusted scenario document (already parsed from JSON). */
export function validateScenario(raw: unknown): Validation<Scenario> {
  try {
    const result = v.safeParse(ScenarioSchema, raw);
    const errors = [
      ...(result.success ? [] : issueLines(result.issues, '')),
      ...crossReferenceErrors(raw),
      ...(result.success ? semanticErrors(result.output) : []),
    ];
    if (errors.length > 0 || !result.success) return { ok: false, errors };
    return { ok: true, value: result.output };
  } catch (e) {
    // Hostile shapes (getters that throw, exotic objects) end here rather than in the caller.
    return {
      ok: false,
      errors: [`(scenario): cannot be read (${e instanceof Error ? e.message : 'unknown error'})`],
    };
  }
}

/** Parse JSON text and validate it; a syntax error is reported like any other problem. */
export function parseScenario(text: string): Validation<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      errors: [`(scenario): not valid JSON (${e instanceof Error ? e.message : 'parse error'})`],
    };
  }
  return validateScenario(raw);
}

/** Validate one input against the schema and the scenario's node kinds. */
export function validateInput(raw: unknown, scenario: Scenario, at = 'input'): Validation<Input> {
  const result = v.safeParse(InputSchema, raw);
  if (!result.success) return { ok: false, errors: issueLines(result.issues, at) };
  const input = result.output;
  const kind = (id: string) => scenario.nodes.find((n) => n.id === id)?.kind;
  const want = 'producerId' in input ? 'producer' : 'consumer';
  const id = 'producerId' in input ? input.producerId : input.consumerId;
  const found = kind(id);
  if (found !== want)
    return {
      ok: false,
      errors: [
        `${at}.${want}Id: ${found ? `${JSON.stringify(id)} is a ${found}, not a ${want}` : `unknown node id ${JSON.stringify(id)}`}`,
      ],
    };
  return { ok: true, value: input };
}

/** Validate a whole input timeline (from a link or a file) against a scenario. */
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
