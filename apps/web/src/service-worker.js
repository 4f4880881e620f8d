// The service worker of the web app (docs/controls.md, "Offline opening"): an officer who has opened the app
// once can open the registration page again without a connection, register controls into the
// device's queue (features/controls/queue.ts) and send them later.
//
// The build (apps/web/vite.config.ts, `serviceWorker`) writes it to dist/sw.js with two constants
// in front: VERSION (a hash of the build's files) and PRECACHE (the page shell: the entry and
// the registration page's chunks and styles).
//
// - Pages: from the network; offline, the cached shell, and the client-side router does the rest.
// - /assets/: content-hashed, so from the cache when there, else the network (and kept).
// - The session and the reference lists the registration form reads (areas, installation; not
//   the nearest-buurt lookups): from
//   the network, kept for offline use; offline, the last answer. A 401 drops the kept session;
//   signing out drops all kept answers (Layout.tsx). Nothing else is kept: no figures, no
//   people, no controls.
// - Everything else, and every request that is not a GET, goes to the network untouched.

/* global VERSION, PRECACHE */
const SHELL = `pvi-shell-${VERSION}`;
const DATA = 'pvi-data';
const KEPT_API = /^\/api\/v1\/(session|installation|areas)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(['/', ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('pvi-shell-') && k !== SHELL)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function fromCache(request, cacheName) {
  const cache = await caches.open(cacheName);
  return cache.match(request);
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await fromCache('/', SHELL);
    if (shell) return shell;
    throw error;
  }
}

async function asset(request) {
  const hit = await fromCache(request, SHELL);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

async function kept(request) {
  const cache = await caches.open(DATA);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw error;
  }
  if (response.ok) await cache.put(request, response.clone());
  else if (response.status === 401) await cache.delete(request);
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (KEPT_API.test(url.pathname) && !url.searchParams.has('near'))
    event.respondWith(kept(request));
});
