/** The engine's public surface: everything outside src/engine imports from here. */
export { createSim, DEFAULT_SEED, DEFAULT_TICK_MS, type CreateOptions } from './create';
export { advance, advanceTo, finished, nextEventUs, processUntil, runToEnd } from './advance';
export { snapshot, restore } from './snapshot';
export { report, seriesPoints, summarize } from './metrics';
export type {
  RunReport,
  QueueReport,
  ConsumerReport,
  ProducerReport,
  LatencySummary,
} from './metrics';
export { checkInvariants } from './invariants';
export { createTraceHasher, type TraceHasher } from './traceHash';
export {
  parseScenario,
  validateScenario,
  validateInput,
  validateTimeline,
  type Validation,
} from './validate';
export { LIMITS, DIST_KINDS, NODE_KINDS } from './scenarioSchema';
export type {
  Scenario,
  ScenarioNode,
  ProducerNode,
  QueueNode,
  ConsumerNode,
  Dist,
} from './scenarioSchema';
export { INPUT_TYPES, type Input, type TimedInput } from './inputSchema';
export type { SimEvent, SimEventType, EventSink } from './events';
export type { SimState, Msg, ProducerState, QueueState, ConsumerState, Totals } from './state';
export { Loc } from './state';
