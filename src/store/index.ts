/** The store layer's public surface. */
export { createSimStore, PUBLISH_INTERVAL_MS } from './simStore';
export type { SimStore, SimView, SimActions, SimStoreOptions } from './simStore';
export type { Frame, FrameListener } from './frame';
export type { Flight } from './flights';
export { SPEED_MIN, SPEED_MAX, SPEED_STEPS, clampSpeed } from './speed';
