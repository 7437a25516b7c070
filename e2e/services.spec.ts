/**
 * Services (issue 4) on the page: the synchronous chain fails orders while Payment is down and
 * the asynchronous design does not, both equal to a headless run; the service shows its state
 * in words and colour; requests and replies travel on the call edges; and taking a service down
 * from its inspector puts an input on the timeline.
 */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, createSim, report, type SimEvent } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import {
  captureErrors,
  loadPresetInPage,
  pause,
  readInt,
  seekTo,
  waitForTickAbove,
} from './helpers';

/** The order numbers of a headless run of a preset at a tick. */
function flowAt(id: string, tick: number) {
  const sim = createSim(loadPreset(id));
  advanceTo(sim, tick);
  return report(sim).flow!;
}

/** The tick after the first event that matches, from a headless run (the page shows it then). */
function tickAfterFirst(id: string, match: (e: SimEvent) => boolean): number {
  const sim = createSim(loadPreset(id));
  let found: SimEvent | null = null;
  const sink = { push: (e: SimEvent) => (found ??= match(e) ? e : null) };
  while (!found && sim.tick < sim.endTick) advanceTo(sim, sim.tick + 1, [], sink);
  expect(found, `${id}: no matching event`).not.toBeNull();
  return Math.floor(found!.atUs / sim.tickUs) + 1;
}

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const stateTab = (page: Page, id: string) => node(page, id).locator('text.node-tab--state');

/** Play at 25× until the run is past `tick`, then pause; returns the tick shown. */
async function fastForwardPast(page: Page, tick: number): Promise<number> {
  await page.getByTestId('speed').selectOption('25');
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, tick);
  return pause(page);
}

test('synchronously, orders fail while Payment is down; asynchronously none fail', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  const sync = 'compare-tight-coupling-sync';
  await loadPresetInPage(page, sync);
  await expect(page.getByTestId('flow-panel')).toBeVisible();
  // Services only: the broker's panels are not shown.
  await expect(page.getByTestId('counter-published')).toHaveCount(0);

  const past = await fastForwardPast(page, 5000);
  const failed = await readInt(page, 'flow-failed');
  expect(failed).toBeGreaterThan(0);
  const want = flowAt(sync, past);
  for (const key of ['orders', 'accepted', 'failed', 'completed', 'inconsistent'] as const)
    await expect(page.getByTestId(`flow-${key}`), key).toHaveText(String(want[key]));
  await expect(page.getByTestId('flow-client-p50')).toHaveText(/ ms$/);

  // Payment is down from 20 s to 50 s: back into the window with the timeline's keys.
  const timeline = page.getByTestId('timeline');
  await timeline.focus();
  await timeline.press('Home');
  await expect(page.getByTestId('tick')).toHaveText('0');
  // Seven pages of 5 % of the run (90 s): 31.5 s.
  for (let i = 0; i < 7; i++) await timeline.press('PageUp');
  await expect(page.getByTestId('tick')).toHaveText('3150');
  await expect(node(page, 'payment')).toHaveClass(/is-down/);
  await expect(stateTab(page, 'payment')).toHaveText('DOWN');
  await expect(node(page, 'payment').locator('.node-stat').first()).toContainText('DOWN');
  await expect(node(page, 'payment')).toHaveAttribute('aria-label', /service, DOWN/);
  await expect(stateTab(page, 'inventory')).toHaveText('UP');
  await node(page, 'payment').click();
  await expect(page.getByTestId('inspect-state')).toHaveText('down');
  await expect(page.getByTestId('action-bringUp')).toBeVisible();
  await seekTo(page, 6000);
  await expect(node(page, 'payment')).not.toHaveClass(/is-down/);
  await expect(stateTab(page, 'payment')).toHaveText('UP');

  const async = 'compare-tight-coupling-async';
  await loadPresetInPage(page, async);
  const asyncPast = await fastForwardPast(page, 5000);
  await expect(page.getByTestId('flow-failed')).toHaveText('0');
  const wantAsync = flowAt(async, asyncPast);
  expect(wantAsync.failed).toBe(0);
  await expect(page.getByTestId('flow-accepted')).toHaveText(String(wantAsync.accepted));
  await expect(page.getByTestId('flow-orders')).toHaveText(String(wantAsync.orders));
  // The broker's panels are back, with the services' consuming sides among the consumers.
  await expect(page.getByTestId('counter-published')).toBeVisible();
  expect(errors).toEqual([]);
});

test('requests and replies travel along the call edges', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  const id = 'compare-happy-path-sync';
  await loadPresetInPage(page, id);
  const moving = () => page.evaluate(() => window.__mqsim!.movingFlights());
  await seekTo(
    page,
    tickAfterFirst(
      id,
      (e) => e.type === 'request' && e.caller === 'order' && e.phase === 'arrived',
    ),
  );
  expect(await moving()).toContainEqual(expect.stringMatching(/^order>\w+:request$/));
  await seekTo(
    page,
    tickAfterFirst(
      id,
      (e) => e.type === 'request' && e.caller === 'order' && e.phase === 'replied',
    ),
  );
  expect(await moving()).toContainEqual(expect.stringMatching(/^\w+>order:reply$/));
  await expect(page.locator('.message-legend')).toContainText('Request (caller waits)');
  await expect(page.getByTestId('worker-legend')).toBeVisible();
  // The event log says it in words.
  await expect(page.getByTestId('log-row').last()).toContainText(/→/);
  expect(errors).toEqual([]);
});

test('a service taken down from its inspector is an input on the timeline', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await loadPresetInPage(page, 'compare-happy-path-sync');
  await seekTo(page, 300);
  await node(page, 'inventory').click();
  await expect(page.getByTestId('inspector')).toContainText('Inventory service');
  await page.getByTestId('field-takeDown-forMs').fill('2000');
  await page.getByTestId('action-takeDown').click();
  await expect(node(page, 'inventory')).toHaveClass(/is-down/);
  await expect(stateTab(page, 'inventory')).toHaveText('DOWN');
  await expect(page.getByTestId('inspect-state')).toHaveText('down');
  const markers = page.locator('[data-testid="timeline-marker"].marker--input');
  await expect(markers).toHaveCount(1);
  await expect(markers.first()).toHaveAttribute('title', /Take inventory down for 2 s/);

  await page.getByTestId('action-bringUp').click();
  await expect(node(page, 'inventory')).not.toHaveClass(/is-down/);
  await page.getByTestId('field-slowDown-factor').fill('5');
  await page.getByTestId('action-slowDown').click();

  await expect(stateTab(page, 'inventory')).toHaveText('SLOW ×5');
  await page.getByTestId('setting-failureRate').fill('0.25');
  await page.getByTestId('apply-failureRate').click();
  await expect(page.getByTestId('setting-failureRate')).toHaveValue('0.25');
  const inputs = (await page.evaluate(() => window.__mqsim!.timeline())).map((e) => e.input);
  expect(inputs).toEqual([
    { type: 'serviceStateChanged', serviceId: 'inventory', state: 'down', forMs: 2000 },
    { type: 'serviceStateChanged', serviceId: 'inventory', state: 'up' },
    { type: 'serviceStateChanged', serviceId: 'inventory', state: 'slow', factor: 5 },
    { type: 'serviceFailureRateChanged', serviceId: 'inventory', probability: 0.25 },
  ]);
  await expect(markers).toHaveCount(4);
  expect(errors).toEqual([]);
});
