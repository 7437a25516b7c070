/**
 * UI benchmark: drives the built page (vite preview) in Chromium and reports frame times,
 * long tasks and JS heap while ~5,000 messages move, at several speeds, plus seek times on a
 * 10-minute preset. Not a test: the figures depend on the machine. Run after a build:
 *
 *   npx vite build && npx tsx bench/ui/ui.bench.ts [--json] [--seconds 8]
 *
 * To compare two builds, or to see where the time goes:
 *   --dist DIR       serve this build instead of dist/
 *   --port N         serve on this port (default 4390)
 *   --speeds 1,10,Infinity   the speeds measured ('' for none: seeks only)
 *   --no-seeks       skip the seek measurements
 *   --trace          record a Chromium trace of each window and print busy time per thread
 *   --profile DIR    write a CPU profile of each window (DIR/<speed>.cpuprofile)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { BENCH_SCENARIO, MOVING_TARGET } from './scenario';
import { measureFrames, type FrameStats } from './frames';
import { measureSeeks, type SeekStats } from './seeks';
import { startPreview } from './preview';
import { summariseTrace, type TraceSummary } from './traceSummary';

const args = process.argv.slice(2);
const json = args.includes('--json');
const secondsArg = args.indexOf('--seconds');
const seconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : 8;
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const port = Number(option('--port', '4390'));
const dist = option('--dist', 'dist');
const speeds = option('--speeds', '1,10,Infinity').split(',').filter(Boolean);
const seeks = !args.includes('--no-seeks');
const trace = args.includes('--trace');
const profileDir = option('--profile', '');
const log = (...xs: unknown[]) => {
  if (!json) console.log(...xs);
};

async function playAt(page: Page, speed: string): Promise<void> {
  await page.getByTestId('speed').selectOption(speed);
  if ((await page.getByTestId('play-toggle').getAttribute('data-state')) !== 'playing')
    await page.getByTestId('play-toggle').click();
}

async function main() {
  const preview = await startPreview(port, dist);
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const results: {
    runs: (FrameStats & {
      label: string;
      moving: number;
      ticksPerSecond: number;
      trace?: TraceSummary;
    })[];
    seeks?: SeekStats;
  } = { runs: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(preview.url);
    const errors = await page.evaluate((raw) => window.__mqsim!.loadScenario(raw), BENCH_SCENARIO);
    if (errors.length > 0) throw new Error(`bench scenario invalid: ${errors.join('; ')}`);
    for (const speed of speeds) {
      await playAt(page, speed);
      // Let the links fill up (1 s of simulated time) before measuring.
      await page.waitForFunction((n) => window.__mqsim!.movingCount() > n, MOVING_TARGET * 0.9);
      const moving = await page.evaluate(() => window.__mqsim!.movingCount());
      if (trace)
        await browser.startTracing(page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
        });
      const cdp = profileDir ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const tick0 = await page.evaluate(() => window.__mqsim!.getTick());
      const stats = await measureFrames(page, seconds * 1000);
      const ticksPerSecond =
        ((await page.evaluate(() => window.__mqsim!.getTick())) - tick0) / seconds;
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(profileDir, { recursive: true });
        writeFileSync(`${profileDir}/${speed}.cpuprofile`, JSON.stringify(profile));
        await cdp.detach();
      }
      const summary = trace ? summariseTrace(await browser.stopTracing()) : undefined;
      const label = speed === 'Infinity' ? 'fastest' : `${speed}x`;
      results.runs.push({ label, moving, ticksPerSecond, ...stats, trace: summary });
      log(
        `${label.padEnd(8)} moving ${moving}  frames ${stats.frames}  p50 ${stats.p50Ms.toFixed(1)} ms  ` +
          `p95 ${stats.p95Ms.toFixed(1)} ms  max ${stats.maxMs.toFixed(1)} ms  ` +
          `late ${(100 * stats.lateShare).toFixed(1)}%  long tasks ${stats.longTasks} ` +
          `(longest ${stats.longestTaskMs.toFixed(0)} ms)  heap ${stats.heapMB.toFixed(1)} MB  ` +
          `${ticksPerSecond.toFixed(0)} ticks/s`,
      );
      if (summary) logTrace(summary);
    }
    if (seeks) {
      const s = (results.seeks = await measureSeeks(page));
      log(
        `seek (10-minute "two-payment-workers"): cold to the end ${s.coldMs.toFixed(0)} ms; ` +
          `${s.count} random seeks p50 ${s.p50Ms.toFixed(1)} ms  p95 ${s.p95Ms.toFixed(1)} ms  ` +
          `max ${s.maxMs.toFixed(1)} ms; checkpoints ${s.checkpoints.count} (${(s.checkpoints.bytes / 1e6).toFixed(1)} MB)`,
      );
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

function logTrace(t: TraceSummary): void {
  const pct = (ms: number) => `${((100 * ms) / t.windowMs).toFixed(0)}%`;
  log(`  busy over ${t.windowMs.toFixed(0)} ms:`);
  for (const { thread, busyMs, cpuMs } of t.threads.slice(0, 8))
    log(
      `    ${thread.padEnd(40)} ${busyMs.toFixed(0).padStart(6)} ms  ${pct(busyMs).padStart(4)}` +
        `  cpu ${cpuMs.toFixed(0).padStart(6)} ms`,
    );
  const kinds = Object.entries(t.main).sort((a, b) => b[1] - a[1]);
  log(`  main thread: ${kinds.map(([k, ms]) => `${k} ${pct(ms)}`).join(', ')}`);
  for (const task of t.longTasks) {
    const parts = Object.entries(task.kinds).sort((a, b) => b[1] - a[1]);
    log(
      `  long task ${task.ms.toFixed(0)} ms: ${parts.map(([k, ms]) => `${k} ${ms.toFixed(0)}`).join(', ')}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
