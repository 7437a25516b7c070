/** The store layer's public surface. */
export { createSimStore, PUBLISH_INTERVAL_MS } from './simStore';
export type { SimStore, SimStoreOptions } from './simStore';
export type { SimView, SimActions, Notice, Computing } from './view';
export type { Frame, FrameListener } from './frame';
export { createClock, type Clock, type ClockTarget, type ClockOptions } from './clock';
export type { Flight } from './flights';
export type { Fade } from './trace';
export type { ChartData, ChartKind, ChartLine, Point } from './chartData';
export type { Journey, JourneyStep, MessageSelection } from './journey';
export { sampleFlights, type FlightSample } from './sample';
export { fateOf, type Fate, type FateKind } from './fates';
export * from './eventFields';
export { SPEED_MIN, SPEED_MAX, SPEED_STEPS, SPEED_FASTEST, clampSpeed } from './speed';
export { DOT_CAP, FADE_US, LOG_MAX_EVENTS, LOG_WINDOW_US } from './tuning';
export type { DeadLetter } from './engineAccess';
export { loadValidators, validators, type Validators } from './validators';
