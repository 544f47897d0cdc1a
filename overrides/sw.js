// Short Haul's service worker: repeat visits and offline use come from this browser's
// cache, whatever cache headers the host sends. Registered by
// assets/javascripts/sw-register.js on every built page (never by `mkdocs serve`).
//
// It caches site files only, never anything a reader types: drafts stay in
// localStorage, share links carry them in the fragment (never sent), and the only
// requests it answers or makes are GETs for files listed in MANIFEST.
//
// MANIFEST is written in at build time by sitebuild/offline.py: every entry has
// a digest of its contents, so each deploy is a new version of this file. The browser
// installs a new version beside the old one and switches once no page of the old one
// is open (no skipWaiting), so a page and the files it loads always come from one
// deploy. The builder's Python bundle lives at `pyodide/<digest>/`, so a snapshot can
// never meet another deploy's runtime, whatever is cached where.
/* global workbox */
const MANIFEST = self.__SH_MANIFEST;

importScripts(...MANIFEST.workbox);

const PAGES_CACHE = "sh-pages";
const PYTHON_CACHE = "sh-python";
const scope = new URL(self.registration.scope);
const pythonRoot = new URL(MANIFEST.python, scope).href;

// The shell (scripts, styles, search index): fetched at install, served from the cache.
// Workbox fetches an entry with a revision as `cache: "reload"`, past the browser's HTTP
// cache: every file the page had just loaded came a second time. "no-cache" asks the
// host whether the copy the page loaded is still current (a 304, no body) instead.
workbox.precaching.addPlugins([
  { requestWillFetch: async ({ request }) => new Request(request, { cache: "no-cache" }) },
]);
workbox.precaching.precacheAndRoute(MANIFEST.shell);

// Pages, from the cache once opened, keyed by the digest of the deployed file.
function pageKey(url) {
  const path = url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
  const rev = path === null ? undefined : MANIFEST.pages[path];
  return rev === undefined ? null : `${scope.href}${path}?__sh_rev=${rev}`;
}

async function digestOf(response) {
  const hash = await crypto.subtle.digest("SHA-256", await response.arrayBuffer());
  return [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, "0")).join("").slice(0, 16);
}

// Stores a page only if it is the very file this worker was built with; a newer
// deploy's page is shown but not kept, and the browser is asked to look for the
// newer worker.
async function keepPage(key, response) {
  const rev = key.split("?__sh_rev=")[1];
  if (response.ok && !response.redirected && (await digestOf(response.clone())) === rev) {
    await (await caches.open(PAGES_CACHE)).put(key, response);
  } else if (response.ok) {
    self.registration.update().catch(() => {});
  }
}

workbox.routing.registerRoute(
  ({ request, url }) => request.method === "GET" && url.origin === scope.origin && pageKey(url) !== null,
  async ({ event, url }) => {
    const key = pageKey(url);
    const cached = await caches.match(key, { cacheName: PAGES_CACHE });
    if (cached) return cached;
    // Past the HTTP cache's own idea of freshness (a revalidation at most): a page
    // this worker keeps must be the deploy it was built with, checked below.
    const response = await fetch(url.href, { cache: "no-cache", credentials: "same-origin" });
    event.waitUntil(keepPage(key, response.clone()));
    return response;
  },
);

// The Python bundle: under an address named by its digest, so a cached file is never
// stale. The page's Python worker (builder-worker.js) puts the files it fetched into
// this cache once it has started (on a first visit it runs before this service worker
// does), and whatever this worker fetches for a page it keeps too, except the
// snapshot's files (builder.snapshot in xz, builder.snapshot.gz): the Python worker
// keeps the snapshot decompressed, and a compressed copy put here could land over it
// or sit beside it, megabytes never read again.
// (A cacheWillUpdate plugin replaces Workbox's own check: only whole, good answers.)
const SNAPSHOT_FILE = /\/builder\.snapshot(\.gz)?$/;
const notTheSnapshot = {
  cacheWillUpdate: async ({ request, response }) =>
    response.status !== 200 || SNAPSHOT_FILE.test(new URL(request.url).pathname) ? null : response,
};
workbox.routing.registerRoute(
  ({ request, url }) => request.method === "GET" && url.href.startsWith(pythonRoot),
  new workbox.strategies.CacheFirst({ cacheName: PYTHON_CACHE, plugins: [notTheSnapshot] }),
);

// Pages open while this worker installed were loaded without it: keep them too.
async function keepOpenPages() {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const url = new URL(client.url);
    const key = pageKey(url);
    if (key && !(await caches.match(key, { cacheName: PAGES_CACHE }))) {
      await keepPage(key, await fetch(url.origin + url.pathname, { cache: "no-cache" }));
    }
  }
}

self.addEventListener("install", (event) => event.waitUntil(keepOpenPages().catch(() => {})));

// Drop what earlier deploys cached: pages of other digests, and Python bundles older
// than the previous one. The previous bundle stays until the next deploy: a page of the
// previous deploy may still be starting its Python while this worker takes over.
const BUNDLES = `${scope.href}__sh/bundles`; // in "sh-meta": bundles seen, oldest first

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const pages = await caches.open(PAGES_CACHE);
    const current = new Set(Object.keys(MANIFEST.pages).map((path) => pageKey(new URL(path, scope))));
    for (const request of await pages.keys()) {
      if (!current.has(request.url)) await pages.delete(request);
    }
    const meta = await caches.open("sh-meta");
    const seen = (await (await meta.match(BUNDLES))?.json()) ?? [];
    const keep = [...seen.filter((root) => root !== pythonRoot).slice(-1), pythonRoot];
    await meta.put(BUNDLES, new Response(JSON.stringify(keep)));
    const python = await caches.open(PYTHON_CACHE);
    for (const request of await python.keys()) {
      if (!keep.some((root) => request.url.startsWith(root))) {
        await python.delete(request);
      }
    }
  })());
});
