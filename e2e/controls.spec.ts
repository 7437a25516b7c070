/** Every control does what it says: stepping back, to the next event, seed, preset description. */
import { expect, test } from '@playwright/test';
import { advanceTo, createSim, report } from '../src/engine';
import { loadPreset, PRESETS } from '../src/scenarios';
import {
  captureErrors,
  countersOf,
  expectPlaying,
  loadPresetInPage,
  pause,
  readCounters,
  readInt,
  readTick,
  seekTo,
} from './helpers';

test('step back by button and by key, and step to the next event', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 500);
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('tick')).toHaveText('499');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tick')).toHaveText('498');
  const sim = createSim(loadPreset('competing-consumers'));
  advanceTo(sim, 498);
  expect(await readCounters(page)).toEqual(countersOf(report(sim)));

  // Next event: forward to the end of the tick of the engine's next event, and it is logged.
  const summary = () => page.getByTestId('log-summary').textContent();
  for (let i = 0; i < 3; i++) {
    const before = await readTick(page);
    const logged = await summary();
    await page.getByTestId('step-event').click();
    await expect.poll(() => readTick(page)).toBeGreaterThan(before);
    expect(await summary()).not.toBe(logged);
    const lastAtUs = Number(await page.getByTestId('log-row').last().getAttribute('data-at-us'));
    expect(Math.floor(lastAtUs / 20_000) + 1).toBe(await readTick(page));
  }
  await page.keyboard.press('Shift+ArrowRight');
  await expectPlaying(page, false);
  await page.getByTestId('play-toggle').click();
  await expectPlaying(page, true);
  await page.keyboard.press('ArrowLeft');
  await expectPlaying(page, true);
  expect(errors).toEqual([]);
});

test('a new seed reloads the scenario with that seed', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  const seed = page.getByTestId('seed');
  await expect(seed).toHaveValue(String(loadPreset('competing-consumers').seed));
  await seed.fill('7');
  await seed.press('Enter');
  await expect(page.getByTestId('tick')).toHaveText('0');
  await seekTo(page, 2000);
  const sim = createSim(loadPreset('competing-consumers'), { seed: 7 });
  advanceTo(sim, 2000);
  expect(await readCounters(page)).toEqual(countersOf(report(sim)));
  const other = createSim(loadPreset('competing-consumers'));
  advanceTo(other, 2000);
  expect(report(other).totals.published).not.toBe(report(sim).totals.published);
  // Not a seed: refused with a message, the run unchanged.
  await seed.fill('-1x');
  await seed.press('Enter');
  await expect(page.locator('.seed .field-error')).toBeVisible();
  await expect(page.getByTestId('tick')).toHaveText('2000');
  expect(errors).toEqual([]);
});

test('the preset picker lists every preset and shows its description', async ({ page }) => {
  await page.goto('./');
  const options = page.getByTestId('preset').locator('option');
  await expect(options).toHaveCount(PRESETS.length);
  for (const { id } of PRESETS.slice(1, 5)) {
    await loadPresetInPage(page, id);
    const s = loadPreset(id);
    await expect(page.getByTestId('preset-description')).toHaveText(s.description ?? '');
    await expect(page.getByTestId('seed')).toHaveValue(String(s.seed ?? 1));
    expect(await readInt(page, 'counter-published')).toBe(0);
  }
});
