/**
 * What the canvas and chart show, and a screenshot kept as an artifact. Set
 * UPDATE_DOCS_SCREENSHOT=1 to refresh docs/screenshot.png for the README.
 */
import { copyFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  expectPlaying,
  paintedFlightPixels,
  pause,
  readTick,
  stepUntilFlightsShow,
  waitForTickAbove,
} from './helpers';

test('messages in flight are drawn on the canvas', async ({ page }) => {
  await page.goto('./');
  const tick = await pause(page);
  // Step until a message is on a link (150 ms links, one order every ~0.7 s on average).
  const painted = await stepUntilFlightsShow(page, 500);
  expect(painted).toBeGreaterThan(0);
  expect(await readTick(page)).toBeGreaterThanOrEqual(tick);
  // Drawn from simulated time only: paused, the picture does not change.
  await page.waitForTimeout(200);
  expect(await paintedFlightPixels(page)).toBe(painted);
});

test('the charts draw lines and show values on hover', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('speed').selectOption('50');
  await waitForTickAbove(page, 1500);
  await pause(page);
  for (const kind of ['depth', 'throughput', 'inFlight', 'latency']) {
    const d = await page
      .locator(`[data-testid="chart-${kind}"] .series-line:not(.series-line--ghost)`)
      .first()
      .getAttribute('d');
    expect(d?.length ?? 0, `${kind} line`).toBeGreaterThan(20);
  }
  const chart = page.getByTestId('chart-latency');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.locator('.chart-overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  const rows = chart.locator('.chart-hover-text text');
  await expect(rows.first()).toHaveText(/^\d+\.\d{2} s$/);
  await expect(rows.nth(1)).toHaveText(/^p50: /);
  await expect(rows).toHaveCount(4);
});

test('screenshot of the app shell', async ({ page }, testInfo) => {
  await page.goto('./');
  await page.getByTestId('speed').selectOption('10');
  await waitForTickAbove(page, 1200);
  await page.getByTestId('speed').selectOption('1');
  await expectPlaying(page, true);
  await page.waitForTimeout(700);
  await pause(page);
  expect(await readTick(page)).toBeGreaterThan(1200);
  // A picture with messages on the links explains more: step a little until some are.
  await stepUntilFlightsShow(page, 200);
  const path = 'test-results/app-shell.png';
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('app-shell', { path, contentType: 'image/png' });
  if (process.env.UPDATE_DOCS_SCREENSHOT === '1') copyFileSync(path, 'docs/screenshot.png');
});
