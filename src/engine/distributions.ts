/**
 * Sampling the scenario's distributions, in integer microseconds, with the seeded streams and
 * the deterministic math of detMath.ts (so a draw is bit-identical in every JS engine).
 */
import { exp, ln, lnUnitFraction, sqrt } from './detMath';
import { nextU32, uniform01 } from './rng';
import type { Dist } from './scenarioSchema';
import type { DistUs } from './state';

export function compileDist(d: Dist): DistUs {
  switch (d.dist) {
    case 'constant':
      return { dist: 'constant', us: d.ms * 1000 };
    case 'uniform':
      return { dist: 'uniform', minUs: d.minMs * 1000, maxUs: d.maxMs * 1000 };
    case 'exponential':
      return { dist: 'exponential', meanUs: d.meanMs * 1000 };
    case 'lognormal': {
      // Choose mu so that the mean of the lognormal is meanMs: E[X] = exp(mu + sigma²/2).
      const meanUs = d.meanMs * 1000;
      return {
        dist: 'lognormal',
        mu: ln(meanUs) - (d.sigma * d.sigma) / 2,
        sigma: d.sigma,
        meanUs,
      };
    }
  }
}

export function distMeanUs(d: DistUs): number {
  switch (d.dist) {
    case 'constant':
      return d.us;
    case 'uniform':
      return (d.minUs + d.maxUs) / 2;
    case 'exponential':
    case 'lognormal':
      return d.meanUs;
  }
}

/** A standard normal variate by Marsaglia's polar method. */
function normal(rng: number[], o: number): number {
  for (;;) {
    const u = 2 * uniform01(rng, o) - 1;
    const v = 2 * uniform01(rng, o) - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * sqrt((-2 * ln(s)) / s);
  }
}

/** One draw, in microseconds (real-valued), scaled by `scale`. */
export function sampleRawUs(d: DistUs, rng: number[], o: number, scale: number): number {
  // u = (x + 1) / 2^32 lies in (0, 1], so ln(u) is finite. Checked first: the common case.
  if (d.dist === 'exponential') return -d.meanUs * scale * lnUnitFraction(nextU32(rng, o) + 1);
  switch (d.dist) {
    case 'constant':
      return d.us * scale;
    case 'uniform':
      return (d.minUs + uniform01(rng, o) * (d.maxUs - d.minUs)) * scale;
    case 'lognormal':
      return exp(d.mu + d.sigma * normal(rng, o)) * scale;
  }
}

/** One draw rounded to whole microseconds, the engine's time resolution. */
export function sampleUs(d: DistUs, rng: number[], o: number, scale = 1): number {
  return Math.round(sampleRawUs(d, rng, o, scale));
}
