/**
 * Time travel as a person does it: drag the timeline back and forth and move it with the keys,
 * then the numbers on screen equal a straight headless run to the same tick. Changing something
 * in the past forks the run and says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, createSim, report } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import {
  captureErrors,
  countersOf,
  pause,
  readCounters,
  readInt,
  readTick,
  seekTo,
} from './helpers';

async function expectStraightRun(page: Page, presetId: string) {
  const tick = await readTick(page);
  const sim = createSim(loadPreset(presetId));
  advanceTo(sim, tick);
  const want = report(sim);
  expect(await readCounters(page), `counters at tick ${tick}`).toEqual(countersOf(want));
  for (const [id, q] of Object.entries(want.queues))
    expect(await readInt(page, `queue-depth-${id}`), `depth of ${id} at tick ${tick}`).toBe(
      q.depth,
    );
  await expect(page.getByTestId('sim-time')).toHaveText(
    `${(want.simulatedMs / 1000).toFixed(2)} s`,
  );
  await expect(page.getByTestId('timeline')).toHaveAttribute('aria-valuenow', String(tick));
}

/** Drag the timeline thumb through these fractions of its width, then let go. */
async function drag(page: Page, fractions: number[]) {
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('timeline').boundingBox())!;
  const at = (f: number) => [box.x + f * box.width, box.y + box.height / 2] as const;
  await page.mouse.move(...at(fractions[0]!));
  await page.mouse.down();
  for (const f of fractions.slice(1)) await page.mouse.move(...at(f), { steps: 6 });
  await page.mouse.up();
}

test('scrubbing back and forth shows exactly what a straight run shows', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 6000);
  // Back and forth with the pointer, ending somewhere in the middle.
  await drag(page, [0.2, 0.05, 0.3, 0.12, 0.18]);
  const dragged = await readTick(page);
  expect(dragged).toBeGreaterThan(0.15 * 15000);
  expect(dragged).toBeLessThan(0.21 * 15000);
  await expectStraightRun(page, 'competing-consumers');

  // Then with the keys of the focused slider.
  const slider = page.getByTestId('timeline');
  await slider.focus();
  for (const key of [
    'ArrowLeft',
    'ArrowLeft',
    'PageDown',
    'ArrowRight',
    'PageUp',
    'PageUp',
    'ArrowUp',
  ])
    await page.keyboard.press(key);
  await expect(slider).toHaveAttribute('aria-valuenow', String(dragged - 2 - 750 + 1 + 1500 + 1));
  await expectStraightRun(page, 'competing-consumers');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('tick')).toHaveText('0');
  expect(errors).toEqual([]);
});

test('the charts follow the cursor while scrubbing', async ({ page }) => {
  await page.goto('./');
  await pause(page);
  await seekTo(page, 9000);
  const cursorX = () =>
    page.locator('[data-testid="chart-depth"] .chart-cursor').getAttribute('x1');
  const atEnd = Number(await cursorX());
  await drag(page, [0.6, 0.3]);
  const back = Number(await cursorX());
  expect(back).toBeLessThan(atEnd - 50);
  // The part after the cursor is drawn faintly: what happens next on this run.
  const ghost = await page
    .locator('[data-testid="chart-depth"] .series-line--ghost')
    .first()
    .getAttribute('d');
  expect(ghost?.length ?? 0).toBeGreaterThan(20);
  await expect(page.getByTestId('timeline')).toHaveAttribute('role', 'slider');
});

test('changing the past forks the run and says the future was discarded', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 3000);
  await seekTo(page, 1000);
  await page.locator('[data-node-id="worker-a"]').click();
  await page.getByTestId('action-crash').click();
  const notice = page.getByTestId('notice-fork');
  await expect(notice).toContainText('changed the past at 20.00 s');
  await expect(notice).toContainText('was discarded');
  // The input is on the timeline at tick 1000, and its effect is on screen (one tick later).
  await expect(page.getByTestId('timeline-marker')).toHaveCount(1);
  await expect(page.getByTestId('tick')).toHaveText('1001');
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: 1000, input: { type: 'consumerCrashed', consumerId: 'worker-a' } },
  ]);
  const sim = createSim(loadPreset('competing-consumers'));
  advanceTo(sim, 1001, timeline);
  expect(await readCounters(page)).toEqual(countersOf(report(sim)));
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});
