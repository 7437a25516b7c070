/**
 * Costly checkpoint captures (a state with thousands of live messages) are not taken inside a
 * frame: advancing stops at the checkpoint's tick, and the capture is taken afterwards (the
 * store runs it in a task of its own), or by the next advance when that did not happen first.
 * Either way every checkpoint is exactly the engine's state at its tick.
 */
import { describe, expect, it } from 'vitest';
import { advance, createSim, parseScenario, serializeState } from '../engine';
import { BENCH_SCENARIO } from '../../bench/ui/scenario';
import { createRun } from './run';
import { createSlicer } from './slicer';
import { CAPTURE_COSTLY_MS } from './tuning';

const parsed = parseScenario(JSON.stringify(BENCH_SCENARIO));
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const scenario = parsed.value;
const END = 1600;

describe('checkpoint captures in a task of their own', () => {
  it('stops at each checkpoint tick, and every checkpoint is the state at its tick', () => {
    const run = createRun(scenario, {});
    const slicer = createSlicer();
    const stops: { tick: number; stride: number }[] = [];
    let skip = false;
    while (run.sim().tick < END) {
      slicer.run(END - run.sim().tick, 4, run.advanceBy, run.ticksToCheckpoint);
      if (run.ticksToCheckpoint() !== 0) continue;
      stops.push({ tick: run.sim().tick, stride: run.checkpoints.stats().strideTicks });
      // Every other capture is left to the next advance instead of the "task".
      if (!skip) run.captureCheckpoint();
      skip = !skip;
    }
    run.captureCheckpoint();
    // A 7,500-message state is costly to capture on any machine this runs on.
    expect(run.checkpoints.stats().lastCostMs).toBeGreaterThan(CAPTURE_COSTLY_MS);
    expect(stops.length).toBeGreaterThan(0);
    for (const s of stops) expect(s.tick % s.stride).toBe(0);
    const list = run.checkpoints.list();
    expect(list.length).toBeGreaterThan(1);

    // The same run straight through the engine: each checkpoint is its state at that tick.
    const ref = createSim(scenario, {});
    for (const cp of list) {
      advance(ref, cp.tick - ref.tick);
      expect(ref.tick).toBe(cp.tick);
      expect(cp.json === serializeState(ref)).toBe(true);
    }
  });
});
