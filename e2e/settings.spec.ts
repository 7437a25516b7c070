/**
 * A consumer's retry policy and delivery guarantee changed from its inspector: each is an input
 * on the timeline with its words, the inspector says the setting now, a bad number gets the
 * engine's message inline, and a new guarantee turns the ledger around (lost → none).
 */
import { expect, test } from '@playwright/test';
import { captureErrors, loadPresetInPage, pause, readInt, seekTo } from './helpers';

test('the retry policy changes from the inspector, on the timeline and in the inspector', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await loadPresetInPage(page, 'retry-backoff-dlq');
  await seekTo(page, 100);
  await page.locator('[data-node-id="payment"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('now-retry')).toHaveText(
    'Now: exponential with full jitter · base 200 ms · cap 5 s · at most 5 attempts.',
  );
  // A number the engine refuses: its message, inline; nothing joins the timeline.
  await page.getByTestId('field-retry-policy').selectOption('fixed');
  await expect(inspector.getByTestId('explain-retry')).toContainText('waits the base delay');
  await page.getByTestId('field-retry-maxAttempts').fill('2.5');
  await page.getByTestId('action-retry').click();
  await expect(inspector.locator('.field-error')).toContainText('maxAttempts');
  await expect(page.locator('[data-testid="timeline-marker"].marker--input')).toHaveCount(0);

  await page.getByTestId('field-retry-baseMs').fill('300');
  await page.getByTestId('field-retry-maxAttempts').fill('2');
  await page.getByTestId('action-retry').click();
  await expect(inspector.locator('.field-error')).toHaveCount(0);
  await expect(
    page.locator(
      '[data-testid="timeline-marker"][aria-label$=": Retry of payment → fixed 300 ms–5000 ms, 2 attempts"]',
    ),
  ).toHaveCount(1);
  await expect(inspector.getByTestId('now-retry')).toHaveText(
    'Now: fixed · base 300 ms · at most 2 attempts.',
  );
  // Time travel: before the input the old policy, after it the new one.
  await seekTo(page, 50);
  await expect(inspector.getByTestId('now-retry')).toContainText('full jitter');
  await seekTo(page, 400);
  await expect(inspector.getByTestId('now-retry')).toContainText('fixed');
  expect(errors).toEqual([]);
});

test('a new guarantee turns the ledger around: an auto-ack crash loses, at-least-once does not', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await loadPresetInPage(page, 'ack-modes-crash');
  // The scenario as written: the auto-ack consumer crashes at 10 s and loses what it held.
  await seekTo(page, 700);
  const lostBefore = await readInt(page, 'ledger-lost-auto-q');
  expect(lostBefore).toBeGreaterThan(0);

  await seekTo(page, 1);
  await page.locator('[data-node-id="auto"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('now-guarantee')).toHaveText(
    'Now: at-most-once (auto-ack, not idempotent).',
  );
  await page.getByTestId('field-guarantee-guarantee').selectOption('at-least-once');
  await expect(inspector.getByTestId('explain-guarantee')).toContainText('never loses one');
  await page.getByTestId('action-guarantee').click();
  await expect(
    page.locator(
      '[data-testid="timeline-marker"][aria-label$=": Guarantee of auto → at-least-once"]',
    ),
  ).toHaveCount(1);
  await expect(inspector.getByTestId('now-guarantee')).toHaveText(
    'Now: at-least-once (manual ack, not idempotent).',
  );
  // The same crash now loses nothing: what it held comes back.
  await seekTo(page, 700);
  expect(await readInt(page, 'ledger-lost-auto-q')).toBe(0);
  expect(await readInt(page, 'ledger-once-auto-q')).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
