/**
 * Helpers for the preset tests: run a preset headless to its end (optionally with a shorter
 * duration, optionally collecting every event), check the invariants, and small filters and
 * formulas the claims need. Every run is deterministic: same preset and seed, same numbers.
 */
import { expect } from 'vitest';
import {
  advance,
  checkInvariants,
  createSim,
  report,
  type CreateOptions,
  type RunReport,
  type Scenario,
  type SimEvent,
  type SimState,
} from '../../src/engine';
import { loadPreset } from '../../src/scenarios';

export interface PresetRun {
  sc: Scenario;
  st: SimState;
  rep: RunReport;
  events: SimEvent[];
  /** Reports taken on the way, keyed by tick (see `at`). */
  mid: Map<number, RunReport>;
  /** checkInvariants at the end of the run. */
  violations: string[];
}

export interface RunOptions extends CreateOptions {
  /** false: run without an event sink (the long queueing presets). */
  events?: boolean;
  /** Ticks at which a report is taken on the way. */
  at?: number[];
  /** A variant of the preset to run instead of the preset itself. */
  scenario?: Scenario;
}

/** Run a preset headless to its end, collecting its events unless told not to. */
export function runPreset(id: string, opts: RunOptions = {}): PresetRun {
  const sc = opts.scenario ?? loadPreset(id);
  const st = createSim(sc, opts);
  const events: SimEvent[] = [];
  const sink = opts.events === false ? undefined : events;
  const mid = new Map<number, RunReport>();
  for (const tick of [...(opts.at ?? [])].sort((a, b) => a - b)) {
    advance(st, tick - st.tick, [], sink);
    mid.set(tick, report(st));
  }
  advance(st, st.endTick - st.tick, [], sink);
  return { sc, st, rep: report(st), events, mid, violations: checkInvariants(st) };
}

/**
 * A preset run made on first use and shared by the tests of a describe block, so that each
 * test reports its own failure (and the run's time counts as test time, not collection time).
 */
export function presetRun(id: string, opts: RunOptions = {}): () => PresetRun {
  let run: PresetRun | undefined;
  return () => (run ??= runPreset(id, opts));
}

/** The run reached the end of the scenario and every invariant holds there. */
export function expectCleanEnd(run: PresetRun): void {
  expect(run.st.tick).toBe(run.st.endTick);
  expect(run.st.nowUs).toBe(run.st.endTick * run.st.tickUs);
  expect(run.violations).toEqual([]);
}

/** The event variant(s) of a type (some variants share one shape for several types). */
type EvOf<E, T> = E extends { type: infer U } ? (T extends U ? E & { type: T } : never) : never;
export type Ev<T extends SimEvent['type']> = EvOf<SimEvent, T>;

export function ofType<T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Ev<T>[] {
  return events.filter((e): e is Ev<T> => e.type === type);
}

/** The tick at which simulated time `ms` starts, for a scenario's tick length. */
export function tickAt(sc: Scenario, ms: number): number {
  return Math.round(ms / (sc.tickMs ?? 10));
}

export const mean = (xs: readonly number[]): number =>
  xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;

/** |got - want| / want below `tol`, with both numbers in the message. */
export function within(got: number, want: number, tol: number, what = ''): void {
  expect(
    Math.abs(got - want) / want,
    `${what} got ${got.toFixed(4)}, want ${want.toFixed(4)} (±${(tol * 100).toFixed(1)} %)`,
  ).toBeLessThan(tol);
}

/** Erlang C: the probability that an arrival waits in M/M/c with offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term = (term * a) / k;
    sum += term;
  }
  const last = ((term * a) / c) * (c / (c - a));
  return last / (sum + last);
}

/** Group values by a key, keeping insertion order. */
export function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Count of values by a key. */
export function countBy<T>(
  xs: readonly T[],
  key: (x: T) => string | number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) {
    const k = String(key(x));
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
