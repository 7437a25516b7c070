/*
 * The app's service worker (docs/lessons.md, "Offline"): it keeps every file of the built app
 * (the page, all hashed scripts and styles, the preset and lesson chunks) in a cache named for
 * this build, so the page and every lesson open with the network off after one visit.
 * The build (vite.config.ts, offlineCache) fills in FILES and VERSION and writes it as sw.js.
 * Plain script, no imports: it runs as a classic worker from 'self' (CSP worker-src 'self').
 */
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `mq-sim-${VERSION}`;
const scope = new URL(self.registration.scope);
const PAGE = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('mq-sim-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope.href)) return;
  if (request.mode === 'navigate') {
    // The page: fresh from the network when there is one (a new build), else the cached one.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(PAGE).then((hit) => hit || new Response('Offline', { status: 503 })),
      ),
    );
    return;
  }
  // Hashed files never change: the cache first, the network for anything not cached. Vary is
  // ignored: the server may vary on Origin, which a module script's request carries and the
  // install's requests did not, and the match would then miss.
  event.respondWith(
    caches
      .match(request, { ignoreSearch: true, ignoreVary: true })
      .then((hit) => hit || fetch(request)),
  );
});
