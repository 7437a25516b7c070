/**
 * One side of the compare view: its own store (so every panel works as on the main page) with
 * the topology and moving messages, its tick, and its key panels and charts. Panels sit in
 * elements marked `data-panel` so the table's links can find them; the charts mark themselves.
 */
import { Suspense } from 'react';
import type { Pane } from '../../compare/tableRows';
import type { SimStore } from '../../store';
import { lazyPanel } from '../lazyPanel';
import { useSim } from '../SimStoreContext';
import { SimStoreProvider } from '../SimStoreProvider';
import { TimeReadout } from '../TimeReadout';
import { TopologyView } from '../TopologyView';

const Charts = lazyPanel('Charts');
const Counters = lazyPanel('Counters');
const Fates = lazyPanel('Fates');
const FlowPanel = lazyPanel('FlowPanel');
const GroupsPanel = lazyPanel('GroupsPanel');
const LedgerPanel = lazyPanel('LedgerPanel');

function PaneBody() {
  const hasQueues = useSim((s) => s.scenario.nodes.some((n) => n.kind === 'queue'));
  const hasTopics = useSim((s) => s.scenario.nodes.some((n) => n.kind === 'topic'));
  const name = useSim((s) => s.scenario.name);
  return (
    <>
      <div className="compare-pane-head">
        <p className="compare-pane-name" data-testid="pane-scenario">
          {name}
        </p>
        <TimeReadout />
      </div>
      <TopologyView timeline={false} />
      <Suspense fallback={null}>
        <div data-panel="flow">
          <FlowPanel />
        </div>
        {hasTopics ? (
          <div data-panel="groups">
            <GroupsPanel />
          </div>
        ) : null}
        {hasQueues ? (
          <div className="compare-pane-panels">
            <div data-panel="counters">
              <Counters />
            </div>
            <div data-panel="fates">
              <Fates />
            </div>
            <div data-panel="ledger">
              <LedgerPanel />
            </div>
          </div>
        ) : null}
      </Suspense>
      <Suspense fallback={<div className="charts" aria-busy="true" />}>
        <Charts />
      </Suspense>
    </>
  );
}

export function ComparePane({
  pane,
  store,
  title,
  children,
}: {
  pane: Pane;
  store: SimStore;
  title: string;
  /** The side's picker, above the run. */
  children: React.ReactNode;
}) {
  return (
    <section
      className="compare-pane"
      id={`compare-${pane}`}
      data-testid={`compare-${pane}`}
      aria-label={title}
    >
      {children}
      <SimStoreProvider store={store}>
        <PaneBody />
      </SimStoreProvider>
    </section>
  );
}
