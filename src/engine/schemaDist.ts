/** Distributions of times (inter-arrival, service): the same four kinds everywhere. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import {
  literalOf,
  nonNegativeNumber,
  numberIn,
  positiveNumber,
  show,
  strictObject,
} from './schemaHelpers';

export const msSchema = positiveNumber(LIMITS.timeMs);

const ConstantDist = strictObject({
  dist: literalOf('constant'),
  ms: nonNegativeNumber(LIMITS.timeMs),
});
const UniformDist = strictObject({
  dist: literalOf('uniform'),
  minMs: nonNegativeNumber(LIMITS.timeMs),
  maxMs: nonNegativeNumber(LIMITS.timeMs),
});
const ExponentialDist = strictObject({ dist: literalOf('exponential'), meanMs: msSchema });
const LognormalDist = strictObject({
  dist: literalOf('lognormal'),
  meanMs: msSchema,
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

export type Dist = v.InferOutput<typeof DistSchema>;
