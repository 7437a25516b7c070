/**
 * The log broker's sections of `sim` (issue 5): a topic of three partitions, a keyed idempotent
 * producer, and a consumer group of two members that commits after processing, with a log broker
 * down from 3 s to 6 s and a member crashing between its effect and its commit (fixture
 * keyed-group.json, 20 s of simulated time).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSim, report, runToEnd, validateScenario } from '../engine';
import type { JsonReport } from './json';
import { runOk as runOkIn } from './testRun';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const runOk = (argv: string[]) => runOkIn(argv, { cwd: fixtures });
const FIXTURE = 'keyed-group.json';

const rowOf = (out: string, ...first: string[]) =>
  out.split('\n').find((l) => first.every((word, i) => l.trim().split(/\s+/)[i] === word));

describe('sim <scenario with a topic>', () => {
  const out = runOk([FIXTURE]);

  it('prints the log producer, one row per partition with the topic totals, and the group', () => {
    expect(out).toMatch(
      /^log producer\s+topic\s+acks\s+idempotent\s+sent\s+acked\s+failed\s+retries$/m,
    );
    expect(out).toMatch(/^orders\s+events\s+all\s+yes(\s+\d+){4}$/m);
    expect(out).toMatch(/^topic\s+partition\s+start\s+end\s+hw\s+records\s+leader\s+isr$/m);
    for (const p of ['0', '1', '2'])
      expect(rowOf(out, 'events', p), `partition ${p}`).toMatch(
        /^events\s+\d\s+\d+\s+\d+\s+\d+\s+\d+\s+(\d|none)\s+[\d,]+$/,
      );
    // The topic's row sums its partitions.
    const cells = (p: string) => rowOf(out, 'events', p)!.trim().split(/\s+/).slice(2, 6);
    const sums = [0, 1, 2, 3].map((c) =>
      ['0', '1', '2'].reduce((n, p) => n + Number(cells(p)[c]), 0),
    );
    expect(cells('all').map(Number)).toEqual(sums);
    expect(out).toMatch(
      /^topic\s+appended\s+dup dropped\s+not enough isr\s+offline writes\s+retention deleted\s+compacted away\s+truncated\s+acked lost\s+out of order$/m,
    );
    expect(out).toMatch(
      /^group\s+topic\s+members\s+rebalances\s+lag\s+processed\s+exactly once\s+duplicated\s+lost\s+commit failed\s+latency p50\s+p99$/m,
    );
    expect(out).toMatch(/^billing\s+events\s+2(\s+\d+){7}(\s+\d+\.\d\d){2}$/m);
    expect(out).toMatch(
      /^partitions of group billing \(generation \d+\): billing-1 owns [\d, ]+; billing-2 owns [\d, ]+$/m,
    );
    expect(out).toMatch(/^Groups: lag = log end offset - committed offset/m);
    // Group members are not queue consumers: no consumer table, no ledger of queues.
    expect(out).not.toMatch(/^consumer\s/m);
    expect(out).not.toMatch(/^ledger\s/m);
  });

  it('gives the numbers of the engine, in the JSON too, after the existing keys', () => {
    const v = validateScenario(JSON.parse(readFileSync(fixtures + FIXTURE, 'utf8')));
    if (!v.ok) throw new Error(v.errors.join('\n'));
    const st = createSim(v.value);
    runToEnd(st);
    const r = report(st);
    const doc = JSON.parse(runOk([FIXTURE, '--json'])) as JsonReport;
    expect(Object.keys(doc).slice(-7)).toEqual([
      'services',
      'flow',
      'topics',
      'groups',
      'logProducers',
      'logBrokers',
      'members',
    ]);
    expect(doc.topics).toEqual(r.topics);
    expect(doc.groups).toEqual(r.groups);
    expect(doc.logProducers).toEqual(r.logProducers);
    expect(doc.logBrokers).toEqual([true, true, true]);
    expect(doc.members).toEqual(r.members);
    expect(doc.consumers).toEqual({});
    const g = doc.groups.billing!;
    expect(g.members).toEqual(['billing-1', 'billing-2']);
    // The member that crashed between its effect and its commit processed something twice.
    expect(g.ledger.duplicated).toBeGreaterThan(0);
    expect(g.rebalances).toBeGreaterThan(0);
    // The table's group row shows the same numbers.
    expect(rowOf(out, 'billing')!.trim().split(/\s+/).slice(2, 10).map(Number)).toEqual([
      g.members.length,
      g.rebalances,
      g.totalLag,
      g.processed,
      g.ledger.exactlyOnce,
      g.ledger.duplicated,
      g.ledger.lost,
      g.commitFailed,
    ]);
  });

  it('names the log brokers that are down when the run stops', () => {
    const short = runOk([FIXTURE, '--duration', '4s']);
    expect(short).toMatch(/^log brokers down at the end: 0 of 3$/m);
    expect(out).not.toMatch(/^log brokers down/m);
  });

  it('leaves the log tables out of a scenario without topics', () => {
    const plain = runOk(['mm1', '--duration', '2s']);
    for (const first of ['log producer', 'topic', 'group', 'partitions of', 'Topics:'])
      expect(plain).not.toMatch(new RegExp(`^${first}\\s`, 'm'));
  });
});
