// Met Data Explorer's service worker: after one visit, the app and the data
// release it used open without a network, so a reader on a train can reopen a
// bookmarked view.
//
// - The app shell (the page, its scripts, the wasm, the stylesheet and the
//   standalone pages, pages/*.html) is kept
//   in a cache named by its build, `shell-<build>`. The build's post-build hook
//   (scripts/offline.mjs) writes BUILD and SHELL below; a new build is a new
//   worker, which keeps its own shell and deletes the old one.
// - Data files are kept in one cache per data release, `data-<release>`, under
//   the address of the release's own folder (`data/releases/<id>/<name>`).
//   A file of the latest release (`data/<name>`) is kept only when its SHA-256
//   is the one the manifest of that release gives it, so no cache ever holds
//   files of two releases. The two releases seen last are kept.
// - Pages and the latest manifest come from the network first: a reader online
//   always gets the newest app and figures. Without a network they come from
//   the caches, and every file after the manifest from the cache of the
//   manifest's release. Files of a release folder never change and come from
//   the cache first.
// - Files the page fetched before this worker took control (the first visit)
//   are named to it by the page in a message, and kept the same way.
const BUILD = '__BUILD__';
const SHELL = ['__SHELL__'];
const SHELL_CACHE = `shell-${BUILD}`;
const KEPT_RELEASES = 2;
/** How long a page waits for the network before the kept copy is shown. */
const PAGE_TIMEOUT_MS = 4000;

const scope = new URL(self.registration.scope);
const at = (path) => new URL(path, scope).href;
const dataCache = (release) => `data-${release}`;
const releaseFile = (release, name) => at(`data/releases/${release}/${name}`);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    // The scripts, wasm and stylesheet are named by their content: a copy in the HTTP cache (the one the page
    // has just loaded) is the right one, and is not downloaded again. Pages are not, so they are fetched.
    await Promise.all(SHELL.map(async (path) => {
      const request = new Request(at(path), { cache: path.endsWith('.html') ? 'no-cache' : 'force-cache' });
      const response = await fetch(request);
      if (!response.ok) throw new Error(`sw.js: ${path} answered ${response.status}`);
      await cache.put(at(path), response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  const to = request.mode === 'navigate' ? { kind: 'page' } : route(path);
  // A page of the shell (a standalone page) falls back to its own copy; any other address is the app's page.
  if (to.kind === 'page') event.respondWith(page(request, SHELL.includes(path) ? path : 'index.html'));
  else if (to.kind === 'manifest') event.respondWith(latestManifest(request));
  else if (to.kind === 'release') event.respondWith(ofRelease(request, to.release, to.name));
  else if (to.kind === 'latest') event.respondWith(ofLatest(event, request, to.name));
  else if (to.kind === 'shell') event.respondWith(shell(request, path));
});

/** What a path under the scope is: the latest manifest, a file of a release's folder, a file of the latest
 * release, a file of the shell, or none of these (`other`, left to the network). */
function route(path) {
  let match;
  if (path === 'data/manifest.json') return { kind: 'manifest' };
  if ((match = /^data\/releases\/([^/]+)\/([^/]+)$/.exec(path))) return { kind: 'release', release: match[1], name: match[2] };
  if ((match = /^data\/([^/]+)$/.exec(path))) return { kind: 'latest', name: match[1] };
  if (SHELL.includes(path)) return { kind: 'shell' };
  return { kind: 'other' };
}

// The page names the files it fetched before this worker took control.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  event.waitUntil(keepFetched(urls));
});

/** A page: from the network, or the kept copy at `path` when the network fails or is slower than PAGE_TIMEOUT_MS. */
async function page(request, path) {
  const network = fetch(request);
  const kept = await caches.match(at(path), { cacheName: SHELL_CACHE });
  if (!kept) return network;
  const late = new Promise((resolve) => setTimeout(() => resolve(kept), PAGE_TIMEOUT_MS));
  return Promise.race([network.catch(() => kept), late]);
}

/** A file of the shell: it never changes under its name. */
async function shell(request, path) {
  return (await caches.match(at(path), { cacheName: SHELL_CACHE })) ?? fetch(request);
}

/** The manifest of the latest release: from the network (and kept), else the newest kept. */
async function latestManifest(request) {
  // The files fetched with the manifest are checked against it: they wait for it from now on.
  const fetched = fetch(request);
  const noted = fetched.then(async (response) => {
    if (!response.ok || !isJson(response)) throw new Error(`sw.js: the manifest answered ${response.status}`);
    return note(await response.clone().text(), response.headers);
  });
  current = noted;
  try {
    const response = await fetched;
    await noted.catch(() => null);
    return response;
  } catch (error) {
    const [newest] = await keptReleases();
    const kept = newest && (await caches.match(releaseFile(newest, 'manifest.json'), { cacheName: dataCache(newest) }));
    if (kept) return kept;
    throw error;
  }
}

