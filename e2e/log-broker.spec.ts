/**
 * The log broker on the page (issue 6): scaling a group rebalances it and leaves a fifth member
 * idle; the commit-timing preset's group ledgers (lost with commit-before, duplicated with
 * commit-after) equal a headless run; a group seek from the inspector goes on the timeline and
 * replays (the group processes the topic again, as a headless run with the same input does).
 */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, createSim, report, type TimedInput } from '../src/engine';
import { loadPreset } from '../src/scenarios';
import { captureErrors, loadPresetInPage, pause, readInt, seekTo } from './helpers';

/** A headless run of a preset to a tick, with an input timeline. */
function reportAt(id: string, tick: number, timeline: TimedInput[] = []) {
  const sim = createSim(loadPreset(id));
  advanceTo(sim, tick, timeline);
  return report(sim);
}

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

test('scaling a group: each join rebalances it, and the fifth member idles', async ({ page }) => {
  const errors = captureErrors(page);
  const id = 'kafka-group-scaling';
  await page.goto('./');
  await loadPresetInPage(page, id);
  // Worker 5 joins at 60 s (tick 3000); the rebalance pauses the group for 3 s.
  const tick = 3300;
  await seekTo(page, tick);
  const headless = reportAt(id, tick).groups.fulfilment!;
  expect(headless.rebalances).toBe(4);
  expect(headless.assignment).not.toContain('worker-5');

  await expect(page.getByTestId('groups-panel')).toBeVisible();
  expect(await readInt(page, 'group-rebalances-fulfilment')).toBe(headless.rebalances);
  expect(await readInt(page, 'group-processed-fulfilment')).toBe(headless.processed);
  // The fifth member is drawn idle and says so; the four others own one partition each.
  await expect(node(page, 'worker-5')).toHaveClass(/is-idle/);
  await expect(node(page, 'worker-5')).toHaveAttribute('aria-label', /idle: no partition/);
  for (const [p, w] of headless.assignment.entries())
    await expect(node(page, w!)).toHaveAttribute('aria-label', new RegExp(`owns P${p}`));

  // The rebalances are in the event log, in words.
  await page.getByTestId('log-filter-type').selectOption('rebalanced');
  await expect(page.getByTestId('log-row').filter({ hasText: 'worker-5 joined' })).toHaveCount(1);

  // The member's inspector says it too.
  await node(page, 'worker-5').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'member');
  await expect(page.getByTestId('member-state')).toHaveText('idle: no partition');
  await expect(page.getByTestId('member-owns')).toHaveText('nothing');
  expect(errors).toEqual([]);
});

