/**
 * One store per simulation. The engine's mutable SimState and the run's input timeline live in
 * this closure, outside React state: the engine changes them in place hundreds of times a second.
 * React sees only a published summary (the SimView), refreshed at most ~10 times a second while
 * playing and at once after pause, step, reset or load. Renderers get every animation frame
 * through subscribeFrame, bypassing React entirely.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  advance,
  createSim,
  finished,
  report,
  type CreateOptions,
  type RunReport,
  type Scenario,
  type SimState,
  type TimedInput,
} from '../engine';
import { createClock, type Clock } from './clock';
import { createFlightLog } from './flights';
import type { Frame, FrameListener } from './frame';
import { clampSpeed } from './speed';

/** Minimum wall time between two summaries published while playing (≈10 per second). */
export const PUBLISH_INTERVAL_MS = 100;

export interface SimActions {
  play(): void;
  pause(): void;
  toggle(): void;
  /** Advance exactly one tick (pausing first if playing). */
  stepTick(): void;
  setSpeed(speed: number): void;
  /** Back to tick 0 of the same scenario, seed and inputs; paused. */
  reset(): void;
  loadScenario(scenario: Scenario, options?: CreateOptions): void;
}

/** What React may read, through narrow selectors. */
export interface SimView {
  scenario: Scenario;
  tick: number;
  endTick: number;
  simMs: number;
  tickMs: number;
  playing: boolean;
  finished: boolean;
  speed: number;
  report: RunReport;
  actions: SimActions;
}

export interface SimStoreOptions extends CreateOptions {
  /** Initial playback speed (clamped to 0.1–100). */
  speed?: number;
  /** Document whose visibility pauses the clock; defaults to the global one in a browser. */
  doc?: Document;
}

export type SimStore = StoreApi<SimView> & {
  /** The live engine state. Read-only for callers; replaced on reset and load. */
  sim(): Readonly<SimState>;
  timeline(): readonly TimedInput[];
  /** The frame as it stands now (for a renderer that has just mounted). */
  frame(): Frame;
  /** Called on every animation frame while playing, and after every other change. */
  subscribeFrame(listener: FrameListener): () => void;
  destroy(): void;
};

export function createSimStore(initial: Scenario, options: SimStoreOptions = {}): SimStore {
  const { speed: initialSpeed, doc, ...createOptions } = options;
  let scenario = initial;
  let simOptions: CreateOptions = createOptions;
  let sim = createSim(scenario, simOptions);
  // Inputs the user adds will be appended here (sorted by tick); empty until controls exist.
  const timeline: TimedInput[] = [];
  const flights = createFlightLog();
  const frameListeners = new Set<FrameListener>();
  let lastPublishMs = -Infinity;

  const clock: Clock = createClock(
    {
      tick: () => sim.tick,
      tickMs: () => sim.tickUs / 1000,
      finished: () => finished(sim),
      advance: (n) => advance(sim, n, timeline, flights),
      frame: () => {
        emitFrame();
        if (performance.now() - lastPublishMs >= PUBLISH_INTERVAL_MS) publish();
      },
      ended: () => publish(),
    },
    initialSpeed ?? 1,
    { doc: doc ?? (typeof document === 'undefined' ? undefined : document) },
  );

  function currentFrame(): Frame {
    flights.prune(sim.nowUs);
    return { sim, scenario, displayUs: clock.displayTick() * sim.tickUs, flights: flights.list };
  }

  function emitFrame() {
    if (frameListeners.size === 0) return;
    const f = currentFrame();
    for (const listener of frameListeners) listener(f);
  }

  function summary(): Omit<SimView, 'actions'> {
    return {
      scenario,
      tick: sim.tick,
      endTick: sim.endTick,
      simMs: sim.nowUs / 1000,
      tickMs: sim.tickUs / 1000,
      playing: clock.playing(),
      finished: finished(sim),
      speed: clock.speed(),
      report: report(sim),
    };
  }

  function publish() {
    lastPublishMs = performance.now();
    store.setState(summary());
  }

  /** After the engine state changed outside the clock: redraw and tell React at once. */
  function settle() {
    clock.sync();
    emitFrame();
    publish();
  }

  function replaceSim(next: Scenario, opts: CreateOptions) {
    clock.stop();
    scenario = next;
    simOptions = opts;
    sim = createSim(scenario, simOptions);
    flights.clear();
    settle();
  }

  const actions: SimActions = {
    play() {
      clock.start();
      publish();
    },
    pause() {
      clock.stop();
      settle();
    },
    toggle() {
      if (clock.playing()) actions.pause();
      else actions.play();
    },
    stepTick() {
      clock.stop();
      advance(sim, 1, timeline, flights);
      settle();
    },
    setSpeed(next: number) {
      clock.setSpeed(clampSpeed(next));
      publish();
    },
    reset() {
      replaceSim(scenario, simOptions);
    },
    loadScenario(next: Scenario, opts: CreateOptions = {}) {
      replaceSim(next, opts);
    },
  };

  const store = createStore<SimView>()(() => ({ ...summary(), actions }));

  return Object.assign(store, {
    sim: () => sim,
    timeline: () => timeline,
    frame: currentFrame,
    subscribeFrame(listener: FrameListener) {
      frameListeners.add(listener);
      return () => {
        frameListeners.delete(listener);
      };
    },
    destroy() {
      clock.destroy();
      frameListeners.clear();
    },
  });
}
