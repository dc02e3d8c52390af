// End-to-end tests of one session, one release: a page reads every file after
// its manifest from the folder of the release that manifest names, so figures
// published while it is open never join the ones it started with; it offers the
// newest figures instead. The site is a copy of dist/ in which newer figures
// are then published at the top level, as `prepare` would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage } from './browser.mjs';
import { publishNewerFigures } from './publish.mjs';

const site = mkdtempSync(join(tmpdir(), 'met-session-'));
cpSync('dist', site, { recursive: true });
const data = join(site, 'data');
const readJson = (name) => JSON.parse(readFileSync(join(data, name), 'utf8'));
const started = readJson('manifest.json').release;
const fmt = (n) => n.toLocaleString('en-GB');

let app;
before(async () => { app = await start(site); });
after(async () => { await app?.stop(); });

/** Camden's burglaries over the page's default months in a series file. */
function camden(file, from, to) {
  const row = file.areas.indexOf('E09000007');
  const series = file.series.find((s) => s.category === 'burglary');
  const index = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return series.values[row].slice(index(from) - index(file.first), index(to) - index(file.first) + 1).reduce((a, v) => a + v, 0);
}

test('figures published while a page is open never join its own; it offers the newest instead', async () => {
  const page = await openPage(app, '?area=E09000007', 1280, '.map-svg');
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // Newer figures are published: Camden's burglaries each month plus 100, under a new release id.
  const file = publishNewerFigures(data);
  // A file first needed now comes from the page's own release.
  await page.selectOption('#cat', 'burglary');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Burglary in Camden'));
  assert.ok(requested.includes(`/data/releases/${started}/crime-borough-burglary.json`), requested.join(' '));
  assert.ok(!requested.includes('/data/crime-borough-burglary.json'));
  const own = JSON.parse(readFileSync(join(data, 'releases', started, 'crime-borough-burglary.json'), 'utf8'));
  const summary = () => page.locator('#summary').innerText();
  const months = [await page.locator('#from').inputValue(), await page.locator('#to').inputValue()];
  assert.ok((await summary()).includes(`${fmt(camden(own, ...months))} burglary offences in Camden`), await summary());
  // When the page is shown again it asks, and offers the newest figures.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  const notice = page.locator('#newer-figures');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Newer figures have been published since this page was opened/);
  await notice.getByRole('button', { name: 'Show the newest figures' }).click();
  await page.waitForFunction((n) => document.querySelector('#summary')?.textContent.includes(n), `${fmt(camden(file, ...months))} burglary offences`);
  assert.equal(await page.locator('#newer-figures').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a first file of another release, fetched with the manifest, is read again from the manifest\'s release', async () => {
  // The race: the manifest names this release, but the borough file comes from a newer one (Camden plus 1,000 a month).
  const own = JSON.parse(readFileSync(join('dist', 'data', 'releases', started, 'crime-borough-all.json'), 'utf8'));
  const newer = structuredClone(own);
  const camdenRow = newer.areas.indexOf('E09000007');
  for (const series of newer.series) series.values[camdenRow] = series.values[camdenRow].map((v) => (v === null ? null : v + 1000));
  const page = await app.browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route('**/data/manifest.json', async (route) => route.fulfill({ path: join('dist', 'data', 'releases', started, 'manifest.json') }));
  await page.route('**/data/crime-borough-all.json', (route) => route.fulfill({ json: newer }));
  await page.goto(`${app.base}?area=E09000007`);
  await page.waitForSelector('.map-svg');
  assert.ok(requested.includes(`/data/releases/${started}/crime-borough-all.json`), requested.join(' '));
  const months = [await page.locator('#from').inputValue(), await page.locator('#to').inputValue()];
  const row = own.areas.indexOf('E09000007');
  const index = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const all = own.series.find((s) => s.category === 'all');
  const camden = all.values[row].slice(index(months[0]) - index(own.first), index(months[1]) - index(own.first) + 1).reduce((a, v) => a + v, 0);
  assert.ok((await page.locator('#summary').innerText()).includes(`${fmt(camden)} crimes in Camden`));
  assert.deepEqual(page.errors, []);
  await page.close();
});
