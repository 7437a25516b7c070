/**
 * One clock target over several runs (the compare view's two): advancing it advances each run
 * to the same tick, and its tick is the lowest of the runs still going, so the clock waits for
 * the slower one and a run that fell behind (a seek still computing) catches up before the
 * other moves on. A run that has reached its end stops counting: the other plays on alone.
 */
import type { ClockTarget } from '../store';

export interface CompositeTarget extends ClockTarget {
  /** The tick every run is brought to by the next advance (for tests and read-outs). */
  ticks(): number[];
}

export function compositeTarget(parts: () => readonly ClockTarget[]): CompositeTarget {
  const tick = () => {
    const all = parts();
    const going = all.filter((p) => !p.finished());
    const from = going.length > 0 ? going : all;
    let low = Number.POSITIVE_INFINITY;
    let high = 0;
    for (const p of from) {
      low = Math.min(low, p.tick());
      high = Math.max(high, p.tick());
    }
    // All finished: the clock shows the end of the longer run.
    return going.length > 0 ? low : all.length > 0 ? high : 0;
  };

  return {
    tick,
    ticks: () => parts().map((p) => p.tick()),
    // Wall time maps to ticks of the finer run, so neither skips ticks it should draw.
    tickMs: () => Math.min(...parts().map((p) => p.tickMs()), Number.POSITIVE_INFINITY),
    finished: () => parts().every((p) => p.finished()),
    advance(n) {
      const before = tick();
      const goal = before + Math.max(0, Math.floor(n));
      for (const p of parts()) {
        const behind = goal - p.tick();
        if (behind > 0 && !p.finished()) p.advance(behind);
      }
      return Math.max(0, tick() - before);
    },
    ticksToCostly() {
      let soonest = Number.POSITIVE_INFINITY;
      const base = tick();
      for (const p of parts())
        if (p.ticksToCostly) soonest = Math.min(soonest, p.tick() - base + p.ticksToCostly());
      return Math.max(0, soonest);
    },
    frame(displayTick, draw) {
      for (const p of parts()) p.frame(displayTick, draw);
    },
    ended() {
      for (const p of parts()) p.ended();
    },
  };
}
