/**
 * One run: scenario + seed + input timeline, its live engine state, the trace derived from the
 * engine's events, and the checkpoint cache. Every way of moving through time goes through
 * `advanceBy` (forward) and `prepareSeek` (jump), so the view at a tick is the same whichever
 * way it was reached:
 *
 * - the engine state is exact (deterministic replay from an exact snapshot);
 * - the log, flights and fades are defined as functions of the events before the tick, and a
 *   seek restores a checkpoint far enough back to rebuild them (pickStart);
 * - the chart buckets are closed at fixed ticks, and checkpoints carry the open one.
 *
 * Engine state is only changed by the engine's own advance and restore.
 */
import { advance, createSim, report, type CreateOptions, type RunReport } from '../engine';
import type { Scenario, SimState, TimedInput } from '../engine';
import { createBuckets, type Buckets } from './buckets';
import { createCheckpoints, restoreCheckpoint, type Checkpoint } from './checkpoints';
import type { Checkpoints } from './checkpoints';
import { linkLatencyUs } from './engineAccess';
import type { LatencyHistogram } from './latencyHistogram';
import { createTrace, type Trace } from './trace';
import { CAPTURE_COSTLY_MS, FADE_US, LOG_MAX_EVENTS, LOG_WINDOW_US } from './tuning';

export interface Run {
  readonly scenario: Scenario;
  readonly options: CreateOptions;
  readonly buckets: Buckets;
  readonly trace: Trace;
  readonly checkpoints: Checkpoints;
  sim(): SimState;
  timeline(): readonly TimedInput[];
  setTimeline(next: readonly TimedInput[]): void;
  /** The furthest tick computed on this branch of the run. */
  horizonTick(): number;
  /** The engine state at the horizon while the current tick is behind it, else null. */
  horizonSim(): SimState | null;
  /** Advance up to `n` ticks; returns how many ran. */
  advanceBy(n: number): number;
  /**
   * Ticks until advancing reaches the next checkpoint's tick (Infinity when none is due), or 0
   * when the run is at a checkpoint's tick and its capture is still to be taken.
   */
  ticksToCheckpoint(): number;
  /**
   * Take the checkpoint the run is waiting at, if any. A capture of a large state is the most
   * costly step of playing (~15–30 ms at 7,500 live messages), so once captures cost over
   * CAPTURE_COSTLY_MS the run stops at a checkpoint's tick and the store takes it in a task of
   * its own between frames; advancing takes it first otherwise, so it is never skipped.
   */
  captureCheckpoint(): void;
  /** Make the state one from which advancing reaches `tick` (restoring a checkpoint if needed). */
  prepareSeek(tick: number): void;
  /**
   * A seek stopped before its target (the user pressed play): rebuild the trace for the tick
   * reached, which the seek was not replaying in full detail.
   */
  settleHere(): void;
  /** Discard everything computed after `tick` (the timeline changed there). */
  forkAt(tick: number): void;
  report(): RunReport;
}

const inFlightOf = (r: RunReport): number => {
  const t = r.totals as { inFlight?: number; published?: number; acked?: number };
  return t.inFlight ?? (t.published ?? 0) - (t.acked ?? 0);
};

