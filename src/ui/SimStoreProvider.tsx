import type { ReactNode } from 'react';
import type { SimStore } from '../store';
import { SimStoreContext } from './SimStoreContext';

/** Gives a subtree its simulation. The store is created outside React, so StrictMode's double
 * render never makes a second engine. */
export function SimStoreProvider({ store, children }: { store: SimStore; children: ReactNode }) {
  return <SimStoreContext.Provider value={store}>{children}</SimStoreContext.Provider>;
}
