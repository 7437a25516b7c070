/**
 * React does not re-render per animation frame: while the run plays, each panel re-renders at
 * most ~10 times a second (when the store publishes), whatever the frame rate. Counted by the
 * panels themselves (renderCount.ts) through the debug hook.
 */
import { expect, test } from '@playwright/test';
import { expectPlaying } from './helpers';

const PLAY_MS = 2000;
/** Panels' renders per second allowed (the store publishes ≈10 times a second). */
const MAX_PER_SECOND = 25;

test('panels re-render at most ~10 times a second while playing', async ({ page }) => {
  await page.goto('./');
  await expectPlaying(page, true);
  await page.getByTestId('speed').selectOption('10');
  // Open the panels that only exist on demand, so they are counted too.
  await page.locator('[data-node-id="worker-a"]').click();
  await page.waitForTimeout(300);
  const { counts, frames } = await page.evaluate(async (ms) => {
    let frames = 0;
    const count = () => {
      frames++;
      if (performance.now() < end) requestAnimationFrame(count);
    };
    const end = performance.now() + ms;
    window.__mqsim!.resetRenderCounts();
    requestAnimationFrame(count);
    await new Promise((r) => setTimeout(r, ms));
    return { counts: window.__mqsim!.renderCounts(), frames };
  }, PLAY_MS);
  console.log(`renders in ${PLAY_MS} ms over ${frames} frames:`, JSON.stringify(counts));
  expect(frames).toBeGreaterThan(20);
  for (const name of [
    'Counters',
    'TimeReadout',
    'Timeline',
    'NodeInspector',
    'EventLog',
    'QueuePanel',
  ])
    expect(counts[name] ?? 0, `${name} renders while playing`).toBeGreaterThan(3);
  for (const [name, n] of Object.entries(counts))
    expect(n, `${name} renders in ${PLAY_MS} ms`).toBeLessThanOrEqual(
      (MAX_PER_SECOND * PLAY_MS) / 1000,
    );
  // Panels drawn by subscriptions (topology, charts) do not re-render at all while playing.
  for (const name of ['TopologyView', 'Chart:depth', 'Chart:latency', 'Controls'])
    expect(counts[name] ?? 0, `${name} renders while playing`).toBeLessThanOrEqual(2);
});
