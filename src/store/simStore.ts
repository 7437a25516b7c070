/**
 * One store per simulation. The run (engine state, input timeline, checkpoints, trace) lives in
 * this closure, outside React state: the engine changes it in place hundreds of times a second.
 * React sees only a published summary (the SimView), refreshed at most ~10 times a second while
 * playing or scrubbing and at once after every other action. Renderers get every animation
 * frame through subscribeFrame, bypassing React entirely.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { finished, type CreateOptions, type Scenario, type SimEvent } from '../engine';
import type { SimState, TimedInput } from '../engine';
import { createActions, type StoreContext } from './actions';
import { chartData, type ChartData, type ChartKind } from './chartData';
import type { CheckpointStats } from './checkpoints';
import { createClock, type Clock, type ClockTarget } from './clock';
import {
  consumerFailureRate,
  deadLetters,
  serviceFailureRate,
  type DeadLetter,
} from './engineAccess';
import type { Frame, FrameListener } from './frame';
import { exportData, type ExportData } from './exportData';
import { createReplay, type Replay } from './replay';
import { buildJourney, type Journey } from './journey';
import { createOwnTask } from './ownTask';
import { createRun, type Run } from './run';
import { createSeekJob } from './seekJob';
import type { Computing, SimView } from './view';

/** Minimum wall time between two summaries published while playing (≈10 per second). */
export const PUBLISH_INTERVAL_MS = 100;

/** The same while a long seek computes (see the seek job's progress). */
const COMPUTING_PUBLISH_MS = 250;

export interface SimStoreOptions extends CreateOptions {
  /** Initial playback speed (clamped to 0.1–100, or SPEED_FASTEST). */
  speed?: number;
  /** Document whose visibility pauses the clock; defaults to the global one in a browser. */
  doc?: Document;
  /**
   * Make the store's clock from its target instead of giving it one of its own: two stores
   * handed views of one shared clock stay on one timeline (src/compare/pairClock.ts).
   */
  clock?: (target: ClockTarget, initialSpeed: number) => Clock;
}

export type SimStore = StoreApi<SimView> & {
  /** The live engine state. Read-only for callers; replaced on seek, reset and load. */
  sim(): Readonly<SimState>;
  timeline(): readonly TimedInput[];
  /** The frame as it stands now (for a renderer that has just mounted). */
  frame(): Frame;
  /** Called on every animation frame while playing, and after every other change. */
  subscribeFrame(listener: FrameListener): () => void;
  /** The event log at the current tick, oldest first. */
  eventLog(): readonly SimEvent[];
  journey(): Journey | null;
  chart(kind: ChartKind): ChartData;
  /** The dead letters waiting in a queue now (read-only, from the engine state). */
  deadLetters(queueId: string, max: number): { total: number; items: DeadLetter[] };
  /** A consumer's or a service's current failure probability (not in the report). */
  failureRate(nodeId: string): number | undefined;
  checkpointStats(): CheckpointStats;
  /** The run as plain data at this moment, for the export menu (src/export). */
  exportData(): ExportData;
  /** A fresh engine run of that data from tick 0 (the export's trace replays through it). */
  replay(data: ExportData): Replay;
  destroy(): void;
};

