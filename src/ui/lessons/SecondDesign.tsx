/**
 * The second design of a step that compares two (the asynchronous one): its own store, drawn by
 * the page's TopologyView, next to the page's stage (a portal into the host App.tsx leaves in the
 * layout). Both stores play the step at the same speed to the same pause.
 */
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import type { SimStore } from '../../store';
import { SimStoreProvider } from '../SimStoreProvider';
import { TopologyView } from '../TopologyView';

export function SecondDesign({ store }: { store: SimStore }) {
  const name = useStore(store, (s) => s.scenario.name);
  const host = document.getElementById('lesson-second');
  if (!host) return null;
  return createPortal(
    <div className="lesson-second" data-testid="lesson-second">
      <p className="lesson-second-title">{name}</p>
      <SimStoreProvider store={store}>
        <TopologyView />
      </SimStoreProvider>
    </div>,
    host,
  );
}
