/**
 * The panels and controls that load after the first paint, from one chunk (LazyPanels.tsx),
 * fetched as soon as the page has mounted. The initial JavaScript stays under its budget
 * (e2e/bundle-size.spec.ts) while a click never waits for them in practice.
 */
import { lazy, type ComponentType } from 'react';

export const loadPanels = () => import('./LazyPanels');

type Panels = Awaited<ReturnType<typeof loadPanels>>;

// Props are each panel's own; `never` props accept any component type here.
type PanelName = {
  [P in keyof Panels]: Panels[P] extends ComponentType<never> ? P : never;
}[keyof Panels];

export function lazyPanel<K extends PanelName>(name: K) {
  return lazy(() => loadPanels().then((m) => ({ default: m[name] })));
}
