/**
 * The second design of a step that compares two (the asynchronous one): its own store, drawn by
 * the page's TopologyView (App.tsx's renderStage), next to the page's stage (a portal into the host App.tsx leaves in the
 * layout). Both stores play the step at the same speed to the same pause.
 */
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import type { ReactNode } from 'react';
import type { SimStore } from '../../store';

/**
 * `renderStage` draws a store's stage: App.tsx passes it (a provider around its TopologyView),
 * since importing the stage from this chunk makes the bundler split the stage's code out of the
 * initial chunk into shared ones (~2 KB gzipped more at the first paint).
 */
export function SecondDesign({
  store,
  renderStage,
}: {
  store: SimStore;
  renderStage(store: SimStore): ReactNode;
}) {
  const name = useStore(store, (s) => s.scenario.name);
  const host = document.getElementById('lesson-second');
  if (!host) return null;
  return createPortal(
    <div className="lesson-second" data-testid="lesson-second">
      <p className="lesson-second-title">{name}</p>
      {renderStage(store)}
    </div>,
    host,
  );
}
