/**
 * UI benchmark: drives the built page (vite preview) in Chromium and reports frame times,
 * long tasks and JS heap while ~5,000 messages move, at several speeds, plus seek times on a
 * 10-minute preset. Not a test: the figures depend on the machine. Run after a build:
 *
 *   npx vite build && npx tsx bench/ui/ui.bench.ts [--json] [--seconds 8]
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { BENCH_SCENARIO, MOVING_TARGET } from './scenario';
import { measureFrames, type FrameStats } from './frames';
import { measureSeeks, type SeekStats } from './seeks';
import { startPreview } from './preview';

const args = process.argv.slice(2);
const json = args.includes('--json');
const secondsArg = args.indexOf('--seconds');
const seconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : 8;
const log = (...xs: unknown[]) => {
  if (!json) console.log(...xs);
};

async function playAt(page: Page, speed: string): Promise<void> {
  await page.getByTestId('speed').selectOption(speed);
  if ((await page.getByTestId('play-toggle').getAttribute('data-state')) !== 'playing')
    await page.getByTestId('play-toggle').click();
}

async function main() {
  const preview = await startPreview(4390);
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const results: { runs: (FrameStats & { label: string; moving: number })[]; seeks?: SeekStats } = {
    runs: [],
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(preview.url);
    const errors = await page.evaluate((raw) => window.__mqsim!.loadScenario(raw), BENCH_SCENARIO);
    if (errors.length > 0) throw new Error(`bench scenario invalid: ${errors.join('; ')}`);
    for (const speed of ['1', '10', 'Infinity']) {
      await playAt(page, speed);
      // Let the links fill up (1 s of simulated time) before measuring.
      await page.waitForFunction((n) => window.__mqsim!.movingCount() > n, MOVING_TARGET * 0.9);
      const moving = await page.evaluate(() => window.__mqsim!.movingCount());
      const stats = await measureFrames(page, seconds * 1000);
      const label = speed === 'Infinity' ? 'fastest' : `${speed}x`;
      results.runs.push({ label, moving, ...stats });
      log(
        `${label.padEnd(8)} moving ${moving}  frames ${stats.frames}  p50 ${stats.p50Ms.toFixed(1)} ms  ` +
          `p95 ${stats.p95Ms.toFixed(1)} ms  max ${stats.maxMs.toFixed(1)} ms  long tasks ${stats.longTasks} ` +
          `(longest ${stats.longestTaskMs.toFixed(0)} ms)  heap ${stats.heapMB.toFixed(1)} MB`,
      );
    }
    results.seeks = await measureSeeks(page);
    const s = results.seeks;
    log(
      `seek (10-minute "two-payment-workers"): cold to the end ${s.coldMs.toFixed(0)} ms; ` +
        `${s.count} random seeks p50 ${s.p50Ms.toFixed(1)} ms  p95 ${s.p95Ms.toFixed(1)} ms  ` +
        `max ${s.maxMs.toFixed(1)} ms; checkpoints ${s.checkpoints.count} (${(s.checkpoints.bytes / 1e6).toFixed(1)} MB)`,
    );
  } finally {
    await browser.close();
    preview.stop();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
