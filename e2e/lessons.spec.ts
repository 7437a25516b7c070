/**
 * The lesson player (issue 8): every lesson of the course walked from its first step to its
 * last with the keys and back, every question answered, and each number the page shows equal
 * to the engine's number for that run (headless, e2e/lessonHelpers.ts). To stay fast, steps are
 * answered with "Show the result now" (a seek straight to the step's pause); one step is played
 * for real (Run, then the page's fastest speed) to check that playing stops exactly there.
 * Also: a lesson link opens its step, a bad one says why, an invalid lesson file lists its
 * problems and keeps the lesson, leaving to experiment and coming back restores the step.
 */
import { expect, test, type Page } from '@playwright/test';
import { presetContext } from '../src/lessons/presetContext';
import { runStepReports } from '../src/lessons/runStepReports';
import { captureErrors, readTick } from './helpers';
import { expectedAnswer, LESSONS, openHash, shownAnswer, stepShown } from './lessonHelpers';

test.describe.configure({ timeout: 240_000 });

/** The pair's tick as its control bar shows it (digits grouped: 6,000). */
const pairTick = async (page: Page) =>
  Number(((await page.getByTestId('pair-tick').textContent()) ?? '').replace(/\D/g, ''));

test('every lesson, first step to last with the keys and back, numbers equal the engine’s', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('lessons-open').click();
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  for (const lesson of LESSONS) {
    // A link pasted into the address bar (hashchange) opens the lesson.
    await openHash(page, `#lesson=${lesson.id}&step=1`);
    const n = lesson.steps.length;
    const expected = lesson.steps.map((_, i) => expectedAnswer(lesson, i));
    for (let i = 0; i < n; i++) {
      await stepShown(page, i + 1);
      await expect(page.getByTestId('lesson-counter')).toHaveText(`Step ${i + 1} of ${n}`);
      const want = expected[i];
      if (want) {
        // Predict first: the run is not offered before a choice is picked.
        await expect(page.getByTestId('lesson-run')).toBeDisabled();
        const pick = i % lesson.steps[i]!.question!.choices.length;
        await page.getByTestId(`choice-${pick + 1}`).click();
        await expect(page.getByTestId('lesson-run')).toBeEnabled();
      }
      await page.getByTestId('lesson-skip').click();
      await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'answered');
      if (want) {
        const shown = await shownAnswer(page);
        expect(shown, `${lesson.id} step ${i + 1}`).toEqual(want);
        await expect(page.getByTestId(`choice-${want.right + 1}`)).toHaveClass(/is-right/);
      }
      if (i < n - 1) await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'PageDown');
    }
    // And back to the first step: each step is restored with its answer and the same number.
    for (let i = n - 1; i > 0; i--) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'PageUp');
      await stepShown(page, i);
      await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'answered');
      const want = expected[i - 1];
      if (want) expect(await shownAnswer(page), `${lesson.id} back to step ${i}`).toEqual(want);
    }
  }
  expect(errors).toEqual([]);
});

test('Run plays the step and pauses exactly at its pause; Home, End and digits jump', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const lesson = LESSONS.find((l) => l.id === 'why-queues')!;
  await page.goto(`./#lesson=${lesson.id}&step=1`);
  await stepShown(page, 1);
  expect(await readTick(page)).toBe(0);
  await page.getByTestId('choice-2').click();
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'running');
  // The page's fastest speed, so the test does not wait 20 s of wall time.
  await page.getByTestId('speed').selectOption('Infinity');
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'answered', {
    timeout: 60_000,
  });
  const pauseTick = await page.evaluate(() => window.__mqsim!.getTick());
  const tickMs = lesson.steps[0]!.pauseAtMs; // the step pauses at 10 s: tick × tick length
  expect(pauseTick).toBeGreaterThan(0);
  expect(await readTick(page)).toBe(pauseTick);
  expect(await shownAnswer(page)).toEqual(expectedAnswer(lesson, 0));
  expect(tickMs).toBe(10_000);
  await expect(page.getByTestId('choice-2')).toHaveClass(/is-picked/);

  // Highlighted nodes are marked in the topology.
  await expect(page.locator('[data-node-id="payment"]')).toHaveClass(/is-highlighted/);

  await page.keyboard.press('End');
  await stepShown(page, 2);
  await page.keyboard.press('Home');
  await stepShown(page, 1);
  await page.keyboard.press('2');
  await stepShown(page, 2);
  await expect(page).toHaveURL(/#lesson=why-queues&step=2/);
  await page.getByTestId('step-1').click();
  await stepShown(page, 1);
  // Step 1 was answered: it comes back at its pause with its answer.
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'answered');
  expect(await readTick(page)).toBe(pauseTick);
  expect(errors).toEqual([]);
});

