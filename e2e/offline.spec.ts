/**
 * Offline after the first visit (issue 8): the service worker caches the built app, so with the
 * network off the page reloads, plays, and every lesson of the course opens with its presets
 * and answers its first question with the engine's number.
 */
import { expect, test } from '@playwright/test';
import { expectedAnswer, LESSONS, openHash, shownAnswer, stepShown } from './lessonHelpers';
import { readTick } from './helpers';

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 120_000 });

test('the app and every lesson load with the network off after one visit', async ({
  page,
  context,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('./');
  // The worker installs (caching every file of the build) and takes control of the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('mq-sim-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  // The lazy panels (with the lesson player) and the presets' own chunks are cached too.
  expect(cached.some((p) => /\/assets\/LazyPanels-.*\.js$/.test(p))).toBe(true);
  expect(cached.some((p) => /\/assets\/work-queue-.*\.js$/.test(p))).toBe(true);
  expect(cached).toContain('/index.html');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'MQ Simulator' })).toBeVisible();
  const t0 = await readTick(page);
  await expect.poll(() => readTick(page)).toBeGreaterThan(t0); // it plays

  await page.getByTestId('lessons-open').click();
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  for (const lesson of LESSONS) {
    await openHash(page, `#lesson=${lesson.id}&step=1`);
    await stepShown(page, 1);
    await expect(page.getByTestId('lesson-step')).toContainText(lesson.title);
    const want = expectedAnswer(lesson, 0);
    if (want) await page.getByTestId('choice-1').click();
    await page.getByTestId('lesson-skip').click();
    if (want) expect(await shownAnswer(page), lesson.id).toEqual(want);
  }
  // A reload offline on a lesson link opens it again.
  await openHash(page, '#lesson=kafka-vs-rabbitmq&step=2');
  await stepShown(page, 2);
  await page.reload();
  await stepShown(page, 2);
  expect(pageErrors).toEqual([]);
});
