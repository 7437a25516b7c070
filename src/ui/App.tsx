/**
 * The page: header (scenario, seed), the playback bar, notices, the topology with moving
 * messages and the timeline under it, the side panels (numbers, inspector, journey), the charts
 * and the event log. Each panel subscribes to just what it shows. The orders panel shows only
 * for scenarios with services, and the broker's panels only for scenarios with queues.
 */
import { lazy, Suspense } from 'react';
import { Controls } from './Controls';
import { Counters } from './Counters';
import { EventLog } from './EventLog';
import { Fates } from './Fates';
import { FlowPanel } from './FlowPanel';
import { LedgerPanel } from './LedgerPanel';
import { MessageJourney } from './MessageJourney';
import { NodeInspector } from './NodeInspector';
import { Notices } from './Notices';
import { QueuePanel } from './QueuePanel';
import { ScenarioPicker } from './ScenarioPicker';
import { SeedField } from './SeedField';
import { useSim, useSimStore } from './SimStoreContext';
import { TimeReadout } from './TimeReadout';
import { TopologyView } from './TopologyView';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

// The charts sit below the fold: loaded after the first paint (with d3-shape), which keeps the
// initial JavaScript under its 150 KB budget.
const Charts = lazy(() => import('./Charts').then((m) => ({ default: m.Charts })));

export function App() {
  const store = useSimStore();
  useKeyboardShortcuts(store);
  const hasQueues = useSim((s) => s.scenario.nodes.some((n) => n.kind === 'queue'));
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
          <FlowPanel />
          {hasQueues ? (
            <>
              <Counters />
              <Fates />
              <QueuePanel />
              <LedgerPanel />
            </>
          ) : null}
        </div>
        <Suspense fallback={<div className="charts" aria-busy="true" />}>
          <Charts />
        </Suspense>
        <EventLog />
      </main>
    </div>
  );
}
