/**
 * `sim compare <a> <b>`: two plain scenarios side by side (issue 5). Runs are kept short
 * (at most 20 s of simulated time) so the suite stays fast.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTable, createSim, runToEnd, type RunReport } from '../engine';
import { COMPARISONS, loadPreset, PRESETS } from '../scenarios';
import type { JsonReport } from './json';
import { endToEndLatency, type PairJson, type PairRow } from './pair';
import { refused, runOk } from './testRun';

const SHORT = ['--duration', '10s'];
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const KEYED = join(fixtures, 'keyed-group.json');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-pair-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const pairJson = (argv: string[]) => JSON.parse(runOk([...argv, '--json'])) as PairJson;
const value = (rows: PairRow[], label: string) => rows.find((r) => r.label === label)!.values;

describe('sim compare <a> <b>', () => {
  it('prints both scenarios and a table of general measures, one column per scenario', () => {
    const out = runOk(['compare', 'work-queue', 'pubsub-fanout', ...SHORT, '--seed', '4']);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'a: Work queue  (preset work-queue, seed 4, simulated 10s = 10000 ms in 500 ticks of 20 ms)',
    );
    expect(lines[1]).toMatch(/^b: Publish\/subscribe fan-out {2}\(preset pubsub-fanout, seed 4, /);
    expect(out).toMatch(/^measure +Work queue +Publish\/subscribe fan-out$/m);
    for (const group of ['Volume', 'Latency', 'Backlog', 'Delivery guarantees'])
      expect(lines, group).toContain(group);
    expect(out).toMatch(/^ {2}Published\s+\d+\s+\d+$/m);
    expect(out).toMatch(/^ {2}Throughput \(acked \/ processed\)\s+\d+\.\d\/s\s+\d+\.\d\/s$/m);
    expect(out).toMatch(/^ {2}End-to-end latency, p99\s+\d+\.\d ms\s+\d+\.\d ms$/m);
    expect(out).toMatch(/^ {2}Redelivered \/ reprocessed\s+\d+\s+\d+$/m);
    expect(out).toContain('Both scenarios ran with seed 4 for 10s.');
    // Neither has services: no order rows.
    expect(lines).not.toContain('Availability');
  });

  it('--json gives both reports, each the document of sim --json, and the rows', () => {
    const doc = pairJson(['compare', 'work-queue', 'pubsub-fanout', ...SHORT]);
    expect(Object.keys(doc)).toEqual(['a', 'b', 'rows']);
    expect(Object.keys(doc.a)).toEqual(['scenario', 'source', 'report']);
    expect(doc.a).toMatchObject({ scenario: 'Work queue', source: { preset: 'work-queue' } });
    expect(doc.b.source).toEqual({ preset: 'pubsub-fanout' });
    // The same run as "sim <scenario>" with the same options.
    const alone = JSON.parse(runOk(['pubsub-fanout', ...SHORT, '--json'])) as JsonReport;
    expect(doc.b.report).toEqual(alone);
    expect(doc.rows.map((r) => r.label)).toEqual([
      'Published',
      'Delivered / processed',
      'Throughput (acked / processed)',
      'End-to-end latency, p50',
      'End-to-end latency, p99',
      'Peak backlog (queues, services)',
      'Backlog at the end (queue depth + group lag)',
      'Lost',
      'Duplicated',
      'Dead-lettered',
      'Redelivered / reprocessed',
    ]);
    for (const side of ['a', 'b'] as const) {
      const r = doc[side].report;
      const sum = (f: (q: RunReport['queues'][string]) => number) =>
        Object.values(r.queues).reduce((n, q) => n + f(q), 0);
      expect(value(doc.rows, 'Published')[side]).toBe(r.totals.published);
      expect(value(doc.rows, 'Delivered / processed')[side]).toBe(r.totals.delivered);
      expect(value(doc.rows, 'Throughput (acked / processed)')[side]).toBeCloseTo(
        r.totals.throughputPerSec,
        9,
      );
      expect(value(doc.rows, 'Backlog at the end (queue depth + group lag)')[side]).toBe(
        sum((q) => q.depth),
      );
      expect(value(doc.rows, 'Lost')[side]).toBe(sum((q) => q.ledger.lost));
      expect(value(doc.rows, 'Redelivered / reprocessed')[side]).toBe(r.totals.redelivered);
    }
  });

  it('merges the latency of every consumer: exact for one, between the extremes for several', () => {
    const one = pairJson(['compare', 'mm1', 'mmc', ...SHORT]);
    expect(value(one.rows, 'End-to-end latency, p99').a).toBe(
      one.a.report.consumers.server!.latencyMs.p99,
    );
    const st = createSim(loadPreset('work-queue'), { durationMs: 20_000 });
    runToEnd(st);
    const merged = endToEndLatency(st)!;
    const counts = st.consumers.map((c) => c.stats.latency.count);
    expect(merged.count).toBe(counts.reduce((a, b) => a + b, 0));
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
    const maxes = st.consumers.map((c) => c.stats.latency.maxUs / 1000);
    expect(merged.max).toBe(Math.max(...maxes));
  });

  it('measures a consumer group like queue consumers: lag, ledger, reprocessing', () => {
    const doc = pairJson(['compare', KEYED, 'work-queue', '--duration', '20s']);
    const g = doc.a.report.groups.billing!;
    expect(doc.a.source).toEqual({ file: KEYED });
    expect(value(doc.rows, 'Published').a).toBe(doc.a.report.logProducers.orders!.sent);
    expect(value(doc.rows, 'Delivered / processed').a).toBe(g.processed);
    expect(value(doc.rows, 'Backlog at the end (queue depth + group lag)').a).toBe(g.totalLag);
    expect(value(doc.rows, 'Duplicated').a).toBe(g.ledger.duplicated);
    expect(value(doc.rows, 'Lost').a).toBe(g.ledger.lost);
    expect(value(doc.rows, 'Redelivered / reprocessed').a).toBe(
      g.processed - g.ledger.exactlyOnce - g.ledger.duplicated,
    );
    expect(value(doc.rows, 'End-to-end latency, p50').a).toBe(g.latencyMs.p50);
    // No queue and no service: no peak backlog to show.
    expect(value(doc.rows, 'Peak backlog (queues, services)')).toEqual({
      a: null,
      b: doc.b.report.queues.tasks!.depthMax,
    });
    const out = runOk(['compare', KEYED, 'work-queue', '--duration', '20s']);
    expect(out).toMatch(/^ {2}Peak backlog \(queues, services\)\s+-\s+\d+$/m);
  });

  it('adds the order rows of the comparison table when both have services', () => {
    const doc = pairJson([
      'compare',
      'compare-tight-coupling-sync',
      'compare-tight-coupling-async',
      '--duration',
      '5s',
    ]);
    const table = compareTable({
      sync: doc.a.report as RunReport,
      async: doc.b.report as RunReport,
    });
    const orders = doc.rows.slice(11);
    expect(orders.map((r) => r.label)).toEqual(
      table.map((r) => r.label).filter((l) => l !== 'Peak backlog' && l !== 'Dead-lettered'),
    );
    const p99 = table.find((r) => r.label === 'Placed → all effects done, p99')!.values;
    expect(value(doc.rows, 'Placed → all effects done, p99')).toEqual({
      a: p99.sync,
      b: p99.async,
    });
    // The synchronous design has no consumers: no end-to-end latency of messages.
    expect(value(doc.rows, 'End-to-end latency, p50').a).toBeNull();
    const out = runOk([
      'compare',
      'compare-tight-coupling-sync',
      'compare-tight-coupling-async',
      '--duration',
      '5s',
    ]);
    expect(out).toMatch(/^Availability$/m);
    expect(out).toMatch(/^ {2}Placed → all effects done, p99\s+\d+\.\d ms\s+\d+\.\d ms$/m);
    expect(out).toMatch(/^ {2}End-to-end latency, p50\s+-\s+\d+\.\d ms$/m);
  });

  it('says when the scenarios ran for different times, and tells equal names apart', () => {
    const overflow = PRESETS.find((p) => p.id === 'overflow')!.raw as Record<string, unknown>;
    const path = file('overflow-copy.json', { ...overflow, durationMs: 5000 });
    const out = runOk(['compare', 'overflow', path]);
    expect(out).toMatch(/The scenarios ran for different times \(a: seed \d+ for 20s; b: seed/);
    expect(out).toMatch(/or give --duration to run both for the same time\./);
    // The same name twice: (a) and (b) tell the columns apart. Long names wrap over two header
    // lines; "measure" sits on the last one.
    expect(out).toMatch(/^ +Length limit: the three +Length limit: the three\n/m);
    expect(out).toMatch(/^measure\s+overflow modes \(a\)\s+overflow modes \(b\)$/m);
    const same = JSON.parse(runOk(['compare', 'overflow', 'overflow', '--json'])) as PairJson;
    expect(same.a.report).toEqual(same.b.report);
  });
});

describe('sim compare <a> <b>: refused arguments', () => {
  it('refuses a comparison as one of the two, with the command that runs it', () => {
    const err = refused(['compare', 'work-queue', 'compare-tight-coupling']);
    expect(err).toMatch(
      /"compare-tight-coupling" is a comparison of two designs, not a scenario: "compare" with two arguments compares two plain scenarios/,
    );
    expect(err).toContain('  npm run -s sim -- compare compare-tight-coupling\n');
    expect(err).toContain(
      'npm run -s sim -- compare compare-tight-coupling-sync compare-tight-coupling-async',
    );
    const path = file('cmp.json', COMPARISONS.find((c) => c.id === 'compare-blocking')!.raw);
    expect(refused(['compare', path, 'mm1'])).toMatch(
      /is a comparison document \("kind": "compare"\), not a scenario: "compare" with two arguments/,
    );
  });

  it('refuses three scenarios and a sweep, and reports both of two bad scenarios', () => {
    expect(refused(['compare', 'mm1', 'mmc', 'md1'])).toMatch(
      /compare takes one comparison, or two scenarios to compare side by side; got 3/,
    );
    expect(refused(['compare', 'mm1', 'mmc', '--sweep', 'p.ratePerSec=1..2'])).toMatch(
      /--sweep works with one comparison/,
    );
    const err = refused(['compare', 'nope', join(dir, 'missing.json')]);
    expect(err).toMatch(/^sim: error: unknown preset "nope"/);
    expect(err).toMatch(
      /\nsim: error: cannot read scenario file ".*missing\.json": no such file\n$/,
    );
  });

  it('points a single scenario given to compare to the two-scenario form', () => {
    expect(refused(['compare', 'mm1'])).toContain(
      'or compare it with another scenario: "npm run -s sim -- compare mm1 <scenario>"',
    );
  });
});
