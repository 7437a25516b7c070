/**
 * Property tests run with a fixed seed by default, so CI is reproducible; a failure prints the
 * seed and path that reproduce it. FC_SEED=<n> replays a seed; FC_SEED=random explores new cases.
 */
import fc from 'fast-check';

const env = process.env.FC_SEED;
if (env !== 'random') fc.configureGlobal({ seed: env ? Number(env) : 20261128 });
