/**
 * Look and feel (issue 7): axe finds no serious or critical violation in any theme, the main
 * flows work with the keyboard alone, reduced motion draws no dots but counts on the links, the
 * display choices are remembered, and the page works on a tablet in portrait with touch.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { captureErrors, expectPlaying, pause, readTick, seekTo } from './helpers';

const STORAGE_KEY = 'mqsim.display';

/** Start with these display choices saved, as a returning visitor would. */
async function withPrefs(page: Page, prefs: Record<string, unknown>): Promise<void> {
  await page.addInitScript(
    ([key, value]) => window.localStorage.setItem(key!, value!),
    [STORAGE_KEY, JSON.stringify(prefs)],
  );
}

/** Press Tab until `target` has focus (at most `max` presses): the keyboard is the only way in. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The focused element draws a visible ring (an outline, or for SVG nodes their box's stroke). */
async function expectFocusRing(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return 'none';
    const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s.outlineStyle : 'none';
  });
  expect(ring, 'the focused control shows a focus ring').not.toBe('none');
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

const RUNS = [
  { name: 'light', prefs: { theme: 'light' } },
  { name: 'dark', prefs: { theme: 'dark' } },
  { name: 'projector', prefs: { theme: 'contrast' } },
  {
    name: 'large text and table view',
    prefs: { theme: 'light', largeText: true, tableView: true },
  },
];

