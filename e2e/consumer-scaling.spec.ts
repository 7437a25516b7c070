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
  loadPresetInPage,
  pause,
  readCounters,
  readInt,
  seekTo,
  waitForTickAbove,
} from './helpers';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

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
  await page.goto('./');
  await pause(page);
  await loadPresetInPage(page, 'work-queue');
  await seekTo(page, 100);

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

  // Reset replays both: the same numbers at the same tick, equal to a headless run.
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('tick')).toHaveText('0');
  await expect(page.getByTestId('timeline-marker')).toHaveCount(2);
  await expect(node(page, 'worker-4')).toHaveClass(/is-absent/);
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
