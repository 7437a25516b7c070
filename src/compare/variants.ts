/**
 * The scenario variants the compare view puts side by side, as pure functions of a scenario:
 * the same design with another delivery guarantee on every consumer (guarantees.ts), or with
 * retry jitter on or off. A variant keeps everything else (workload, faults, seed), so the two
 * runs differ in that one setting only.
 */
import type { Scenario } from '../engine';
import type { Guarantee } from '../engine/guarantees';

export const VARIANTS = ['at-most-once', 'at-least-once', 'exactly-once', 'jitter', 'no-jitter'];
export type Variant = 'at-most-once' | 'at-least-once' | 'exactly-once' | 'jitter' | 'no-jitter';

export const VARIANT_LABELS: Record<Variant, string> = {
  'at-most-once': 'at-most-once',
  'at-least-once': 'at-least-once',
  'exactly-once': 'exactly-once',
  jitter: 'retry jitter on',
  'no-jitter': 'retry jitter off',
};

export const isVariant = (v: string): v is Variant => (VARIANTS as string[]).includes(v);

type Node = Scenario['nodes'][number];

/** Every consumer with this guarantee, and no setting that contradicts it. */
export function withGuaranteeEverywhere(scenario: Scenario, g: Guarantee): Scenario {
  const nodes = scenario.nodes.map((n): Node => {
    if (n.kind !== 'consumer') return n;
    const { ackMode: _ackMode, commit: _commit, idempotent, ...rest } = n;
    // At-least-once means no idempotency: a consumer that skipped repeats would be exactly-once.
    return g === 'exactly-once' && idempotent
      ? { ...rest, guarantee: g, idempotent }
      : { ...rest, guarantee: g };
  });
  return { ...scenario, name: `${scenario.name} (${g})`, nodes };
}

const JITTERED = new Set(['full-jitter', 'equal-jitter', 'decorrelated-jitter']);

/**
 * Retry jitter on or off, on every consumer and service that retries with a backoff: off is
 * plain exponential backoff, on is full jitter (a random wait from 0 to the backoff), with the
 * same base, cap and attempts. Policies without a backoff (requeue, reject, fixed) are kept.
 */
export function withJitter(scenario: Scenario, on: boolean): Scenario {
  const nodes = scenario.nodes.map((n): Node => {
    if ((n.kind !== 'consumer' && n.kind !== 'service') || !n.retry) return n;
    const p = n.retry.policy;
    if (on && p === 'exponential') return { ...n, retry: { ...n.retry, policy: 'full-jitter' } };
    if (!on && JITTERED.has(p)) return { ...n, retry: { ...n.retry, policy: 'exponential' } };
    return n;
  });
  return {
    ...scenario,
    name: `${scenario.name} (${VARIANT_LABELS[on ? 'jitter' : 'no-jitter']})`,
    nodes,
  };
}

/** Whether a variant changes anything in this scenario (a menu offers only those that do). */
export function variantApplies(scenario: Scenario, v: Variant): boolean {
  if (v === 'jitter' || v === 'no-jitter')
    return scenario.nodes.some(
      (n) =>
        (n.kind === 'consumer' || n.kind === 'service') &&
        n.retry !== undefined &&
        (n.retry.policy === 'exponential' || JITTERED.has(n.retry.policy)),
    );
  return scenario.nodes.some((n) => n.kind === 'consumer');
}

export function applyVariant(scenario: Scenario, v: Variant): Scenario {
  if (v === 'jitter') return withJitter(scenario, true);
  if (v === 'no-jitter') return withJitter(scenario, false);
  return withGuaranteeEverywhere(scenario, v);
}
