/**
 * The compare view (issue 7, "Side by side"): both runs draw, the table shows numbers, one
 * clock moves both to the same tick, each side's numbers equal that scenario run alone to the
 * same tick, and a table number takes you to the chart series it comes from.
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, expectPlaying, readInt } from './helpers';

const SYNC_ASYNC = '/#compare=compare-blocking-sync~compare-blocking-async&cseed=7';

const paneTick = async (page: Page, pane: 'left' | 'right') => {
  const text = (await page.getByTestId(`compare-${pane}`).getByTestId('tick').textContent()) ?? '';
  expect(text).toMatch(/^\d+$/);
  return Number(text);
};

const cell = async (page: Page, row: string, pane: 'left' | 'right') => {
  const text = (await page.getByTestId(`cell-${row}-${pane}`).textContent()) ?? '';
  return text.trim();
};

async function openPair(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('compare-table')).toBeVisible();
  for (const pane of ['left', 'right'] as const)
    await expect
      .poll(() => page.getByTestId(`compare-${pane}`).locator('[data-node-id]').count())
      .toBeGreaterThan(2);
}

/** Both panes and the pair settled on one tick (after a pause or a seek). */
async function expectSameTick(page: Page, tick?: number): Promise<number> {
  await expect
    .poll(async () => {
      const [l, r, p] = [
        await paneTick(page, 'left'),
        await paneTick(page, 'right'),
        await readInt(page, 'pair-tick'),
      ];
      return l === r && r === p && (tick === undefined || p === tick) ? p : -1;
    })
    .toBeGreaterThanOrEqual(0);
  return readInt(page, 'pair-tick');
}

test('a sync/async pair: both draw, one clock, the numbers of each run alone', async ({ page }) => {
  const errors = captureErrors(page);
  await openPair(page, SYNC_ASYNC);
  await expect(page.getByTestId('compare-left').getByTestId('pane-scenario')).toContainText(
    'synchronous',
  );
  await expect(page.getByTestId('compare-right').getByTestId('pane-scenario')).toContainText(
    'asynchronous',
  );
  await expect(page.getByTestId('pair-seed')).toHaveValue('7');

  // Play, then pause: both sides stop at the same tick.
  await page.getByTestId('pair-play').click();
  await expect(page.getByTestId('pair-play')).toHaveAttribute('data-state', 'playing');
  await expect.poll(() => readInt(page, 'pair-tick')).toBeGreaterThan(60);
  await page.getByTestId('pair-play').click();
  await expect(page.getByTestId('pair-play')).toHaveAttribute('data-state', 'paused');
  const paused = await expectSameTick(page);
  expect(paused).toBeGreaterThan(60);
  // The table shows numbers for both sides.
  expect(Number(await cell(page, 'availability-orders-placed', 'left'))).toBeGreaterThan(0);
  expect(await cell(page, 'availability-orders-placed', 'left')).toBe(
    await cell(page, 'availability-orders-placed', 'right'),
  );

  // Step and step back move both.
  await page.getByTestId('pair-step').click();
  await expectSameTick(page, paused + 1);
  await page.getByTestId('pair-step-back').click();
  await expectSameTick(page, paused);

  // Seek with the one timeline (keyboard: Page Up is 5 % of the longer run).
  const slider = page.getByTestId('pair-timeline');
  await slider.focus();
  await page.keyboard.press('Home');
  await expectSameTick(page, 0);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  const end = Number(await slider.getAttribute('aria-valuemax'));
  const target = 2 * Math.max(1, Math.round(end / 20));
  await expectSameTick(page, target);

  const seen = {
    left: {
      orders: await cell(page, 'availability-orders-placed', 'left'),
      accepted: await cell(page, 'availability-accepted', 'left'),
      completed: await cell(page, 'resilience-orders-completed', 'left'),
    },
    right: {
      orders: await cell(page, 'availability-orders-placed', 'right'),
      accepted: await cell(page, 'availability-accepted', 'right'),
      completed: await cell(page, 'resilience-orders-completed', 'right'),
    },
  };
  expect(Number(seen.left.orders)).toBeGreaterThan(0);
  expect(errors).toEqual([]);

  // Each side alone, same seed and tick, through a run link: the same numbers.
  for (const [pane, design] of [
    ['left', 'sync'],
    ['right', 'async'],
  ] as const) {
    const alone = await page.context().newPage();
    const aloneErrors = captureErrors(alone);
    await alone.goto(`/#v=1&preset=compare-blocking-${design}&seed=7&t=${target}`);
    await expect(alone.getByTestId('tick')).toHaveText(String(target));
    await expectPlaying(alone, false);
    await expect(alone.getByTestId('flow-orders')).toHaveText(seen[pane].orders);
    await expect(alone.getByTestId('flow-accepted')).toHaveText(seen[pane].accepted);
    await expect(alone.getByTestId('flow-completed')).toHaveText(seen[pane].completed);
    expect(aloneErrors).toEqual([]);
    await alone.close();
  }
  expect(errors).toEqual([]);
});

