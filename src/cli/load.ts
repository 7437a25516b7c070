/**
 * Resolve the scenario argument: a path ending in .json is read and validated as untrusted input;
 * anything else is a preset id. Problems come back as lines for stderr, never as exceptions.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateScenario, type Scenario } from '../engine';
import { loadPreset, presetIds } from '../scenarios';

/** Scenario files are small; refuse anything that could only be a mistake or an attack. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Loaded =
  | { ok: true; scenario: Scenario; source: { preset: string } | { file: string } }
  | { ok: false; errors: string[] };

export function isScenarioPath(target: string): boolean {
  return target.toLowerCase().endsWith('.json');
}

export function loadTarget(target: string, cwd: string): Loaded {
  return isScenarioPath(target) ? loadFile(target, cwd) : loadPresetId(target, cwd);
}

function loadPresetId(id: string, cwd: string): Loaded {
  const ids = presetIds();
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

function readText(
  path: string,
  shown: string,
): { ok: true; text: string } | { ok: false; error: string } {
  try {
    const stat = statSync(path);
    if (stat.isDirectory())
      return { ok: false, error: `cannot read scenario file ${shown}: it is a directory` };
    if (stat.size > MAX_FILE_BYTES) {
      return {
        ok: false,
        error: `scenario file ${shown} is ${stat.size} bytes; the limit is ${MAX_FILE_BYTES} bytes`,
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
    return { ok: false, error: `cannot read scenario file ${shown}: ${why}` };
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

function loadFile(target: string, cwd: string): Loaded {
  const shown = JSON.stringify(target);
  const read = readText(resolve(cwd, target), shown);
  if (!read.ok) return { ok: false, errors: [read.error] };
  let raw: unknown;
  try {
    // A byte-order mark is legal at the start of a UTF-8 file but not in JSON.
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [`scenario file ${shown} is not valid JSON: ${why}${lineAndColumn(read.text, why)}`],
    };
  }
  const result = validateScenario(raw);
  if (!result.ok) {
    const n = result.errors.length;
    return {
      ok: false,
      errors: [
        `scenario file ${shown} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}):`,
        ...result.errors.map((line) => `  ${line}`),
      ],
    };
  }
  return { ok: true, scenario: result.value, source: { file: target } };
}
