/**
 * A screenshot of every preset at a fixed tick, kept as a test artifact under
 * test-results/presets/ (and attached to the report). The tick is reached with a seek, so each
 * picture is the same on every run; the page must show no errors on any preset. Of the
 * sync-vs-async designs (two per comparison, drawn alike), one of each kind is pictured and the
 * others are loaded, sought and checked for their nodes, which keeps the suite quick.
 */
import { expect, test } from '@playwright/test';
import { createSim } from '../src/engine';
import { loadPreset, PRESETS } from '../src/scenarios';
import { captureErrors, loadPresetInPage, seekTo } from './helpers';

/** The tick of each picture (or the run's last tick, if it is shorter). */
const TICK = 1500;
const PICTURED_DESIGNS = new Set(['compare-tight-coupling-sync', 'compare-hybrid-async']);

test('a screenshot of each preset at a fixed tick', async ({ page }, testInfo) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('play-toggle').click();
  for (const { id, group } of PRESETS) {
    if ((await page.getByTestId('preset').inputValue()) !== id) await loadPresetInPage(page, id);
    else await page.getByTestId('reset').click();
    const scenario = loadPreset(id);
    await seekTo(page, Math.min(TICK, createSim(scenario).endTick));
    // Every node of the scenario is drawn (the broker badge comes on top when there is one).
    for (const n of scenario.nodes)
      if (n.kind !== 'broker')
        await expect(
          page.locator(`.topology-svg [data-node-id="${n.id}"]`),
          `${id}: ${n.id}`,
        ).toBeVisible();
    if (group === 'Sync vs async' && !PICTURED_DESIGNS.has(id)) continue;
    const path = `test-results/presets/${id}.png`;
    // What a 1280×720 projector shows: the topology must be readable there.
    await page.screenshot({ path });
    await testInfo.attach(`preset-${id}`, { path, contentType: 'image/png' });
  }
  expect(errors).toEqual([]);
});
