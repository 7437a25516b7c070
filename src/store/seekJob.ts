/**
 * Seeking as a job: most seeks replay a few hundred ticks from a checkpoint and finish at once,
 * but a seek into the part of the run not computed yet may need seconds of engine work. The job
 * works for SEEK_SYNC_BUDGET_MS straight away, then in slices of SEEK_SLICE_BUDGET_MS per
 * animation frame, so the page stays responsive; a new seek (scrubbing) just retargets it.
 */
import { timer, type Timer } from 'd3-timer';
import { createSlicer } from './slicer';
import { SEEK_SLICE_BUDGET_MS, SEEK_SYNC_BUDGET_MS } from './tuning';

export interface SeekTarget {
  tick(): number;
  /** Run up to `n` ticks toward the target; returns how many ran (0 at the end of the run). */
  advance(n: number): number;
  /** Ticks until a costly step (a checkpoint): see Slicer. */
  ticksToCostly?(): number;
  /** Called after each slice, and once more when the job is done. */
  progress(done: boolean): void;
}

export interface SeekJob {
  /** Work toward `tick`; the target must already be reachable by advancing (see Run). */
  start(tick: number): void;
  cancel(): void;
  /** The tick being computed toward, or null when idle. */
  target(): number | null;
}

export function createSeekJob(target: SeekTarget): SeekJob {
  let goal: number | null = null;
  let t: Timer | null = null;
  const slicer = createSlicer();

  /** Work for `budgetMs`; returns true when the goal is reached (or the run ended first). */
  const work = (budgetMs: number): boolean => {
    if (goal === null) return true;
    let ended = false;
    const advance = (n: number) => {
      const ran = target.advance(n);
      if (ran === 0) ended = true;
      return ran;
    };
    slicer.run(goal - target.tick(), budgetMs, advance, target.ticksToCostly);
    return ended || target.tick() >= goal;
  };

  const finish = () => {
    t?.stop();
    t = null;
    goal = null;
    target.progress(true);
  };

  return {
    start(tick) {
      goal = tick;
      if (work(SEEK_SYNC_BUDGET_MS)) return finish();
      target.progress(false);
      t ??= timer(() => {
        if (work(SEEK_SLICE_BUDGET_MS)) finish();
        else target.progress(false);
      });
    },
    cancel() {
      t?.stop();
      t = null;
      goal = null;
    },
    target: () => goal,
  };
}
