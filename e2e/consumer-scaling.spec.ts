/**
 * Adding and removing consumers from the inspector (issue 6): the new consumer appears next to
 * its template and gets deliveries, a removed one is drawn greyed as "removed", and a reset
 * replays both identically (the same numbers at the same tick, as a headless run gives).
 */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, createSim, report } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import {
  captureErrors,
  countersOf,
  openPresetAt,
  pause,
  readCounters,
  readInt,
  seekTo,
  waitForTickAbove,
} from './helpers';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);
const edge = (page: Page, from: string, to: string) =>
  page.locator(`path[data-edge="${from}\u2192${to}"]`);

async function playTo(page: Page, tick: number): Promise<number> {
  await page.getByTestId('speed').selectOption('10');
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, tick);
  return pause(page);
}

/** The delivered count in the open inspector of a consumer. */
async function deliveredOf(page: Page, id: string): Promise<number> {
  await node(page, id).click();
  // Its title: the label ("Worker 2") or, for an added one, its id ("worker-4").
  await expect(page.getByTestId('inspector')).toContainText(
    new RegExp(id.replace('-', '[- ]'), 'i'),
  );
  return readInt(page, 'inspect-delivered');
}

test('a consumer added from the inspector gets deliveries, one removed stops, and reset replays both', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await openPresetAt(page, 'work-queue', 100);

  // Add: the proposed id is the first free one after worker-3.
  await node(page, 'worker-3').click();
  await page.getByTestId('action-addLike').click();
  await expect(node(page, 'worker-4')).toBeVisible();
  await expect(page.getByTestId('timeline-marker')).toHaveCount(1);
  await playTo(page, 600);
  const early = await deliveredOf(page, 'worker-4');
  expect(early).toBeGreaterThan(0);
  await playTo(page, 1200);
  expect(await deliveredOf(page, 'worker-4')).toBeGreaterThan(early);

  // Remove worker-2: greyed and dashed, "removed", and it gets nothing more.
  await node(page, 'worker-2').click();
  await page.getByTestId('action-remove').click();
  await expect(node(page, 'worker-2')).toHaveClass(/is-removed/);
  await expect(node(page, 'worker-2')).toContainText('removed');
  // Its edge is greyed and dashed like it; the others stay as they were.
  await expect(edge(page, 'tasks', 'worker-2')).toHaveClass(/is-removed/);
  await expect(edge(page, 'tasks', 'worker-2')).toHaveCSS('stroke-dasharray', /\d/);
  await expect(edge(page, 'tasks', 'worker-1')).not.toHaveClass(/is-removed/);
  await expect(edge(page, 'tasks', 'worker-1')).toHaveCSS('stroke-dasharray', 'none');
  await expect(page.getByTestId('action-addLike')).toHaveCount(0);
  const removedAt = await deliveredOf(page, 'worker-2');
  const end = await playTo(page, 2500);
  expect(await deliveredOf(page, 'worker-2')).toBe(removedAt);
  const worker4 = await deliveredOf(page, 'worker-4');
  const counters = await readCounters(page);
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline.map((e) => e.input)).toEqual([
    { type: 'consumerAdded', consumerId: 'worker-4', like: 'worker-3' },
    { type: 'consumerRemoved', consumerId: 'worker-2' },
  ]);

  // Seeking before the removal draws worker-2 live again.
  await seekTo(page, 1000);
  await expect(node(page, 'worker-2')).not.toHaveClass(/is-removed/);
  await expect(edge(page, 'tasks', 'worker-2')).not.toHaveClass(/is-removed/);

  // Reset replays both: the same numbers at the same tick, equal to a headless run.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('tick')).toHaveText('0');
  await expect(page.getByTestId('timeline-marker')).toHaveCount(2);
  await expect(node(page, 'worker-4')).toHaveClass(/is-absent/);
  await expect(edge(page, 'tasks', 'worker-4')).toHaveClass(/is-absent/);
  await playTo(page, end);
  await seekTo(page, end);
  expect(await readCounters(page)).toEqual(counters);
  expect(await deliveredOf(page, 'worker-4')).toBe(worker4);
  await expect(node(page, 'worker-2')).toHaveClass(/is-removed/);
  const sim = createSim(loadPreset('work-queue'));
  advanceTo(sim, end, timeline);
  expect(countersOf(report(sim))).toEqual(counters);
  expect(report(sim).consumers['worker-4']!.delivered).toBe(worker4);
  expect(errors).toEqual([]);
});

test('a delivery on its way to a consumer that is removed turns back to the queue', async ({
  page,
}) => {
  const errors = captureErrors(page);
  // At this tick a task is on its way to worker-2 (src/store/turnBack.test.ts finds it too).
  await openPresetAt(page, 'work-queue', 172);
  const moving = () => page.evaluate(() => window.__mqsim!.movingFlights());
  expect(await moving()).toContain('tasks>worker-2:new');

  await node(page, 'worker-2').click();
  await page.getByTestId('action-remove').click();
  // Paused, the page steps one tick after an input, so its effect shows at once.
  await expect(page.getByTestId('tick')).toHaveText('173');
  await expect(node(page, 'worker-2')).toHaveClass(/is-removed/);
  // The engine sent it back (R12): nothing goes on to worker-2, and it is drawn going back.
  const after = await moving();
  expect(after.filter((f) => f.startsWith('tasks>worker-2'))).toEqual([]);
  expect(after).toContain('worker-2>tasks:redelivered');
  // The same picture when the tick is reached by a seek from later on.
  await seekTo(page, 400);
  await seekTo(page, 173);
  expect(await moving()).toEqual(after);
  expect(errors).toEqual([]);
});