export function createRun(scenario: Scenario, options: CreateOptions, initial: TimedInput[] = []) {
  let sim = createSim(scenario, options);
  let timeline: readonly TimedInput[] = initial;
  const buckets = createBuckets(sim.tickUs, sim.endTick);
  const trace = createTrace(buckets, () => sim, scenario);
  const checkpoints = createCheckpoints();
  let horizon = 0;
  let horizonState: SimState | null = null;
  // The trace is only complete at ticks ≥ completeFrom; before `lightUntil` events are only
  // counted (see prepareSeek).
  let completeFrom = 0;
  let lightUntil = -1;
  let cachedReport: RunReport | null = null;
  let reportSim: SimState | null = null;
  let reportTick = -1;

  const reportNow = (): RunReport => {
    if (!cachedReport || reportSim !== sim || reportTick !== sim.tick) {
      cachedReport = report(sim);
      reportSim = sim;
      reportTick = sim.tick;
    }
    return cachedReport;
  };

  /** A checkpoint whose store state was noted at its tick and whose engine state is still to be taken. */
  let pending: {
    sim: SimState;
    tick: number;
    eventCount: number;
    partial: LatencyHistogram;
  } | null = null;

  // What the next capture will cost, from the last one's cost scaled by how much the state grew
  // (its pending events and message slots), so the first large capture is foreseen too.
  const sizeOf = (st: SimState) => st.heap.size + st.msgs.length;
  let sizeAtCapture = 1;
  const captureIsCostly = () =>
    checkpoints.stats().lastCostMs * Math.max(1, sizeOf(sim) / sizeAtCapture) > CAPTURE_COSTLY_MS;

  /** Is a capture pending for the state as it is now? A restore or a step since makes it stale. */
  const pendingHere = () => pending !== null && pending.sim === sim && pending.tick === sim.tick;

  const captureCheckpoint = () => {
    const p = pendingHere() ? pending : null;
    pending = null;
    if (p && checkpoints.due(p.tick)) {
      checkpoints.add(sim, p.eventCount, p.partial);
      sizeAtCapture = Math.max(1, sizeOf(sim));
    }
  };

  /** Work done at fixed ticks: chart buckets, then a checkpoint (which carries the open bucket). */
  const atBoundary = () => {
    const t = sim.tick;
    if (t % buckets.ticks === 0) {
      if (t > 0) buckets.close(t);
      buckets.sampleInFlight(t, inFlightOf(reportNow()));
    }
    if (!checkpoints.due(t)) return;
    pending = { sim, tick: t, eventCount: trace.log.count(), partial: buckets.savePartial() };
    // A small state is captured at once; only a costly capture waits for a task of its own.
    if (!captureIsCostly()) captureCheckpoint();
  };
  atBoundary();

  const advanceBy = (n: number): number => {
    const start = sim.tick;
    const target = Math.min(sim.endTick, sim.tick + Math.max(0, Math.floor(n)));
    while (sim.tick < target) {
      captureCheckpoint();
      const stride = checkpoints.stats().strideTicks;
      const nextBucket = (Math.floor(sim.tick / buckets.ticks) + 1) * buckets.ticks;
      const nextCheckpoint = (Math.floor(sim.tick / stride) + 1) * stride;
      const light = sim.tick < lightUntil;
      let stop = Math.min(target, nextBucket, nextCheckpoint);
      if (light) stop = Math.min(stop, lightUntil);
      const ran = advance(sim, stop - sim.tick, timeline, light ? trace.light : trace);
      if (ran === 0) break;
      atBoundary();
      if (sim.tick > horizon) {
        horizon = sim.tick;
        horizonState = null;
      }
    }
    return sim.tick - start;
  };

  /** Ticks before `tick` whose events the log may show, and flights and fades need. */
  const windowTicks = () => Math.ceil(LOG_WINDOW_US / sim.tickUs);
  const minLookbackTicks = () => Math.ceil(Math.max(linkLatencyUs(sim), FADE_US) / sim.tickUs) + 1;

  /**
   * The checkpoint to replay from for a seek to `tick`: late enough to be cheap, early enough
   * that the replay rebuilds the whole log view (LOG_WINDOW_US back, or LOG_MAX_EVENTS events,
   * whichever is shorter) and every flight and fade still on screen.
   */
  const pickStart = (tick: number): Checkpoint => {
    const list = checkpoints.list();
    const latest = checkpoints.atOrBefore(tick);
    const minBack = minLookbackTicks();
    for (let i = list.indexOf(latest); i >= 0; i--) {
      const c = list[i]!;
      if (c.tick > tick - minBack) continue;
      if (c.tick <= tick - windowTicks() || latest.eventCount - c.eventCount >= LOG_MAX_EVENTS)
        return c;
    }
    return list[0]!;
  };

  const restoreFrom = (cp: Checkpoint) => {
    sim = restoreCheckpoint(cp);
    trace.reset(cp.eventCount);
    buckets.restorePartial(cp.partial);
  };

  const prepareSeek = (tick: number) => {
    if (tick === sim.tick) return;
    const start = pickStart(tick);
    if (tick < sim.tick || start.tick > sim.tick + checkpoints.stats().strideTicks) {
      if (sim.tick >= horizon) horizonState = sim;
      restoreFrom(start);
    }
    // Only the last stretch before the target needs the full trace; before it, just count.
    const fullFrom = tick - Math.max(windowTicks(), minLookbackTicks());
    lightUntil = sim.tick < fullFrom ? fullFrom : -1;
    if (lightUntil >= 0) trace.reset(trace.log.count());
    completeFrom = tick;
  };

  const run: Run = {
    scenario,
    options,
    buckets,
    trace,
    checkpoints,
    sim: () => sim,
    timeline: () => timeline,
    setTimeline(next) {
      timeline = next;
    },
    horizonTick: () => horizon,
    horizonSim: () => horizonState,
    advanceBy,
    ticksToCheckpoint() {
      if (pendingHere()) return 0;
      if (!captureIsCostly()) return Number.POSITIVE_INFINITY;
      const stride = checkpoints.stats().strideTicks;
      const next = (Math.floor(sim.tick / stride) + 1) * stride;
      return checkpoints.due(next) ? next - sim.tick : Number.POSITIVE_INFINITY;
    },
    captureCheckpoint,
    prepareSeek,
    settleHere() {
      lightUntil = -1;
      const tick = sim.tick;
      if (tick >= completeFrom) return;
      restoreFrom(pickStart(tick));
      advanceBy(tick - sim.tick);
      completeFrom = tick;
    },
    forkAt(tick) {
      checkpoints.dropAfter(tick);
      buckets.truncate(tick);
      horizon = Math.min(horizon, tick);
      horizonState = null;
      lightUntil = -1;
      if (sim.tick > tick) {
        // Callers seek right after; until then the trace is rebuilt from this checkpoint.
        const cp = checkpoints.atOrBefore(tick);
        restoreFrom(cp);
        completeFrom = cp.tick === 0 ? 0 : tick;
      }
    },
    report: reportNow,
  };
  return run;
}
