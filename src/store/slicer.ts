/**
 * Runs engine work in slices that fit a time budget. The cost of a tick varies by a factor of
 * thousands between scenarios (an idle tick is free; a tick of a 2,500 msg/s run with 1 s links
 * is ~0.3 ms), so a fixed number of ticks per slice either wastes the budget or overruns it. The
 * slicer keeps a running estimate of the cost per tick and sizes each slice to what is left.
 */

export interface Slicer {
  /**
   * Advance up to `ticks` ticks within `budgetMs` of wall time (at least one tick, so progress
   * is always made). Returns the ticks run; fewer than asked when the budget ran out or the run
   * ended (`advance` returned 0). `costlyIn` (optional) says in how many ticks a costly step
   * comes (a checkpoint's tick), 0 when it is due now: slices end at that tick and the work
   * stops there, so the costly step is left for its own task (or starts the next budget) instead
   * of overrunning this one.
   */
  run(
    ticks: number,
    budgetMs: number,
    advance: (n: number) => number,
    costlyIn?: () => number,
  ): number;
}

const now = () => performance.now();
/** Never more ticks per slice than this, so the estimate stays fresh. */
const MAX_SLICE_TICKS = 5000;

export function createSlicer(): Slicer {
  // Cost per tick in ms, a moving average; starts cautious.
  let perTickMs = 0.05;
  return {
    run(ticks, budgetMs, advance, costlyIn) {
      const started = now();
      let done = 0;
      while (done < ticks) {
        const left = budgetMs - (now() - started);
        if (left <= 0 && done > 0) break;
        let n = Math.max(
          1,
          Math.min(ticks - done, MAX_SLICE_TICKS, Math.floor(left / 2 / perTickMs)),
        );
        const k = costlyIn?.() ?? Number.POSITIVE_INFINITY;
        if (k === 0) {
          // Due now: stop here, or (at the start) take it with one tick and size the rest anew.
          if (done > 0) break;
          n = 1;
        } else n = Math.min(n, k);
        const t0 = now();
        const ran = advance(n);
        if (ran === 0) break;
        done += ran;
        // A slice that began with the costly step says nothing about the cost of a tick.
        if (k > 0) perTickMs = 0.7 * perTickMs + 0.3 * Math.max(1e-5, (now() - t0) / ran);
      }
      return done;
    },
  };
}
