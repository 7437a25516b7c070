/**
 * Lesson validation: the schema first (every problem with its path), then what the schema
 * cannot see: runs that exist, inputs valid for their step's scenario and not in the past, a
 * pause within the run, choices that never overlap, highlights that name nodes.
 */
import * as v from 'valibot';
import type { Input, Scenario, Validation } from '../engine';
import { issueLines } from '../engine/validate';
import { LessonSchema, type Lesson, type LessonStep } from './lessonSchema';
import { runStart, stepRun, type RunDocuments } from './stepRun';

export interface LessonContext extends RunDocuments {
  hasPreset(id: string): boolean;
  hasComparison(id: string): boolean;
  validateScenario(raw: unknown): Validation<Scenario>;
  validateInput(raw: unknown, scenario: Scenario, at: string): Validation<Input>;
}

const lo = (x: number | undefined) => x ?? -Infinity;
const hi = (x: number | undefined) => x ?? Infinity;

function choiceProblems(step: LessonStep, at: string): string[] {
  const q = step.question;
  if (!q) return [];
  const errors: string[] = [];
  q.choices.forEach((c, i) => {
    if (lo(c.min) > hi(c.max)) errors.push(`${at}.question.choices[${i}]: min is above max`);
  });
  const sorted = q.choices.map((c, i) => ({ c, i })).sort((a, b) => lo(a.c.min) - lo(b.c.min));
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    if (hi(a.c.max) >= lo(b.c.min))
      errors.push(
        `${at}.question.choices: choices ${a.i + 1} and ${b.i + 1} overlap, so two answers could be right`,
      );
  }
  return errors;
}

function runProblems(lesson: Lesson, index: number, ctx: LessonContext): string[] {
  const step = lesson.steps[index]!;
  const at = `steps[${index}]`;
  const run = step.run;
  if ('preset' in run && !ctx.hasPreset(run.preset))
    return [`${at}.run.preset: no preset "${run.preset}"`];
  if ('compare' in run && !ctx.hasComparison(run.compare))
    return [`${at}.run.compare: no comparison "${run.compare}"`];
  if ('continue' in run) {
    if (index === 0) return [`${at}.run: the first step has no run to continue`];
    const prev = lesson.steps[index - 1]!;
    const errors: string[] = [];
    if (step.pauseAtMs < prev.pauseAtMs)
      errors.push(`${at}.pauseAtMs: a step that continues cannot pause before the previous one`);
    (step.inputs ?? []).forEach((inp, k) => {
      if (inp.atMs < prev.pauseAtMs)
        errors.push(`${at}.inputs[${k}].atMs: the run continues from ${prev.pauseAtMs} ms`);
    });
    if (errors.length > 0) return errors;
  }
  const errors: string[] = [];
  (step.inputs ?? []).forEach((inp, k) => {
    if (inp.atMs > step.pauseAtMs)
      errors.push(`${at}.inputs[${k}].atMs: after the pause (${step.pauseAtMs} ms), never seen`);
    if (inp.side !== undefined && !isCompare(lesson, index))
      errors.push(`${at}.inputs[${k}].side: only a step that compares two designs has sides`);
  });
  const built = stepRun(lesson, index, ctx);
  for (const side of built.sides) {
    const sc = ctx.validateScenario(side.base);
    const where = side.side === 'single' ? at : `${at} (${side.side})`;
    if (!sc.ok) {
      errors.push(...sc.errors.map((e) => `${where}: ${e}`));
      continue;
    }
    if (step.pauseAtMs > sc.value.durationMs)
      errors.push(`${at}.pauseAtMs: the run ends at ${sc.value.durationMs} ms`);
    (step.inputs ?? []).forEach((inp, k) => {
      if (inp.side !== undefined && inp.side !== side.side) return;
      const r = ctx.validateInput(inp.input, sc.value, `${at}.inputs[${k}].input`);
      if (!r.ok) errors.push(...r.errors);
    });
    if (errors.length === 0) {
      const full = ctx.validateScenario(side.raw);
      if (!full.ok) errors.push(...full.errors.map((e) => `${where}: ${e}`));
    }
    const ids = new Set(sc.value.nodes.map((n) => n.id));
    (step.highlight ?? []).forEach((h, k) => {
      if (!h.startsWith('#') && !ids.has(h) && built.sides.length === 1)
        errors.push(`${at}.highlight[${k}]: no node "${h}" in this run`);
    });
  }
  return errors;
}

function isCompare(lesson: Lesson, index: number): boolean {
  const start = runStart(lesson.steps, index);
  return start >= 0 && 'compare' in lesson.steps[start]!.run;
}

export function validateLesson(raw: unknown, ctx: LessonContext): Validation<Lesson> {
  const parsed = v.safeParse(LessonSchema, raw);
  if (!parsed.success)
    return {
      ok: false,
      errors: issueLines(parsed.issues, '').map((l) => l.replace(/^\(scenario\)/, '(lesson)')),
    };
  const lesson = parsed.output;
  const errors = lesson.steps.flatMap((step, i) => [
    ...choiceProblems(step, `steps[${i}]`),
    ...(step.question?.side !== undefined && !isCompare(lesson, i)
      ? [`steps[${i}].question.side: only a step that compares two designs has sides`]
      : []),
    ...runProblems(lesson, i, ctx),
  ]);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: lesson };
}
