/**
 * The one animation clock. Wall time × speed gives a target tick; the engine advances whole
 * ticks up to it, and the view is drawn at the fractional tick in between. d3-timer drives it
 * (one requestAnimationFrame loop shared with any other d3 timer on the page).
 *
 * Two safeguards keep the page responsive: the engine work per frame is time-sliced against a
 * budget, and when it cannot keep up the clock drops the backlog instead of trying to catch up
 * (which would make every later frame slower: the spiral of death). The clock also parks while
 * the tab is hidden, so coming back does not replay minutes of missed time in one go.
 */
import { now as frameNow, timer, type Timer } from 'd3-timer';
import { clampSpeed, SPEED_FASTEST } from './speed';
import { createSlicer } from './slicer';
import { FASTEST_DRAW_BUDGET_MS, FASTEST_DRAW_EVERY, FASTEST_ENGINE_BUDGET_MS } from './tuning';

/** What the clock drives: the store implements this over the engine. */
export interface ClockTarget {
  /** Whole ticks completed by the engine. */
  tick(): number;
  /** Simulated milliseconds per tick. */
  tickMs(): number;
  finished(): boolean;
  /** Run up to `n` whole ticks; returns how many ran. */
  advance(n: number): number;
  /**
   * Ticks until a costly step (a checkpoint's capture), 0 when it is due now: the frame's engine
   * work ends there, and the target takes the step in a task of its own (see Slicer).
   */
  ticksToCostly?(): number;
  /**
   * Draw at this fractional tick (between tick() and tick() + 1). `draw` is false on the frames
   * that "as fast as possible" gives wholly to the engine: nothing on screen changes then.
   */
  frame(displayTick: number, draw?: boolean): void;
  /** The run reached its end while playing; the clock has already stopped. */
  ended(): void;
}

export interface ClockOptions {
  /** Engine time allowed per animation frame, ms of wall time. */
  frameBudgetMs?: number;
  /** Source of visibility changes; omit outside a browser. */
  doc?: Document;
}

export interface Clock {
  /** Play; with `stopAtTick`, stop exactly there (never past it) as at the end of the run. */
  start(stopAtTick?: number): void;
  stop(): void;
  /** Has the user asked it to play (even if parked because the tab is hidden)? */
  playing(): boolean;
  setSpeed(speed: number): void;
  speed(): number;
  /** The fractional tick last drawn. */
  displayTick(): number;
  /** Forget the fractional part: call after the engine state was replaced or stepped. */
  sync(): void;
  destroy(): void;
}

export function createClock(
  target: ClockTarget,
  initialSpeed = 1,
  options: ClockOptions = {},
): Clock {
  const budgetMs = options.frameBudgetMs ?? 8;
  const slicer = createSlicer();
  /** Frames played at "as fast as possible" since it was chosen (which ones draw). */
  let fastestFrames = 0;
  const doc = options.doc;
  let speed = clampSpeed(initialSpeed);
  let wanted = false;
  let t: Timer | null = null;
  // Target tick = anchorTick + (wall − anchorWall) × speed / tickMs.
  let anchorWall = 0;
  let anchorTick = 0;
  let display = target.tick();
  /** Where a bounded play stops (a lesson step's pause), or null. */
  let stopAt: number | null = null;

  const rebase = (tick: number) => {
    anchorWall = frameNow();
    anchorTick = tick;
  };

  const park = () => {
    t?.stop();
    t = null;
  };

  const run = () => {
    if (t || !wanted || doc?.hidden) return;
    rebase(display);
    t = timer(onFrame);
  };

  function onFrame() {
    const fastest = speed === SPEED_FASTEST;
    // "As fast as possible" has no target: it runs whole slices until its frame budget is spent.
    const goal = fastest
      ? Number.POSITIVE_INFINITY
      : anchorTick + ((frameNow() - anchorWall) * speed) / target.tickMs();
    // At "as fast as possible" the picture is drawn on every FASTEST_DRAW_EVERY-th frame and the
    // frames in between are the engine's alone: drawing 7,500 moving messages and the browser's
    // rendering of it take most of a frame, so drawing every frame would leave the engine little.
    const draws = !fastest || fastestFrames++ % FASTEST_DRAW_EVERY === 0;
    const frameBudgetMs = !fastest
      ? budgetMs
      : draws
        ? FASTEST_DRAW_BUDGET_MS
        : FASTEST_ENGINE_BUDGET_MS;
    const unbounded = fastest ? Number.MAX_SAFE_INTEGER : Math.floor(goal) - target.tick();
    const due = stopAt === null ? unbounded : Math.min(unbounded, stopAt - target.tick());
    const ran = slicer.run(Math.max(0, due), frameBudgetMs, target.advance, target.ticksToCostly);
    const behind = due - ran;
    if (target.finished() || (stopAt !== null && target.tick() >= stopAt)) {
      stopAt = null;
      wanted = false;
      park();
      display = target.tick();
      target.frame(display);
      target.ended();
      return;
    }
    if (behind > 0) {
      // Too slow for this speed: drop the backlog rather than spiral.
      display = target.tick();
      rebase(display);
    } else {
      display = Math.max(goal, target.tick());
    }
    target.frame(display, draws);
  }

  const onVisibility = () => {
    if (doc?.hidden) park();
    else run();
  };
  doc?.addEventListener('visibilitychange', onVisibility);

  return {
    start(stopAtTick) {
      stopAt = stopAtTick ?? null;
      if (target.finished() || (stopAt !== null && target.tick() >= stopAt)) return;
      wanted = true;
      display = target.tick();
      run();
    },
    stop() {
      stopAt = null;
      wanted = false;
      park();
      display = target.tick();
    },
    playing: () => wanted,
    setSpeed(next: number) {
      speed = clampSpeed(next);
      fastestFrames = 0;
      // Continue from what is on screen, so changing speed never jumps.
      rebase(display);
    },
    speed: () => speed,
    displayTick: () => display,
    sync() {
      display = target.tick();
      rebase(display);
    },
    destroy() {
      wanted = false;
      park();
      doc?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
