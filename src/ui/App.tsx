/**
 * The page: header (scenario, seed), the playback bar, notices, the topology with moving
 * messages and the timeline under it, the side panels (numbers, inspector, journey), the charts
 * and the event log. Each panel subscribes to just what it shows.
 */
import { Charts } from './Charts';
import { Controls } from './Controls';
import { Counters } from './Counters';
import { EventLog } from './EventLog';
import { Fates } from './Fates';
import { LedgerPanel } from './LedgerPanel';
import { MessageJourney } from './MessageJourney';
import { NodeInspector } from './NodeInspector';
import { Notices } from './Notices';
import { QueuePanel } from './QueuePanel';
import { ScenarioPicker } from './ScenarioPicker';
import { SeedField } from './SeedField';
import { useSimStore } from './SimStoreContext';
import { TimeReadout } from './TimeReadout';
import { TopologyView } from './TopologyView';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export function App() {
  const store = useSimStore();
  useKeyboardShortcuts(store);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">MQ Simulator</h1>
        <ScenarioPicker>
          <SeedField />
        </ScenarioPicker>
      </header>
      <div className="playbar">
        <Controls />
        <TimeReadout />
        <p className="key-hint">
          <kbd>Space</kbd> play/pause · <kbd>←</kbd>/<kbd>→</kbd> step · <kbd>Shift</kbd>+
          <kbd>→</kbd> next event
        </p>
      </div>
      <Notices />
      <main className="layout">
        <TopologyView />
        <div className="side">
          <NodeInspector />
          <MessageJourney />
          <Counters />
          <Fates />
          <QueuePanel />
          <LedgerPanel />
        </div>
        <Charts />
        <EventLog />
      </main>
    </div>
  );
}