export function createSimStore(initial: Scenario, options: SimStoreOptions = {}): SimStore {
  const { speed: initialSpeed, doc, clock: makeClock, ...createOptions } = options;
  let run: Run = createRun(initial, createOptions);
  const frameListeners = new Set<FrameListener>();
  let lastPublishMs = Number.NEGATIVE_INFINITY;
  let logVersion = 0;
  let logKey = '';
  let computing: Computing | null = null;
  let scrubbing = false;
  // A checkpoint the clock or a seek stopped at is taken in a task of its own (see Run).
  const captureSoon = createOwnTask(() => run.captureCheckpoint());
  const afterSlice = () => {
    if (run.ticksToCheckpoint() === 0) captureSoon.post();
  };

  const target: ClockTarget = {
    tick: () => run.sim().tick,
    tickMs: () => run.sim().tickUs / 1000,
    finished: () => finished(run.sim()),
    advance: (n) => run.advanceBy(n),
    ticksToCostly: () => run.ticksToCheckpoint(),
    frame: (_tick, draw = true) => {
      if (draw) {
        emitFrame();
        publishThrottled();
      }
      afterSlice();
    },
    ended: () => publish(),
  };
  const clock: Clock = makeClock
    ? makeClock(target, initialSpeed ?? 1)
    : createClock(target, initialSpeed ?? 1, {
        doc: doc ?? (typeof document === 'undefined' ? undefined : document),
      });

  const job = createSeekJob({
    tick: () => run.sim().tick,
    advance: (n) => run.advanceBy(n),
    ticksToCostly: () => run.ticksToCheckpoint(),
    progress(done) {
      afterSlice();
      const target = job.target();
      computing = done || target === null ? null : { fromTick: run.sim().tick, targetTick: target };
      if (done) return settle(!scrubbing);
      // The first progress report is published at once, so the page says it is computing; then
      // the view and the panels follow a few times a second (each update of every panel costs
      // the seek's own work ~10 ms, and the ticks passed on the way are not the ones asked for).
      const first = store.getState().computing === null;
      if (first || performance.now() - lastPublishMs >= COMPUTING_PUBLISH_MS) {
        emitFrame();
        publish();
      }
    },
  });

  function currentFrame(): Frame {
    const sim = run.sim();
    const { selectedNode, selectedMsg } = store.getState();
    return {
      sim,
      report: run.report(),
      scenario: run.scenario,
      displayUs: Math.max(sim.nowUs, clock.displayTick() * sim.tickUs),
      flights: run.trace.flights.active(sim.nowUs),
      fades: run.trace.fades(sim.nowUs),
      selectedNode,
      selectedMsg,
    };
  }

  function emitFrame() {
    if (frameListeners.size === 0) return;
    const f = currentFrame();
    for (const listener of frameListeners) listener(f);
  }

  function summary(): Omit<SimView, 'actions' | 'notice' | 'selectedNode' | 'selectedMsg'> {
    const sim = run.sim();
    const key = `${sim.tick}:${run.trace.log.count()}`;
    if (key !== logKey) {
      logKey = key;
      logVersion++;
    }
    return {
      scenario: run.scenario,
      seed: sim.seed,
      tick: sim.tick,
      endTick: sim.endTick,
      simMs: sim.nowUs / 1000,
      tickMs: sim.tickUs / 1000,
      playing: clock.playing(),
      finished: finished(sim),
      speed: clock.speed(),
      report: run.report(),
      timeline: run.timeline(),
      horizonTick: run.horizonTick(),
      computing,
      logVersion,
    };
  }

  function publish() {
    lastPublishMs = performance.now();
    store.setState(summary());
  }

  function publishThrottled() {
    if (performance.now() - lastPublishMs >= PUBLISH_INTERVAL_MS) publish();
  }

  /** After the engine state changed outside the clock: redraw, and tell React (now or soon). */
  function settle(now = true) {
    clock.sync();
    emitFrame();
    if (now) publish();
    else publishThrottled();
  }

  const ctx: StoreContext = {
    run: () => run,
    setRun(next) {
      job.cancel();
      computing = null;
      clock.stop();
      run = next;
    },
    clock,
    job,
    stopSeek() {
      if (job.target() === null) return;
      job.cancel();
      computing = null;
      run.settleHere();
    },
    settle,
    setScrubbing(on) {
      scrubbing = on;
    },
    scrubbing: () => scrubbing,
    setPartial: (partial) => store.setState(partial),
    get: () => store.getState(),
  };

  const store = createStore<SimView>()(() => ({
    ...summary(),
    notice: null,
    selectedNode: null,
    selectedMsg: null,
    actions: createActions(ctx),
  }));

  return Object.assign(store, {
    sim: () => run.sim(),
    timeline: () => run.timeline(),
    frame: currentFrame,
    subscribeFrame(listener: FrameListener) {
      frameListeners.add(listener);
      return () => {
        frameListeners.delete(listener);
      };
    },
    eventLog: () => run.trace.log.view(run.sim().nowUs),
    journey() {
      const sel = store.getState().selectedMsg;
      return sel ? buildJourney(run.trace.log.view(run.sim().nowUs), sel) : null;
    },
    chart: (kind: ChartKind) => chartData(run, kind),
    deadLetters: (queueId: string, max: number) => deadLetters(run.sim(), queueId, max),
    failureRate: (nodeId: string) =>
      serviceFailureRate(run.sim(), nodeId) ?? consumerFailureRate(run.sim(), nodeId),
    checkpointStats: () => run.checkpoints.stats(),
    exportData: () => exportData(run),
    replay: createReplay,
    destroy() {
      job.cancel();
      clock.destroy();
      captureSoon.close();
      frameListeners.clear();
    },
  });
}
