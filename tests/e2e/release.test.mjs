// End-to-end tests of views pinned to a data release: an embed pinned to the
// release it was made from keeps showing that release's figures after newer
// figures are published, says which release it shows, and a link to a release
// no longer kept opens the latest figures with a reason.
//
// The site is a copy of dist/ in which a newer release is then simulated: the
// top-level files (the latest release) get other figures for Camden's
// burglaries and another release id, while dist's releases/<id>/ folder stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage, accessibilityProblems } from './browser.mjs';
import { publishNewerFigures as publish } from './publish.mjs';

const site = mkdtempSync(join(tmpdir(), 'met-release-'));
cpSync('dist', site, { recursive: true });
const data = join(site, 'data');
const readJson = (name) => JSON.parse(readFileSync(join(data, name), 'utf8'));
const released = readJson('manifest.json').release;

let app;
before(async () => { app = await start(site); });
after(async () => { await app?.stop(); });

const VIEW = '?v=2&area=E09000007&crime=burglary';
const summary = (page) => page.locator('#summary').innerText();

const publishNewerFigures = () => publish(data);

test('an embed pinned to a data release keeps its figures after newer ones are published', async () => {
  assert.match(released, /^[0-9a-f]{12}$/);
  // The dialog's pinned snippet names the release and the months.
  const page = await openPage(app, VIEW, 1280, '.chart-svg svg');
  const before = await summary(page);
  await page.getByRole('button', { name: 'Embed…' }).click();
  await page.getByLabel(/^Pinned to this data release/).check();
  const label = await page.locator('label[for="embed-pinned"]').innerText();
  assert.match(label, new RegExp(`^Pinned to this data release: [\\w ]+ \\d{4} exactly as published now \\(release ${released}, which holds crime figures to \\w+ \\d{4} and stop-and-search figures to \\w+ \\d{4}\\)$`));
  const code = await page.locator('#embed-code').inputValue();
  const src = code.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.match(src, new RegExp(`\\?v=2&area=E09000007&crime=burglary&from=\\d{4}-\\d{2}&to=\\d{4}-\\d{2}&embed=chart&release=${released}$`));
  await page.close();

  publishNewerFigures();
  const latest = await openPage(app, VIEW, 1280, '.chart-svg svg');
  assert.notEqual(await summary(latest), before, 'the latest figures changed');
  await latest.close();

  // The pinned embed reads the release's own folder and still shows the figures it was made with.
  const requests = [];
  const embed = await app.browser.newPage();
  embed.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await embed.setViewportSize({ width: 400, height: 800 });
  await embed.goto(src);
  await embed.waitForSelector('.chart-svg svg');
  assert.equal(await summary(embed), before);
  assert.match(await embed.locator('#release-note').innerText(), new RegExp(`^These are the figures as published in data release ${released}, which holds crime figures to`));
  const dataRequests = requests.filter((p) => p.startsWith('/data/') && !p.includes('/releases/'));
  assert.ok(requests.includes(`/data/releases/${released}/crime-borough-burglary.json`), requests.join('\n'));
  // Nothing is read from the latest release, not even the page's preloads.
  assert.deepEqual(dataRequests, []);
  assert.ok(requests.includes(`/data/releases/${released}/manifest.json`), requests.join('\n'));
  assert.deepEqual((await accessibilityProblems(embed)).violations, []);
  await embed.close();

  // The full page pinned to the release says so and links to the latest figures.
  const full = await openPage(app, `${VIEW}&release=${released}`, 360, '.chart-svg svg');
  assert.equal(await summary(full), before);
  const note = full.locator('#release-note');
  assert.match(await note.innerText(), /Later releases may add months or revise these figures\./);
  await note.getByRole('link', { name: 'See the latest figures for this view' }).click();
  await full.waitForURL((u) => !u.search.includes('release='));
  await full.waitForSelector('.chart-svg svg');
  assert.notEqual(await summary(full), before);
  assert.equal(await full.locator('#release-note').count(), 0);
  const problems = await accessibilityProblems(full);
  assert.deepEqual(problems, { violations: [], overflow: 0 });
  assert.deepEqual(full.errors, []);
  await full.close();
});

test('a link to a release that is no longer kept shows the latest figures and says why', async () => {
  const page = await openPage(app, `${VIEW}&release=0123456789ab`, 1280, '.chart-svg svg');
  assert.match(await page.locator('.notice[role="status"]').innerText(),
    /The data release “0123456789ab” is not published on this site any more; showing the latest figures\./);
  assert.equal(await page.locator('#release-note').count(), 0);
  // A malformed id is never requested.
  const requests = [];
  const hostile = await app.browser.newPage();
  hostile.on('request', (r) => requests.push(r.url()));
  await hostile.goto(`${app.base}${VIEW}&release=..%2F..%2Fetc`);
  await hostile.waitForSelector('.chart-svg svg');
  const data = requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/data/'));
  assert.ok(data.length > 3 && data.every((p) => !p.includes('releases') && !p.includes('etc')), data.join('\n'));
  assert.match(await hostile.locator('.notice[role="status"]').innerText(), /“\.\.\/\.\.\/etc” is not published/);
  await hostile.close();
  await page.close();
});