test('a table number links to its chart and highlights the series', async ({ page }) => {
  const errors = captureErrors(page);
  await openPair(page, '/#compare=retry-backoff-dlq:jitter~retry-backoff-dlq:no-jitter&cseed=4');
  await page.getByTestId('pair-timeline').focus();
  await page.keyboard.press('PageUp');
  await expect.poll(() => readInt(page, 'pair-tick')).toBeGreaterThan(0);
  // The same seed: the same arrivals on both sides.
  await expect
    .poll(
      async () =>
        (await cell(page, 'published', 'left')) === (await cell(page, 'published', 'right')),
    )
    .toBe(true);
  expect(Number(await cell(page, 'published', 'left'))).toBeGreaterThan(0);

  await page.getByTestId('cell-p99-right').click();
  const chart = page.getByTestId('compare-right').locator('[data-chart="latency"]');
  await expect(chart).toHaveClass(/is-linked/);
  await expect(chart).toBeInViewport();
  await expect(chart.locator('g.series--highlight')).toHaveAttribute('data-series', /p99$/);
  await expect(chart.locator('g.series--dim').first()).toBeAttached();

  await page.getByTestId('cell-published-left').click();
  await expect(page.getByTestId('compare-left').locator('[data-panel="counters"]')).toHaveClass(
    /is-linked/,
  );
  expect(errors).toEqual([]);
});

test('the Compare button opens the view, quick pairs and pickers change the sides', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('/');
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page).toHaveURL(/compare=compare-blocking-sync~compare-blocking-async/);
  await page.getByTestId('quick-pairs').selectOption('retry-backoff-dlq-jitter');
  await expect(page.getByTestId('compare-right').getByTestId('pane-scenario')).toContainText(
    'retry jitter off',
  );
  await expect(page).toHaveURL(/compare=retry-backoff-dlq:jitter~retry-backoff-dlq:no-jitter/);
  await page.getByTestId('compare-left').getByTestId('side-variant').selectOption('exactly-once');
  await expect(page.getByTestId('compare-left').getByTestId('pane-scenario')).toContainText(
    'exactly-once',
  );
  // Space plays both; the single run stays paused behind the view.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pair-play')).toHaveAttribute('data-state', 'playing');
  await page.keyboard.press(' ');
  await expectSameTick(page);
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  await expect(page).not.toHaveURL(/compare=/);
  await expect(page.getByTestId('stage')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a bad compare link says what is wrong and opens the default pair', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('/#compare=nope~mm1:fast');
  await expect(page.getByTestId('compare-error')).toContainText('no preset "nope"');
  await expect(page.getByTestId('compare-error')).toContainText('"fast" is not a variant');
  await expect(page.getByTestId('compare-left').getByTestId('pane-scenario')).toContainText(
    'synchronous',
  );
  // An edited side in a link opened where no scenario was edited: that side falls back.
  await page.goto('/#compare=edited~mm1');
  await page.reload();
  await expect(page.getByTestId('compare-error')).toContainText('no edited scenario');
  await expect(page.getByTestId('compare-left').getByTestId('pane-scenario')).toContainText(
    'synchronous',
  );
  await expect(page.getByTestId('compare-right').getByTestId('pane-scenario')).toContainText(
    'M/M/1',
  );
  await expect(page).toHaveURL(/compare=compare-blocking-sync~mm1/);
  expect(errors.filter((e) => !e.startsWith('requestfailed'))).toEqual([]);
});

test('the edited scenario can be put on a side, against the preset it came from', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('/');
  await page.getByTestId('edit-scenario').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('edit-node-tasks').click();
  await page.locator('[data-field="nodes[1].label"]').locator('input').fill('Edited tasks');
  await page.locator('[data-field="nodes[1].maxLength"]').locator('input').fill('1');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor')).toHaveCount(0);

  await page.getByTestId('compare-toggle').click();
  const left = page.getByTestId('compare-left');
  await left.getByTestId('side-preset').selectOption('edited');
  await page
    .getByTestId('compare-right')
    .getByTestId('side-preset')
    .selectOption('competing-consumers');
  await expect(page).toHaveURL(/compare=edited~competing-consumers/);
  await expect(left.locator('[data-node-id="tasks"]')).toContainText('Edited tasks');
  await expect(
    page.getByTestId('compare-right').locator('[data-node-id="tasks"]'),
  ).not.toContainText('Edited');
  // The one-message queue turns publishes away: the edited side drops where the preset does not.
  await page.getByTestId('pair-timeline').focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect.poll(async () => Number(await cell(page, 'dropped', 'left'))).toBeGreaterThan(0);
  expect(await cell(page, 'dropped', 'right')).toBe('0');
  expect(errors).toEqual([]);
});
