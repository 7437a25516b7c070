/** Small log-broker scenarios for the rule tests (K1–K18), with constant times where possible. */
import type { Spec } from '../broker/helpers';

export function topic(id: string, partitions: number, extra: Spec = {}): Spec {
  return { id, kind: 'topic', partitions, ...extra };
}

/** A producer writing `count` records to a topic, one every gapMs. */
export function writer(
  id: string,
  to: string,
  count: number,
  gapMs: number,
  extra: Spec = {},
): Spec {
  return { id, kind: 'producer', to, arrival: { dist: 'constant', ms: gapMs }, count, ...extra };
}

/** A group member with a constant processing time per record. */
export function member(
  id: string,
  from: string,
  group: string,
  ms: number,
  extra: Spec = {},
): Spec {
  return { id, kind: 'consumer', from, group, service: { dist: 'constant', ms }, ...extra };
}

export const at = (atMs: number, input: Spec): Spec => ({ atMs, input });