for (const run of RUNS) {
  test(`axe: no serious or critical violations, ${run.name}, inspector open`, async ({ page }) => {
    const errors = captureErrors(page);
    await withPrefs(page, run.prefs);
    await page.goto('./');
    await pause(page);
    await seekTo(page, 600);
    await page.locator('[data-node-id="tasks"]').click();
    await expect(page.getByTestId('inspector')).toContainText('tasks');
    const theme = (run.prefs as { theme: string }).theme;
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    if ('tableView' in run.prefs)
      await expect(page.getByRole('region', { name: 'The diagram as tables' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // And with the display menu and the shortcut list open.
    await page.getByTestId('theme-menu').locator('summary').click();
    await page.getByTestId('open-shortcuts').click();
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

for (const run of [RUNS[0]!, RUNS[2]!]) {
  test(`axe: no serious or critical violations in the compare view, ${run.name}`, async ({
    page,
  }) => {
    const errors = captureErrors(page);
    await withPrefs(page, run.prefs);
    await page.goto('./#compare=compare-blocking-sync~retry-backoff-dlq:no-jitter&cseed=4');
    await expect(page.getByTestId('compare-table')).toBeVisible();
    for (const pane of ['left', 'right'])
      await expect(
        page.getByTestId(`compare-${pane}`).locator('[data-node-id]').first(),
      ).toBeVisible();
    await page.getByTestId('pair-timeline').focus();
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('compare-right').locator('[data-chart="latency"]')).toBeVisible();
    await page.getByTestId('cell-p99-right').click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('keyboard only: play, step, speed, inspect and act, scrub, the ? list, a preset', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('tick')).not.toHaveText('0');

  // Space pauses and plays.
  await page.keyboard.press('Space');
  await expectPlaying(page, false);
  await page.keyboard.press('Space');
  await expectPlaying(page, true);
  await page.keyboard.press('Space');
  await expectPlaying(page, false);

  // The arrows step.
  const t0 = await readTick(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tick')).toHaveText(String(t0 + 1));
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tick')).toHaveText(String(t0));

  // + and − change the speed a step.
  await expect(page.getByTestId('speed')).toHaveValue('1');
  await page.keyboard.press('+');
  await expect(page.getByTestId('speed')).toHaveValue('2');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed')).toHaveValue('0.5');

  // Reach the Step button with Tab: it shows a ring and Enter presses it.
  await tabTo(page, page.getByTestId('step'));
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tick')).toHaveText(String(t0 + 1));

  // Open a consumer's inspector from its node and crash it from there.
  await tabTo(page, page.locator('[data-node-id="worker-a"]'));
  await page.keyboard.press('Enter');
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Worker A');
  await tabTo(page, inspector.getByTestId('action-crash'));
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline-marker')).toHaveCount(1);
  await expect(page.locator('[data-node-id="worker-a"]')).toContainText('crashed');

  // Scrub the timeline with its keys.
  await tabTo(page, page.getByTestId('timeline'));
  await expectFocusRing(page);
  const before = await readTick(page);
  await page.keyboard.press('PageUp');
  await expect.poll(() => readTick(page)).toBeGreaterThan(before + 100);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('tick')).toHaveText('0');

  // ? lists the shortcuts; Esc closes the list and focus goes back to the timeline.
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Play or pause');
  await expect(dialog.getByTestId('close-shortcuts')).toBeFocused();
  // The list is modal: space does not play behind it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('timeline')).toBeFocused();
  await expectPlaying(page, false);

  // Pick another preset with the keyboard; shortcuts do not fire while typing in the seed.
  const preset = page.getByTestId('preset');
  const first = await preset.inputValue();
  await tabTo(page, preset);
  await page.keyboard.press('ArrowDown');
  await expect(preset).not.toHaveValue(first);
  await expect(page.getByTestId('tick')).toHaveText('0');
  const seed = page.locator('.input--seed');
  await tabTo(page, seed);
  await page.keyboard.press('Space');
  await page.keyboard.press('+');
  await expectPlaying(page, false);
  await expect(page.getByTestId('speed')).toHaveValue('0.5');
  expect(errors).toEqual([]);
});

test('the display menu: defaults to the system, remembered after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-menu').locator('summary').click();
  await page.getByTestId('theme-select').selectOption('contrast');
  await page.getByTestId('large-text').check();
  await expect(html).toHaveAttribute('data-theme', 'contrast');
  await expect(html).toHaveAttribute('data-text', 'large');
  const fontPx = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  expect(fontPx).toBeGreaterThan(18);
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'contrast');
  await expect(html).toHaveAttribute('data-text', 'large');
  // The canvas follows: the series colours on the page are the projector palette's.
  const series0 = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--series-0').trim(),
  );
  expect(series0).toBe('#0033a0');
});

test('reduced motion: no moving dots, a count of the messages on each link', async ({ page }) => {
  const errors = captureErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
  await pause(page);
  await seekTo(page, 600);
  // Step until a message is on its way (the canvas cannot tell: it draws nothing now).
  const moving = await page.evaluate(() => {
    for (let i = 0; i < 400 && window.__mqsim!.movingCount() === 0; i++)
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    return window.__mqsim!.movingCount();
  });
  expect(moving, 'messages are on their way').toBeGreaterThan(0);
  const canvas = page.locator('canvas.flights-canvas');
  await expect(canvas).toHaveAttribute('data-drawn', '0');
  const counts = page.locator('.edge-count');
  await expect(counts.first()).toHaveText(/^\d+ moving$/);
  const total = (await counts.allTextContents()).reduce((s, t) => s + parseInt(t, 10), 0);
  expect(total).toBeGreaterThan(0);

  // The toggle overrides the system: dots again, no counts.
  await page.getByTestId('theme-menu').locator('summary').click();
  await page.getByTestId('motion-select').selectOption('full');
  await expect(counts).toHaveCount(0);
  await expect(canvas).not.toHaveAttribute('data-drawn', '0');
  expect(errors).toEqual([]);
});

test.describe('tablet in portrait, with touch', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test('panels under the stage, controls big enough to tap, the timeline drags', async ({
    page,
  }, testInfo) => {
    const errors = captureErrors(page);
    await page.goto('./');
    await pause(page);
    const stage = (await page.getByTestId('stage').boundingBox())!;
    const side = (await page.locator('.side').boundingBox())!;
    expect(side.y, 'the side panels come after the stage').toBeGreaterThan(stage.y + stage.height);
    expect(stage.width).toBeGreaterThan(600);
    // Nothing wider than the screen (long preset names once made the page 967 px wide).
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    // The display menu open, so its controls are measured too.
    await page.getByTestId('theme-menu').locator('summary').tap();
    await expect(page.getByTestId('large-text')).toBeVisible();

    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input, summary, [role="slider"]')]
        .filter((el) => el.checkVisibility() && !el.classList.contains('marker'))
        // A checkbox is tapped through its label.
        .map((el) => ({ el, r: (el.closest('label') ?? el).getBoundingClientRect() }))
        .filter(({ r }) => r.height < 40 || (r.width < 40 && r.width > 0))
        .map(
          ({ el, r }) =>
            `${el.tagName}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`,
        ),
    );
    expect(small, 'controls under 40 px').toEqual([]);
    await page.getByTestId('theme-menu').locator('summary').tap();

    // Drag the timeline with a finger, from 10 % to 30 % of its width.
    const track = (await page.getByTestId('timeline').boundingBox())!;
    const y = track.y + track.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      });
    await touch('touchStart', track.x + track.width * 0.1);
    for (const f of [0.15, 0.2, 0.25, 0.3]) await touch('touchMove', track.x + track.width * f);
    await touch('touchEnd', track.x + track.width * 0.3);
    const end = Number(await page.getByTestId('timeline').getAttribute('aria-valuemax'));
    await expect.poll(() => readTick(page)).toBeGreaterThan(end * 0.25);
    expect(await readTick(page)).toBeLessThan(end * 0.35);

    const shot = await page.screenshot({
      fullPage: true,
      path: testInfo.outputPath('tablet-portrait.png'),
    });
    await testInfo.attach('tablet-portrait-768x1024', { body: shot, contentType: 'image/png' });
    expect(errors).toEqual([]);
  });
});
