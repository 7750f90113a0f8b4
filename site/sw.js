// sw.js: makes the explorer work offline after one visit. Network first, so a new build is picked
// up whenever the site is reachable and index.js never runs against a stale index.wasm; the cache
// answers only when the network does not. Scope: the folder this file is served from, so the site
// works from any sub-path.
'use strict';
const CACHE = 'scaling-explorer-v3';
// The app itself, fetched at install so the first visit is enough; pages are cached as visited.
// The bootstrap draws are here too: the app fetches them only when a band is first needed, which
// may be offline.
const APP_FILES = ['./', 'index.html', 'boot.js', 'app.css', 'index.js', 'index.wasm', 'index.data', 'font-bold', 'favicon.svg', 'manifest.webmanifest',
  'site.css', 'docs.html', 'epoch2024-bootstrap.csv'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(APP_FILES.map((f) => new URL(f, self.registration.scope).href)))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreSearch: true }).then((cached) => cached ||
    // A permalink (index.html?view=...) or the bare folder: the app's page answers both.
    (request.mode === 'navigate' ? caches.match(new URL('./', self.registration.scope).href) : undefined) ||
    new Response('offline, and not cached', { status: 503, headers: { 'Content-Type': 'text/plain' } }))));
});
