/**
 * Sharing (issue 7): a link made on the page opens the same run at the same tick in a new page,
 * with the same numbers; every kind of hostile link is refused with its message, the default
 * scenario shows and no script of the link runs; the address bar follows the run; the built page
 * carries a Content-Security-Policy that the main flows never trip.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadPreset } from '../src/scenarios';
import { toBase64Url } from '../src/share/base64url';
import { deflate } from '../src/share/deflate';
import { encodeLink } from '../src/share/encodeLink';
import {
  captureErrors,
  expectPlaying,
  pause,
  readCounters,
  readInt,
  readTick,
  seekTo,
  waitForTickAbove,
} from './helpers';

/** Every securitypolicyviolation the page raises, recorded from before its first script. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** Globals a hostile payload tries to set; each must stay undefined. */
const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);

const MARKUP =
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">';

const packText = async (text: string) => toBase64Url(await deflate(new TextEncoder().encode(text)));

async function numbers(page: Page) {
  return {
    tick: await readTick(page),
    time: await page.getByTestId('sim-time').textContent(),
    counters: await readCounters(page),
    depth: await readInt(page, 'queue-depth-tasks'),
  };
}

test('a link made on the page opens the same run, at the same tick, with the same numbers', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = captureErrors(page);
  await recordViolations(page);
  await page.goto('./');
  await pause(page);
  const historyLength = await page.evaluate(() => history.length);
  // A seed and an input from the page: a crash of worker-b at tick 300.
  await page.getByTestId('seed').fill('4242');
  await page.getByTestId('seed').press('Enter');
  await seekTo(page, 300);
  await page.locator('[data-node-id="worker-b"]').click();
  await page.getByTestId('action-crash').click();
  await expect(page.locator('[data-node-id="worker-b"]')).toHaveClass(/is-down/);
  await page.getByTestId('speed').selectOption('50');
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, 1500);
  const tick = await pause(page);
  const here = await numbers(page);
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: 300, input: { type: 'consumerCrashed', consumerId: 'worker-b' } },
  ]);

  // The address bar follows (once paused), without adding history entries.
  await expect.poll(() => new URL(page.url()).hash).toContain(`t=${tick}`);
  expect(new URL(page.url()).hash).toMatch(/^#v=1&preset=competing-consumers&seed=4242&inputs=/);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  const other = await context.newPage();
  const otherErrors = captureErrors(other);
  await recordViolations(other);
  await other.goto(link);
  await expect(other.getByTestId('tick')).toHaveText(String(tick));
  await expectPlaying(other, false);
  await expect(other.getByTestId('preset')).toHaveValue('competing-consumers');
  await expect(other.getByTestId('seed')).toHaveValue('4242');
  expect(await numbers(other)).toEqual(here);
  expect(await other.evaluate(() => window.__mqsim!.timeline())).toEqual(timeline);
  await expect(other.locator('[data-node-id="worker-b"]')).toHaveClass(/is-down/);
  await expect(other.getByTestId('link-error')).toHaveCount(0);

  expect(await violations(page)).toEqual([]);
  expect(await violations(other)).toEqual([]);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('an edited scenario travels in the link, and its markup stays text', async ({ page }) => {
  const errors = captureErrors(page);
  await recordViolations(page);
  const scenario = { ...loadPreset('competing-consumers'), name: MARKUP, description: MARKUP };
  const hash = await encodeLink({ scenario, presetId: null, seed: 9, timeline: [], tick: 120 });
  await page.goto(`./#${hash}`);
  await expect(page.getByTestId('tick')).toHaveText('120');
  // Shown as text in the picker, the description and its tooltip; never parsed as markup.
  await expect(page.getByTestId('preset').locator('option').first()).toHaveText(
    `Custom: ${MARKUP}`,
  );
  await expect(page.getByTestId('preset-description')).toHaveText(MARKUP);
  await expect(page.getByTestId('preset-description')).toHaveAttribute('title', MARKUP);
  await expect(page).toHaveTitle('MQ Simulator');
  expect(await page.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, 150);
  expect(await pwned(page)).toBeNull();
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

/** Hostile links: the hash, and a piece of the message that must name what is wrong. */
async function hostileLinks(): Promise<[string, string, RegExp][]> {
  const base = loadPreset('competing-consumers');
  const withProto = JSON.stringify(base).replace('{', '{"__proto__":{"__pwned":1},');
  const scenario = await encodeLink({
    scenario: base,
    presetId: null,
    seed: 1,
    timeline: [],
    tick: 0,
  });
  const badInput = [{ tick: 5, input: { type: 'consumerCrashed', consumerId: MARKUP } }];
  return [
    [
      'bad JSON',
      `v=1&scenario=${await packText('{"version":1,"name":')}`,
      /^scenario: is not valid JSON/,
    ],
    [
      'wrong types',
      `v=1&scenario=${await packText(JSON.stringify({ ...base, name: 7, nodes: 'many' }))}`,
      /^scenario: name: /,
    ],
    ['a __proto__ key', `v=1&scenario=${await packText(withProto)}`, /"__proto__" key/],
    ['a 1.5 MB hash', `v=1&scenario=${'A'.repeat(1_500_000)}`, /^link: is 1500\d+ characters long/],
    ['a zip bomb', `v=1&scenario=${await packText(' '.repeat(8 << 20))}`, /expands past 512 KB/],
    ['a truncated link', scenario.slice(0, scenario.indexOf('&seed') - 30), /damaged or cut short/],
    [
      'broken percent-encoding',
      'v=1&preset=mm1&seed=%E0%A4%A',
      /^seed: has broken percent-encoding/,
    ],
    ['another version', 'v=9&preset=mm1', /^v: this link is in format "9"/],
    [
      'markup in an input',
      `v=1&preset=competing-consumers&inputs=${await packText(JSON.stringify(badInput))}`,
      /^inputs\[0\]\.input\.consumerId: must be a node id.*got "<img src=x/,
    ],
  ];
}

test('each hostile link shows its message, the default scenario loads and no script runs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await recordViolations(page);
  for (const [kind, hash, message] of await hostileLinks()) {
    await test.step(kind, async () => {
      const errors = captureErrors(page);
      await page.goto('about:blank');
      await page.goto(`./#${hash}`);
      const notice = page.getByTestId('link-error');
      await expect(notice, kind).toContainText('so the default scenario is shown');
      await expect(notice.locator('li').first(), kind).toHaveText(message);
      await expect(page.getByTestId('preset')).toHaveValue('competing-consumers');
      await expect(page.getByTestId('tick')).toHaveText('0');
      // The page still works: it plays the default scenario.
      await page.getByTestId('play-toggle').click();
      await waitForTickAbove(page, 20);
      expect(await pwned(page), kind).toBeNull();
      expect(await violations(page), kind).toEqual([]);
      expect(errors, kind).toEqual([]);
      page.removeAllListeners('console');
      page.removeAllListeners('pageerror');
      page.removeAllListeners('requestfailed');
    });
  }
});

test('a bad link pasted while a run plays leaves the run; a good one opens', async ({ page }) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await waitForTickAbove(page, 30);
  await page.evaluate(() => (location.hash = '#v=1&preset=mm1&t=abc'));
  await expect(page.getByTestId('link-error')).toContainText('your run is unchanged');
  await expect(page.getByTestId('link-error').locator('li')).toHaveText(
    't: expected a tick, a whole number from 0, got "abc"',
  );
  await expectPlaying(page, true);
  await expect(page.getByTestId('preset')).toHaveValue('competing-consumers');
  await waitForTickAbove(page, (await readTick(page)) + 10);

  await page.evaluate(() => (location.hash = '#v=1&preset=mm1&seed=5&t=40'));
  await expect(page.getByTestId('preset')).toHaveValue('mm1');
  await expect(page.getByTestId('tick')).toHaveText('40');
  await expect(page.getByTestId('seed')).toHaveValue('5');
  await expect(page.getByTestId('link-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the built page has a CSP that blocks inline script, and its main flows raise no violation', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await recordViolations(page);
  await page.goto('./');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // Main flows: play, pause, step, seek, inspect a node, a preset with charts, another seed.
  await waitForTickAbove(page, 20);
  await pause(page);
  await page.getByTestId('step').click();
  await page.getByTestId('step-back').click();
  await seekTo(page, 250);
  await page.locator('[data-node-id="worker-b"]').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('preset').selectOption('kafka-lag');
  await expect(page.getByTestId('tick')).toHaveText('0');
  await page.getByTestId('play-toggle').click();
  await waitForTickAbove(page, 50);
  await page.getByTestId('copy-link').click();
  expect(await violations(page)).toEqual([]);

  // Provoked: an inline script added to the page is refused, and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = "inline"';
    document.body.append(s);
  });
  await expect.poll(() => violations(page)).toEqual(['script-src-elem inline']);
  expect(await pwned(page)).toBeNull();
  expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
});
