/**
 * Inputs: what a user or a schedule does to a running simulation. They are data, applied by the
 * engine at a tick (or at an exact time when scheduled in the scenario), never setters.
 */
import * as v from 'valibot';
import { integerIn, literalOf, nodeId, positiveNumber, show, strictObject } from './schemaHelpers';

const producerInput = <const T extends string>(type: T) =>
  strictObject({ type: literalOf(type), producerId: nodeId });
const consumerInput = <const T extends string>(type: T) =>
  strictObject({ type: literalOf(type), consumerId: nodeId });

export const INPUT_TYPES = [
  'producerPaused',
  'producerResumed',
  'rateChanged',
  'consumerCrashed',
  'consumerRestarted',
  'concurrencyChanged',
] as const;

export const InputSchema = v.variant(
  'type',
  [
    producerInput('producerPaused'),
    producerInput('producerResumed'),
    strictObject({
      type: literalOf('rateChanged'),
      producerId: nodeId,
      ratePerSec: positiveNumber(1_000_000),
    }),
    consumerInput('consumerCrashed'),
    consumerInput('consumerRestarted'),
    strictObject({
      type: literalOf('concurrencyChanged'),
      consumerId: nodeId,
      concurrency: integerIn(1, 1000),
    }),
  ],
  (i) =>
    i.expected === 'Object' || i.expected === 'object'
      ? `must be an input object like { "type": "consumerCrashed", "consumerId": "c1" }`
      : `must be one of ${INPUT_TYPES.join(', ')}, got ${show(i.input)}`,
);

export type Input = v.InferOutput<typeof InputSchema>;

/** One entry of a run's input timeline: the input is applied at the start of `tick`. */
export interface TimedInput {
  tick: number;
  input: Input;
}
