/**
 * Charts for every kind of scenario (issue 6): a design of services only charts orders, orders
 * waiting, busy workers and client latency; a scenario of topics charts consumer lag, records
 * per second and record latency. Each draws lines, hovering shows values, and the cursor follows
 * the current tick.
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, loadPresetInPage, seekTo } from './helpers';

const chart = (page: Page, kind: string) => page.getByTestId(`chart-${kind}`);

async function expectLine(page: Page, kind: string): Promise<void> {
  const d = await chart(page, kind)
    .locator('.series-line:not(.series-line--ghost)')
    .evaluateAll((paths) => Math.max(...paths.map((p) => p.getAttribute('d')?.length ?? 0)));
  expect(d, `${kind} draws a line`).toBeGreaterThan(20);
}

/** Hover at a share of the plot's width; returns the read-out's rows. */
async function hover(page: Page, kind: string, share: number): Promise<string[]> {
  const c = chart(page, kind);
  await c.scrollIntoViewIfNeeded();
  const box = (await c.locator('.chart-overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width * share, box.y + box.height / 2);
  const rows = c.locator('.chart-hover-text text');
  await expect(rows.first()).toHaveText(/^\d+\.\d{2} s$/);
  return rows.allTextContents();
}

const cursorX = (page: Page, kind: string) =>
  chart(page, kind).locator('.chart-cursor').getAttribute('x1');

test('a synchronous design of services shows orders, in flight, busy workers and latency', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await loadPresetInPage(page, 'compare-tight-coupling-sync');
  // Payment is down from 20 s: orders fail and the workers upstream wait on it.
  await seekTo(page, 2600);
  await expect(chart(page, 'depth')).toHaveCount(0);
  for (const kind of ['orders', 'inFlight', 'busy', 'latency']) await expectLine(page, kind);
  const legend = chart(page, 'orders').getByRole('list');
  await expect(legend).toContainText('orders failed /s');
  await expect(legend).toContainText('orders accepted /s');
  await expect(chart(page, 'busy').getByRole('list')).toContainText('Payment');

  const rows = await hover(page, 'orders', 0.9);
  const failed = rows.find((r) => r.startsWith('orders failed /s: '));
  expect(failed, rows.join(' | ')).toMatch(/: \d+(\.\d)?\/s$/);
  expect(Number(failed!.split(': ')[1]!.replace('/s', ''))).toBeGreaterThan(0);
  const latency = await hover(page, 'latency', 0.3);
  expect(latency[1]).toMatch(/^p50: .* ms$|^p50: –$/);

  // The cursor follows the current tick.
  const at = await cursorX(page, 'orders');
  await seekTo(page, 1200);
  await expect.poll(() => cursorX(page, 'orders')).not.toBe(at);
  expect(errors).toEqual([]);
});

test('a scenario of topics charts consumer lag per group, records per second and latency', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await loadPresetInPage(page, 'kafka-lag');
  // 28 s in: the export falls 20 records behind every second.
  await seekTo(page, 1400);
  await expect(chart(page, 'depth').getByRole('heading')).toHaveText('Consumer lag');
  await expect(chart(page, 'orders')).toHaveCount(0);
  for (const kind of ['depth', 'throughput', 'latency']) await expectLine(page, kind);
  await expect(chart(page, 'throughput').getByRole('list')).toContainText('export records');

  const rows = await hover(page, 'depth', 0.99);
  const lag = rows.find((r) => r.startsWith('export lag: '));
  expect(lag, rows.join(' | ')).toBeDefined();
  expect(Number(lag!.split(': ')[1]!.replace(/,/g, ''))).toBeGreaterThan(300);
  const records = await hover(page, 'throughput', 0.5);
  const perSec = Number(
    records
      .find((r) => r.startsWith('export records: '))!
      .split(': ')[1]!
      .replace('/s', ''),
  );
  // It handles 80 a second (12.5 ms each) and always has records to read.
  expect(perSec).toBeGreaterThan(70);
  expect(perSec).toBeLessThan(90);
  const latency = await hover(page, 'latency', 0.9);
  expect(latency[1]).toMatch(/^p50: /);
  expect(errors).toEqual([]);
});
