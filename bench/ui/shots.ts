/**
 * Screenshots of every preset at 1280×720 (the viewport, as a projector shows it), for looking
 * at the layout by eye. Not a test. Run after a build:
 *
 *   npx vite build && npx tsx bench/ui/shots.ts [--tick 1500] [--out test-results/shots]
 *     [--click node-id] [--full | --stage] [ids...]
 *
 * --click opens a node's inspector before the picture; --full takes the whole page, --stage
 * only the topology panel.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { createSim } from '../../src/engine';
import { loadPreset, PRESETS } from '../../src/scenarios';
import { startPreview } from './preview';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const tick = Number(opt('--tick', '1500'));
const out = opt('--out', 'test-results/shots');
const click = opt('--click', '');
const full = args.includes('--full');
const stageOnly = args.includes('--stage');
const only = args.filter(
  (a, i) => !a.startsWith('--') && !['--tick', '--out', '--click'].includes(args[i - 1] ?? ''),
);

async function main() {
  mkdirSync(out, { recursive: true });
  const preview = await startPreview(4391);
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(preview.url);
    await page.getByTestId('play-toggle').click();
    for (const { id } of PRESETS) {
      if (only.length > 0 && !only.includes(id)) continue;
      await page.getByTestId('preset').selectOption(id);
      await page.waitForFunction(() => window.__mqsim!.getTick() === 0);
      const t = Math.min(tick, createSim(loadPreset(id)).endTick);
      await page.evaluate((x) => window.__mqsim!.seek(x), t);
      if (click) await page.locator(`[data-node-id="${click}"]`).click();
      const path = `${out}/${id}.png`;
      if (stageOnly) await page.locator('.topology').screenshot({ path });
      else await page.screenshot({ path, fullPage: full });
      console.log(`${out}/${id}.png (tick ${t})`);
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
