/**
 * Two simulation stores on one clock, with one seed: the compare view's model. Each store is an
 * ordinary one (its panels, charts and canvas work unchanged) created with a view of the shared
 * clock (pairClock.ts); the pair's actions act on both, and its small summary store says where
 * the pair is (the lower tick, the longer run's end, playing or not) for the one control bar.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../engine';
import { createSimStore, type PlaybackActions, type SimStore, type SimView } from '../store';
import { createPairClock, type PairClock } from './pairClock';
import { PANES, type Pane } from './tableRows';

export interface PairView {
  ticks: Record<Pane, number>;
  /** The lower of the two ticks (they differ only while a seek computes, or after one ends). */
  tick: number;
  endTick: number;
  tickMs: number;
  /** The lower tick's simulated time, in the finer tick. */
  simMs: number;
  /** Whether the two runs' ticks are of different lengths (then a tick is not the same time). */
  tickMsDiffer: boolean;
  playing: boolean;
  finished: boolean;
  computing: boolean;
  speed: number;
  seed: number;
}

export interface ComparePair {
  stores: Record<Pane, SimStore>;
  view: StoreApi<PairView>;
  /** A run's playback actions, each on both runs; stepToNextEvent steps one tick (each run has
   * its own next event, the pair none). */
  actions: PlaybackActions;
  clock: PairClock;
  /** The pair's tick now (playback.ts: the one control bar drives the pair like one run). */
  tick(): number;
  /** Calls `draw` with the shared clock's tick on every frame of either run. */
  onFrame(draw: (tick: number, endTick: number) => void): () => void;
  /** Put another scenario on one side; both go back to tick 0, paused. */
  setSide(pane: Pane, scenario: Scenario): void;
  destroy(): void;
}

export interface PairOptions {
  seed: number;
  speed?: number;
  doc?: Document;
}

function summarise(l: SimView, r: SimView, seed: number): PairView {
  const ticks = { left: l.tick, right: r.tick };
  const going = [l, r].filter((s) => !s.finished);
  const tick = going.length > 0 ? Math.min(...going.map((s) => s.tick)) : Math.max(l.tick, r.tick);
  const tickMs = Math.min(l.tickMs, r.tickMs);
  return {
    ticks,
    tick,
    endTick: Math.max(l.endTick, r.endTick),
    tickMs,
    simMs: tick * tickMs,
    tickMsDiffer: l.tickMs !== r.tickMs,
    playing: l.playing || r.playing,
    finished: l.finished && r.finished,
    computing: l.computing !== null || r.computing !== null,
    speed: l.speed,
    seed,
  };
}

const same = (a: PairView, b: PairView) =>
  (Object.keys(a) as (keyof PairView)[]).every((k) =>
    k === 'ticks'
      ? a.ticks.left === b.ticks.left && a.ticks.right === b.ticks.right
      : a[k] === b[k],
  );

export function createComparePair(
  scenarios: Record<Pane, Scenario>,
  options: PairOptions,
): ComparePair {
  const clock = createPairClock(options.doc);
  let seed = options.seed;
  const make = (pane: Pane) =>
    createSimStore(scenarios[pane], { seed, speed: options.speed ?? 1, clock: clock.attach });
  const stores: Record<Pane, SimStore> = { left: make('left'), right: make('right') };
  const both = (f: (s: SimStore) => void) => PANES.forEach((p) => f(stores[p]));
  const act = (f: (a: SimView['actions']) => void) => both((s) => f(s.getState().actions));

  const now = () => summarise(stores.left.getState(), stores.right.getState(), seed);
  const view = createStore<PairView>()(() => now());
  const refresh = () => {
    const next = now();
    if (!same(next, view.getState())) view.setState(next, true);
  };
  const unsubs = PANES.map((p) => stores[p].subscribe(refresh));

  const seek = (tick: number) => act((a) => a.seek(tick));
  const actions: PlaybackActions = {
    play: () => act((a) => a.play()),
    playUntil: (tick) => act((a) => a.playUntil(tick)),
    pause: () => act((a) => a.pause()),
    toggle: () => (view.getState().playing ? actions.pause() : actions.play()),
    stepTick() {
      // From the lower tick, so a pair that drifted apart (one seek faster) steps together.
      const { ticks, tick } = view.getState();
      if (ticks.left !== ticks.right) seek(tick + 1);
      else act((a) => a.stepTick());
    },
    stepBack() {
      const { tick } = view.getState();
      if (tick > 0) seek(tick - 1);
    },
    stepToNextEvent: () => actions.stepTick(),
    seek,
    beginScrub: () => act((a) => a.beginScrub()),
    endScrub: () => act((a) => a.endScrub()),
    setSpeed: (s) => act((a) => a.setSpeed(s)),
    reset: () => act((a) => a.reset()),
    setSeed(next) {
      seed = next;
      act((a) => a.setSeed(next));
      refresh();
    },
  };

  return {
    stores,
    view,
    actions,
    clock,
    tick: () => view.getState().tick,
    onFrame(draw) {
      const move = () => draw(clock.shared().displayTick(), view.getState().endTick);
      const offs = PANES.map((p) => stores[p].subscribeFrame(move));
      move();
      return () => offs.forEach((off) => off());
    },
    setSide(pane, scenario) {
      actions.pause();
      stores[pane].getState().actions.loadScenario(scenario, { seed });
      const other = pane === 'left' ? 'right' : 'left';
      stores[other].getState().actions.reset();
      refresh();
    },
    destroy() {
      unsubs.forEach((u) => u());
      both((s) => s.destroy());
      clock.destroy();
    },
  };
}
