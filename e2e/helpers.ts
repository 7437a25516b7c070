/** Shared steps of the app-shell specs: error capture and reading numbers off the page. */
import { expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught page errors; assert the list is empty at the end. */
export function captureErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) => errors.push(`requestfailed: ${req.url()}`));
  return errors;
}

/** An integer shown in the element with this data-testid (exact, no abbreviations). */
export async function readInt(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  expect(text, `${testId} shows an integer`).toMatch(/^\d+$/);
  return Number(text);
}

export const readTick = (page: Page) => readInt(page, 'tick');

/** Wait until the displayed tick passes `tick`. */
export async function waitForTickAbove(page: Page, tick: number): Promise<number> {
  await expect.poll(() => readTick(page)).toBeGreaterThan(tick);
  return readTick(page);
}

export async function expectPlaying(page: Page, playing: boolean): Promise<void> {
  await expect(page.getByTestId('play-toggle')).toHaveAttribute(
    'data-state',
    playing ? 'playing' : 'paused',
  );
}

/** Pause with the button and return the tick the page settled on. */
export async function pause(page: Page): Promise<number> {
  await page.getByTestId('play-toggle').click();
  await expectPlaying(page, false);
  return readTick(page);
}

/**
 * Press → (one tick each) until the moving-messages canvas shows something, at most `maxSteps`
 * times; returns the painted pixel count. Runs in the page so each step costs microseconds.
 */
export function stepUntilFlightsShow(page: Page, maxSteps: number): Promise<number> {
  return page.evaluate((max) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.flights-canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return -1;
    const painted = () => {
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    };
    let n = painted();
    for (let i = 0; i < max && n === 0; i++) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      n = painted();
    }
    return n;
  }, maxSteps);
}

/** How many pixels of the moving-messages canvas are painted. */
export function paintedFlightPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.flights-canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return -1;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}

/** The numbers of the Messages panel that a headless run's report also has. */
export async function readCounters(page: Page) {
  return {
    published: await readInt(page, 'counter-published'),
    delivered: await readInt(page, 'counter-delivered'),
    acked: await readInt(page, 'counter-acked'),
    inFlight: await readInt(page, 'counter-inflight'),
    redelivered: await readInt(page, 'counter-redelivered'),
    requeued: await readInt(page, 'counter-requeued'),
  };
}

/** The same numbers from an engine report. */
export function countersOf(r: {
  totals: {
    published: number;
    delivered: number;
    acked: number;
    inFlight: number;
    redelivered: number;
    requeued: number;
  };
}) {
  const t = r.totals;
  return {
    published: t.published,
    delivered: t.delivered,
    acked: t.acked,
    inFlight: t.inFlight,
    redelivered: t.redelivered,
    requeued: t.requeued,
  };
}

/** Seek through the debug hook (setup steps only; the specs drive the controls themselves). */
export async function seekTo(page: Page, tick: number): Promise<void> {
  await page.evaluate((t) => window.__mqsim!.seek(t), tick);
  await expect(page.getByTestId('tick')).toHaveText(String(tick));
}

/** Open the page, pause, load a preset with the picker and seek to a tick. */
export async function openPresetAt(page: Page, id: string, tick: number): Promise<void> {
  await page.goto('./');
  await pause(page);
  await loadPresetInPage(page, id);
  await seekTo(page, tick);
}

/** Load a preset with the picker and wait until it shows tick 0. */
export async function loadPresetInPage(page: Page, id: string): Promise<void> {
  await page.getByTestId('preset').selectOption(id);
  await expectPlaying(page, false);
  await expect(page.getByTestId('tick')).toHaveText('0');
}

/** Client coordinates of a painted pixel of a message dot on the canvas, or null. */
export function findDot(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.flights-canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const rect = canvas.getBoundingClientRect();
    for (let y = 0; y < height; y += 2)
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * 4;
        // A filled dot: opaque and bluish (new) or orange (redelivered), not the fading red.
        if (data[i + 3]! > 200 && data[i]! < 240)
          return {
            x: rect.left + (x / width) * rect.width,
            y: rect.top + (y / height) * rect.height,
          };
      }
    return null;
  });
}
