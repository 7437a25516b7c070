/** `sim compare`, `--sweep`, and how plain `sim` treats comparisons. Runs are kept to 5 s. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTable, type RunReport } from '../engine';
import { COMPARISONS, comparisonIds, PRESETS } from '../scenarios';
import type { CompareJson, SweepJson } from './compare';
import type { JsonReport } from './json';
import { EXIT_OK, run } from './run';
import { captureIO } from './testIO';
import { refused, runOk } from './testRun';

const SHORT = ['--duration', '5s'];
const rawComparison = (id: string) =>
  structuredClone(COMPARISONS.find((c) => c.id === id)!.raw) as Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-compare-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('sim compare', () => {
  it('runs both designs of a preset and prints the grouped table', () => {
    const out = runOk(['compare', 'compare-tight-coupling', ...SHORT, '--seed', '3']);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'Tight coupling: Payment down for 30 s  (preset compare-tight-coupling, seed 3, ' +
        'simulated 5s = 5000 ms in 500 ticks of 10 ms, each design)',
    );
    expect(out).toMatch(/^measure\s+synchronous\s+asynchronous\s+better$/m);
    for (const group of [
      'Availability',
      'Performance',
      'Scalability',
      'Resilience',
      'Error handling',
      'Resources',
    ])
      expect(lines, group).toContain(group);
    // Counts as integers, ms and % with one decimal, and a marker for the better side.
    expect(out).toMatch(/^ {2}Orders placed\s+\d+\s+\d+$/m);
    expect(out).toMatch(/^ {2}Client latency, p99\s+\d+\.\d ms\s+\d+\.\d ms\s+async$/m);
    expect(out).toMatch(/^ {2}Availability\s+\d+\.\d %\s+\d+\.\d %(\s+(sync|async))?$/m);
    expect(out).toMatch(/^ {2}Busiest service\s+\S+\s+\S+$/m);
  });

  it('reads a comparison file, and --json gives the rows and both reports', () => {
    const path = file('tight.json', rawComparison('compare-tight-coupling'));
    const doc = JSON.parse(runOk(['compare', path, ...SHORT, '--json'])) as CompareJson;
    expect(Object.keys(doc)).toEqual(['comparison', 'seed', 'simulatedMs', 'rows', 'reports']);
    expect(doc).toMatchObject({
      comparison: 'Tight coupling: Payment down for 30 s',
      seed: 7,
      simulatedMs: 5000,
    });
    expect(Object.keys(doc.reports)).toEqual(['sync', 'async']);
    const sync = doc.reports.sync as JsonReport;
    const async = doc.reports.async as JsonReport;
    expect(sync.scenario).toBe('Tight coupling: Payment down for 30 s (synchronous)');
    expect(async.scenario).toBe('Tight coupling: Payment down for 30 s (asynchronous)');
    expect(Object.keys(sync.services)).toEqual(['order', 'inventory', 'payment', 'notification']);
    expect(sync.flow!.orders).toBe(async.flow!.orders);
    expect(Object.keys(async.queues).length).toBeGreaterThan(0);
    expect(doc.rows[0]).toEqual({
      group: 'Availability',
      label: 'Orders placed',
      unit: 'orders',
      better: 'none',
      values: { sync: sync.flow!.orders, async: async.flow!.orders },
    });
    // The rows are the engine's table of the two reports printed alongside.
    expect(doc.rows).toEqual(
      compareTable({ sync: sync as unknown as RunReport, async: async as unknown as RunReport }),
    );
  });

  it('shows progress per design on a terminal without changing the output', () => {
    const plain = runOk(['compare', 'compare-happy-path', ...SHORT]);
    const c = captureIO({ isTTY: true, clockStepMs: 1000 });
    expect(run(['compare', 'compare-happy-path', ...SHORT], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe(plain);
    expect(c.stderr()).toMatch(/^\rsimulating sync: \d+ %/);
    expect(c.stderr()).toContain('\rsimulating async: ');
    expect(c.stderr().endsWith('\r\x1b[K')).toBe(true);
  });

  it('prints the same numbers for the same seed', () => {
    const a = runOk(['compare', 'compare-happy-path', ...SHORT, '--json']);
    expect(runOk(['compare', 'compare-happy-path', ...SHORT, '--json'])).toBe(a);
  });

  it('lists every problem of an invalid comparison file with its path', () => {
    const doc = rawComparison('compare-happy-path') as {
      workload: { arrival: unknown }[];
      sync: { nodes: { calls?: { to: string }[] }[] };
      async: { nodes: Record<string, unknown>[] };
    };
    doc.sync.nodes[0]!.calls![0]!.to = 'nowhere';
    doc.async.nodes[1]!.bogus = 1;
    doc.workload[0]!.arrival = { dist: 'exponential' };
    const err = refused(['compare', file('invalid-compare.json', doc)]);
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^sim: error: comparison file ".*invalid-compare\.json" is not a valid comparison \(3 problems\):$/,
    );
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      'workload[0].arrival.meanMs: is required',
      'sync.nodes[0].calls[0].to: unknown node id "nowhere"',
      'async.nodes[1].bogus: is not a known field',
    ]);
  });

  it('refuses a plain scenario file, saying a comparison needs "kind": "compare"', () => {
    const mm1 = PRESETS.find((p) => p.id === 'mm1')!.raw;
    const err = refused(['compare', file('plain.json', mm1)]);
    expect(err).toMatch(/"[^"]*plain\.json" is not a comparison: .*"kind": "compare"/);
    expect(err).toMatch(/it looks like a plain scenario: run it alone with/);
  });

  it('refuses invalid JSON and unknown ids, listing the known comparisons', () => {
    expect(refused(['compare', file('broken.json', '{"kind": "compare",')])).toMatch(
      /comparison file ".*broken\.json" is not valid JSON/,
    );
    expect(refused(['compare', 'compare-nothing'])).toContain(
      `unknown comparison "compare-nothing"; known comparisons: ${comparisonIds().join(', ')}`,
    );
    expect(refused(['compare', 'mm1'])).toMatch(/"mm1" is a scenario preset/);
    expect(refused(['compare', 'compare-blocking-sync'])).toMatch(
      /one design of compare-blocking alone/,
    );
  });
});

describe('plain sim and comparisons', () => {
  it('points a comparison id or file to sim compare', () => {
    expect(refused(['compare-happy-path'])).toMatch(
      /"compare-happy-path" is a comparison of two designs, not a scenario; run it with:\n {2}npm run -s sim -- compare compare-happy-path/,
    );
    const path = file('a-comparison.json', rawComparison('compare-happy-path'));
    expect(refused([path])).toMatch(
      /is a comparison document \("kind": "compare"\), not a scenario; run it with:\n {2}npm run -s sim -- compare .*a-comparison\.json/,
    );
  });

  it('shows the services and the order flow of a service scenario', () => {
    const out = runOk(['compare-tight-coupling-sync', ...SHORT]);
    expect(out).toMatch(
      /^service\s+state\s+received\s+succeeded\s+failed\s+rejected\s+busy\s+blocked\s+response p50\s+p99$/m,
    );
    expect(out).toMatch(/^payment\s+up(\s+\d+){4}\s+\d+\.\d %\s+\d+\.\d %(\s+\d+\.\d\d){2}$/m);
    expect(out).toMatch(
      /^flow\s+orders\s+accepted\s+rejected\s+failed\s+completed\s+lost\s+inconsistent\s+pending\s+client p50\s+p99\s+all done p50\s+p99$/m,
    );
    expect(out).toMatch(/^orders(\s+\d+){8}(\s+\d+\.\d\d){4}$/m);
    // No broker in the synchronous design: the empty queue and consumer tables are left out.
    expect(out).not.toMatch(/^queue\s/m);
    expect(out).not.toMatch(/^consumer\s/m);
  });
});

describe('sim compare --sweep', () => {
  const SWEEP = ['compare', 'compare-happy-path', '--sweep', 'orders.ratePerSec=10..400'];

  it('gives one point per step, rates rising, and the synchronous chain collapsing first', () => {
    const doc = JSON.parse(runOk([...SWEEP, '--steps', '3', ...SHORT, '--json'])) as SweepJson;
    expect(Object.keys(doc)).toEqual(['comparison', 'seed', 'simulatedMs', 'sweep', 'points']);
    expect(doc.sweep).toEqual({ producer: 'orders', from: 10, to: 400, steps: 3 });
    expect(doc.points.map((p) => p.ratePerSec)).toEqual([10, 63.25, 400]);
    const last = doc.points[2]!;
    expect(Object.keys(last.sync)).toEqual([
      'orders',
      'accepted',
      'rejected',
      'failed',
      'availabilityPct',
      'clientLatencyP99Ms',
      'completed',
      'completedPerSec',
      'lost',
      'inconsistent',
      'peakBacklog',
    ]);
    // More customers at higher rates, the same in both designs.
    expect(doc.points[0]!.sync.orders).toBeLessThan(last.sync.orders);
    expect(last.sync.orders).toBe(last.async.orders);
    expect(last.sync.availabilityPct).toBeLessThan(last.async.availabilityPct);
    const answered = last.sync.accepted + last.sync.rejected + last.sync.failed;
    expect(last.sync.availabilityPct).toBeCloseTo((100 * last.sync.accepted) / answered, 9);
    expect(doc.points[0]!.sync.availabilityPct).toBe(100);
  });

  it('prints one row per rate under the two designs', () => {
    const out = runOk([...SWEEP, '--steps', '2', ...SHORT]);
    expect(out).toMatch(/^sweep: orders\.ratePerSec from 10 to 400\/s in 2 geometric steps$/m);
    expect(out).toMatch(/^\s+-+ synchronous -+\s+-+ asynchronous -+$/m);
    expect(out).toMatch(/^rate\/s\s+avail %\s+p99 ms\s+done\/s\s+lost\+inc\s+backlog\s+avail %/m);
    expect(out).toMatch(/^\s+10(\s+\d+\.\d){3}\s+\d+\s+\d+(\s+\d+\.\d){3}\s+\d+\s+\d+$/m);
    expect(out).toMatch(/^\s*400\s/m);
    expect(out).toMatch(/^availability first below 99 %: synchronous at 400\/s/m);
  });

  it.each([
    [['--sweep', 'customers.ratePerSec=1..10'], /workload's producers are: orders/],
    [['--sweep', 'orders.ratePerSec=10..1'], /from must be less than to/],
    [['--sweep', 'orders.rate=1..10'], /only ratePerSec can be swept/],
    [
      ['--sweep', 'orders.ratePerSec=1..10', '--steps', '51'],
      /--steps must be an integer from 2 to 50/,
    ],
    [['--steps', '4'], /--steps needs --sweep/],
  ])('refuses %j', (extra, message) => {
    expect(refused(['compare', 'compare-happy-path', ...extra])).toMatch(message);
  });

  it('refuses --sweep without compare', () => {
    expect(refused(['mm1', '--sweep', 'arrivals.ratePerSec=1..2'])).toMatch(
      /--sweep only works with compare/,
    );
  });
});
