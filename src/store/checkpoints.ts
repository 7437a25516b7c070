/**
 * The checkpoint cache of one run branch. A checkpoint is the engine's state at a tick as text
 * (serializeState: one serialisation, compact, immutable, its size known exactly) plus the little store
 * state that is not rebuilt by replay: the event count and the chart bucket being filled.
 *
 * Checkpoints are taken at multiples of a stride. When the cache exceeds its bounds the stride
 * doubles and every checkpoint off the new stride is dropped (thinning), so memory stays
 * bounded on runs of any length and seeks cost at most one stride of replay more. A state so
 * large that one capture costs more than CHECKPOINT_COST_MS also thins the cache: a capture
 * blocks the main thread, so it must be rare (its seeks replay further instead). The cost is
 * estimated from the capture's size, so the cache is the same on a quiet and a busy machine.
 */
import { deserializeState, serializeState, type SimState } from '../engine';
import type { LatencyHistogram } from './latencyHistogram';
import {
  CAPTURE_BYTES_PER_MS,
  CHECKPOINT_COST_MS,
  CHECKPOINT_MAX_BYTES,
  CHECKPOINT_MAX_COUNT,
  CHECKPOINT_STRIDE_TICKS,
} from './tuning';

export interface Checkpoint {
  tick: number;
  json: string;
  /** Events the engine emitted before this tick (the log's running count). */
  eventCount: number;
  partial: LatencyHistogram;
}

export interface CheckpointStats {
  count: number;
  bytes: number;
  strideTicks: number;
  /**
   * What the latest capture costs, ms, estimated from its size (CAPTURE_BYTES_PER_MS): a
   * measured time would carry every pause of a busy machine into the stride for good.
   */
  lastCostMs: number;
}

export interface Checkpoints {
  /** Should a checkpoint be taken at this tick? */
  due(tick: number): boolean;
  add(sim: SimState, eventCount: number, partial: LatencyHistogram): void;
  /** The latest checkpoint at or before `tick` (tick 0 is always kept). */
  atOrBefore(tick: number): Checkpoint;
  /** All checkpoints, oldest first. Do not mutate. */
  list(): readonly Checkpoint[];
  dropAfter(tick: number): void;
  stats(): CheckpointStats;
}

/** A fresh engine state from a checkpoint. */
export const restoreCheckpoint = (cp: Checkpoint): SimState => deserializeState(cp.json);

export function createCheckpoints(
  strideTicks = CHECKPOINT_STRIDE_TICKS,
  maxCount = CHECKPOINT_MAX_COUNT,
  maxBytes = CHECKPOINT_MAX_BYTES,
): Checkpoints {
  let stride = Math.max(1, strideTicks);
  let items: Checkpoint[] = [];
  let bytes = 0;
  let lastCostMs = 0;

  const indexAtOrBefore = (tick: number) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.tick <= tick) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  const thin = () => {
    while ((items.length > maxCount || bytes > maxBytes) && items.length > 2) {
      stride *= 2;
      items = items.filter((c) => c.tick === 0 || c.tick % stride === 0);
      bytes = items.reduce((sum, c) => sum + c.json.length, 0);
    }
  };

  return {
    due(tick) {
      if (tick % stride !== 0) return false;
      const i = indexAtOrBefore(tick);
      return i < 0 || items[i]!.tick !== tick;
    },
    add(sim, eventCount, partial) {
      const json = serializeState(sim);
      const costMs = json.length / CAPTURE_BYTES_PER_MS;
      lastCostMs = costMs;
      const cp: Checkpoint = { tick: sim.tick, json, eventCount, partial };
      const i = indexAtOrBefore(cp.tick);
      if (i >= 0 && items[i]!.tick === cp.tick) return;
      items.splice(i + 1, 0, cp);
      bytes += json.length;
      thin();
      // Stride ≥ base × 2^⌈log2(cost / budget)⌉: a capture of 80 ms happens every 4 strides.
      const factor = 2 ** Math.ceil(Math.log2(Math.max(1, costMs / CHECKPOINT_COST_MS)));
      if (stride < strideTicks * factor) {
        stride = strideTicks * factor;
        items = items.filter((c) => c.tick === 0 || c.tick % stride === 0 || c === cp);
        bytes = items.reduce((sum, c) => sum + c.json.length, 0);
      }
    },
    atOrBefore(tick) {
      const i = indexAtOrBefore(tick);
      const cp = items[Math.max(0, i)];
      if (!cp) throw new Error('checkpoint cache is empty: tick 0 must be added first');
      return cp;
    },
    list: () => items,
    dropAfter(tick) {
      const keep = indexAtOrBefore(tick) + 1;
      if (keep >= items.length) return;
      items = items.slice(0, Math.max(1, keep));
      bytes = items.reduce((sum, c) => sum + c.json.length, 0);
    },
    stats: () => ({ count: items.length, bytes, strideTicks: stride, lastCostMs }),
  };
}