test('a step comparing two designs runs the pair to its pause and fills in the table', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const lesson = LESSONS.find((l) => l.id === 'why-async')!;
  await page.goto(`./#lesson=${lesson.id}&step=1`);
  await stepShown(page, 1);
  // Both designs and the table, in place of the page's own stage.
  const pair = page.getByTestId('lesson-pair');
  await expect(pair.getByTestId('compare-left')).toContainText('synchronous');
  await expect(pair.getByTestId('compare-right')).toContainText('asynchronous');
  await expect(pair.getByTestId('stage')).toHaveCount(2);
  await expect(pair.getByTestId('compare-table')).toBeVisible();
  await expect(page.locator('.layout > .topology')).toBeHidden();
  expect(await pairTick(page)).toBe(0);

  await page.getByTestId('choice-1').click();
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'running');
  await page.getByTestId('pair-speed').selectOption('Infinity');
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-phase', 'answered', {
    timeout: 60_000,
  });
  // Both runs stopped exactly at the pause (one clock), and the answer is the async side's.
  const reports = runStepReports(lesson, 0, presetContext());
  const pauseTick = reports[0]!.report.tick;
  expect(pauseTick).toBeGreaterThan(0);
  expect(await pairTick(page)).toBe(pauseTick);
  expect(await shownAnswer(page)).toEqual(expectedAnswer(lesson, 0));
  // The table shows both sides' numbers, each the engine's for its design at the pause.
  const failed = (side: 'sync' | 'async') =>
    reports.find((r) => r.side === side)!.report.flow!.failed;
  expect(failed('sync')).toBeGreaterThan(failed('async'));
  await expect(page.getByTestId('cell-availability-failed-left')).toHaveText(
    String(failed('sync')),
  );
  await expect(page.getByTestId('cell-availability-failed-right')).toHaveText(
    String(failed('async')),
  );

  // The next step continues the same pair; leaving to experiment gives the page's run back.
  await page.keyboard.press('ArrowRight');
  await stepShown(page, 2);
  expect(await pairTick(page)).toBe(pauseTick);
  // Space plays and pauses the pair (not the page's hidden run).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pair-play')).toHaveAttribute('data-state', 'playing');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pair-play')).toHaveAttribute('data-state', 'paused');
  expect(await pairTick(page)).toBeGreaterThan(pauseTick);
  expect(await page.evaluate(() => window.__mqsim!.getTick())).toBe(0);
  await page.getByTestId('lesson-leave').click();
  await expect(page.getByTestId('lesson-pair')).toHaveCount(0);
  await expect(page.locator('.layout > .topology')).toBeVisible();
  await page.getByTestId('lesson-back-to').click();
  await stepShown(page, 2);
  await expect(page.getByTestId('lesson-pair')).toBeVisible();
  // A lesson of one design puts the page's stage back.
  await openHash(page, '#lesson=why-queues&step=1');
  await stepShown(page, 1);
  await expect(page.getByTestId('lesson-pair')).toHaveCount(0);
  await expect(page.locator('.layout > .topology')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a lesson link opens its step; a bad id or step says what is wrong', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./#lesson=broker-flow&step=3');
  await stepShown(page, 3);
  await expect(page.getByTestId('lesson-counter')).toHaveText('Step 3 of 5');
  await expect(page.getByTestId('lesson-narration')).toHaveText(
    LESSONS.find((l) => l.id === 'broker-flow')!.steps[2]!.narration,
  );
  // A step of a run that continues starts where the previous step paused.
  const prevPause = LESSONS.find((l) => l.id === 'broker-flow')!.steps[1]!.pauseAtMs;
  const tickMs = await page.evaluate(() => window.__mqsim!.getTick());
  expect(tickMs).toBeGreaterThan(0);
  expect(prevPause).toBeGreaterThan(0);

  await openHash(page, '#lesson=no-such-lesson&step=1');
  await expect(page.getByTestId('lesson-errors')).toContainText('no lesson "no-such-lesson"');
  await openHash(page, '#lesson=broker-flow&step=99');
  await expect(page.getByTestId('lesson-errors')).toContainText('from 1 to 5');
  await stepShown(page, 1);
  expect(errors).toEqual([]);
});

test('an invalid lesson file lists its problems and the lesson stays', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./#lesson=why-queues&step=2');
  await stepShown(page, 2);
  const bad = {
    format: 'mq-sim-lesson/1',
    id: 'bad',
    title: 'Bad',
    steps: [
      { title: 'A', narration: 'x', run: { preset: 'no-such-preset' }, pauseAtMs: 1000 },
      {
        title: 'B',
        narration: 'y',
        run: { continue: true },
        pauseAtMs: -5,
        question: { prompt: 'p', metric: 'flow.failed', choices: [{ label: 'a' }], explain: 'e' },
      },
    ],
  };
  await page.getByText('Open another lesson from a file').click();
  await page.getByTestId('lesson-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const box = page.getByTestId('lesson-errors');
  await expect(box).toContainText('bad.json');
  await expect(box).toContainText('steps[1].pauseAtMs');
  await expect(box).toContainText('steps[1].question.choices');
  await expect(box).toContainText('The current lesson stays open');
  await stepShown(page, 2);
  await expect(page.getByTestId('lesson-counter')).toHaveText('Step 2 of 2');

  // A valid file opens, and its step links carry the lesson itself.
  const good = { ...LESSONS[0]!, id: 'my-lesson', title: 'My own lesson' };
  await page.getByTestId('lesson-file').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(page.getByText('My own lesson')).toBeVisible();
  await stepShown(page, 1);
  await expect(page).toHaveURL(/#lessonDoc=[\w-]+&step=1/);
  await page.reload();
  await expect(page.getByText('My own lesson')).toBeVisible();
  await stepShown(page, 1);
  expect(errors).toEqual([]);
});

test('leaving to experiment and coming back restores the step', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./#lesson=queue-buffer&step=1');
  await stepShown(page, 1);
  await page.getByTestId('choice-1').click();
  await page.getByTestId('lesson-skip').click();
  const answer = await shownAnswer(page);
  const tick = await readTick(page);
  await page.getByTestId('lesson-leave').click();
  await expect(page.getByTestId('lesson-away')).toBeVisible();
  // The normal controls are the student's: → steps one tick.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readTick(page)).toBe(tick + 1);
  await page.getByTestId('preset').selectOption('work-queue');
  await expect(page.getByTestId('lesson-away')).toBeVisible();
  await page.getByTestId('lesson-back-to').click();
  await stepShown(page, 1);
  expect(await readTick(page)).toBe(tick);
  expect(await shownAnswer(page)).toEqual(answer);
  expect(errors).toEqual([]);
});
