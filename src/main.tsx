/**
 * Entry point: one simulation store for the default preset, created outside React (so
 * StrictMode's double effects never make a second engine), then the app mounted around it.
 * The run starts playing at 1× as soon as the page loads, unless the address holds a link to a
 * run: the page then waits, paused, for the link to open (src/share/session.ts, loaded later).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasCompareKey } from './compare/compareLink';
import { isRunLink } from './share/linkFormat';
import { setLinkStatus } from './share/linkStatus';
import { createSimStore } from './store';
import { App } from './ui/App';
import { installPrefs } from './ui/a11y/prefs';
import { installDebugHooks } from './ui/debugHooks';
import { defaultPreset } from './ui/presetLoader';
import { SimStoreProvider } from './ui/SimStoreProvider';
import './ui/styles.css';

// Theme, text size and motion before the first paint (issue 7), so the page never flashes.
installPrefs();

const store = createSimStore(defaultPreset(), { speed: 1 });
installDebugHooks(store);

const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('index.html must contain <div id="root">');
createRoot(rootEl).render(
  <StrictMode>
    <SimStoreProvider store={store}>
      <App />
    </SimStoreProvider>
  </StrictMode>,
);
const opensLink = isRunLink(window.location.hash);
// The compare view (a `compare` key) plays its own pair; the single run waits, paused.
if (!opensLink && !hasCompareKey(window.location.hash)) store.getState().actions.play();
import('./share/session').then(
  (m) => m.startSharing(store, opensLink),
  () => opensLink && setLinkStatus({ errors: ['link: the page could not load its link reader'] }),
);
