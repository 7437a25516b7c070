/**
 * The panels that load after the first paint, as one chunk (App.tsx): the broker's numbers
 * (counters, fates, queue table, delivery ledger), those below the fold (charts, event log),
 * those that open on a click (inspector, message journey) and the orders of scenarios with
 * services, and the consumer groups of scenarios with topics. One chunk rather than one per panel: the bundler then keeps the engine in the main
 * chunk instead of splitting it out, which costs more.
 */
export { Charts } from './Charts';
export { Counters } from './Counters';
export { EventLog } from './EventLog';
export { Fates } from './Fates';
export { FlowPanel } from './FlowPanel';
export { GroupsPanel } from './GroupsPanel';
export { LedgerPanel } from './LedgerPanel';
export { MessageJourney } from './MessageJourney';
export { NodeInspector } from './NodeInspector';
export { QueuePanel } from './QueuePanel';
// Controls that need not be there at the first paint (issue 7): they join this chunk.
export { EditScenarioButton } from './EditScenarioButton';
export { ExportMenu } from './ExportMenu';
export { ShareButton } from './ShareButton';
export { StageControls } from './StageControls';
export { ThemeMenu } from './ThemeMenu';
export { LiveSummary } from './a11y/LiveSummary';
export { ShortcutsDialog } from './a11y/ShortcutsDialog';
export { TableView } from './a11y/TableView';
// The compare view (issue 7) joins this chunk too: a chunk of its own made the bundler split
// the modules it shares with the page into a third chunk, 4 KB more of initial JavaScript.
export { CompareView } from './compare/CompareView';
// The lesson player and the course (issue 8).
export { LessonPlayer } from './lessons/LessonPlayer';
