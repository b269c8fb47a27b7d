/*
 * The sandbox's service worker: it keeps a copy of the whole build, so that the page opens and works
 * without a network, from whatever folder it is served.
 *
 * BUILD lists every file of the build folder with its revision (the start of its SHA-256); the build
 * writes it in (vite.config.ts, writeServiceWorker). Each build's files go into a cache of their own:
 * - install: copies the files whose revision has not changed from an earlier build's cache, downloads
 *   the others and checks each against its revision (a half-copied folder is never taken for a build);
 * - the new worker then waits, while the page offers "A new version is ready — Reload", until the page
 *   asks it to take over (the learner chose Reload); a first install takes over at once;
 * - activate: deletes the caches of the other builds served from this same folder;
 * - fetch: answers every file of the build from the cache, first, and the page itself for a visit to
 *   the folder with any query (?lesson=L4&step=2); everything else goes to the network as usual.
 */
const BUILD = { id: 'unbuilt', files: [] };

const SCOPE = self.registration.scope;
const PREFIX = `ecs-sandbox ${SCOPE} `;
const CACHE = PREFIX + BUILD.id;
const REVISION = 'X-Precache-Revision';
const PAGE = new URL('index.html', SCOPE).href;
const revisions = new Map(BUILD.files.map((f) => [new URL(f.path, SCOPE).href, f.revision]));

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => event.waitUntil(dropOtherBuilds().then(() => self.clients.claim())));

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key) event.respondWith(fromCache(key, event.request));
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...revisions].map(async ([href, revision]) => {
      if ((await cache.match(href))?.headers.get(REVISION) === revision) return;
      const earlier = await caches.match(href);
      await cache.put(href, earlier?.headers.get(REVISION) === revision ? earlier : await download(href, revision));
    }),
  );
}

async function download(href, revision) {
  // Past the HTTP cache: the file as the server has it now.
  const response = await fetch(href, { cache: 'reload' });
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if ((await digest(body)) !== revision) throw new Error(`${href} is not the file this build lists`);
  // A fresh response (not a redirected one, which cannot answer a navigation), with the headers that matter.
  const headers = new Headers({ [REVISION]: revision, 'Content-Type': response.headers.get('Content-Type') || 'application/octet-stream' });
  const csp = response.headers.get('Content-Security-Policy');
  if (csp) headers.set('Content-Security-Policy', csp);
  return new Response(body, { status: 200, headers });
}

async function digest(body) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

async function dropOtherBuilds() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

function cacheKey(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  if (request.mode === 'navigate' && (path === SCOPE || path === PAGE)) return PAGE;
  url.hash = '';
  return revisions.has(url.href) ? url.href : null;
}

async function fromCache(key, request) {
  const hit = await (await caches.open(CACHE)).match(key);
  // A cache the browser has evicted: the network, as if there were no worker.
  return hit || fetch(request);
}