/** A file of a release's folder: from its cache, else the network (and kept). */
async function ofRelease(request, release, name) {
  const cache = await caches.open(dataCache(release));
  const kept = await cache.match(releaseFile(release, name));
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && isData(response)) {
    const copy = response.clone();
    if (name === 'manifest.json') await note(await copy.text(), copy.headers, { latest: false }).catch(() => null);
    else await cache.put(releaseFile(release, name), copy);
  }
  return response;
}

/** A file of the latest release: from the network (kept if it is the manifest's), else from the newest kept release. */
async function ofLatest(event, request, name) {
  try {
    const response = await fetch(request);
    if (response.ok && isData(response)) event.waitUntil(keepLatest(name, response.clone()));
    return response;
  } catch (error) {
    const [newest] = await keptReleases();
    const kept = newest && (await caches.match(releaseFile(newest, name), { cacheName: dataCache(newest) }));
    if (kept) return kept;
    throw error;
  }
}

/** The manifest fetched last, as a promise: the release the latest files are checked against. */
let current = null;

/** Keeps a manifest in its release's cache and notes its release as kept; resolves to the manifest. The latest
 * manifest's release becomes the newest kept; a manifest fetched from a release's own folder (a view pinned to an
 * older release) is kept after the newest, never in its place, so the latest address still falls back to it. */
async function note(text, headers, { latest = true } = {}) {
  const manifest = JSON.parse(text);
  if (typeof manifest.release !== 'string' || !/^[0-9A-Za-z._-]+$/.test(manifest.release)) {
    throw new Error('sw.js: a manifest without a release id');
  }
  const cache = await caches.open(dataCache(manifest.release));
  await cache.put(releaseFile(manifest.release, 'manifest.json'), new Response(text, { headers }));
  const others = (await keptReleases()).filter((r) => r !== manifest.release);
  const releases = latest || others.length === 0 ? [manifest.release, ...others] : [others[0], manifest.release, ...others.slice(1)];
  const kept = releases.slice(0, KEPT_RELEASES);
  await (await caches.open('meta')).put(at('kept-releases'), new Response(JSON.stringify(kept)));
  for (const name of await caches.keys()) {
    if (name.startsWith('data-') && !kept.some((r) => dataCache(r) === name)) await caches.delete(name);
  }
  return manifest;
}

/** The releases kept, newest first. */
async function keptReleases() {
  const noted = await caches.match(at('kept-releases'), { cacheName: 'meta' });
  return noted ? noted.json() : [];
}

/** Keeps a file fetched from the latest release's address in the cache of the manifest whose hash it has. */
async function keepLatest(name, response) {
  const bytes = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  let manifest = current ? await current.catch(() => null) : null;
  if (!manifest) {
    const [newest] = await keptReleases();
    const kept = newest && (await caches.match(releaseFile(newest, 'manifest.json'), { cacheName: dataCache(newest) }));
    manifest = kept ? await kept.json() : null;
  }
  const output = manifest?.outputs?.find((o) => o.path === name);
  if (!output || output.sha256 !== sha256) return;
  const cache = await caches.open(dataCache(manifest.release));
  await cache.put(releaseFile(manifest.release, name), new Response(bytes, { headers: response.headers }));
}

/** Keeps the data files the page fetched before this worker took control. */
async function keepFetched(urls) {
  const paths = urls
    .map((u) => new URL(u, scope))
    .filter((u) => u.origin === scope.origin && u.pathname.startsWith(scope.pathname))
    .map((u) => u.pathname.slice(scope.pathname.length));
  // The manifest first: the latest files are checked against it.
  const manifests = paths.filter((p) => route(p).kind === 'manifest');
  for (const path of manifests) {
    const response = await fetch(at(path), { cache: 'force-cache' }).catch(() => null);
    if (response?.ok && isJson(response)) {
      current = note(await response.text(), response.headers);
      await current.catch(() => null);
    }
  }
  await Promise.all(paths.filter((p) => route(p).kind !== 'manifest').map(async (path) => {
    const to = route(path);
    const request = new Request(at(path), { cache: 'force-cache' });
    if (to.kind === 'release') {
      await ofRelease(request, to.release, to.name).catch(() => null);
    } else if (to.kind === 'latest') {
      const response = await fetch(request).catch(() => null);
      if (response?.ok && isData(response)) await keepLatest(to.name, response);
    }
  }));
}

function isJson(response) {
  return (response.headers.get('content-type') ?? '').includes('json');
}

/** A data file, not a page a single-page host answers for every path. */
function isData(response) {
  return !(response.headers.get('content-type') ?? '').startsWith('text/html');
}
