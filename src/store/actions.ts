/**
 * The store's actions over its context: playback, stepping and seeking here; inputs, reset and
 * loading in inputActions.ts. Every action leaves the engine state to the run (advance/restore).
 */
import { nextEventUs, type SimEvent } from '../engine';
import type { Clock } from './clock';
import { messageKey, numberField, tickAfter } from './eventFields';
import { createInputActions } from './inputActions';
import type { Run } from './run';
import type { SeekJob } from './seekJob';
import { clampSpeed } from './speed';
import type { SimActions, SimView } from './view';

export interface StoreContext {
  run(): Run;
  /** Replace the run (load, seed change), stopping the clock and any seek. */
  setRun(next: Run): void;
  clock: Clock;
  job: SeekJob;
  /** Stop a seek still computing, and make the tick it reached a proper view. */
  stopSeek(): void;
  /** Redraw and publish: at once, or throttled while scrubbing. */
  settle(now?: boolean): void;
  setScrubbing(on: boolean): void;
  scrubbing(): boolean;
  setPartial(partial: Partial<SimView>): void;
  get(): SimView;
}

/** Wall time allowed to look for the next event before giving up for this press. */
const NEXT_EVENT_BUDGET_MS = 40;

export function createActions(ctx: StoreContext): SimActions {
  const sim = () => ctx.run().sim();

  /** Stop playing and any seek still computing, keeping the tick reached. */
  const halt = () => {
    ctx.stopSeek();
    ctx.clock.stop();
  };

  const seek = (tick: number) => {
    const s = sim();
    const target = Math.max(0, Math.min(s.endTick, Math.round(tick)));
    ctx.clock.stop();
    ctx.run().prepareSeek(target);
    // The job settles (redraw + publish) when done, at once or after some frames.
    ctx.job.start(target);
  };

  const stepToNextEvent = () => {
    halt();
    const run = ctx.run();
    const before = run.trace.log.count();
    const started = performance.now();
    // Stale heap entries (e.g. an arrival cancelled by a pause) emit nothing: keep going until
    // some event is out, or the budget is spent.
    while (run.trace.log.count() === before && performance.now() - started < NEXT_EVENT_BUDGET_MS) {
      const s = run.sim();
      if (s.tick >= s.endTick) break;
      const atUs = nextEventUs(s);
      let target = atUs < 0 ? s.endTick : tickAfter(atUs, s.tickUs);
      const input = run.timeline().find((e) => e.tick >= s.tick);
      if (input) target = Math.min(target, input.tick + 1);
      if (run.advanceBy(Math.max(1, target - s.tick)) === 0) break;
    }
    ctx.settle();
  };

  const actions: SimActions = {
    play() {
      ctx.stopSeek();
      ctx.clock.start();
      ctx.settle();
    },
    playUntil(tick: number) {
      ctx.stopSeek();
      ctx.clock.start(Math.max(0, Math.min(sim().endTick, Math.round(tick))));
      ctx.settle();
    },
    pause() {
      halt();
      ctx.settle();
    },
    toggle() {
      if (ctx.clock.playing()) actions.pause();
      else actions.play();
    },
    stepTick() {
      halt();
      ctx.run().advanceBy(1);
      ctx.settle();
    },
    stepBack() {
      halt();
      if (sim().tick > 0) seek(sim().tick - 1);
    },
    stepToNextEvent,
    seek,
    beginScrub() {
      halt();
      ctx.setScrubbing(true);
    },
    endScrub() {
      ctx.setScrubbing(false);
      ctx.settle();
    },
    setSpeed(next: number) {
      ctx.clock.setSpeed(clampSpeed(next));
      ctx.settle(false);
      ctx.setPartial({ speed: ctx.clock.speed() });
    },
    selectNode(id) {
      ctx.setPartial({ selectedNode: id });
      ctx.settle();
    },
    selectMessage(sel) {
      ctx.setPartial({ selectedMsg: sel });
      ctx.settle();
    },
    jumpToEvent(e: SimEvent) {
      const key = messageKey(e);
      ctx.setPartial({
        selectedMsg:
          key === null
            ? null
            : {
                msgId: numberField(e, 'msgId') ?? null,
                originId: numberField(e, 'originId') ?? null,
              },
      });
      seek(tickAfter(e.atUs, sim().tickUs));
    },
    dismissNotice() {
      ctx.setPartial({ notice: null });
    },
    ...createInputActions(ctx, { halt, seek }),
  };
  return actions;
}