test('commit timing: the group ledgers (lost vs duplicated) equal a headless run', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const id = 'kafka-commit-timing';
  await page.goto('./');
  await loadPresetInPage(page, id);
  const end = createSim(loadPreset(id)).endTick;
  await seekTo(page, end);
  const groups = reportAt(id, end).groups;
  for (const g of ['commit-before', 'commit-after']) {
    const l = groups[g]!.ledger;
    expect(await readInt(page, `group-once-${g}`), `${g} once`).toBe(l.exactlyOnce);
    expect(await readInt(page, `group-dup-${g}`), `${g} duplicated`).toBe(l.duplicated);
    expect(await readInt(page, `group-lost-${g}`), `${g} lost`).toBe(l.lost);
  }
  // What the preset teaches: commit before loses the crashed batch, commit after repeats it.
  expect(groups['commit-before']!.ledger.lost).toBeGreaterThan(0);
  expect(groups['commit-before']!.ledger.duplicated).toBe(0);
  expect(groups['commit-after']!.ledger.duplicated).toBeGreaterThan(0);
  expect(groups['commit-after']!.ledger.lost).toBe(0);

  // The group's inspector lists example ids of each.
  await page.getByTestId('inspect-group-commit-before').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'group');
  await expect(page.getByTestId('group-ledger-lost')).toHaveText(
    String(groups['commit-before']!.ledger.lost),
  );
  await expect(page.getByTestId('ledger-lost-id').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a group seek from the inspector goes on the timeline and replays', async ({ page }) => {
  const errors = captureErrors(page);
  const id = 'kafka-vs-rabbitmq-log';
  await page.goto('./');
  await loadPresetInPage(page, id);
  const at = 1000;
  await seekTo(page, at);
  const before = await readInt(page, 'group-processed-shipping');

  await page.getByTestId('inspect-group-shipping').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'group');
  await page.getByTestId('field-seek-to').selectOption('beginning');
  await page.getByTestId('action-seek').click();
  // Paused: the input applies at once (one tick on) and is a marker on the timeline.
  await expect(
    page.locator('[data-testid="timeline-marker"][aria-label*="Seek shipping to the beginning"]'),
  ).toHaveCount(1);
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline).toEqual([
    { tick: at, input: { type: 'groupSeek', groupId: 'shipping', to: 'beginning' } },
  ]);

  // Play on: the group reads the topic again from offset 0, so it processes more than a run
  // without the seek, exactly as a headless run with the same input.
  // At 5× the run's end is 10 s of wall time away: far more than a loaded machine needs to pause.
  await page.getByTestId('speed').selectOption('5');
  await page.getByTestId('play-toggle').click();
  await expect.poll(() => readInt(page, 'tick')).toBeGreaterThan(at + 500);
  const shown = await pause(page);
  const withSeek = reportAt(id, shown, [...timeline]).groups.shipping!;
  const without = reportAt(id, shown).groups.shipping!;
  expect(withSeek.processed).toBeGreaterThan(without.processed);
  expect(await readInt(page, 'group-processed-shipping')).toBe(withSeek.processed);
  expect(withSeek.processed).toBeGreaterThan(before);
  // Replayed records had their effect already: the ledger counts them as duplicated.
  expect(await readInt(page, 'group-dup-shipping')).toBe(withSeek.ledger.duplicated);
  expect(withSeek.ledger.duplicated).toBeGreaterThan(0);

  // Stepping back before the seek and forward again replays it (the input is on the timeline).
  await seekTo(page, at - 10);
  expect(await readInt(page, 'group-processed-shipping')).toBe(
    reportAt(id, at - 10).groups.shipping!.processed,
  );
  await seekTo(page, shown);
  expect(await readInt(page, 'group-processed-shipping')).toBe(withSeek.processed);
  expect(errors).toEqual([]);
});

test('records travel to their partition; the log brokers and a topic act from the inspector', async ({
  page,
}) => {
  const errors = captureErrors(page);
  const id = 'kafka-acks-replication';
  await page.goto('./');
  await loadPresetInPage(page, id);
  await seekTo(page, 200);
  // Records on their way from each writer to its topic's partition row.
  await expect
    .poll(async () => {
      await page.keyboard.press('ArrowRight');
      return (await page.evaluate(() => window.__mqsim!.movingFlights())).join(' ');
    })
    .toMatch(/writer-acks1>payments-acks1#0:new/);

  // Crash log broker 1 from the cluster's badge: the badge says so, the timeline has it.
  await node(page, '#log-brokers').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'logCluster');
  await page.getByTestId('field-crashLogBroker-broker').selectOption('1');
  await page.getByTestId('action-crashLogBroker').click();
  await expect(node(page, '#log-brokers')).toContainText('broker 1 DOWN');
  await expect(page.getByTestId('log-broker-1')).toContainText('DOWN');
  await expect(
    page.locator('[data-testid="timeline-marker"][aria-label$=": Crash log broker 1"]'),
  ).toHaveCount(1);

  // Pause the topic's only partition: its row says so; resume is offered instead.
  await node(page, 'payments-acks1').click();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-kind', 'topic');
  await expect(page.getByTestId('partition-0')).toBeVisible();
  await page.getByTestId('action-pausePartition').click();
  await expect(node(page, 'payments-acks1').locator('.partition-note')).toHaveText('paused');
  await expect(page.getByTestId('action-resumePartition')).toBeVisible();
  const timeline = await page.evaluate(() => window.__mqsim!.timeline());
  expect(timeline.map((t) => t.input.type)).toEqual(['logBrokerCrashed', 'partitionPaused']);
  expect(errors).toEqual([]);
});
