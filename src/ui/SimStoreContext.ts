/**
 * The store of the simulation a subtree shows. A provider per simulation means two runs side
 * by side are just two providers; panels read through narrow selectors so each re-renders only
 * when its own numbers change (and never more often than the store publishes, ~10 Hz).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimStore, SimView } from '../store';

export const SimStoreContext = createContext<SimStore | null>(null);

export function useSimStore(): SimStore {
  const store = useContext(SimStoreContext);
  if (!store) throw new Error('useSimStore needs a <SimStoreProvider> above it');
  return store;
}

/** Select one value from the published summary. Return primitives or stable references. */
export function useSim<T>(selector: (view: SimView) => T): T {
  return useStore(useSimStore(), selector);
}
