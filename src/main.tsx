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
import { isLessonLink, openLessons } from './ui/lessonEntry';
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
// A lesson link wins over the run keys the address also carries: the lesson loads its step.
const opensLesson = isLessonLink(window.location.hash);
const opensLink = !opensLesson && isRunLink(window.location.hash);
if (opensLesson) openLessons();
// The compare view (a `compare` key) plays its own pair; the single run waits, paused.
else if (!opensLink && !hasCompareKey(window.location.hash)) store.getState().actions.play();
import('./share/session').then(
  (m) => m.startSharing(store, opensLink),
  () => opensLink && setLinkStatus({ errors: ['link: the page could not load its link reader'] }),
);

// Offline after the first visit (src/offline/serviceWorker.js, written as sw.js by the build).
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  });
