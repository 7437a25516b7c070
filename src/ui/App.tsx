/**
 * The page: header (scenario, seed), the playback bar, notices, the topology with moving
 * messages and the timeline under it, the side panels (numbers, inspector, journey), the charts
 * and the event log. Each panel subscribes to just what it shows. The orders panel shows only
 * for scenarios with services, the consumer groups for scenarios with topics, and the broker's
 * panels only for scenarios with queues; the charts are those that apply to the scenario.
 */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { loadValidators } from '../store';
import { Controls } from './Controls';
import { lessonUi } from './lessonEntry';
import { LessonsButton } from './LessonsButton';
import { LinkNotice } from './LinkNotice';
import { Notices } from './Notices';
import { ScenarioPicker } from './ScenarioPicker';
import { SeedField } from './SeedField';
import { useSim, useSimStore } from './SimStoreContext';
import { TimeReadout } from './TimeReadout';
import { TopologyView } from './TopologyView';
import { lazyPanel, loadPanels } from './lazyPanel';
import { useKeyboardShortcuts, type ShortcutTarget } from './useKeyboardShortcuts';
import { isEdited } from './editedScenario';
import { useCompareMode } from './compare/useCompareMode';
// Issue 7, look and feel: display menu, shortcut list, live summary.

// Panels below the fold, opened by a click or only for services load after the first paint
// (LazyPanels.tsx), which keeps the initial JavaScript under its 150 KB budget. The chunk is
// fetched as soon as the page has mounted, so a click does not wait for it; so are the engine's
// validators (src/store/validators.ts), which inputs and preset documents need.
const Charts = lazyPanel('Charts');
const Counters = lazyPanel('Counters');
const EventLog = lazyPanel('EventLog');
const Fates = lazyPanel('Fates');
const FlowPanel = lazyPanel('FlowPanel');
const GroupsPanel = lazyPanel('GroupsPanel');
const LedgerPanel = lazyPanel('LedgerPanel');
const MessageJourney = lazyPanel('MessageJourney');
const NodeInspector = lazyPanel('NodeInspector');
const QueuePanel = lazyPanel('QueuePanel');
const EditScenarioButton = lazyPanel('EditScenarioButton');
const ExportMenu = lazyPanel('ExportMenu');
const ShareButton = lazyPanel('ShareButton');
const ThemeMenu = lazyPanel('ThemeMenu');
const LiveSummary = lazyPanel('LiveSummary');
const ShortcutsDialog = lazyPanel('ShortcutsDialog');
// The compare view (issue 7), in the same lazy chunk.
const CompareView = lazyPanel('CompareView');

// The lesson player and the course (src/ui/lessons), in the lazy panels' chunk: as a chunk of
// their own they made the bundler split the engine out of the initial chunk (docs/lessons.md).
const LessonPlayer = lazyPanel('LessonPlayer');

export function App() {
  const store = useSimStore();
  const compare = useCompareMode(store);
  const [pairKeys, setPairKeys] = useState<ShortcutTarget | null>(null);
  // A lesson step showing two designs takes the keys for its pair (src/ui/lessons/LessonPair.tsx).
  const lessonKeys = useStore(lessonUi, (s) => s.keys);
  useKeyboardShortcuts(compare.on ? pairKeys : (lessonKeys ?? store));
  // The editor's scenario, for a side of the compare view: the run's, when it came from the editor.
  const edited = useCallback(() => {
    const s = store.getState().scenario;
    return isEdited(s) ? s : null;
  }, [store]);
  const hasQueues = useSim((s) => s.scenario.nodes.some((n) => n.kind === 'queue'));
  const hasTopics = useSim((s) => s.scenario.nodes.some((n) => n.kind === 'topic'));
  const lessonsOpen = useStore(lessonUi, (s) => s.open);
  const presenting = useStore(lessonUi, (s) => s.presenting);
  useEffect(() => {
    void loadPanels();
    loadValidators().catch(() => undefined); // applyInput retries and says so
  }, []);
  return (
    <div className={presenting ? 'app is-presenting' : 'app'}>
      <header className="app-header">
        {/* Issue 7: the display menu (theme, text size, motion, table view) under the title */}
        <div className="app-brand">
          <h1 className="app-title">MQ Simulator</h1>
          <Suspense fallback={null}>
            <ThemeMenu />
          </Suspense>
        </div>
        {compare.on ? null : (
          <>
            <ScenarioPicker>
              <SeedField />
            </ScenarioPicker>
            {/* The scenario editor (issue 7): its button; the editor loads on the first click. */}
            <Suspense fallback={null}>
              <EditScenarioButton />
            </Suspense>
            <LessonsButton />
          </>
        )}
        {/* Issue 7: two runs side by side; the button opens and closes the view. */}
        <button
          type="button"
          className="btn compare-toggle"
          data-testid="compare-toggle"
          aria-pressed={compare.on}
          onClick={compare.on ? compare.close : compare.open}
          title={compare.on ? 'Back to one run' : 'Compare two runs side by side'}
        >
          {compare.on ? 'Back to one run' : 'Compare'}
        </button>
      </header>
      {compare.on ? (
        <>
          <Suspense fallback={null}>
            <ShortcutsDialog />
          </Suspense>
          <Suspense fallback={<p className="muted">Loading the compare view…</p>}>
            <CompareView hash={compare.hash} edited={edited} onKeys={setPairKeys} />
          </Suspense>
        </>
      ) : (
        <>
          <section className="playbar" aria-label="Playback and time">
            <Controls />
            <Suspense fallback={null}>
              <ShareButton />
            </Suspense>
            <TimeReadout />
            <p className="key-hint">
              <kbd>Space</kbd> play/pause · <kbd>←</kbd>/<kbd>→</kbd> step · <kbd>Shift</kbd>+
              <kbd>→</kbd> next event · <kbd>+</kbd>/<kbd>−</kbd> speed · <kbd>?</kbd> all keys
            </p>
            {/* Export (issue 7): its code loads on first use. */}
            <Suspense fallback={null}>
              <ExportMenu />
            </Suspense>
          </section>
          <Notices />
          <LinkNotice />
          {/* Issue 7: the shortcut list (?) and the polite summary of what goes wrong */}
          <Suspense fallback={null}>
            <ShortcutsDialog />
          </Suspense>
          <Suspense fallback={null}>
            <LiveSummary />
          </Suspense>
          <main className="layout">
            <TopologyView />
            {/* The lesson beside the stage (under it when presenting: styles/lessons.css). */}
            {lessonsOpen ? (
              <Suspense fallback={<section className="panel lesson" aria-busy="true" />}>
                <LessonPlayer />
              </Suspense>
            ) : null}
            {/* A lesson step's two designs, in place of the stage (src/ui/lessons/LessonPair.tsx). */}
            <div id="lesson-pair" className="lesson-pair-host" />
            <div className="side">
              <Suspense fallback={null}>
                <NodeInspector />
                <MessageJourney />
                <FlowPanel />
                {hasTopics ? <GroupsPanel /> : null}
              </Suspense>
              {hasQueues ? (
                <>
                  <Suspense fallback={null}>
                    <Counters />
                    <Fates />
                    <QueuePanel />
                    <LedgerPanel />
                  </Suspense>
                </>
              ) : null}
            </div>
            {/* Every scenario has charts: which ones depends on what it is made of (Charts.tsx). */}
            <Suspense fallback={<div className="charts" aria-busy="true" />}>
              <Charts />
            </Suspense>
            <Suspense fallback={<section className="panel event-log" aria-busy="true" />}>
              <EventLog />
            </Suspense>
          </main>
        </>
      )}
    </div>
  );
}
