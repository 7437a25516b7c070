/**
 * The engine's validators, in a chunk of their own (validators.ts loads it): valibot and the
 * schemas are ~9 KB gzipped that the first paint does not need. Imported from the engine's
 * files rather than its index so that the bundler can leave them out of the initial JavaScript.
 */
export { validateInput, validateScenario, validateTimeline } from '../engine/validate';
export { consumerIdsAt } from '../engine/validateScale';
export { designDocument } from '../engine/compare';
