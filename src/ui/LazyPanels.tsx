/**
 * The panels that load after the first paint, as one chunk (App.tsx): below the fold (charts,
 * event log, fates, queue table, delivery ledger), open only on a click (inspector, message journey) or
 * only for scenarios with services (orders). One chunk rather than one per panel: the bundler
 * then keeps the engine in the main chunk instead of splitting it out, which costs more.
 */
export { Charts } from './Charts';
export { EventLog } from './EventLog';
export { Fates } from './Fates';
export { FlowPanel } from './FlowPanel';
export { LedgerPanel } from './LedgerPanel';
export { MessageJourney } from './MessageJourney';
export { NodeInspector } from './NodeInspector';
export { QueuePanel } from './QueuePanel';
