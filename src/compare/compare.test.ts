import { describe, expect, it } from 'vitest';
import { createSim, report, advance, validateScenario, type Scenario } from '../engine';
import { loadPreset } from '../scenarios';
import { presetCatalog } from '../scenarios/catalog';
import { SPEED_FASTEST } from '../store';
import { endToEndLatency } from '../store/engineAccess';
import { parsePairLink, withPairLink } from './compareLink';
import { createComparePair } from './comparePair';
import { compositeTarget } from './compositeTarget';
import { quickPairs } from './quickPairs';
import { tableRows, type SideNumbers } from './tableRows';
import { applyVariant, variantApplies, withGuaranteeEverywhere, withJitter } from './variants';

const valid = (s: Scenario): Scenario => {
  const r = validateScenario(s);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
};

/** A run of a scenario to a tick, measured as the table measures it. */
function numbersAt(scenario: Scenario, seed: number, tick: number): SideNumbers {
  const st = createSim(scenario, { seed });
  advance(st, tick, []);
  return { report: report(st), latency: endToEndLatency(st) };
}

describe('variants', () => {
  it('puts the guarantee on every consumer and drops settings that contradict it', () => {
    const base = loadPreset('idempotent-consumer');
    const alo = valid(withGuaranteeEverywhere(base, 'at-least-once'));
    const eo = valid(withGuaranteeEverywhere(base, 'exactly-once'));
    for (const s of [alo, eo])
      for (const n of s.nodes.filter((x) => x.kind === 'consumer')) {
        expect(n.ackMode).toBeUndefined();
        expect(n.guarantee).toBeDefined();
      }
    expect(alo.nodes.some((n) => n.kind === 'consumer' && n.idempotent)).toBe(false);
    expect(alo.name).toContain('at-least-once');
    // The workload is untouched.
    expect(alo.nodes.filter((n) => n.kind !== 'consumer')).toEqual(
      base.nodes.filter((n) => n.kind !== 'consumer'),
    );
  });

  it('at-least-once duplicates where exactly-once does not, on the same seed (P2)', () => {
    const base = loadPreset('sqs-visibility');
    const ticks = createSim(base).endTick;
    const dup = (s: Scenario) => numbersAt(valid(s), 5, ticks).report.totals.duplicateEffects;
    expect(dup(applyVariant(base, 'at-least-once'))).toBeGreaterThan(0);
    expect(dup(applyVariant(base, 'exactly-once'))).toBe(0);
  });

  it('turns retry jitter off and on, keeping base, cap and attempts', () => {
    const base = loadPreset('retry-backoff-dlq');
    const off = valid(withJitter(base, false));
    const on = valid(withJitter(off, true));
    const retryOf = (s: Scenario) => s.nodes.find((n) => n.kind === 'consumer')!;
    const b = retryOf(base);
    const o = retryOf(off);
    if (b.kind !== 'consumer' || o.kind !== 'consumer') throw new Error('no consumer');
    expect(o.retry?.policy).toBe('exponential');
    expect({ ...o.retry, policy: b.retry?.policy }).toEqual(b.retry);
    const n = retryOf(on);
    expect(n.kind === 'consumer' && n.retry?.policy).toBe('full-jitter');
    expect(variantApplies(base, 'no-jitter')).toBe(true);
    expect(variantApplies(loadPreset('competing-consumers'), 'jitter')).toBe(false);
  });
});

