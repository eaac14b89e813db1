// Offline reading. The prerenderer fills in VERSION (changes with every deploy)
// and SHELL (what every visit needs: the app's hashed files, the language
// indexes, the 404 page and, for fetched content, the index documents).
//
// * Pages (navigations) and content documents: network first, so an online reader
//   always gets the current deploy; each successful answer is kept, so every page
//   and article the reader opened can be opened again offline. The documents a
//   page names for prefetching (prerender/) pass through here like any other, so
//   the app finds them offline when it comes back to that view client-side.
// * The app's hashed files: from the cache, as their names change with their
//   contents.
// * Figures (`figures/`, every name hashed): from their own cache, kept across
//   deploys. A page or article document kept for offline reading keeps the
//   figures it names too, also those below the fold the reader never scrolled to.
// * A new deploy changes this file, so the browser installs the new worker on the
//   next visit; it drops the previous deploy's pages and files, so a page is never
//   served with another deploy's app. Content documents are kept across deploys.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const PAGES = 'pages-' + VERSION;
const CONTENT = 'content';
const FIGURES = 'figures';
const BASE = new URL(self.registration.scope).pathname;
// A figure's URL in a page or in a document's HTML (where quotes are escaped).
const FIGURE_URL = new RegExp(BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + 'figures/[^"\'\\s\\\\,)]+', 'g');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(PAGES)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== PAGES && n !== CONTENT && n !== FIGURES).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, PAGES).catch(() => offlinePage(url)));
  } else if (url.pathname.startsWith(BASE + 'content/')) {
    event.respondWith(networkFirst(request, CONTENT));
  } else if (url.pathname.startsWith(BASE + 'figures/')) {
    event.respondWith(caches.open(FIGURES).then(async (cache) => (await cache.match(request)) || keep(cache, request)));
  } else {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

/** The network's answer, kept in `cacheName` when it is a success; the kept
 * copy when the network fails. */
async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches.open(cacheName).then((cache) => cache.put(request, copy));
      keepFigures(response.clone());
    }
    return response;
  } catch (error) {
    const hit = await caches.match(request, { ignoreSearch: true });
    if (hit) return hit;
    throw error;
  }
}

/** Offline and never opened: the index of the page's language, whose app then
 * loads the page's document from the cache or explains that it is offline. */
async function offlinePage(url) {
  const lang = url.pathname.slice(BASE.length).split('/')[0];
  const cache = await caches.open(PAGES);
  return (
    (await cache.match(BASE + lang + '/')) ||
    (await cache.match(BASE + '404.html')) ||
    Response.error()
  );
}

/** The network's answer to `request`, kept in `cache` when it is a success. */
async function keep(cache, request) {
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Keeps every figure that a page or document names and the cache lacks. */
async function keepFigures(response) {
  const urls = [...new Set((await response.text()).match(FIGURE_URL) ?? [])];
  if (!urls.length) return;
  const cache = await caches.open(FIGURES);
  for (const url of urls) {
    if (!(await cache.match(url))) await keep(cache, new Request(url)).catch(() => {});
  }
}
