/**
 * The page: header with the scenario picker, the playback bar, the topology with moving
 * messages, and the numbers. Each panel subscribes to just what it shows.
 */
import { useState } from 'react';
import { DEFAULT_PRESET_ID } from '../scenarios';
import { TimeReadout } from './TimeReadout';
import { Controls } from './Controls';
import { Counters } from './Counters';
import { DepthChartView } from './DepthChartView';
import { QueuePanel } from './QueuePanel';
import { ScenarioPicker } from './ScenarioPicker';
import { useSimStore } from './SimStoreContext';
import { TopologyView } from './TopologyView';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

export function App({ initialPresetId = DEFAULT_PRESET_ID }: { initialPresetId?: string }) {
  const store = useSimStore();
  const [presetId, setPresetId] = useState(initialPresetId);
  useKeyboardShortcuts(store);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">MQ Simulator</h1>
        <ScenarioPicker presetId={presetId} onPick={setPresetId} />
      </header>
      <div className="playbar">
        <Controls />
        <TimeReadout />
        <p className="key-hint">
          <kbd>Space</kbd> play/pause · <kbd>→</kbd> step
        </p>
      </div>
      <main className="layout">
        <TopologyView />
        <div className="side">
          <Counters />
          <QueuePanel />
        </div>
        <DepthChartView />
      </main>
    </div>
  );
}
