/** The course as the e2e specs check it: each step's number from a headless run of the engine. */
import { expect, type Page } from '@playwright/test';
import { COURSE } from '../src/lessons/course';
import type { Lesson } from '../src/lessons/lessonSchema';
import { readMetric, rightChoice } from '../src/lessons/metric';
import { presetContext } from '../src/lessons/presetContext';
import { questionReport, runStepReports } from '../src/lessons/runStepReports';
import { validateLesson } from '../src/lessons/validateLesson';

const ctx = presetContext();

export const LESSONS: Lesson[] = COURSE.map((raw) => {
  const r = validateLesson(raw, ctx);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
});

export interface Expected {
  value: number;
  right: number;
}

/** The engine's number for a step's question, run headless to the step's pause. */
export function expectedAnswer(lesson: Lesson, index: number): Expected | null {
  const q = lesson.steps[index]!.question;
  if (!q) return null;
  const m = readMetric(questionReport(runStepReports(lesson, index, ctx), q.side).report, q.metric);
  if (!m.ok) throw new Error(m.error);
  return { value: m.value, right: rightChoice(q.choices, m.value) };
}

/** Wait for the step to be shown and settled (no run or seek in progress). */
export async function stepShown(page: Page, n: number): Promise<void> {
  const step = page.getByTestId('lesson-step');
  await expect(step).toHaveAttribute('data-step', String(n));
  await expect(step).toHaveAttribute('data-busy', 'false');
}

/** The number the page shows for the step's answer, and which choice it marked right. */
export async function shownAnswer(page: Page): Promise<Expected> {
  const explain = page.getByTestId('lesson-explain');
  await expect(explain).toBeVisible();
  return {
    value: Number(await explain.getAttribute('data-value')),
    right: Number(await explain.getAttribute('data-right')),
  };
}

/** Change the address's hash in the page (as pasting a link does: a hashchange, no reload). */
export async function openHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}
