/**
 * What the broker's work looks like on the page: routed copies hop from the exchange to each
 * queue, dead letters travel to the DLQ, acks and nacks travel back, fates fade out with their
 * reason where they happened, and the counters and the delivery-guarantee ledger equal a
 * headless run.
 */
import { expect, test } from '@playwright/test';
import { advanceTo, createSim, report, type SimEvent } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import { fateTotals } from '../src/ui/fateTotals';
import { captureErrors, loadPresetInPage, seekTo } from './helpers';

/** The tick after the first event that matches, from a headless run (the page shows it then). */
function tickAfterFirst(id: string, match: (e: SimEvent) => boolean): number {
  const sim = createSim(loadPreset(id));
  let found: SimEvent | null = null;
  const sink = { push: (e: SimEvent) => (found ??= match(e) ? e : null) };
  while (!found && sim.tick < sim.endTick) advanceTo(sim, sim.tick + 1, [], sink);
  expect(found, `${id}: no matching event`).not.toBeNull();
  return Math.floor(found!.atUs / sim.tickUs) + 1;
}

const moving = (page: import('@playwright/test').Page) =>
  page.evaluate(() => window.__mqsim!.movingFlights());

test('routed copies, dead letters, acks and nacks travel on the canvas', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await loadPresetInPage(page, 'pubsub-fanout');
  await seekTo(
    page,
    tickAfterFirst('pubsub-fanout', (e) => e.type === 'routed'),
  );
  expect(await moving(page)).toEqual(
    expect.arrayContaining([
      'order_created>inventory-q:new',
      'order_created>payment-q:new',
      'order_created>notification-q:new',
    ]),
  );
  const acked = (e: SimEvent) => e.type === 'processed' && e.outcome === 'ok';
  await seekTo(page, tickAfterFirst('pubsub-fanout', acked));
  expect((await moving(page)).some((f) => f.endsWith(':ack'))).toBe(true);

  const id = 'retry-backoff-dlq';
  await loadPresetInPage(page, id);
  await seekTo(
    page,
    tickAfterFirst(id, (e) => e.type === 'deadLettered'),
  );
  expect(await moving(page)).toContain('payments>payments-dlq:deadLettered');
  await seekTo(
    page,
    tickAfterFirst(id, (e) => e.type === 'processed' && e.outcome === 'failed'),
  );
  expect(await moving(page)).toContain('payment>payments:nack');
  await expect(page.locator('.message-legend')).toContainText('Nack going back');
  expect(errors).toEqual([]);
});

test('fates fade with their reason; lost, expired and duplicates match a headless run', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  // The scheduled broker crash at 10 s: transient messages fade out where they were lost.
  await loadPresetInPage(page, 'broker-crash-durability');
  await seekTo(page, 501);
  const fades = await page.evaluate(() => window.__mqsim!.fades());
  expect(fades).toContain('transient-t:lost: broker-crash:transient-queue');
  expect(fades).toContain('durable-t:lost: broker-crash:transient-message');

  for (const [id, tick, counter] of [
    ['sqs-visibility', 3000, 'duplicates'],
    ['ttl-expiry', 1500, 'expired'],
    ['ack-modes-crash', 700, 'lost'],
  ] as const) {
    await loadPresetInPage(page, id);
    await seekTo(page, tick);
    const sim = createSim(loadPreset(id));
    advanceTo(sim, tick);
    const r = report(sim);
    const want = fateTotals(r).find((f) => f.id === counter)!;
    expect(want.value, `${id} ${counter}`).toBeGreaterThan(0);
    await expect(page.getByTestId(`counter-${counter}`)).toHaveText(String(want.value));
    for (const [q, entry] of Object.entries(r.queues)) {
      if (entry.ledger.exactlyOnce + entry.ledger.duplicated + entry.ledger.lost === 0) continue;
      await expect(page.getByTestId(`ledger-once-${q}`)).toHaveText(
        String(entry.ledger.exactlyOnce),
      );
      await expect(page.getByTestId(`ledger-dup-${q}`)).toHaveText(String(entry.ledger.duplicated));
      await expect(page.getByTestId(`ledger-lost-${q}`)).toHaveText(String(entry.ledger.lost));
    }
  }
  // A message the auto-ack consumer lost: clicking its id in the ledger selects it.
  const chip = page.getByTestId('ledger-lost-id').first();
  const msg = (await chip.textContent())!.slice(1);
  await chip.click();
  await expect(page.getByTestId('journey').or(page.getByRole('status'))).toContainText(`#${msg}`);
  expect(errors).toEqual([]);
});
