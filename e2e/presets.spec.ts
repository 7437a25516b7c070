/**
 * A screenshot of every preset at a fixed tick, kept as a test artifact under
 * test-results/presets/ (and attached to the report). The tick is reached with a seek, so each
 * picture is the same on every run; the page must show no errors on any preset.
 */
import { expect, test } from '@playwright/test';
import { createSim } from '../src/engine';
import { loadPreset, PRESETS } from '../src/scenarios';
import { captureErrors, loadPresetInPage, seekTo } from './helpers';

/** The tick of each picture (or the run's last tick, if it is shorter). */
const TICK = 1500;

test('a screenshot of each preset at a fixed tick', async ({ page }, testInfo) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('play-toggle').click();
  for (const { id } of PRESETS) {
    if ((await page.getByTestId('preset').inputValue()) !== id) await loadPresetInPage(page, id);
    else await page.getByTestId('reset').click();
    await seekTo(page, Math.min(TICK, createSim(loadPreset(id)).endTick));
    await expect(page.locator('.topology-svg .node').first()).toBeVisible();
    const path = `test-results/presets/${id}.png`;
    // What a 1280×720 projector shows: the topology must be readable there.
    await page.screenshot({ path });
    await testInfo.attach(`preset-${id}`, { path, contentType: 'image/png' });
  }
  expect(errors).toEqual([]);
});
