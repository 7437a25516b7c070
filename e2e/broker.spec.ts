/**
 * The queue broker driven from the page, each effect checked against a headless run of the same
 * scenario with the same input at the same tick: a broker crash (what survives), a DLQ's dead
 * letters and their redrive.
 */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, createSim, report, type RunReport, type TimedInput } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import { fateTotals } from '../src/ui/fateTotals';
import { captureErrors, loadPresetInPage, readInt, seekTo } from './helpers';

function headless(id: string, tick: number, timeline: readonly TimedInput[]): RunReport {
  const sim = createSim(loadPreset(id));
  advanceTo(sim, tick, [...timeline]);
  return report(sim);
}

/** Queue depths and the "what went wrong" totals on the page equal the report's. */
async function expectSameAs(page: Page, r: RunReport) {
  for (const [id, q] of Object.entries(r.queues))
    await expect(page.getByTestId(`queue-depth-${id}`), id).toHaveText(String(q.depth));
  for (const f of fateTotals(r)) {
    await expect(page.getByTestId(`counter-${f.id}`), f.id).toHaveText(String(f.value));
    for (const [reason, n] of f.reasons)
      await expect(page.getByTestId(`reason-${f.id}-${reason}`)).toHaveText(`${reason}: ${n}`);
  }
  await expect(page.getByTestId('counter-published')).toHaveText(String(r.totals.published));
}

test('a broker crash from the page keeps what a headless run keeps', async ({ page }) => {
  const errors = captureErrors(page);
  const id = 'broker-crash-durability';
  await page.goto('./');
  await loadPresetInPage(page, id);
  await seekTo(page, 250);
  await page.locator('[data-node-id="rabbit"]').click();
  await expect(page.getByTestId('inspector')).toContainText('RabbitMQ');
  await page.getByTestId('field-crash-restartAfterMs').fill('2000');
  await page.getByTestId('action-crash').click();
  await expect(page.locator('.broker-region')).toHaveClass(/is-down/);
  await expect(page.getByTestId('inspect-up')).toHaveText('no');
  await expect(page.getByTestId('action-restart')).toBeVisible();
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: 250, input: { type: 'brokerCrashed', brokerId: 'rabbit', restartAfterMs: 2000 } },
  ]);
  // Paused: the page stepped one tick to show the crash.
  await expect(page.getByTestId('tick')).toHaveText('251');
  const crashed = headless(id, 251, timeline);
  expect(crashed.totals.gone['broker-crash:transient-queue']).toBeGreaterThan(0);
  await expectSameAs(page, crashed);
  // Only the durable queue of persistent messages keeps anything, and only what was written.
  expect(crashed.queues['durable-p']!.depth).toBeGreaterThan(0);
  for (const q of ['transient-p', 'durable-t', 'transient-t'])
    await expect(page.getByTestId(`queue-depth-${q}`)).toHaveText('0');

  // 2 s later the broker is back (restartAfterMs), with the survivors ready again.
  await seekTo(page, 400);
  await expect(page.locator('.broker-region')).not.toHaveClass(/is-down/);
  await expectSameAs(page, headless(id, 400, timeline));
  expect(errors).toEqual([]);
});

test('a DLQ shows its dead letters with their reasons, and a redrive empties it', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const id = 'retry-backoff-dlq';
  await page.goto('./');
  await loadPresetInPage(page, id);
  await seekTo(page, 2000);
  const before = headless(id, 2000, []);
  const waiting = before.queues['payments-dlq']!.depth;
  expect(waiting).toBeGreaterThan(0);
  await page.locator('[data-node-id="payments-dlq"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('dead-letter queue');
  await expect(page.getByTestId('dead-letter-count')).toHaveText(String(waiting));
  await expect(page.getByTestId('dead-letter')).toHaveCount(waiting);
  // Each one says why: the reasons the source queue counted (5 failed attempts: rejected).
  const reasons = new Set(await page.getByTestId('dead-letter-reason').allTextContents());
  expect([...reasons]).toEqual(Object.keys(before.queues.payments!.deadLettered));
  await expect(page.locator('[data-node-id="payments-dlq"] text.node-tab--dlq')).toHaveText('DLQ');

  // A dead letter's journey shows the move.
  await page.getByTestId('dead-letter').first().getByRole('button').click();
  await expect(page.getByTestId('journey')).toContainText('dead-lettered: rejected');

  await page.getByTestId('action-redrive').click();
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: 2000, input: { type: 'dlqRedriven', queueId: 'payments-dlq' } },
  ]);
  await expect(page.getByTestId('dead-letter-count')).toHaveText('0');
  await expectSameAs(page, headless(id, 2001, timeline));
  await page.getByTestId('log-filter-type').selectOption('redriven');
  await expect(page.getByTestId('log-row')).toHaveCount(waiting);
  expect(errors).toEqual([]);
});

test('every consumer and producer input from the inspector reaches the engine', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('play-toggle').click();
  await seekTo(page, 300);
  await page.locator('[data-node-id="worker-a"]').click();
  await page.getByTestId('setting-prefetch').fill('3');
  await page.getByTestId('setting-prefetch').press('Enter');
  await expect(page.getByTestId('inspect-prefetch')).toHaveText('3');
  await page.getByTestId('field-ackMode-ackMode').selectOption('auto');
  await page.getByTestId('action-ackMode').click();
  await expect(page.getByTestId('inspect-ackMode')).toHaveText('auto');
  await page.getByTestId('setting-failureRate').fill('0.5');
  await page.getByTestId('apply-failureRate').click();
  await page.getByTestId('field-crash-window').selectOption('afterReceive');
  await page.getByTestId('field-crash-restartAfterMs').fill('500');
  await page.getByTestId('action-crash').click();
  await page.locator('[data-node-id="orders"]').click();
  await page.getByTestId('action-poison').click();
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: 300, input: { type: 'prefetchChanged', consumerId: 'worker-a', prefetch: 3 } },
    { tick: 301, input: { type: 'ackModeChanged', consumerId: 'worker-a', ackMode: 'auto' } },
    { tick: 302, input: { type: 'failureRateChanged', consumerId: 'worker-a', probability: 0.5 } },
    {
      tick: 303,
      input: {
        type: 'consumerCrashed',
        consumerId: 'worker-a',
        window: 'afterReceive',
        restartAfterMs: 500,
      },
    },
    { tick: 304, input: { type: 'poisonPublished', producerId: 'orders' } },
  ]);
  await expect(page.getByTestId('timeline-marker')).toHaveCount(5);
  await seekTo(page, 1500);
  const r = headless('competing-consumers', 1500, timeline);
  await expectSameAs(page, r);
  expect(await readInt(page, 'counter-acked')).toBe(r.totals.acked);
  await page.locator('[data-node-id="worker-a"]').click();
  await expect(page.getByTestId('inspect-failed')).toHaveText(
    String(r.consumers['worker-a']!.failed),
  );
  expect(errors).toEqual([]);
});
