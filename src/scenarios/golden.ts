/**
 * The golden trace: one fixed run whose event-trace hash Node (vitest) and Chromium (Playwright)
 * must both reproduce bit for bit. It uses every distribution, link latency, bursts, a scheduled
 * crash and restart, and timeline inputs, so any engine-dependent arithmetic would show up.
 */
import {
  advance,
  createSim,
  createTraceHasher,
  validateScenario,
  type TimedInput,
} from '../engine';

export const GOLDEN_SCENARIO = {
  version: 1,
  name: 'Golden trace',
  seed: 20261128,
  durationMs: 60_000,
  tickMs: 10,
  linkLatencyMs: 3,
  nodes: [
    { id: 'steady', kind: 'producer', to: 'work', arrival: { dist: 'exponential', meanMs: 40 } },
    {
      id: 'bursty',
      kind: 'producer',
      to: 'work',
      arrival: { dist: 'uniform', minMs: 5, maxMs: 45 },
      bursts: { onMs: 2000, offMs: 3000 },
    },
    {
      id: 'batch',
      kind: 'producer',
      to: 'side',
      arrival: { dist: 'constant', ms: 25 },
      count: 500,
      startMs: 1000,
    },
    { id: 'work', kind: 'queue' },
    { id: 'side', kind: 'queue' },
    {
      id: 'w1',
      kind: 'consumer',
      from: 'work',
      concurrency: 2,
      prefetch: 3,
      service: { dist: 'lognormal', meanMs: 60, sigma: 0.8 },
    },
    {
      id: 'w2',
      kind: 'consumer',
      from: 'work',
      concurrency: 1,
      prefetch: 0,
      service: { dist: 'exponential', meanMs: 50 },
    },
    {
      id: 's1',
      kind: 'consumer',
      from: 'side',
      concurrency: 1,
      prefetch: 1,
      service: { dist: 'uniform', minMs: 10, maxMs: 30 },
    },
  ],
  schedule: [
    { atMs: 15_000, input: { type: 'consumerCrashed', consumerId: 'w1' } },
    { atMs: 21_000, input: { type: 'consumerRestarted', consumerId: 'w1' } },
  ],
} as const;

export const GOLDEN_TIMELINE: TimedInput[] = [
  { tick: 500, input: { type: 'rateChanged', producerId: 'steady', ratePerSec: 40 } },
  { tick: 2500, input: { type: 'concurrencyChanged', consumerId: 'w2', concurrency: 3 } },
  { tick: 3000, input: { type: 'producerPaused', producerId: 'batch' } },
  { tick: 3100, input: { type: 'producerResumed', producerId: 'batch' } },
  { tick: 4000, input: { type: 'consumerCrashed', consumerId: 'w2' } },
  { tick: 4200, input: { type: 'consumerRestarted', consumerId: 'w2' } },
];

/** The trace hash both runtimes must print; update it only for an intended engine change. */
export const GOLDEN_HASH = 'b3af1ff4ea5ff88c';

export function goldenTraceHash(): { hash: string; events: number } {
  const v = validateScenario(GOLDEN_SCENARIO);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  const st = createSim(v.value);
  const hasher = createTraceHasher();
  advance(st, st.endTick, GOLDEN_TIMELINE, hasher);
  return { hash: hasher.hex(), events: hasher.count };
}
