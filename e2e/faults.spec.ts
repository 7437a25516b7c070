/**
 * Inputs from the page: a fault injected from the inspector joins the timeline, replays
 * identically after reset, and matches a headless run given the same timeline. Clearing the
 * inputs removes it.
 */
import { expect, test } from '@playwright/test';
import { advanceTo, createSim, report } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import {
  captureErrors,
  countersOf,
  expectPlaying,
  pause,
  readCounters,
  readTick,
  seekTo,
  waitForTickAbove,
} from './helpers';

test('a fault injected from the page replays identically after reset', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 400);
  await page.locator('[data-node-id="worker-b"]').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('action-crash').click();
  await expect(page.locator('[data-node-id="worker-b"]')).toHaveClass(/is-down/);
  await expect(page.getByTestId('inspect-up')).toHaveText('no');
  await page.getByTestId('action-restart').isVisible();

  await page.getByTestId('speed').selectOption('50');
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, 2500);
  const first = await pause(page);
  const firstCounters = await readCounters(page);
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: 400, input: { type: 'consumerCrashed', consumerId: 'worker-b' } },
  ]);

  // Reset: tick 0, the input stays on the timeline and replays while playing.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('tick')).toHaveText('0');
  await expect(page.getByTestId('counter-published')).toHaveText('0');
  await expect(page.getByTestId('timeline-marker')).toHaveCount(1);
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, first);
  const replayed = await pause(page);
  const sim = createSim(loadPreset('competing-consumers'));
  advanceTo(sim, replayed, timeline);
  expect(await readCounters(page)).toEqual(countersOf(report(sim)));
  await expect(page.locator('[data-node-id="worker-b"]')).toHaveClass(/is-down/);
  await seekTo(page, first);
  expect(await readCounters(page)).toEqual(firstCounters);

  // Clear inputs: the crash is gone and the run starts again without it.
  await page.getByTestId('clear-inputs').click();
  await expect(page.getByTestId('tick')).toHaveText('0');
  await expect(page.getByTestId('timeline-marker')).toHaveCount(0);
  await expect(page.getByTestId('notice-info')).toContainText('Inputs cleared');
  await seekTo(page, first);
  await expect(page.locator('[data-node-id="worker-b"]')).not.toHaveClass(/is-down/);
  const plain = createSim(loadPreset('competing-consumers'));
  advanceTo(plain, first);
  expect(await readCounters(page)).toEqual(countersOf(report(plain)));
  expect(errors).toEqual([]);
});

test('rate and concurrency changes go through the engine schema', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  const tick = await readTick(page);
  await page.locator('[data-node-id="orders"]').click();
  await page.getByTestId('action-pause').click();
  await expect(page.getByTestId('inspect-paused')).toHaveText('yes');
  await page.getByTestId('action-resume').click();
  await page.getByTestId('setting-rate').fill('4');
  await page.getByTestId('apply-rate').click();
  await expect(page.getByTestId('inspect-ratePerSec')).toHaveText('4.00/s');
  // Refused by the engine's schema, with its reason, and nothing joins the timeline.
  await page.getByTestId('setting-rate').fill('-3');
  await page.getByTestId('apply-rate').click();
  await expect(page.locator('.field-error')).toContainText('ratePerSec');
  await page.locator('[data-node-id="worker-a"]').click();
  await page.getByTestId('setting-concurrency').fill('3');
  await page.getByTestId('setting-concurrency').press('Enter');
  await expect(page.getByTestId('inspect-concurrency')).toHaveText('3');
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline.map((e) => e.input.type)).toEqual([
    'producerPaused',
    'producerResumed',
    'rateChanged',
    'concurrencyChanged',
  ]);
  // Each input applied at the tick on screen, which then stepped once to show its effect.
  expect(timeline.map((e) => e.tick)).toEqual([tick, tick + 1, tick + 2, tick + 3]);
  await expectPlaying(page, false);
  expect(errors).toEqual([]);
});
