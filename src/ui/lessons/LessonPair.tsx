/**
 * A step that compares two designs: the compare view's pair (sync left, async right) with its
 * control bar, the live comparison table and both panes (and the page's keys), in place of the page's stage (a portal
 * into the host App.tsx leaves in the layout; styles/lessons.css hides the page's own run).
 */
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import type { ComparePair } from '../../compare/comparePair';
import { PANES, type Pane } from '../../compare/tableRows';
import { ComparePane } from '../compare/ComparePane';
import { CompareTable } from '../compare/CompareTable';
import { PairControls } from '../compare/PairControls';
import { lessonUi } from '../lessonEntry';

const LABELS: Record<Pane, string> = { left: 'Direct calls', right: 'With a broker' };

export function LessonPair({ pair }: { pair: ComparePair }) {
  const left = useStore(pair.stores.left, (s) => s.scenario.name);
  const right = useStore(pair.stores.right, (s) => s.scenario.name);
  const names = { left, right };
  // The page's keys (Space, speed) act on the pair while it is shown, as in the compare view.
  useEffect(() => {
    lessonUi.setState({
      keys: {
        getState: () => {
          const { playing, speed } = pair.view.getState();
          return { playing, speed, actions: pair.actions };
        },
      },
    });
    return () => lessonUi.setState({ keys: null });
  }, [pair]);
  const host = document.getElementById('lesson-pair');
  if (!host) return null;
  return createPortal(
    <div className="lesson-pair" data-testid="lesson-pair">
      <div className="compare-bar lesson-pair-bar">
        <PairControls pair={pair} />
      </div>
      {/* The table's columns by their short labels (the panes carry the full names). */}
      <CompareTable pair={pair} names={LABELS} />
      <div className="compare-panes">
        {PANES.map((p) => (
          <ComparePane key={p} pane={p} store={pair.stores[p]} title={`${LABELS[p]}: ${names[p]}`}>
            {null}
          </ComparePane>
        ))}
      </div>
    </div>,
    host,
  );
}
