/** The engine's public surface: everything outside src/engine imports from here. */
export {
  createSim,
  DEFAULT_SEED,
  DEFAULT_TICK_MS,
  IMPLICIT_BROKER_ID,
  type CreateOptions,
} from './create';
export { advance, advanceTo, finished, nextEventUs, processUntil, runToEnd } from './advance';
export { snapshot, restore, serializeState, deserializeState } from './snapshot';
export { report, seriesPoints, summarize } from './metrics';
export { latencyPoints, type LatencyPoints } from './latencySeries';
export type {
  RunReport,
  QueueReport,
  ConsumerReport,
  ProducerReport,
  ExchangeReport,
  BrokerReport,
  LedgerReport,
  LatencySummary,
  FlowReport,
  ServiceReport,
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
export { LIMITS, DIST_KINDS, NODE_KINDS, type NodeKind } from './scenarioSchema';
export type {
  Scenario,
  ScenarioNode,
  ProducerNode,
  QueueNode,
  ConsumerNode,
  ExchangeNode,
  BrokerNode,
  ServiceNode,
  Binding,
  Template,
  Dist,
} from './scenarioSchema';
export {
  INPUT_TYPES,
  CRASH_WINDOWS,
  type CrashWindow,
  type Input,
  type TimedInput,
} from './inputSchema';
export type { SimEvent, SimEventType, EventSink } from './events';
export type {
  SimState,
  Msg,
  Delivery,
  ProducerState,
  QueueState,
  ConsumerState,
  ExchangeState,
  BrokerState,
  Totals,
} from './state';
export { Loc, DLoc } from './state';
export { readySlots } from './queue';
export {
  DESIGNS,
  DESIGN_LABELS,
  designDocument,
  isComparison,
  validateComparison,
  type Comparison,
  type Design,
} from './compare';
export { compareTable, bottleneck, peakBacklog, type CompareRow } from './compareTable';
export { SERVICE_STATES } from './schemaService';
