/**
 * fast-check generators of valid scenarios and input timelines, small enough to run hundreds of
 * times with invariant checks after every tick, varied enough to reach every engine path
 * (latency or none, bursts, counts, late starts, prefetch 0, crashes with held messages).
 */
import fc from 'fast-check';
import type { Input, Scenario, TimedInput } from '../../src/engine';

const distArb = (minMeanMs: number, maxMeanMs: number) =>
  fc.oneof(
    fc.record({
      dist: fc.constant('constant' as const),
      ms: fc.integer({ min: minMeanMs, max: maxMeanMs }),
    }),
    fc
      .tuple(fc.integer({ min: 0, max: maxMeanMs }), fc.integer({ min: 0, max: maxMeanMs }))
      .filter(([a, b]) => Math.max(a, b) >= minMeanMs)
      .map(([a, b]) => ({
        dist: 'uniform' as const,
        minMs: Math.min(a, b),
        maxMs: Math.max(a, b),
      })),
    fc.record({
      dist: fc.constant('exponential' as const),
      meanMs: fc.double({ min: minMeanMs, max: maxMeanMs, noNaN: true }),
    }),
    fc.record({
      dist: fc.constant('lognormal' as const),
      meanMs: fc.double({ min: minMeanMs, max: maxMeanMs, noNaN: true }),
      sigma: fc.double({ min: 0, max: 1.5, noNaN: true }),
    }),
  );

export interface Generated {
  scenario: Scenario;
  timeline: TimedInput[];
}

export const scenarioArb: fc.Arbitrary<Generated> = fc
  .record({
    queues: fc.integer({ min: 1, max: 3 }),
    producers: fc.array(
      fc.record({
        queue: fc.nat(),
        arrival: distArb(5, 200),
        count: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        startMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
        bursts: fc.option(
          fc.record({
            onMs: fc.integer({ min: 50, max: 3000 }),
            offMs: fc.integer({ min: 50, max: 3000 }),
          }),
          {
            nil: undefined,
          },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    consumers: fc.array(
      fc.record({
        queue: fc.nat(),
        concurrency: fc.integer({ min: 1, max: 4 }),
        prefetch: fc.integer({ min: 0, max: 5 }),
        service: distArb(1, 300),
      }),
      { minLength: 0, maxLength: 4 },
    ),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    durationMs: fc.integer({ min: 500, max: 8000 }),
    tickMs: fc.constantFrom(1, 5, 10, 20, 2.5),
    linkLatencyMs: fc.constantFrom(0, 0, 1, 7, 40),
    inputs: fc.array(
      fc.record({
        atMs: fc.integer({ min: 0, max: 8000 }),
        kind: fc.constantFrom('pause', 'resume', 'rate', 'crash', 'restart', 'concurrency'),
        target: fc.nat(),
        value: fc.integer({ min: 1, max: 200 }),
        scheduled: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
  })
  .map((g) => {
    const queueIds = Array.from({ length: g.queues }, (_, i) => `q${i}`);
    const producers = g.producers.map((p, i) => ({
      id: `p${i}`,
      kind: 'producer' as const,
      to: queueIds[p.queue % g.queues]!,
      arrival: p.arrival,
      ...(p.count !== undefined ? { count: p.count } : {}),
      ...(p.startMs !== undefined ? { startMs: p.startMs } : {}),
      ...(p.bursts !== undefined ? { bursts: p.bursts } : {}),
    }));
    const consumers = g.consumers.map((c, i) => ({
      id: `c${i}`,
      kind: 'consumer' as const,
      from: queueIds[c.queue % g.queues]!,
      concurrency: c.concurrency,
      prefetch: c.prefetch,
      service: c.service,
    }));
    const tickMs = g.tickMs;
    const schedule: { atMs: number; input: Input }[] = [];
    const timeline: TimedInput[] = [];
    for (const x of g.inputs) {
      const atMs = Math.min(x.atMs, g.durationMs);
      let input: Input | null = null;
      const pid = `p${x.target % producers.length}`;
      const cid = consumers.length > 0 ? `c${x.target % consumers.length}` : null;
      if (x.kind === 'pause') input = { type: 'producerPaused', producerId: pid };
      else if (x.kind === 'resume') input = { type: 'producerResumed', producerId: pid };
      else if (x.kind === 'rate')
        input = { type: 'rateChanged', producerId: pid, ratePerSec: x.value };
      else if (cid && x.kind === 'crash') input = { type: 'consumerCrashed', consumerId: cid };
      else if (cid && x.kind === 'restart') input = { type: 'consumerRestarted', consumerId: cid };
      else if (cid && x.kind === 'concurrency')
        input = { type: 'concurrencyChanged', consumerId: cid, concurrency: 1 + (x.value % 5) };
      if (!input) continue;
      if (x.scheduled) schedule.push({ atMs, input });
      else timeline.push({ tick: Math.floor(atMs / tickMs), input });
    }
    timeline.sort((a, b) => a.tick - b.tick);
    const scenario: Scenario = {
      version: 1,
      name: 'generated',
      seed: g.seed,
      durationMs: g.durationMs,
      tickMs,
      linkLatencyMs: g.linkLatencyMs,
      nodes: [
        ...producers,
        ...queueIds.map((id) => ({ id, kind: 'queue' as const })),
        ...consumers,
      ],
      schedule,
    };
    return { scenario, timeline };
  });
