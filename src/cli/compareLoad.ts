/**
 * Resolve the argument of `sim compare`: a path ending in .json is read and validated as an
 * untrusted comparison document; anything else is a comparison id. The raw document is kept,
 * because a sweep rewrites it (the producer's arrival) before validating each point again.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isComparison, validateComparison, type Comparison } from '../engine';
import { COMPARISONS, comparisonIds, presetIds } from '../scenarios';
import { isScenarioPath, problems, readJsonFile } from './load';

export type ComparisonSource = { preset: string } | { file: string };

export type LoadedComparison =
  | { ok: true; raw: unknown; comparison: Comparison; source: ComparisonSource }
  | { ok: false; errors: string[] };

/** Top-level keys only a comparison has: a document with one of them is meant as a comparison. */
const COMPARISON_KEYS = ['kind', 'workload', 'sync', 'async'];

function record(x: unknown): Record<string, unknown> | null {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
    ? (x as Record<string, unknown>)
    : null;
}

export function loadComparisonTarget(target: string, cwd: string): LoadedComparison {
  return isScenarioPath(target) ? loadComparisonFile(target, cwd) : loadComparisonId(target, cwd);
}

function loadComparisonId(id: string, cwd: string): LoadedComparison {
  const preset = COMPARISONS.find((c) => c.id === id);
  if (!preset) {
    const errors = [
      `unknown comparison ${JSON.stringify(id)}; known comparisons: ${comparisonIds().join(', ')}`,
    ];
    const design = /^(.*)-(sync|async)$/.exec(id);
    if (design && comparisonIds().includes(design[1]!))
      errors.push(
        `(${JSON.stringify(id)} is one design of ${design[1]} alone: compare both with ` +
          `"npm run -s sim -- compare ${design[1]}", or run this one with "npm run -s sim -- ${id}")`,
      );
    else if (presetIds().includes(id))
      errors.push(
        `(${JSON.stringify(id)} is a scenario preset: run it alone with "npm run -s sim -- ${id}", ` +
          `or compare it with another scenario: "npm run -s sim -- compare ${id} <scenario>")`,
      );
    else if (existsSync(resolve(cwd, id)))
      errors.push(
        `(${JSON.stringify(id)} exists on disk, but only arguments ending in .json are read as comparison files)`,
      );
    return { ok: false, errors };
  }
  return validated(preset.raw, { preset: id }, `comparison preset ${id}`);
}

function loadComparisonFile(target: string, cwd: string): LoadedComparison {
  const read = readJsonFile(target, cwd, 'comparison');
  if (!read.ok) return read;
  const doc = record(read.raw);
  const shown = JSON.stringify(target);
  // A plain scenario (nodes, no comparison keys) gets one clear sentence, not a list of problems.
  if (!isComparison(read.raw) && (!doc || !COMPARISON_KEYS.some((k) => Object.hasOwn(doc, k)))) {
    return {
      ok: false,
      errors: [
        `${shown} is not a comparison: a comparison document has "kind": "compare", a "workload" ` +
          `and the two designs "sync" and "async" (see docs/scenario-format.md)`,
        doc && Array.isArray(doc.nodes)
          ? `(it looks like a plain scenario: run it alone with "npm run -s sim -- ${target}", ` +
            `or compare it with another scenario: "npm run -s sim -- compare ${target} <scenario>")`
          : '',
      ].filter((line) => line !== ''),
    };
  }
  return validated(read.raw, { file: target }, `comparison file ${shown}`);
}

function validated(raw: unknown, source: ComparisonSource, shown: string): LoadedComparison {
  const result = validateComparison(raw);
  if (!result.ok) {
    return {
      ok: false,
      errors: [
        `${shown} is not a valid comparison ${problems(result.errors.length)}`,
        ...result.errors.map((line) => `  ${line}`),
      ],
    };
  }
  return { ok: true, raw, comparison: result.value, source };
}
