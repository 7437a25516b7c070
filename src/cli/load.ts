/**
 * Resolve the scenario argument: a path ending in .json is read and validated as untrusted input;
 * anything else is a preset id. Problems come back as lines for stderr, never as exceptions.
 * Comparison documents and ids are refused here with a pointer to `sim compare` (compareLoad.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isComparison, validateScenario, type Scenario } from '../engine';
import { comparisonIds, loadPreset, presetIds } from '../scenarios';

/** Scenario files are small; refuse anything that could only be a mistake or an attack. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Loaded =
  | { ok: true; scenario: Scenario; source: { preset: string } | { file: string } }
  | { ok: false; errors: string[] };

export function isScenarioPath(target: string): boolean {
  return target.toLowerCase().endsWith('.json');
}

/**
 * What the scenario is loaded for: `run` for `sim <scenario>`, `pair` for one of the two
 * scenarios of `sim compare <a> <b>` (which changes what a comparison given instead is told).
 */
export type Purpose = 'run' | 'pair';

export function loadTarget(target: string, cwd: string, purpose: Purpose = 'run'): Loaded {
  return isScenarioPath(target)
    ? loadFile(target, cwd, purpose)
    : loadPresetId(target, cwd, purpose);
}

/** A comparison given as one of the two scenarios of `sim compare <a> <b>`. */
function comparisonInPair(target: string, what: string, designs: string): string[] {
  return [
    `${what}, not a scenario: "compare" with two arguments compares two plain scenarios; ` +
      `run the comparison alone with:`,
    `  ${compareCommand(target)}`,
    designs,
  ];
}

/** The command that runs a comparison, for messages that point to it. */
export function compareCommand(target: string): string {
  return `npm run -s sim -- compare ${/^[\w./-]+$/.test(target) ? target : JSON.stringify(target)}`;
}

function loadPresetId(id: string, cwd: string, purpose: Purpose): Loaded {
  const ids = presetIds();
  if (comparisonIds().includes(id) && purpose === 'pair') {
    return {
      ok: false,
      errors: comparisonInPair(
        id,
        `${JSON.stringify(id)} is a comparison of two designs`,
        `(or compare its designs as scenarios: npm run -s sim -- compare ${id}-sync ${id}-async)`,
      ),
    };
  }
  if (comparisonIds().includes(id)) {
    return {
      ok: false,
      errors: [
        `${JSON.stringify(id)} is a comparison of two designs, not a scenario; run it with:`,
        `  ${compareCommand(id)}`,
        `(each design alone is a preset: ${id}-sync and ${id}-async)`,
      ],
    };
  }
  if (!ids.includes(id)) {
    const errors = [`unknown preset ${JSON.stringify(id)}; known presets: ${ids.join(', ')}`];
    if (existsSync(resolve(cwd, id))) {
      errors.push(
        `(${JSON.stringify(id)} exists on disk, but only arguments ending in .json are read as scenario files)`,
      );
    }
    return { ok: false, errors };
  }
  return { ok: true, scenario: loadPreset(id), source: { preset: id } };
}

/** What a file is called in messages: "scenario file" or "comparison file". */
export type FileRole = 'scenario' | 'comparison';

function readText(
  path: string,
  shown: string,
  role: FileRole,
): { ok: true; text: string } | { ok: false; error: string } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      return { ok: false, error: `cannot read ${role} file ${shown}: it is a directory` };
    if (stat.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        error: `${role} file ${shown} is ${stat.size} bytes; the limit is ${MAX_FILE_BYTES} bytes`,
      };
    }
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a directory'
            : e instanceof Error
              ? e.message
              : String(e);
    return { ok: false, error: `cannot read ${role} file ${shown}: ${why}` };
  }
}

/** " (line 3, column 7)" for a JSON.parse message that gives a character position, else "". */
export function lineAndColumn(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m || /line \d+/.test(message)) return '';
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(m[1]));
  const lines = before.split('\n');
  return ` (line ${lines.length}, column ${lines[lines.length - 1]!.length + 1})`;
}

/** Read and parse a JSON file (untrusted: size-limited, BOM allowed); errors name the file. */
export function readJsonFile(
  target: string,
  cwd: string,
  role: FileRole,
): { ok: true; raw: unknown } | { ok: false; errors: string[] } {
  const shown = JSON.stringify(target);
  const read = readText(resolve(cwd, target), shown, role);
  if (!read.ok) return { ok: false, errors: [read.error] };
  try {
    // A byte-order mark is legal at the start of a UTF-8 file but not in JSON.
    return { ok: true, raw: JSON.parse(read.text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [`${role} file ${shown} is not valid JSON: ${why}${lineAndColumn(read.text, why)}`],
    };
  }
}

/** "(3 problems):" */
export const problems = (n: number): string => `(${n} problem${n === 1 ? '' : 's'}):`;

function loadFile(target: string, cwd: string, purpose: Purpose): Loaded {
  const shown = JSON.stringify(target);
  const read = readJsonFile(target, cwd, 'scenario');
  if (!read.ok) return read;
  const raw = read.raw;
  if (isComparison(raw) && purpose === 'pair') {
    return {
      ok: false,
      errors: comparisonInPair(
        target,
        `${shown} is a comparison document ("kind": "compare")`,
        '(each of its designs, "sync" and "async", is a scenario of its own)',
      ),
    };
  }
  if (isComparison(raw)) {
    return {
      ok: false,
      errors: [
        `${shown} is a comparison document ("kind": "compare"), not a scenario; run it with:`,
        `  ${compareCommand(target)}`,
      ],
    };
  }
  const result = validateScenario(raw);
  if (!result.ok) {
    const doc = typeof raw === 'object' && raw !== null ? raw : {};
    const looksLikeComparison = ['workload', 'sync', 'async'].some((k) => Object.hasOwn(doc, k));
    return {
      ok: false,
      errors: [
        `scenario file ${shown} is not a valid scenario ${problems(result.errors.length)}`,
        ...result.errors.map((line) => `  ${line}`),
        ...(looksLikeComparison
          ? [
              `(it has a workload or designs: a comparison needs "kind": "compare" and runs with "${compareCommand(target)}")`,
            ]
          : []),
      ],
    };
  }
  return { ok: true, scenario: result.value, source: { file: target } };
}
