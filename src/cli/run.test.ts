import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonIds, loadComparison, PRESETS, presetDescription, presetIds } from '../scenarios';
import { MAX_FILE_BYTES } from './load';
import { EXIT_OK, EXIT_USAGE, run, type ListEntry } from './run';
import { captureIO } from './testIO';
import { runOk } from './testRun';
import type { JsonReport } from './json';

/** A short M/M/1 run keeps the suite fast while still moving thousands of messages. */
const SHORT = ['--duration', '20s'];

function runJson(argv: string[]): JsonReport {
  return JSON.parse(runOk([...argv, '--json'])) as JsonReport;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const rawOf = (id: string) => PRESETS.find((p) => p.id === id)!.raw as Record<string, unknown>;

describe('sim <preset> (table)', () => {
  it('prints totals, one row per producer, queue and consumer, with latency percentiles', () => {
    const out = runOk(['competing-consumers', '--duration', '60s']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /\(preset competing-consumers, seed \d+, simulated 1m = 60000 ms in 3000 ticks of 20 ms\)/,
    );
    const row = (first: string) => lines.find((l) => l.split(/\s+/)[0] === first);
    expect(row('totals')).toMatch(/published\s+enqueued\s+delivered.*acked\s+in flight\s+acked\/s/);
    expect(row('all')).toMatch(/^all(\s+\d+){8}\s+\d+\.\d\d$/);
    expect(row('queue')).toMatch(/depth\s+depth max\s+depth mean.*wait mean ms/);
    expect(row('consumer')).toMatch(
      /acked\/s\s+busy\s+latency mean\s+p50\s+p95\s+p99\s+wait mean\s+service mean/,
    );
    const nodes = (rawOf('competing-consumers').nodes as { id: string }[]).map((n) => n.id);
    for (const id of nodes) expect(row(id), `row for ${id}`).toBeDefined();
    // A consumer row: id, state, acked, redelivered, failed, duplicates skipped, acked/s, busy %,
    // then six times in ms.
    const consumerId = (rawOf('competing-consumers').nodes as { id: string; kind: string }[]).find(
      (n) => n.kind === 'consumer',
    )!.id;
    expect(row(consumerId)).toMatch(
      /^\S+\s+up(\s+\d+){4}\s+\d+\.\d\d\s+\d+\.\d %(\s+\d+\.\d\d){6}$/,
    );
  });

  it('reads a scenario file, relative to the working directory', () => {
    file('short-mm1.json', JSON.stringify({ ...rawOf('mm1'), durationMs: 5000 }));
    const out = runOk(['short-mm1.json'], { cwd: dir });
    expect(out).toMatch(/\(file short-mm1\.json, seed 1, simulated 5s = 5000 ms/);
    expect(out).toMatch(/^server\s+up/m);
  });
});

describe('sim --json', () => {
  it('prints one JSON document with the documented keys, in a stable order', () => {
    const out = runOk(['mm1', ...SHORT, '--json']);
    const doc = JSON.parse(out) as JsonReport;
    expect(Object.keys(doc)).toEqual([
      'scenario',
      'seed',
      'simulatedMs',
      'totals',
      'queues',
      'consumers',
      'tick',
      'tickMs',
      'producers',
      'exchanges',
      'broker',
      'places',
      'services',
      'flow',
      'topics',
      'groups',
      'logProducers',
      'logBrokers',
      'members',
    ]);
    // A scenario without service nodes has no services and no order flow; without topics, no
    // log sections (and one log broker, up).
    expect(doc.services).toEqual({});
    expect(doc.flow).toBeNull();
    expect(doc).toMatchObject({ topics: {}, groups: {}, logProducers: {}, logBrokers: [true] });
    expect(doc).toMatchObject({
      scenario: 'M/M/1 at 90 % load',
      seed: 1,
      simulatedMs: 20_000,
      tick: 2000,
      tickMs: 10,
    });
    expect(Object.keys(doc.totals)).toEqual(
      expect.arrayContaining([
        'published',
        'enqueued',
        'delivered',
        'redelivered',
        'requeued',
        'processed',
        'acked',
        'inFlight',
        'throughputPerSec',
      ]),
    );
    expect(Object.keys(doc.queues)).toEqual(['queue']);
    expect(Object.keys(doc.queues.queue!)).toEqual(
      expect.arrayContaining([
        'depth',
        'depthMax',
        'depthMean',
        'enqueued',
        'delivered',
        'arrivalRatePerSec',
        'meanWaitMs',
      ]),
    );
    const server = doc.consumers.server!;
    expect(server.throughputPerSec).toBeGreaterThan(50);
    for (const key of ['latencyMs', 'waitMs', 'serviceMs'] as const) {
      expect(Object.keys(server[key])).toEqual(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
    }
    expect(server.latencyMs.p50).toBeLessThanOrEqual(server.latencyMs.p95);
    expect(server.latencyMs.p95).toBeLessThanOrEqual(server.latencyMs.p99);
    expect(doc.producers.arrivals!.published).toBe(doc.totals.published);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('gives identical JSON for the same seed, and different results for another seed', () => {
    const a = runOk(['mm1', ...SHORT, '--seed', '42', '--json']);
    const b = runOk(['mm1', ...SHORT, '--seed', '42', '--json']);
    const c = runOk(['mm1', ...SHORT, '--seed', '43', '--json']);
    expect(b).toBe(a);
    const ra = JSON.parse(a) as JsonReport;
    const rc = JSON.parse(c) as JsonReport;
    expect(ra.seed).toBe(42);
    expect(rc.seed).toBe(43);
    expect(rc.consumers.server!.latencyMs.mean).not.toBe(ra.consumers.server!.latencyMs.mean);
    expect(rc.totals.published).not.toBe(ra.totals.published);
  });

  it('uses the scenario seed without --seed, and --seed 0 and the maximum are accepted', () => {
    expect(runJson(['mm1', ...SHORT]).seed).toBe(1);
    expect(runJson(['mm1', '--duration', '1s', '--seed', '0']).seed).toBe(0);
    expect(runJson(['mm1', '--duration', '1s', '--seed', '4294967295']).seed).toBe(4294967295);
  });

  it('runs for the --duration given, in any accepted form', () => {
    expect(runJson(['mm1', '--duration', '1500ms']).simulatedMs).toBe(1500);
    expect(runJson(['mm1', '--duration', '2s']).simulatedMs).toBe(2000);
    expect(runJson(['mm1', '--duration', '1m']).simulatedMs).toBe(60_000);
    expect(runJson(['mm1', '--duration', '2500']).simulatedMs).toBe(2500);
    expect(runJson(['competing-consumers', '--duration', '1h']).simulatedMs).toBe(3_600_000);
  });

  it('is the same whether or not the run is chunked for a progress line', () => {
    const plain = runOk(['two-payment-workers', '--duration', '30s']);
    const c = captureIO({ isTTY: true, clockStepMs: 1000 });
    expect(run(['two-payment-workers', '--duration', '30s'], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe(plain);
  });
});

describe('progress', () => {
  it('overwrites one line on a terminal, and clears it at the end', () => {
    const c = captureIO({ isTTY: true, clockStepMs: 1000 });
    expect(run(['mm1', ...SHORT], c.io)).toBe(EXIT_OK);
    const err = c.stderr();
    expect(err).toMatch(/^\rsimulating: \d+ %/);
    expect(err).toContain('50 %');
    expect(err.endsWith('\r\x1b[K')).toBe(true);
    expect(err).not.toContain('\n');
  });

  it('is silent when stderr is not a terminal, for --json, and for quick runs', () => {
    const piped = captureIO({ isTTY: false, clockStepMs: 1000 });
    run(['mm1', ...SHORT], piped.io);
    expect(piped.stderr()).toBe('');
    const json = captureIO({ isTTY: true, clockStepMs: 1000 });
    run(['mm1', ...SHORT, '--json'], json.io);
    expect(json.stderr()).toBe('');
    const quick = captureIO({ isTTY: true, clockStepMs: 0 });
    run(['mm1', ...SHORT], quick.io);
    expect(quick.stderr()).toBe('');
  });
});

describe('sim --list and --help', () => {
  it('lists every preset, then every comparison, with its one-line description', () => {
    const out = runOk(['--list']);
    const [presets, comparisons, footer] = out.trimEnd().split('\n\n') as [string, string, string];
    const presetLines = presets.split('\n');
    expect(presetLines[0]).toMatch(/^preset\s+description$/);
    expect(presetLines).toHaveLength(PRESETS.length + 1);
    for (const id of presetIds()) {
      const line = presetLines.find((l) => l.startsWith(`${id} `));
      expect(line, id).toBeDefined();
      expect(line!.endsWith(presetDescription(id))).toBe(true);
    }
    const comparisonLines = comparisons.split('\n');
    expect(comparisonLines[0]).toMatch(/^comparison\s+description$/);
    expect(comparisonLines).toHaveLength(comparisonIds().length + 1);
    for (const id of comparisonIds()) {
      const line = comparisonLines.find((l) => l.startsWith(`${id} `));
      expect(line!.endsWith(loadComparison(id).description)).toBe(true);
    }
    expect(footer).toContain('sim compare <comparison>');
  });

  it('lists presets and comparisons as JSON with --json, told apart by kind', () => {
    const list = JSON.parse(runOk(['--list', '--json'])) as ListEntry[];
    expect(list.filter((p) => p.kind === 'scenario').map((p) => p.id)).toEqual(presetIds());
    expect(list.filter((p) => p.kind === 'comparison').map((p) => p.id)).toEqual(comparisonIds());
    expect(list).toHaveLength(presetIds().length + comparisonIds().length);
    // The keys of the first version come first, in the same order.
    expect(list.every((p) => Object.keys(p).join() === 'id,description,kind')).toBe(true);
    expect(list.every((p) => p.description.length > 0)).toBe(true);
  });

  it('prints usage naming every flag and the exit codes', () => {
    const out = runOk(['--help']);
    for (const flag of [
      '--seed',
      '--duration',
      '--json',
      '--list',
      '--help',
      'compare',
      '--sweep',
      '--steps',
    ])
      expect(out).toContain(flag);
    expect(out).toMatch(/Exit codes:[\s\S]*2\s+bad argument/);
  });
});

describe('bad input: exit 2, a message on stderr, nothing on stdout', () => {
  function refused(argv: string[], cwd?: string) {
    const c = captureIO(cwd === undefined ? {} : { cwd });
    const code = run(argv, c.io);
    expect(code).toBe(EXIT_USAGE);
    expect(c.stdout()).toBe('');
    expect(c.stderr()).toMatch(/^sim: error: /);
    return c.stderr();
  }

  it.each([
    ['an unknown flag', ['mm1', '--fast'], /unknown option "--fast"/],
    ['a missing value', ['mm1', '--seed'], /--seed needs a value/],
    [
      'a bad seed',
      ['mm1', '--seed', 'x1'],
      /--seed must be an integer from 0 to 4294967295, got "x1"/,
    ],
    ['a seed out of range', ['mm1', '--seed', '99999999999'], /--seed must be an integer/],
    [
      'a bad duration',
      ['mm1', '--duration', '10 minutes'],
      /--duration: not a duration: "10 minutes"/,
    ],
    ['a duration over the cap', ['mm1', '--duration', '30d'], /exceeds the engine's limit of 7d/],
    ['no scenario', [], /missing the scenario/],
    ['two scenarios', ['mm1', 'md1'], /expected one scenario/],
  ])('%s', (_what, argv, message) => {
    const err = refused(argv);
    expect(err).toMatch(message);
    expect(err).toContain('--help');
  });

  it('an unknown preset, listing the known ones', () => {
    const err = refused(['mm2']);
    expect(err).toMatch(/unknown preset "mm2"; known presets: .*mm1/);
  });

  it('an unknown preset that exists as a file without .json', () => {
    file('scenario-without-extension', '{}');
    expect(refused(['scenario-without-extension'], dir)).toMatch(
      /only arguments ending in \.json are read as scenario files/,
    );
  });

  it('a missing file', () => {
    expect(refused([join(dir, 'nope.json')])).toMatch(
      /cannot read scenario file ".*nope\.json": no such file/,
    );
  });

  it('a directory', () => {
    mkdirSync(join(dir, 'folder.json'), { recursive: true });
    expect(refused([join(dir, 'folder.json')])).toMatch(
      /cannot read scenario file .*: it is a directory/,
    );
  });

  it('a path through a file (unreadable)', () => {
    const notADir = file('plain.txt', 'x');
    expect(refused([join(notADir, 'inside.json')])).toMatch(
      /cannot read scenario file ".*inside\.json": a part of the path is not a directory/,
    );
  });

  it('a file over the size limit', () => {
    const path = file('huge.json', ' '.repeat(MAX_FILE_BYTES + 1));
    expect(refused([path])).toMatch(/is 10485761 bytes; the limit is 10485760 bytes/);
  });

  it('invalid JSON, with the line and column', () => {
    const path = file('broken.json', '{\n  "version": 1,\n  ]\n}');
    expect(refused([path])).toMatch(
      /scenario file ".*broken\.json" is not valid JSON: .*\(line 3, column 3\)/,
    );
  });

  it('an invalid scenario, with every error line from the validator', () => {
    const path = file(
      'invalid.json',
      JSON.stringify({
        version: 2,
        name: 'bad',
        durationMs: -5,
        nodes: [
          { id: 'p', kind: 'producer', to: 'nowhere', arrival: { dist: 'exponential' } },
          { id: 'c', kind: 'consumer', from: 'p', service: { dist: 'constant', ms: 1 }, speed: 3 },
        ],
      }),
    );
    const err = refused([path]);
    const lines = err.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /scenario file ".*invalid\.json" is not a valid scenario \(6 problems\):/,
    );
    expect(lines.slice(1).map((l) => l.trim())).toEqual(
      expect.arrayContaining([
        'version: must be 1, got 2',
        'durationMs: must be a positive number, got -5',
        'nodes[0].arrival.meanMs: is required',
        'nodes[1].speed: is not a known field',
        'nodes[0].to: unknown node id "nowhere"',
      ]),
    );
    expect(lines).toHaveLength(7);
  });
});
