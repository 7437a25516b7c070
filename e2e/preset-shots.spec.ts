/**
 * A 1280×720 screenshot of every preset in the picker at one fixed moment (3 s of simulated
 * time, when messages are on the move in every preset), saved in the test's output folder and
 * attached to the report. Each preset must load without an error (no error notice, no failed
 * load under the picker, no console error) and draw every node of its scenario. The moment is
 * reached with a paused seek, so each picture is the same on every run.
 */
import { expect, test } from '@playwright/test';
import { createSim } from '../src/engine';
import { loadPreset, PRESETS } from '../src/scenarios';
import { captureErrors, loadPresetInPage, seekTo } from './helpers';

/** When each picture is taken (or at the run's end, if it is shorter). */
const AT_MS = 3000;

test.use({ viewport: { width: 1280, height: 720 } });

test('a screenshot of each preset at 3 s', async ({ page }, testInfo) => {
  test.setTimeout(110_000);
  const errors = captureErrors(page);
  await page.goto('./');
  await page.getByTestId('play-toggle').click();
  const picker = page.getByTestId('preset');
  const ids = await picker
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  // The picker lists every preset of the catalogue.
  expect([...ids].sort()).toEqual(PRESETS.map((p) => p.id).sort());

  for (const id of ids) {
    if ((await picker.inputValue()) !== id) await loadPresetInPage(page, id);
    const scenario = loadPreset(id);
    const sim = createSim(scenario);
    const tick = Math.min(Math.round((AT_MS * 1000) / sim.tickUs), sim.endTick);
    await seekTo(page, tick);
    await expect(page.getByTestId('notice-error'), `${id}: error notice`).toHaveCount(0);
    await expect(page.getByTestId('preset-description'), `${id}: loaded`).not.toContainText(
      'Could not load',
    );
    // Every node of the scenario is drawn (the broker is its badge, drawn when it has a part),
    // checked in one call: one round trip per preset instead of one per node.
    const want = scenario.nodes.filter((n) => n.kind !== 'broker').map((n) => n.id);
    const missing = await page.evaluate(
      (ids) =>
        ids.filter((nid) => {
          const el = document.querySelector(`.topology-svg [data-node-id="${CSS.escape(nid)}"]`);
          const r = el?.getBoundingClientRect();
          return !r || r.width === 0 || r.height === 0;
        }),
      want,
    );
    expect(missing, `${id}: nodes not drawn`).toEqual([]);
    const path = testInfo.outputPath(`${id}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`preset-${id}`, { path, contentType: 'image/png' });
  }
  expect(errors).toEqual([]);
});
