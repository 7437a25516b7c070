/**
 * Seek times on a 10-minute run (the "two-payment-workers" preset, 60,000 ticks): first a cold
 * seek to the end (the whole run computed, in slices), then random seeks anywhere in it, each
 * timed in the page from the action to the moment the view is ready.
 */
import type { Page } from '@playwright/test';

export interface SeekStats {
  coldMs: number;
  count: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  checkpoints: { count: number; bytes: number; strideTicks: number };
}

export async function measureSeeks(page: Page, count = 60): Promise<SeekStats> {
  await page.getByTestId('preset').selectOption('two-payment-workers');
  await page.waitForFunction(() => window.__mqsim!.getTick() === 0);
  const coldMs = await page.evaluate(() => window.__mqsim!.seek(60_000));
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  const times = (await page.evaluate(`(async (n) => {
    const out = [];
    let x = 12345;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out.push(await window.__mqsim.seek(x % 60000));
    }
    return out;
  })(${count})`)) as number[];
  const sorted = [...times].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return {
    coldMs,
    count,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    maxMs: sorted.at(-1) ?? 0,
    checkpoints: await page.evaluate(() => window.__mqsim!.checkpointStats()),
  };
}
