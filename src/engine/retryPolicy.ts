/**
 * Retry delays (P1, "Exponential backoff and jitter"): for the n-th retry (n from 0),
 * expo = min(cap, base·2^n); full jitter U(0, expo); equal jitter expo/2 + U(0, expo/2);
 * decorrelated jitter min(cap, U(base, previous·3)). Fixed is always base.
 */
import { pow2 } from './detMath';
import { uniform01 } from './rng';
import type { ConsumerState } from './state';

export function retryDelayUs(
  policy: ConsumerState['retry'],
  n: number,
  previousUs: number,
  rng: number[],
  stream: number,
): number {
  const { baseUs, capUs } = policy;
  const expo = Math.min(capUs, baseUs * pow2(Math.min(n, 60)));
  switch (policy.policy) {
    case 'fixed':
      return baseUs;
    case 'exponential':
      return expo;
    case 'full-jitter':
      return Math.round(uniform01(rng, stream) * expo);
    case 'equal-jitter':
      return Math.round(expo / 2 + uniform01(rng, stream) * (expo / 2));
    case 'decorrelated-jitter': {
      const prev = previousUs > 0 ? previousUs : baseUs;
      const hi = Math.max(baseUs, prev * 3);
      return Math.round(Math.min(capUs, baseUs + uniform01(rng, stream) * (hi - baseUs)));
    }
    case 'requeue':
    case 'reject':
      return 0;
  }
}
