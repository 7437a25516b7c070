/**
 * Presenter mode (issue 8) at a projector's 1280×720 and at 1920×1080: the editing chrome is
 * hidden, the narration is a caption under the stage in large type, the step counter shows, and
 * the keys a presentation clicker sends (PageDown, PageUp) move through the steps. Screenshots
 * of both sizes are attached to the test report. Axe finds no serious violation in the player,
 * presenting or not.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { captureErrors } from './helpers';
import { stepShown } from './lessonHelpers';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

/** A screenshot kept in the test's output folder and attached to the report. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The element's box, which must lie within the viewport. */
async function onScreen(page: Page, testId: string, size: { width: number; height: number }) {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box, `${testId} is laid out`).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width + 1);
  return box!;
}

for (const size of SIZES)
  test(`presenter mode at ${size.width}×${size.height}`, async ({ page }, testInfo) => {
    const errors = captureErrors(page);
    await page.setViewportSize(size);
    await page.goto('./#lesson=why-queues&step=1');
    await stepShown(page, 1);
    await page.getByTestId('present').click();
    await expect(page.locator('.app')).toHaveClass(/is-presenting/);

    // Editing chrome hidden; stage, counter and caption shown.
    for (const id of ['edit-scenario', 'preset', 'lessons-open', 'lesson-skip', 'lesson-leave'])
      await expect(page.getByTestId(id)).toBeHidden();
    await expect(page.getByTestId('lesson-counter')).toHaveText('Step 1 of 2');
    const stage = await onScreen(page, 'stage', size);
    const caption = await onScreen(page, 'lesson-narration', size);
    expect(caption.y, 'the caption sits under the stage').toBeGreaterThan(stage.y + stage.height);
    expect(stage.height, 'the stage keeps a useful height').toBeGreaterThan(size.height * 0.3);
    // Large type: at least 20 px for the caption.
    const fontPx = await page
      .getByTestId('lesson-narration')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(20);
    // The step's buttons fit on screen (Run may need a short scroll at 720 p, never sideways).
    await onScreen(page, 'lesson-run', size);

    await page.getByTestId('choice-2').click();
    await page.getByTestId('lesson-run').focus();
    await shot(page, testInfo, `presenter-${size.width}x${size.height}-step1.png`);

    // A clicker's PageDown and PageUp.
    await page.keyboard.press('PageDown');
    await stepShown(page, 2);
    await expect(page.getByTestId('lesson-counter')).toHaveText('Step 2 of 2');
    await shot(page, testInfo, `presenter-${size.width}x${size.height}-step2.png`);
    await page.keyboard.press('PageUp');
    await stepShown(page, 1);

    // A comparison step shows both designs side by side, and the table.
    await page.evaluate(() => {
      window.location.hash = '#lesson=why-async&step=1';
    });
    await stepShown(page, 1);
    await expect(page.getByTestId('lesson-pair')).toBeVisible();
    const stages = page.getByTestId('lesson-pair').getByTestId('stage');
    await expect(stages).toHaveCount(2);
    const [a, b] = [await stages.nth(0).boundingBox(), await stages.nth(1).boundingBox()];
    expect(b!.x, 'the second design is beside the first').toBeGreaterThan(a!.x + a!.width - 1);
    for (const box of [a!, b!]) {
      expect(box.x + box.width).toBeLessThanOrEqual(size.width + 1);
      expect(box.y + box.height, 'both stages fit the screen').toBeLessThanOrEqual(size.height);
    }
    // The comparison table is shown beside them, on screen.
    const table = await onScreen(page, 'compare-table', size);
    expect(table.y).toBeLessThan(size.height);
    const caption2 = await onScreen(page, 'lesson-narration', size);
    expect(caption2.y, 'the caption sits under the designs').toBeGreaterThan(a!.y + a!.height);
    await shot(page, testInfo, `presenter-${size.width}x${size.height}-compare.png`);

    await page.getByTestId('present-stop').click();
    await expect(page.locator('.app')).not.toHaveClass(/is-presenting/);
    await expect(page.getByTestId('edit-scenario')).toBeVisible();
    expect(errors).toEqual([]);
  });

test('the lesson player and presenter mode have no serious axe violation', async ({ page }) => {
  await page.goto('./#lesson=why-queues&step=1');
  await stepShown(page, 1);
  await page.getByTestId('choice-1').click();
  await page.getByTestId('lesson-skip').click();
  await expect(page.getByTestId('lesson-explain')).toBeVisible();
  const serious = async () =>
    (await new AxeBuilder({ page }).include('[data-testid="lesson-player"]').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await page.getByTestId('present').click();
  await expect(page.locator('.app')).toHaveClass(/is-presenting/);
  expect(await serious()).toEqual([]);
});
