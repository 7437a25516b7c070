/**
 * Every lesson of the course is valid, and every question can be answered from its run: the
 * metric exists in the report at the pause and exactly one choice holds the run's number.
 */
import { describe, expect, it } from 'vitest';
import { COURSE } from '../../src/lessons/course';
import type { Lesson } from '../../src/lessons/lessonSchema';
import { readMetric, rightChoice } from '../../src/lessons/metric';
import { presetContext } from '../../src/lessons/presetContext';
import { questionReport, runStepReports } from '../../src/lessons/runStepReports';
import { validateLesson } from '../../src/lessons/validateLesson';

const ctx = presetContext();

const lessons: Lesson[] = COURSE.map((raw) => {
  const r = validateLesson(raw, ctx);
  if (!r.ok)
    throw new Error(`lesson ${String((raw as { id?: unknown }).id)}:\n${r.errors.join('\n')}`);
  return r.value;
});

describe('the course', () => {
  it('has unique lesson ids, in section order', () => {
    const ids = lessons.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sections = lessons.map((l) => l.section ?? 0);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
  });

  for (const lesson of lessons)
    describe(lesson.id, () => {
      lesson.steps.forEach((step, i) => {
        if (!step.question) return;
        it(`step ${i + 1} (${step.title}): one choice holds the run's number`, () => {
          const q = step.question!;
          const reports = runStepReports(lesson, i, ctx);
          const m = readMetric(questionReport(reports, q.side).report, q.metric);
          if (!m.ok) throw new Error(m.error);
          const right = rightChoice(q.choices, m.value);
          expect(right, `${q.metric} = ${m.value} falls in no choice`).toBeGreaterThanOrEqual(0);
          expect(q.explain).toContain('{value}');
        });
      });
    });
});
