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
