/**
 * The event log follows the newest events like a terminal while it is scrolled to the bottom
 * (with no script writing its scroll position: see useVirtualRows), stops following when the
 * user scrolls up, and follows again once scrolled back down.
 */
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, pause, seekTo } from './helpers';

/** The newest row shown inside the log's box, the newest row in the page, and the offset. */
async function logView(page: Page) {
  return page.locator('.log-viewport').evaluate((box) => {
    const frame = box.getBoundingClientRect();
    let shown = -1;
    let rendered = -1;
    for (const b of box.querySelectorAll<HTMLElement>('[data-testid="log-row"]')) {
      const at = Number(b.dataset.atUs);
      rendered = Math.max(rendered, at);
      const r = b.getBoundingClientRect();
      if (r.top >= frame.top - 1 && r.bottom <= frame.bottom + 1) shown = Math.max(shown, at);
    }
    return { shown, rendered, scrollTop: box.scrollTop };
  });
}

const scrollLogTo = (page: Page, top: number) =>
  page.locator('.log-viewport').evaluate((box, t) => {
    box.scrollTop = t;
    box.dispatchEvent(new Event('scroll'));
  }, top);

test('the event log follows the newest events until scrolled up, and again at the bottom', async ({
  page,
}) => {
  const errors = captureErrors(page);
  await page.goto('./');
  await pause(page);
  await seekTo(page, 1000);
  let v = await logView(page);
  expect(v.shown).toBeGreaterThan(0);
  expect(v.shown).toBe(v.rendered);

  // Later events arrive: the newest is still the one at the bottom of the box.
  await seekTo(page, 2000);
  const before = v.shown;
  v = await logView(page);
  expect(v.shown).toBeGreaterThan(before);
  expect(v.shown).toBe(v.rendered);

  // Scrolled up (the offset counts from the bottom, so it is negative): it stays up.
  await scrollLogTo(page, -600);
  await expect.poll(async () => (await logView(page)).shown).toBeLessThan(v.rendered);
  await seekTo(page, 2500);
  v = await logView(page);
  expect(v.scrollTop).toBeLessThanOrEqual(-500);
  expect(v.shown).toBeLessThan(v.rendered);

  // Back at the bottom it follows again.
  await scrollLogTo(page, 0);
  await seekTo(page, 3000);
  await expect
    .poll(async () => {
      const w = await logView(page);
      return w.shown === w.rendered && w.shown > v.rendered;
    })
    .toBe(true);
  expect(errors).toEqual([]);
});
