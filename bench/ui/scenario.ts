/**
 * The UI benchmark's scenario: about 5,000 messages moving on links at once. 2,500 messages a
 * second with 1 s links: ~2,500 on the way to the queue and ~2,500 on the way to the two
 * consumers (and ~2,500 acks on the way back, which are not drawn), so ~7,500 in flight in the
 * engine's sense (published, not yet acked). The consumers keep up (100 workers, no prefetch
 * limit), so the numbers are steady after the first couple of seconds.
 */
export const MOVING_TARGET = 5000;

export const BENCH_SCENARIO = {
  version: 1,
  name: 'UI benchmark: 5,000 moving messages',
  description: 'A steady 2,500 messages per second over 1 s links.',
  seed: 1,
  durationMs: 600_000,
  tickMs: 10,
  linkLatencyMs: 1000,
  nodes: [
    {
      id: 'producer',
      kind: 'producer',
      to: 'queue',
      arrival: { dist: 'exponential', meanMs: 0.4 },
    },
    { id: 'queue', kind: 'queue' },
    ...['c1', 'c2'].map((id) => ({
      id,
      kind: 'consumer',
      from: 'queue',
      concurrency: 50,
      prefetch: 0,
      service: { dist: 'exponential', meanMs: 10 },
    })),
  ],
} as const;
