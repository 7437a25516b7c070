/**
 * The app shell as a person uses it: the page loads and plays, the controls and keys work, the
 * numbers on screen are the engine's numbers, and the build works from a sub-path.
 */
import { expect, test } from '@playwright/test';
import { advanceTo, createSim, report } from '../src/engine';
import { GOLDEN_HASH } from '../src/scenarios/golden';
import { SUB_PATH, SUB_PORT } from '../playwright.config';
import {
  captureErrors,
  expectPlaying,
  pause,
  readInt,
  readTick,
  waitForTickAbove,
} from './helpers';
import { loadPreset } from '../src/scenarios';

test('loads without errors and starts playing at 1x', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await expect(page).toHaveTitle('MQ Simulator');
  await expectPlaying(page, true);
  await expect(page.getByTestId('speed')).toHaveValue('1');
  const first = await readTick(page);
  const later = await waitForTickAbove(page, first + 5);
  expect(later).toBeGreaterThan(first);
  await expect(page.getByTestId('sim-time')).toHaveText(/^\d+\.\d{2} s$/);
  // Four scenario nodes, and the badge of the implicit broker.
  await expect(page.locator('.topology-svg .node')).toHaveCount(5);
  await expect(page.locator('[data-node-id="broker"]')).toHaveClass(/node--broker/);

  // React shows the clock at most ~10 times a second, however fast the animation runs.
  const updates = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const el = document.querySelector('[data-testid="tick"]')!;
        let n = 0;
        const obs = new MutationObserver(() => n++);
        obs.observe(el, { childList: true, characterData: true, subtree: true });
        setTimeout(() => {
          obs.disconnect();
          resolve(n);
        }, 1000);
      }),
  );
  expect(updates).toBeGreaterThan(3);
  expect(updates).toBeLessThanOrEqual(13);
  expect(errors).toEqual([]);
});

test('play, pause and step by button and by key', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await waitForTickAbove(page, 3);

  const paused = await pause(page);
  await page.waitForTimeout(300);
  expect(await readTick(page)).toBe(paused);
  expect(await page.evaluate(() => window.__mqsim!.getTick())).toBe(paused);

  await page.getByTestId('step').click();
  await expect(page.getByTestId('tick')).toHaveText(String(paused + 1));
  await page.getByTestId('step').click();
  await expect(page.getByTestId('tick')).toHaveText(String(paused + 2));

  await page.getByTestId('play-toggle').click();
  await expectPlaying(page, true);
  await waitForTickAbove(page, paused + 2);

  // Keys: space pauses even though the mouse last clicked a button; → steps exactly one tick.
  await page.keyboard.press('Space');
  await expectPlaying(page, false);
  const atKey = await readTick(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tick')).toHaveText(String(atKey + 1));
  await page.keyboard.press('Space');
  await expectPlaying(page, true);
  await waitForTickAbove(page, atKey + 1);

  // Reset goes back to tick 0, paused; space then plays again.
  await page.getByTestId('reset').click();
  await expectPlaying(page, false);
  await expect(page.getByTestId('tick')).toHaveText('0');
  await expect(page.getByTestId('counter-published')).toHaveText('0');
  await page.keyboard.press('Space');
  await expectPlaying(page, true);
  await waitForTickAbove(page, 0);
  expect(errors).toEqual([]);
});

test('the clock parks while the tab is hidden and resumes without a jump', async ({ page }) => {
  await page.goto('./');
  await waitForTickAbove(page, 3);
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { value: h, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  const parked = await page.evaluate(() => window.__mqsim!.getTick());
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.__mqsim!.getTick())).toBe(parked);
  await setHidden(false);
  await page.waitForTimeout(200);
  // 1 s hidden is 50 ticks at 1x; resuming continues from where it parked instead.
  const resumed = await page.evaluate(() => window.__mqsim!.getTick());
  expect(resumed).toBeGreaterThan(parked);
  expect(resumed - parked).toBeLessThan(40);
  await expectPlaying(page, true);
});

test('controls are reachable with Tab and show a focus ring', async ({ page }) => {
  await page.goto('./');
  const toggle = page.getByTestId('play-toggle');
  await toggle.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('step-back')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('step')).toBeFocused();
  const outline = await page
    .getByTestId('step')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  // Space on a keyboard-focused button is the button's own action (here: step), not play/pause.
  await pause(page);
  await page.getByTestId('step').focus();
  const before = await readTick(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('tick')).toHaveText(String(before + 1));
  await expectPlaying(page, false);
});

test('counters equal a headless run of the same scenario and seed', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('speed').selectOption('25');
  await waitForTickAbove(page, 800);
  const tick = await pause(page);

  // The preset the page loaded (DEFAULT_PRESET_ID), run headless in Node to the same tick.
  const presetId = await page.getByTestId('preset').inputValue();
  expect(presetId).toBe('competing-consumers');
  const sim = createSim(loadPreset(presetId));
  advanceTo(sim, tick);
  const want = report(sim);
  expect(want.totals.published).toBeGreaterThan(10);
  const got = {
    published: await readInt(page, 'counter-published'),
    delivered: await readInt(page, 'counter-delivered'),
    acked: await readInt(page, 'counter-acked'),
    inFlight: await readInt(page, 'counter-inflight'),
    redelivered: await readInt(page, 'counter-redelivered'),
  };
  expect(got).toEqual({
    published: want.totals.published,
    delivered: want.totals.delivered,
    acked: want.totals.acked,
    inFlight: want.totals.inFlight,
    redelivered: want.totals.redelivered,
  });
  for (const [id, q] of Object.entries(want.queues)) {
    expect(await readInt(page, `queue-depth-${id}`), `depth of ${id}`).toBe(q.depth);
  }
  await expect(page.getByTestId('sim-time')).toHaveText(
    `${(want.simulatedMs / 1000).toFixed(2)} s`,
  );
  expect(errors).toEqual([]);
});

test('golden trace hash in Chromium equals Node', async ({ page }) => {
  await page.goto('./');
  const hash = await page.evaluate(() => window.__mqsim!.goldenTraceHash());
  expect(hash).toBe(GOLDEN_HASH);
});

test('the built app works under a sub-path', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto(`http://127.0.0.1:${SUB_PORT}${SUB_PATH}`);
  await expect(page).toHaveTitle('MQ Simulator');
  await expectPlaying(page, true);
  await waitForTickAbove(page, 5);
  const hash = await page.evaluate(() => window.__mqsim!.goldenTraceHash());
  expect(hash).toBe(GOLDEN_HASH);
  expect(errors).toEqual([]);
});

test('a run plays to its end at the fastest speed and stops; another preset loads paused at tick 0', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('preset').selectOption('bursty-traffic');
  await expectPlaying(page, false);
  await expect(page.getByTestId('tick')).toHaveText('0');
  await expect(page.locator('.topology-svg .node:not(.node--broker)')).toHaveCount(3);
  await expect(page.getByTestId('queue-depth-buffer')).toHaveText('0');
  await page.getByTestId('speed').selectOption('Infinity');
  await page.getByTestId('play-toggle').click();
  // 120 s of simulated time as fast as possible, then the clock stops by itself at the end.
  await expect(page.getByTestId('tick')).toHaveText('6000', { timeout: 15_000 });
  await expectPlaying(page, false);
  await expect(page.getByTestId('play-toggle')).toBeDisabled();
  await expect(page.getByTestId('sim-time')).toHaveText('120.00 s');
  expect(errors).toEqual([]);
});