describe('table rows', () => {
  it('reads the generic rows from both reports and marks the better side', () => {
    const base = loadPreset('sqs-visibility');
    const ticks = createSim(base).endTick;
    const left = numbersAt(valid(applyVariant(base, 'at-least-once')), 5, ticks);
    const right = numbersAt(valid(applyVariant(base, 'exactly-once')), 5, ticks);
    const rows = tableRows({ left, right });
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('published').values).toEqual({
      left: left.report.totals.published,
      right: right.report.totals.published,
    });
    // The same seed: the same arrivals on both sides.
    expect(row('published').values.left).toBe(row('published').values.right);
    expect(row('duplicated').values.left).toBe(left.report.totals.duplicateEffects);
    expect(row('duplicated').values.left).toBeGreaterThan(0);
    expect(row('duplicated').values.right).toBe(0);
    expect(row('duplicated').best).toBe('right');
    expect(row('inFlight').source.right).toEqual({ chart: 'inFlight', series: 'inflight' });
    expect(row('published').best).toBeNull();
  });

  it('reads latency and the deepest queue, each linked to its chart and series', () => {
    const base = loadPreset('retry-backoff-dlq');
    const left = numbersAt(valid(applyVariant(base, 'jitter')), 4, 3000);
    const right = numbersAt(valid(applyVariant(base, 'no-jitter')), 4, 3000);
    const rows = tableRows({ left, right });
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(left.latency?.count).toBeGreaterThan(0);
    expect(row('p99').values).toEqual({ left: left.latency?.p99, right: right.latency?.p99 });
    expect(row('p99').source.left).toEqual({ chart: 'latency', series: 'p99' });
    const depth = Math.max(...Object.values(right.report.queues).map((q) => q.depthMax));
    expect(row('depthMax').values.right).toBe(depth);
    expect(row('depthMax').source.right).toMatchObject({ chart: 'depth' });
    expect(row('lag').values.left).toBeNull();
    expect(row('lag').source.left).toBeNull();
  });

  it('uses the order table for two designs with services', () => {
    const sync = loadPreset('compare-blocking-sync');
    const asyn = loadPreset('compare-blocking-async');
    const rows = tableRows({ left: numbersAt(sync, 7, 2000), right: numbersAt(asyn, 7, 2000) });
    const placed = rows.find((r) => r.label === 'Orders placed')!;
    expect(placed.values.left).toBe(placed.values.right);
    expect(placed.values.left).toBeGreaterThan(0);
    expect(placed.source.left).toEqual({ panel: 'flow' });
    const p99 = rows.find((r) => r.label === 'Client latency, p99')!;
    expect(p99.best).toBe(
      (p99.values.left as number) < (p99.values.right as number) ? 'left' : 'right',
    );
  });
});

