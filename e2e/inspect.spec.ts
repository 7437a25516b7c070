/**
 * Looking closer: clicking a node opens its inspector with live numbers, clicking a moving
 * message shows its journey, and the event log filters, jumps to an event's tick and selects its
 * message.
 */
import { expect, test } from '@playwright/test';
import {
  captureErrors,
  findDot,
  pause,
  readInt,
  readTick,
  seekTo,
  stepUntilFlightsShow,
} from './helpers';

test('clicking a node opens its inspector; Enter on a focused node too', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 1200);
  await page.locator('[data-node-id="tasks"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('tasks');
  expect(await page.getByTestId('inspect-depth').textContent()).toBe(
    await page.getByTestId('queue-depth-tasks').textContent(),
  );
  await expect(page.locator('[data-node-id="tasks"]')).toHaveAttribute('aria-pressed', 'true');
  // Keyboard: focus another node and press Enter.
  await page.locator('[data-node-id="worker-b"]').focus();
  await page.keyboard.press('Enter');
  await expect(inspector).toContainText('Worker B');
  await expect(page.getByTestId('inspect-acked')).toHaveText(/^\d+$/);
  // The numbers are live: they follow the run.
  const acked = Number(await page.getByTestId('inspect-acked').textContent());
  await seekTo(page, 4000);
  expect(Number(await page.getByTestId('inspect-acked').textContent())).toBeGreaterThan(acked);
  await page.getByRole('button', { name: 'Close the inspector' }).click();
  await expect(inspector).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('clicking a moving message shows its journey', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 1500);
  expect(await stepUntilFlightsShow(page, 400)).toBeGreaterThan(0);
  const dot = await findDot(page);
  expect(dot).not.toBeNull();
  await page.mouse.click(dot!.x, dot!.y);
  const journey = page.getByTestId('journey');
  await expect(journey).toBeVisible();
  await expect(journey.getByTestId('journey-type').first()).toHaveText('published');
  // It is not a node click: no inspector opened.
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  // Playing on, the journey grows until the message is acked.
  const steps = await journey.getByTestId('journey-type').count();
  await seekTo(page, (await readTick(page)) + 1500);
  expect(await journey.getByTestId('journey-type').count()).toBeGreaterThan(steps);
  await expect(journey.getByTestId('journey-type').last()).toHaveText('acked');
  expect(errors).toEqual([]);
});

test('the event log filters, jumps to an event and selects its message', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 2000);
  await page.getByTestId('log-filter-type').selectOption('acked');
  const rows = page.getByTestId('log-row');
  await expect(rows.first()).toBeVisible();
  for (const type of await page.locator('.log-row .log-type').allTextContents())
    expect(type).toBe('acked');
  // Virtualised: far fewer rows in the page than events in the log.
  await page.getByTestId('log-filter-type').selectOption('');
  const summary = (await page.getByTestId('log-summary').textContent()) ?? '';
  const total = Number(summary.split(' ')[0]!.replace(/,/g, ''));
  expect(total).toBeGreaterThan(100);
  expect(await rows.count()).toBeLessThan(40);

  await page.getByTestId('log-filter-node').selectOption('worker-a');
  const row = rows.nth(2);
  const atUs = Number(await row.getAttribute('data-at-us'));
  await row.click();
  // 20 ms ticks: the event happened during tick floor(t / 20 ms); the page shows the tick after.
  const want = Math.floor(atUs / 20_000) + 1;
  await expect(page.getByTestId('tick')).toHaveText(String(want));
  await expect(page.getByTestId('journey')).toBeVisible();
  await expect(page.locator('.log-row.is-selected').first()).toBeVisible();
  expect(await readInt(page, 'tick')).toBe(want);
  expect(errors).toEqual([]);
});
