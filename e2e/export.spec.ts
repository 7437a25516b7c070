/**
 * Every item of the Export menu saves a file that parses, and says what the page says: the
 * trace's events are those of a straight headless run to the same tick and its report is the
 * page's; the metrics CSV has a row per chart bucket up to the tick; the pictures are SVG and
 * PNG; the recording is WebM. The menu is driven by the keyboard where a person would.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { advanceTo, createSim, report, type SimEvent } from '../src/engine';
import { parseCsv } from '../src/export/csv';
import { loadPreset } from '../src/scenarios';
import { bucketTicks } from '../src/store/buckets';
import {
  captureErrors,
  countersOf,
  pause,
  readCounters,
  readTick,
  seekTo,
  stepUntilFlightsShow,
} from './helpers';

const TICK = 1200;
const PRESET = 'competing-consumers';
const BASE = 'competing-consumers-t1200';
const base = (tick: number) => `competing-consumers-t${tick}`;

async function save(page: Page, item: string): Promise<{ d: Download; bytes: Buffer }> {
  await page.getByTestId('export-toggle').click();
  const download = page.waitForEvent('download');
  await page.getByTestId(`export-${item}`).click();
  const d = await download;
  const bytes = readFileSync((await d.path())!);
  return { d, bytes };
}

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await pause(page);
  await seekTo(page, TICK);
});

test('the menu works from the keyboard and closes with Escape', async ({ page }) => {
  const toggle = page.getByTestId('export-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('export-trace')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('export-metrics')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('export-recording')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  // Enter on an item saves its file, and the run stays paused.
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe(`${BASE}-metrics.csv`);
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
});

test('the trace holds every event of a straight run with the same inputs, and the page’s report', async ({
  page,
}) => {
  const errors = captureErrors(page);
  // An input on the timeline: the trace carries it, and its events are in the replay.
  await seekTo(page, 400);
  await page.locator('[data-node-id="worker-b"]').click();
  await page.getByTestId('action-crash').click();
  await expect(page.locator('[data-node-id="worker-b"]')).toHaveClass(/is-down/);
  await seekTo(page, TICK);
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toHaveLength(1);

  const { d, bytes } = await save(page, 'trace');
  expect(d.suggestedFilename()).toBe(`${BASE}-trace.json`);
  const doc = JSON.parse(bytes.toString('utf8'));
  const sim = createSim(loadPreset(PRESET));
  const events: SimEvent[] = [];
  advanceTo(sim, TICK, timeline, { push: (e) => events.push(structuredClone(e)) });
  expect(doc.format).toBe('mq-sim-trace');
  expect(doc.formatVersion).toBe(1);
  expect(doc.tick).toBe(TICK);
  expect(doc.seed).toBe(sim.seed);
  expect(doc.timeline).toEqual(timeline);
  expect(doc.scenario.name).toBe('Competing consumers');
  expect(doc.eventsCapped).toBe(false);
  expect(doc.eventCount).toBe(events.length);
  expect(doc.events).toHaveLength(events.length);
  expect(doc.events).toEqual(events);
  expect(events.some((e) => e.type === 'consumerCrashed')).toBe(true);
  expect(doc.report).toEqual(report(sim));
  expect(countersOf(doc.report)).toEqual(await readCounters(page));
  await expect(page.getByTestId('export-status')).toContainText(
    `${events.length.toLocaleString('en')} events`,
  );
  expect(errors).toEqual([]);
});

test('the metrics CSV has a row per chart bucket, the counters CSV the page’s numbers', async ({
  page,
}) => {
  const { d, bytes } = await save(page, 'metrics');
  expect(d.suggestedFilename()).toBe(`${BASE}-metrics.csv`);
  const [header, ...rows] = parseCsv(bytes.toString('utf8'));
  const sim = createSim(loadPreset(PRESET));
  expect(rows).toHaveLength(Math.ceil(TICK / bucketTicks(sim.tickUs, sim.endTick)));
  expect(header).toContain('depth_mean:tasks');
  expect(header).toContain('latency_p99_ms');
  for (const r of rows) expect(r).toHaveLength(header!.length);
  expect(Number(rows.at(-1)![1])).toBeCloseTo((TICK * sim.tickUs) / 1e6, 6);

  const counters = await save(page, 'counters');
  expect(counters.d.suggestedFilename()).toBe(`${BASE}-counters.csv`);
  const table = parseCsv(counters.bytes.toString('utf8'));
  expect(table[0]).toEqual(['section', 'node', 'field', 'value']);
  const value = (field: string) =>
    Number(table.find((r) => r[0] === 'totals' && r[1] === '' && r[2] === field)?.[3]);
  const page_ = await readCounters(page);
  expect(value('acked')).toBe(page_.acked);
  expect(value('published')).toBe(page_.published);
  expect(value('inFlight')).toBe(page_.inFlight);
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function expectSvgParses(page: Page, text: string) {
  expect(text.startsWith('<?xml')).toBe(true);
  const root = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return 'parsererror';
    return `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`;
  }, text);
  expect(root).toBe('http://www.w3.org/2000/svg svg');
}

/** Pixels that differ between the PNG and the SVG drawn alone at the PNG's size. */
function pixelsOverSvg(page: Page, png: Buffer, svg: string): Promise<number> {
  return page.evaluate(
    async ([pngB64, svgText]) => {
      const load = (src: string) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = src;
        });
      const a = await load(`data:image/png;base64,${pngB64}`);
      const b = await load(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`);
      const pixels = (img: HTMLImageElement) => {
        const c = document.createElement('canvas');
        c.width = a.naturalWidth;
        c.height = a.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0, c.width, c.height);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      };
      const pa = pixels(a);
      const pb = pixels(b);
      let n = 0;
      for (let i = 0; i < pa.length; i += 4)
        if (Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) > 60) n++;
      return n;
    },
    [png.toString('base64'), svg] as const,
  );
}

test('the diagram and a chart save as SVG and PNG', async ({ page }) => {
  // Messages on the move, so the PNG has dots over the diagram.
  expect(await stepUntilFlightsShow(page, 300)).toBeGreaterThan(0);
  const tick = await readTick(page);
  const svg = await save(page, 'diagram-svg');
  expect(svg.d.suggestedFilename()).toBe(`${base(tick)}-diagram.svg`);
  const svgText = svg.bytes.toString('utf8');
  await expectSvgParses(page, svgText);
  expect(svgText).toContain('tasks'); // the queue's label travels with the picture
  expect(svgText).not.toMatch(/class="/);

  const png = await save(page, 'diagram-png');
  expect(png.d.suggestedFilename()).toBe(`${base(tick)}-diagram.png`);
  expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.bytes.length).toBeGreaterThan(10_000);
  // IHDR: width and height at 2× the diagram on screen.
  const box = (await page.getByTestId('stage').locator('svg').first().boundingBox())!;
  expect(png.bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
  expect(png.bytes.readUInt32BE(20)).toBe(Math.round(box.height * 2));
  // The moving dots are drawn over the diagram (a dot is ~16 px across at 2×).
  expect(await pixelsOverSvg(page, png.bytes, svgText)).toBeGreaterThan(100);

  const chart = await save(page, 'chart-latency-svg');
  expect(chart.d.suggestedFilename()).toBe(`${base(tick)}-chart-latency.svg`);
  await expectSvgParses(page, chart.bytes.toString('utf8'));
  expect(chart.bytes.toString('utf8')).toMatch(/<path [^>]*d="M/);
  const chartPng = await save(page, 'chart-throughput-png');
  expect([...chartPng.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(chartPng.bytes.length).toBeGreaterThan(5_000);
});

test('a recording of the view saves a WebM', async ({ page }) => {
  await page.getByTestId('export-toggle').click();
  await page.getByTestId('export-recording').click();
  await expect(page.getByTestId('export-status')).toContainText('Recording…');
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('data-state', 'playing');
  // The recording stops by itself after 6 s; stop it early with the button (this machine's
  // timers run late under load, so a long wait here could outlast the 6 s).
  await page.waitForTimeout(700);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-stop').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^competing-consumers-t\d+-recording\.webm$/);
  const bytes = readFileSync((await d.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  expect(bytes.length).toBeGreaterThan(2_000);
  await expect(page.getByTestId('export-status')).toContainText('Saved');
  // The run was paused before: the recording played it and paused it again.
  await expect(page.getByTestId('play-toggle')).toHaveAttribute('data-state', 'paused');
});