describe('the shared target', () => {
  it('keeps two stores at one tick, and lets the longer run play on alone', () => {
    const short = { ...loadPreset('competing-consumers'), durationMs: 2000 };
    const long = loadPreset('retry-backoff-dlq');
    const pair = createComparePair({ left: valid(short), right: long }, { seed: 3 });
    const t = pair.clock.target;
    const ticks = () => [pair.stores.left.sim().tick, pair.stores.right.sim().tick];
    expect(t.advance(37)).toBe(37);
    expect(ticks()).toEqual([37, 37]);
    // A run that fell behind (its seek stopped early) catches up before the pair moves on.
    pair.stores.left.getState().actions.seek(10);
    expect(t.tick()).toBe(10);
    t.advance(27);
    expect(ticks()).toEqual([37, 37]);
    t.advance(1);
    expect(ticks()).toEqual([38, 38]);
    const endLeft = pair.stores.left.sim().endTick;
    t.advance(endLeft + 50 - 38);
    expect(ticks()).toEqual([endLeft, endLeft + 50]);
    expect(t.tick()).toBe(endLeft + 50);
    expect(t.finished()).toBe(false);
    pair.destroy();
  });

  it('plays both runs to one stop tick and stops there (a lesson step pauses the pair)', async () => {
    const sync = loadPreset('compare-blocking-sync');
    const asyn = loadPreset('compare-blocking-async');
    const pair = createComparePair({ left: sync, right: asyn }, { seed: 5 });
    pair.actions.setSpeed(SPEED_FASTEST);
    pair.actions.playUntil(300);
    expect(pair.view.getState().playing).toBe(true);
    const deadline = Date.now() + 10_000;
    while (pair.view.getState().playing && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(pair.view.getState().playing).toBe(false);
    expect([pair.stores.left.sim().tick, pair.stores.right.sim().tick]).toEqual([300, 300]);
    expect(report(pair.stores.right.sim())).toEqual(numbersAt(asyn, 5, 300).report);
    pair.destroy();
  });

  it('gives both runs the pair seed, and the numbers of a run alone', () => {
    const sync = loadPreset('compare-blocking-sync');
    const asyn = loadPreset('compare-blocking-async');
    const pair = createComparePair({ left: sync, right: asyn }, { seed: 11 });
    pair.clock.target.advance(400);
    expect(pair.stores.left.sim().seed).toBe(11);
    expect(pair.stores.right.sim().seed).toBe(11);
    expect(pair.stores.right.getState().actions).toBeDefined();
    expect(report(pair.stores.right.sim())).toEqual(numbersAt(asyn, 11, 400).report);
    pair.actions.setSeed(12);
    expect(pair.view.getState().seed).toBe(12);
    expect(pair.stores.left.sim().seed).toBe(12);
    pair.destroy();
  });

  it('is driven like one run: its tick and time, and a frame drawn for either run', () => {
    const pair = createComparePair(
      { left: loadPreset('compare-blocking-sync'), right: loadPreset('compare-blocking-async') },
      { seed: 5 },
    );
    const draws: [number, number][] = [];
    const off = pair.onFrame((tick, end) => draws.push([tick, end]));
    const end = pair.view.getState().endTick;
    expect(draws).toEqual([[0, end]]);
    pair.actions.seek(25);
    expect(pair.tick()).toBe(25);
    expect(pair.view.getState().simMs).toBe(25 * pair.view.getState().tickMs);
    const seen = draws.length;
    expect(seen).toBeGreaterThan(1);
    pair.stores.right.getState().actions.seek(20);
    expect(draws.length).toBeGreaterThan(seen);
    expect(pair.tick()).toBe(20);
    off();
    const after = draws.length;
    pair.actions.seek(30);
    expect(draws.length).toBe(after);
    pair.destroy();
  });

  it('a composite of nothing is at tick 0 and finished', () => {
    const t = compositeTarget(() => []);
    expect(t.tick()).toBe(0);
    expect(t.finished()).toBe(true);
  });
});

describe('links and quick pairs', () => {
  const ids = presetCatalog().entries.map((e) => e.id);

  it('reads and writes the compare keys, keeping other keys', () => {
    const parsed = parsePairLink(
      '#lesson=2&compare=retry-backoff-dlq:jitter~retry-backoff-dlq:no-jitter&cseed=9',
      ids,
    );
    expect(parsed).toEqual({
      ok: true,
      pair: {
        left: { kind: 'preset', id: 'retry-backoff-dlq', variant: 'jitter' },
        right: { kind: 'preset', id: 'retry-backoff-dlq', variant: 'no-jitter' },
        seed: 9,
      },
    });
    if (!parsed?.ok) throw new Error('refused');
    expect(withPairLink('#lesson=2&compare=x~y', parsed.pair)).toBe(
      'lesson=2&compare=retry-backoff-dlq:jitter~retry-backoff-dlq:no-jitter&cseed=9',
    );
    expect(withPairLink('#lesson=2&compare=x~y&cseed=1', null)).toBe('lesson=2');
    expect(parsePairLink('#preset=mm1', ids)).toBeNull();
  });

  it('refuses a bad pair with a message naming what is wrong', () => {
    const bad = (h: string) => {
      const r = parsePairLink(h, ids);
      return r && !r.ok ? r.errors.join(' | ') : 'accepted';
    };
    expect(bad('#compare=mm1')).toMatch(/two sides/);
    expect(bad('#compare=mm1~nope')).toMatch(/right.*no preset "nope"/);
    expect(bad('#compare=mm1:fast~mm1')).toMatch(/"fast" is not a variant/);
    expect(bad('#compare=__proto__~mm1')).toMatch(/left.*not a side/);
    expect(bad('#compare=mm1~mm1&cseed=-4')).toMatch(/cseed/);
  });

  it('offers each sync-vs-async comparison, guarantees and jitter, all loadable', () => {
    const pairs = quickPairs(presetCatalog().entries);
    expect(pairs.filter((p) => p.id.startsWith('compare-')).length).toBe(8);
    expect(pairs.some((p) => p.id === 'retry-backoff-dlq-jitter')).toBe(true);
    for (const p of pairs)
      for (const side of [p.left, p.right]) {
        if (side.kind !== 'preset') continue;
        const s = loadPreset(side.id);
        if (side.variant) {
          expect(variantApplies(s, side.variant), `${p.id} ${side.variant}`).toBe(true);
          valid(applyVariant(s, side.variant));
        }
      }
  });
});
