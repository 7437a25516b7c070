/**
 * Scenario format, version 1 (documented in docs/scenario-format.md). Later issues extend it
 * with optional fields only, so every version-1 file keeps loading.
 */
import * as v from 'valibot';
import {
  arrayOf,
  integerIn,
  literalOf,
  nodeId,
  nonNegativeNumber,
  numberIn,
  positiveNumber,
  strictObject,
  show,
  text,
} from './schemaHelpers';
import { InputSchema } from './inputSchema';

/** Caps that keep a run within what a browser tab or a CI job can hold. */
export const LIMITS = {
  nodes: 200,
  durationMs: 7 * 24 * 3600 * 1000,
  timeMs: 24 * 3600 * 1000,
  tickMsMin: 0.01,
  tickMsMax: 60_000,
  count: 100_000_000,
  concurrency: 1000,
  prefetch: 10_000,
  sigma: 4,
  scheduleItems: 10_000,
  nameLength: 200,
  descriptionLength: 2000,
} as const;

const ms = positiveNumber(LIMITS.timeMs);

const ConstantDist = strictObject({
  dist: literalOf('constant'),
  ms: nonNegativeNumber(LIMITS.timeMs),
});
const UniformDist = strictObject({
  dist: literalOf('uniform'),
  minMs: nonNegativeNumber(LIMITS.timeMs),
  maxMs: nonNegativeNumber(LIMITS.timeMs),
});
const ExponentialDist = strictObject({ dist: literalOf('exponential'), meanMs: ms });
const LognormalDist = strictObject({
  dist: literalOf('lognormal'),
  meanMs: ms,
  sigma: numberIn(0, LIMITS.sigma, 'a number from 0 to 4'),
});

export const DIST_KINDS = ['constant', 'uniform', 'exponential', 'lognormal'] as const;

export const DistSchema = v.pipe(
  v.variant('dist', [ConstantDist, UniformDist, ExponentialDist, LognormalDist], (i) =>
    i.expected === 'Object' || i.expected === 'object'
      ? `must be a distribution object like { "dist": "exponential", "meanMs": 20 }, got ${show(i.input)}`
      : `must be one of ${DIST_KINDS.join(', ')}, got ${show(i.input)}`,
  ),
  v.check(
    (d) => d.dist !== 'uniform' || d.maxMs >= d.minMs,
    (i) => {
      const d = i.input as { minMs: number; maxMs: number };
      return `maxMs (${d.maxMs}) must be at least minMs (${d.minMs})`;
    },
  ),
);

const label = v.optional(text(80));

const BurstsSchema = strictObject({ onMs: ms, offMs: ms });

export const ProducerSchema = strictObject({
  id: nodeId,
  kind: literalOf('producer'),
  label,
  to: nodeId,
  arrival: DistSchema,
  count: v.optional(integerIn(1, LIMITS.count)),
  startMs: v.optional(nonNegativeNumber(LIMITS.durationMs)),
  bursts: v.optional(BurstsSchema),
});

export const QueueSchema = strictObject({
  id: nodeId,
  kind: literalOf('queue'),
  label,
});

export const ConsumerSchema = strictObject({
  id: nodeId,
  kind: literalOf('consumer'),
  label,
  from: nodeId,
  concurrency: v.optional(integerIn(1, LIMITS.concurrency)),
  prefetch: v.optional(integerIn(0, LIMITS.prefetch)),
  service: DistSchema,
});

export const NODE_KINDS = ['producer', 'queue', 'consumer'] as const;

export const NodeSchema = v.variant('kind', [ProducerSchema, QueueSchema, ConsumerSchema], (i) =>
  i.expected === 'Object' || i.expected === 'object'
    ? `must be a node object, got ${show(i.input)}`
    : `must be one of ${NODE_KINDS.join(', ')}, got ${show(i.input)}`,
);

export const ScheduledInputSchema = strictObject({
  atMs: nonNegativeNumber(LIMITS.durationMs),
  input: InputSchema,
});

export const ScenarioSchema = strictObject({
  $schema: v.optional(v.string()),
  version: literalOf(1),
  name: text(LIMITS.nameLength),
  description: v.optional(text(LIMITS.descriptionLength)),
  seed: v.optional(integerIn(0, 4294967295)),
  durationMs: positiveNumber(LIMITS.durationMs),
  tickMs: v.optional(
    numberIn(
      LIMITS.tickMsMin,
      LIMITS.tickMsMax,
      `a number from ${LIMITS.tickMsMin} to ${LIMITS.tickMsMax}`,
    ),
  ),
  linkLatencyMs: v.optional(nonNegativeNumber(60_000)),
  nodes: v.pipe(
    arrayOf(NodeSchema, LIMITS.nodes, 'nodes'),
    v.minLength(1, 'must hold at least one node'),
  ),
  schedule: v.optional(arrayOf(ScheduledInputSchema, LIMITS.scheduleItems, 'scheduled inputs')),
});

export type Dist = v.InferOutput<typeof DistSchema>;
export type ProducerNode = v.InferOutput<typeof ProducerSchema>;
export type QueueNode = v.InferOutput<typeof QueueSchema>;
export type ConsumerNode = v.InferOutput<typeof ConsumerSchema>;
export type ScenarioNode = v.InferOutput<typeof NodeSchema>;
export type ScheduledInput = v.InferOutput<typeof ScheduledInputSchema>;
export type Scenario = v.InferOutput<typeof ScenarioSchema>;
