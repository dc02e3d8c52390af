// End-to-end tests of use offline (public/sw.js): after one visit, the app and
// the views of the data release it used open again with no network, as on a
// train; no cache ever holds files of two releases; a new build replaces the
// old shell. "No network" is the browser set offline and the site's server
// taken down (Chromium's offline emulation does not reach a service worker's
// own requests); it comes back on the same port, the same origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage } from './browser.mjs';
import { publishNewerFigures, NEWER } from './publish.mjs';
import { serve } from '../../scripts/serve-dist.mjs';

const site = mkdtempSync(join(tmpdir(), 'met-offline-'));
cpSync('dist', site, { recursive: true });
const data = join(site, 'data');
const first = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')).release;

let app;
let port;
before(async () => {
  app = await start(site, { serviceWorkers: 'allow' });
  port = app.server.address().port;
});
after(async () => { await app?.stop(); });

async function goOffline() {
  await app.browser.setOffline(true);
  app.server.closeAllConnections();
  await new Promise((done) => app.server.close(done));
}

async function goOnline() {
  app.server = await serve(site, port);
  await app.browser.setOffline(false);
}

/** Every cache of the site: its name and the paths it keeps. */
function kept(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

/** Waits until the cache `name` keeps every one of `paths`. */
async function waitKept(page, name, paths) {
  for (let i = 0; i < 200; i++) {
    const have = (await kept(page))[name] ?? [];
    if (paths.every((p) => have.includes(p))) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`${name} never kept ${paths.join(', ')}: ${JSON.stringify(await kept(page))}`);
}

/** What in the data caches is not of the cache's release: a file whose SHA-256 is not the one its release's manifest
 * gives it, a file of another folder, or a cache without its manifest. Nothing, always. */
function mixed(page) {
  return page.evaluate(async () => {
    const problems = [];
    for (const name of (await caches.keys()).filter((n) => n.startsWith('data-'))) {
      const release = name.slice('data-'.length);
      const cache = await caches.open(name);
      const folder = `/data/releases/${release}/`;
      const manifest = await (await cache.match(`${folder}manifest.json`))?.json();
      if (manifest?.release !== release) problems.push(`${name}: no manifest of ${release}`);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (!path.startsWith(folder)) { problems.push(`${name}: ${path}`); continue; }
        const file = path.slice(folder.length);
        if (file === 'manifest.json') continue;
        const bytes = await (await cache.match(request)).arrayBuffer();
        const hash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)),
          (b) => b.toString(16).padStart(2, '0')).join('');
        const expected = manifest?.outputs.find((o) => o.path === file)?.sha256;
        if (hash !== expected) problems.push(`${name}: ${file} is not ${release}'s`);
      }
    }
    return problems;
  });
}

const summary = (page) => page.locator('#summary').innerText();
const heading = (page, start) => page.waitForFunction((s) => document.querySelector('h1')?.textContent.startsWith(s), start);

let burglary;

test('after one visit, a bookmarked view and the definitions open with no network', async () => {
  const page = await openPage(app, '?area=E09000007', 1280, '.map-svg');
  const folder = `/data/releases/${first}/`;
  // The first view's files came before the worker took control: the page names them to it.
  await waitKept(page, `data-${first}`, ['manifest.json', 'boroughs.geo.json', 'crime-borough-all.json'].map((f) => folder + f));
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), 'activated');
  const shell = Object.keys(await kept(page)).filter((n) => n.startsWith('shell-'));
  assert.equal(shell.length, 1);
  const files = (await kept(page))[shell[0]];
  assert.ok(files.includes('/index.html') && files.some((f) => f.endsWith('_bg.wasm')), files.join(' '));
  assert.ok(files.includes('/pages/definitions.html'), files.join(' '));
  // A category chosen and the definitions opened, with the worker in control.
  await page.selectOption('#cat', 'burglary');
  await heading(page, 'Burglary in Camden');
  burglary = await summary(page);
  await page.goto(`${app.base}?page=definitions`);
  await page.getByRole('heading', { level: 1, name: /Definitions/ }).waitFor();
  await waitKept(page, `data-${first}`, [`${folder}crime-borough-burglary.json`, `${folder}glossary.json`]);
  assert.deepEqual(await mixed(page), []);
  assert.deepEqual(page.errors, []);
  await page.close();

  await goOffline();
  // The bookmarked view opens as it was, from the kept shell and files.
  const again = await openPage(app, '?area=E09000007&crime=burglary', 360, '.map-svg');
  await heading(again, 'Burglary in Camden');
  assert.equal(await summary(again), burglary);
  assert.equal(await again.locator('.error-summary').count(), 0);
  await again.goto(`${app.base}?page=definitions`);
  await again.getByRole('heading', { level: 1, name: /Definitions/ }).waitFor();
  assert.ok((await again.locator('main').innerText()).includes('Burglary'));
  assert.deepEqual(again.errors, []);
  // The standalone definitions, never opened, were kept with the shell.
  await again.goto(`${app.base}pages/definitions.html`);
  assert.equal(await again.locator('h1').innerText(), 'Definitions');
  assert.ok((await again.locator('li.term').count()) > 50);
  // A view never opened says which file it lacks, offers Try again, and the rest of the page works.
  await again.goto(`${app.base}?area=E09000007&crime=robbery`);
  await again.getByRole('button', { name: 'Change what is shown' }).click();
  const error = again.locator('.error-summary');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /crime-borough-robbery\.json/);
  assert.match(text, /This device is offline/);
  assert.ok(await error.getByRole('button', { name: 'Try again' }).isVisible());
  await again.selectOption('#cat', 'burglary');
  await heading(again, 'Burglary in Camden');
  assert.equal(await summary(again), burglary);
  await again.close();
  await goOnline();
});

