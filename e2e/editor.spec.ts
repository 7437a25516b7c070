/**
 * The scenario editor (issue 7): forms with problems at their fields, adding and removing
 * nodes, the JSON view with import and export. An invalid draft is refused with every problem
 * shown, and the running simulation goes on unchanged.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { captureErrors, expectPlaying, readTick, seekTo, waitForTickAbove } from './helpers';

const field = (page: Page, path: string) => page.locator(`[data-field=${JSON.stringify(path)}]`);

async function openEditor(page: Page) {
  await page.getByTestId('edit-scenario').click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

const pickerText = (page: Page) =>
  page.getByTestId('preset').locator('option:checked').textContent();

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await expectPlaying(page, true);
});

test('a queue setting edited in the form is what the new run uses', async ({ page }) => {
  const errors = captureErrors(page);
  await openEditor(page);
  await page.getByTestId('edit-node-tasks').click();
  await field(page, 'nodes[1].label').locator('input').fill('Edited tasks');
  await field(page, 'nodes[1].maxLength').locator('input').fill('1');
  await field(page, 'nodes[1].overflow').locator('select').selectOption('reject-publish');
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '0');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  expect(await pickerText(page)).toBe('Edited scenario: Competing consumers');
  await expect(page.getByTestId('tick')).toHaveText('0');

  // 20 s in, the queue has refused publishes: with the preset's unlimited queue it never does.
  await seekTo(page, 1000);
  await page.locator('[data-node-id="tasks"]').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('#inspector-title')).toContainText('Edited tasks');
  await expect(page.getByTestId('inspect-depthMax')).toHaveText('1');
  expect(Number(await page.getByTestId('inspect-rejectedPublish').textContent())).toBeGreaterThan(
    0,
  );
  await expect(page.locator('[data-node-id="tasks"]')).toContainText('max 1');
  expect(errors).toEqual([]);
});

test('a consumer and a producer added in the form join the run', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('add-consumer').click();
  await expect(field(page, 'nodes[4].from').locator('select')).toHaveValue('tasks');
  await page.getByTestId('add-producer').click();
  await expect(field(page, 'nodes[5].to').locator('select')).toHaveValue('tasks');
  await field(page, 'nodes[5].arrival.meanMs').locator('input').fill('250');
  await expect(page.getByTestId('edit-node-consumer')).toBeVisible();
  await expect(page.getByTestId('edit-node-producer')).toBeVisible();
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(page.locator('.topology-svg [data-node-id="consumer"]')).toBeVisible();
  await expect(page.locator('.topology-svg [data-node-id="producer"]')).toBeVisible();
  // The new producer publishes and the new consumer takes messages.
  await seekTo(page, 1000);
  await page.locator('[data-node-id="consumer"]').click();
  expect(Number(await page.getByTestId('inspect-acked').textContent())).toBeGreaterThan(0);
});

test('invalid changes are shown at their fields and the run plays on unchanged', async ({
  page,
}) => {
  await openEditor(page);
  // A negative mean gap.
  await page.getByTestId('edit-node-orders').click();
  await field(page, 'nodes[0].arrival.meanMs').locator('input').fill('-5');
  await expect(field(page, 'nodes[0].arrival.meanMs')).toContainText(
    'must be a positive number, got -5',
  );
  // Removing the queue says which links it would leave dangling.
  await page.getByTestId('edit-node-tasks').click();
  await page.getByTestId('remove-node').click();
  const confirm = page.getByTestId('remove-confirm');
  await expect(confirm).toContainText('3 links');
  await expect(confirm).toContainText('orders › to');
  await expect(confirm).toContainText('worker-a › from');
  await page.getByTestId('remove-node-confirm').click();
  await page.getByTestId('edit-node-orders').click();
  await expect(field(page, 'nodes[0].to')).toContainText('unknown node id "tasks"');
  await expect(page.getByTestId('edit-node-orders')).toContainText('2 problems');
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '4');

  const before = await readTick(page);
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-message')).toContainText(
    'Not applied: 4 problems to fix first. The run is unchanged.',
  );
  await expect(page.getByTestId('editor')).toBeVisible();
  await waitForTickAbove(page, before + 5);
  await expectPlaying(page, true);
  expect(await pickerText(page)).toBe('Competing consumers');
  await expect(page.locator('.topology-svg [data-node-id="tasks"]')).toHaveCount(1);

  // Each problem of the summary leads to its field.
  await page.getByRole('button', { name: /worker-b › from/ }).click();
  await expect(field(page, 'nodes[2].from').locator('select')).toBeFocused();
});

test('pasted text that is not JSON gets its line and column', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('editor-view-json').click();
  const text = page.getByTestId('json-text');
  await text.fill('{\n  "version": 1,\n  "name": "x"\n  "nodes": []\n}');
  await expect(page.getByTestId('json-syntax')).toHaveText(
    'Not valid JSON: line 4, column 3: expected "," or "}", found "\\""',
  );
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '1');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor-message')).toContainText('line 4, column 3');
  await expectPlaying(page, true);

  // Valid JSON with a wrong field: the problem is listed at the line of that key.
  const doc = JSON.parse(readFileSync('src/scenarios/presets/competing-consumers.json', 'utf8'));
  doc.nodes[2].prefetchCount = 3;
  await text.fill(JSON.stringify(doc, null, 2));
  const expectedLine =
    JSON.stringify(doc, null, 2)
      .split('\n')
      .findIndex((l) => l.includes('prefetchCount')) + 1;
  await expect(
    page.getByTestId('json-problems').locator(`[data-line="${expectedLine}"]`),
  ).toContainText('nodes[2].prefetchCount: is not a known field');
});

test('import a file: scenarios, non-JSON, oversized and comparison documents', async ({ page }) => {
  const errors = captureErrors(page);
  await openEditor(page);
  await page.getByTestId('editor-view-json').click();
  const input = page.getByTestId('import-file');
  const message = page.getByTestId('editor-message');

  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('hello {'),
  });
  await expect(message).toContainText(
    'Not imported: notes.json is not a JSON document (line 1, column 1',
  );
  await input.setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(1_500_000, 32),
  });
  await expect(message).toContainText('huge.json is 1.5 MB; the editor takes files up to 1 MB');

  const compare = readFileSync('src/scenarios/comparisons/tight-coupling.json');
  await input.setInputFiles({ name: 'tight.json', mimeType: 'application/json', buffer: compare });
  await expect(page.getByTestId('compare-import')).toBeVisible();
  await page.getByRole('button', { name: 'Open the asynchronous design' }).click();
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-count', '0');

  // Names are text, never markup.
  const doc = JSON.parse(readFileSync('src/scenarios/presets/competing-consumers.json', 'utf8'));
  doc.name = '<img src=x onerror="window.__pwned=1">Imported';
  doc.description = '<script>window.__pwned=2</script>';
  await input.setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(message).toHaveText('Imported mine.json. Apply to run it.');
  await page.getByTestId('editor-apply').click();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  expect(await pickerText(page)).toBe(`Edited scenario: ${doc.name}`);
  await expect(page.getByTestId('preset-description')).toHaveText(doc.description);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(errors.filter((e) => !e.includes('/x'))).toEqual([]);
});

test('export downloads the draft as <name>.json, which parses', async ({ page }) => {
  await openEditor(page);
  await field(page, 'name').locator('input').fill('My queue test');
  await page.getByTestId('editor-view-json').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-draft').click(),
  ]);
  expect(download.suggestedFilename()).toBe('my-queue-test.json');
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(doc.name).toBe('My queue test');
  expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual([
    'orders',
    'tasks',
    'worker-a',
    'worker-b',
  ]);
});

test('the draft survives closing the editor; Cancel drops it', async ({ page }) => {
  await openEditor(page);
  await field(page, 'name').locator('input').fill('Kept draft');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(page.getByTestId('edit-scenario')).toBeFocused();
  await openEditor(page);
  await expect(field(page, 'name').locator('input')).toHaveValue('Kept draft');
  await page.getByTestId('editor-cancel').click();
  await openEditor(page);
  await expect(field(page, 'name').locator('input')).toHaveValue('Competing consumers');
});
