/**
 * Scenario validation: the schema (field by field) plus the checks a schema cannot express
 * (duplicate ids, links to unknown or wrong-kind nodes). Every problem is reported, each as
 * "path: reason", and the function never throws, whatever it is given.
 */
import * as v from 'valibot';
import { ScenarioSchema, type Scenario } from './scenarioSchema';
import { crossReferenceErrors } from './validateRefs';
import { semanticErrors } from './validateSemantics';

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

export function issueLines(issues: readonly v.BaseIssue<unknown>[], root: string): string[] {
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

export { validateInput, validateTimeline } from './validateInputs';
