/** Tiny service scenarios with constant times, so every number in a test can be worked out by hand. */
import type { Spec } from '../broker/helpers';

export function service(id: string, ms: number, extra: Spec = {}): Spec {
  return { id, kind: 'service', service: { dist: 'constant', ms }, ...extra };
}

/** Clients placing `count` orders at a steady `gapMs` (the first at gapMs). */
export function clients(to: string, count: number, gapMs: number, extra: Spec = {}): Spec {
  return {
    id: 'clients',
    kind: 'producer',
    to,
    arrival: { dist: 'constant', ms: gapMs },
    count,
    ...extra,
  };
}

export const call = (to: string, extra: Spec = {}): Spec => ({ to, ...extra });

export const down = (serviceId: string, atMs: number, forMs?: number): Spec => ({
  atMs,
  input: { type: 'serviceStateChanged', serviceId, state: 'down', ...(forMs ? { forMs } : {}) },
});