test('a newer release is kept apart from the one before: offline, each opens whole, never mixed', async () => {
  // A page of the first release, still open, fetches a file published since at the latest address: the worker
  // passes it on but does not keep it with the first release's files.
  const page = await openPage(app, '?area=E09000007&crime=burglary', 1280, '.map-svg');
  const newer = publishNewerFigures(data);
  const fetched = await page.evaluate(() => fetch('data/crime-borough-burglary.json').then((r) => r.json()));
  assert.deepEqual(fetched.series[0].values, newer.series[0].values);
  await page.waitForTimeout(500);
  assert.deepEqual(await mixed(page), []);
  // Opened again, the page shows the newer figures and keeps them under their own release.
  await page.reload();
  await heading(page, 'Burglary in Camden');
  await page.waitForFunction((old) => document.querySelector('#summary')?.innerText !== old, burglary);
  const newest = await summary(page);
  const folder = `/data/releases/${NEWER}/`;
  await waitKept(page, `data-${NEWER}`, ['manifest.json', 'boroughs.geo.json', 'crime-borough-burglary.json'].map((f) => folder + f));
  assert.deepEqual(Object.keys(await kept(page)).filter((n) => n.startsWith('data-')).sort(), [`data-${first}`, `data-${NEWER}`].sort());
  assert.deepEqual(await mixed(page), []);
  await page.close();

  await goOffline();
  const again = await openPage(app, '?area=E09000007&crime=burglary', 1280, '.map-svg');
  await heading(again, 'Burglary in Camden');
  assert.equal(await summary(again), newest);
  // A link pinned to the first release still opens it, with its own figures.
  await again.goto(`${app.base}?release=${first}&area=E09000007&crime=burglary`);
  await heading(again, 'Burglary in Camden');
  await again.waitForFunction((old) => document.querySelector('#summary')?.innerText === old, burglary);
  assert.deepEqual(await mixed(again), []);
  assert.deepEqual(again.errors, []);
  await again.close();
  await goOnline();

  // Online again, a link pinned to the first release, whose files are no longer kept, fetches them again and keeps
  // them after the newer release, not in its place: the latest address still falls back to the newer figures.
  const pinned = await openPage(app, `?release=${first}&area=E09000007&crime=burglary`, 1280, '.map-svg');
  await pinned.evaluate((name) => caches.delete(name), `data-${first}`);
  await pinned.reload();
  await heading(pinned, 'Burglary in Camden');
  await waitKept(pinned, `data-${first}`, [`/data/releases/${first}/manifest.json`]);
  const releases = await pinned.evaluate(async () => (await caches.match('kept-releases', { cacheName: 'meta' })).json());
  assert.deepEqual(releases, [NEWER, first]);
  assert.deepEqual(await mixed(pinned), []);
  await pinned.close();
});

test('a new build of the app replaces the kept shell, and still opens offline', async () => {
  const page = await openPage(app, '?area=E09000007&crime=burglary', 1280, '.map-svg');
  const shells = async () => Object.keys(await kept(page)).filter((n) => n.startsWith('shell-'));
  const before = await shells();
  const worker = join(site, 'sw.js');
  const build = 'f'.repeat(16);
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const BUILD = "[0-9a-f]+"/, `const BUILD = "${build}"`));
  // Opening the page finds the new worker. It keeps its shell at once and takes over as soon as the old worker
  // has nothing left to do: Chromium waits for that worker to fall idle, up to about half a minute.
  await page.reload();
  for (let i = 0; i < 600 && (await shells()).join() !== `shell-${build}`; i++) await page.waitForTimeout(100);
  assert.deepEqual(await shells(), [`shell-${build}`]);
  assert.notDeepEqual(before, [`shell-${build}`]);
  await page.close();
  await goOffline();
  const again = await openPage(app, '?area=E09000007&crime=burglary', 1280, '.map-svg');
  await heading(again, 'Burglary in Camden');
  assert.equal(await again.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js')), true);
  assert.deepEqual(again.errors, []);
  await again.close();
  await goOnline();
});
