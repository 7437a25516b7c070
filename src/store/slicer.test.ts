/**
 * The slicer ends a slice at a costly step's tick and stops there, so the step (a checkpoint's
 * capture) is left for a task of its own instead of running inside a frame's budget.
 */
import { describe, expect, it } from 'vitest';
import { createSlicer } from './slicer';

/** A target whose costly step is due at multiples of `every` and is taken by `take()`. */
function target(every: number) {
  let tick = 0;
  let taken = 0;
  const pending = () => tick > 0 && tick % every === 0 && taken < tick;
  return {
    tick: () => tick,
    advance(n: number) {
      if (pending()) taken = tick; // advancing takes a pending step first
      tick += n;
      return n;
    },
    costlyIn: () => (pending() ? 0 : every - (tick % every)),
    take() {
      if (pending()) taken = tick;
    },
  };
}

describe('slicer', () => {
  it('stops a run at the costly tick, and the next run starts there', () => {
    const t = target(50);
    const slicer = createSlicer();
    expect(slicer.run(1000, 1000, t.advance, t.costlyIn)).toBe(50);
    expect(t.costlyIn()).toBe(0);
    // Without taking the step, the next run takes it first and stops at the next one.
    expect(slicer.run(1000, 1000, t.advance, t.costlyIn)).toBe(50);
    expect(t.tick()).toBe(100);
    t.take();
    expect(t.costlyIn()).toBe(50);
  });

  it('runs the ticks asked for when no costly step comes first', () => {
    const t = target(500);
    expect(createSlicer().run(120, 1000, t.advance, t.costlyIn)).toBe(120);
  });

  it('makes progress even with no budget at all', () => {
    const t = target(500);
    expect(createSlicer().run(120, 0, t.advance, t.costlyIn)).toBeGreaterThan(0);
  });

  it('keeps within its budget, slice by slice', () => {
    const slow = (n: number) => {
      const until = performance.now() + n * 0.05;
      while (performance.now() < until);
      return n;
    };
    const started = performance.now();
    const ran = createSlicer().run(1_000_000, 20, slow);
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(1_000_000);
    // Slices are sized to half of what is left, so the overrun is bounded (generous for CI).
    expect(performance.now() - started).toBeLessThan(200);
  });
});
