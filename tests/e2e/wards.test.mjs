// End-to-end tests of older ward vintages: wards of different years are
// different places, shown apart with their own list, map and months, chosen
// under "Which wards", by a link (`wards=` or one of their wards) or by search.
//
// ../shared/data holds ward files of today's wards only, so the data server is
// given an older vintage here the way `prepare` publishes one (see
// `Manifest::older_wards` and `crime-ward-<vintage>-*.json`): three of Camden's
// wards under codes of the 2002 range and names of their own, with the real
// ward figures moved 44 months earlier. Every figure the page shows is then
// checked against those files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { start, accessibilityProblems } from './browser.mjs';

const OUT = 'test-results';
mkdirSync(OUT, { recursive: true });
const data = (name) => JSON.parse(readFileSync(`dist/data/${name}`, 'utf8'));
const fmt = (n) => n.toLocaleString('en-GB');
const SHIFT = 44;
const shift = (m, by) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const manifest = data('manifest.json');
const camden = manifest.areas.filter((a) => a.level === 'ward' && a.borough === 'E09000007').slice(0, 3);
const OLD = new Map(camden.map((a, i) => [a.code, { code: `E0500013${i}`, name: `Old ${a.name}` }]));
const wardPeriod = manifest.datasets.find((d) => d.level === 'ward').period;
const period = { from: shift(wardPeriod.from, -SHIFT), to: shift(wardPeriod.to, -SHIFT) };
const VINTAGE = {
  id: '2018',
  name: 'the wards of May 2018 to May 2022',
  period,
  areas: camden.map((a) => ({ ...a, ...OLD.get(a.code), population: undefined })),
  boundaries: true,
};

/** A ward file of today's, as the older vintage's: its three wards renamed, months moved earlier. */
function older(file) {
  const keep = file.areas.map((code, i) => [code, i]).filter(([code]) => OLD.has(code));
  return {
    ...file,
    first: shift(file.first, -SHIFT),
    areas: keep.map(([code]) => OLD.get(code).code),
    series: file.series.map((s) => ({ ...s, values: keep.map(([, i]) => s.values[i]), revised: keep.map(() => []) })),
  };
}

async function serveOlderWards(page) {
  const majors = new Set(manifest.outputs.map((o) => o.path).filter((p) => /^crime-ward-[a-z-]+\.json$/.test(p)));
  await page.route('**/data/manifest.json', async (route) => {
    const m = await (await route.fetch()).json();
    m.older_wards = [VINTAGE];
    for (const p of majors) m.outputs.push({ path: p.replace('crime-ward-', 'crime-ward-2018-'), bytes: 0, sha256: '' });
    await route.fulfill({ json: m });
  });
  await page.route(/\/data\/(releases\/\w+\/)?(crime-ward-2018-[a-z-]+|majors-ward-2018)\.json$/, async (route) => {
    const today = route.request().url().replace('-ward-2018', '-ward');
    await route.fulfill({ json: older(await (await route.fetch({ url: today })).json()) });
  });
  await page.route(/\/data\/(releases\/\w+\/)?wards-2018\.geo\.json$/, async (route) => {
    const geo = await (await route.fetch({ url: route.request().url().replace('wards-2018', 'wards') })).json();
    geo.areas = geo.areas.filter((a) => OLD.has(a.code)).map((a) => ({ ...a, ...OLD.get(a.code) }));
    await route.fulfill({ json: geo });
  });
}

let app;
before(async () => { app = await start(); });
after(async () => app?.stop());

async function open(query, width = 1280) {
  // Routes belong to a page: they are set before its first request.
  const page = await app.browser.newPage();
  await serveOlderWards(page);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.offsite = [];
  page.on('request', (r) => { if (!r.url().startsWith(app.base)) page.offsite.push(r.url()); });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(app.base + query);
  await page.waitForSelector('.chart-svg svg', { timeout: 30000 });
  return page;
}

const text = async (page, selector) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ');
const query = (page) => new URL(page.url()).search;

test('a borough\'s wards of an older vintage: chosen under "Which wards", with their own map, list and months', async () => {
  const page = await open('?area=E09000007');
  const choices = page.locator('#ward-choice input[type=radio]');
  assert.equal(await choices.count(), 2);
  assert.ok(await page.locator('#wards-today').isChecked());
  await page.getByLabel(/^The wards of May 2018 to May 2022/).check();
  await page.waitForFunction(() => location.search.includes('wards=2018'));
  await page.waitForSelector('.map-svg path[data-code="E05000130"]');
  // Only the older wards: on the map and in the table, with what they are said plainly.
  const codes = await page.locator('.map-svg path[data-code]').evaluateAll((ps) => ps.map((p) => p.dataset.code).sort());
  assert.deepEqual(codes, ['E05000130', 'E05000131', 'E05000132']);
  const rows = await page.locator('#area-table tbody th[scope=row]').allTextContents();
  assert.deepEqual(rows.map((r) => r.trim()).sort(), VINTAGE.areas.map((a) => a.name).sort());
  assert.match(await text(page, '#scope-notes'), /These are the wards of May 2018 to May 2022: different places from today's wards/);
  assert.ok(await page.locator('#wards-2018').isChecked());
  // The months follow: the latest year of these wards' figures, their default, so not written.
  assert.equal(query(page), '?v=2&area=E09000007&wards=2018');
  assert.match(await text(page, 'h1'), /May 2021 to April 2022/);
  assert.deepEqual((await accessibilityProblems(page)).violations, []);
  assert.deepEqual([...page.errors, ...page.offsite], []);
  await page.screenshot({ path: `${OUT}/wards-2018-camden-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.locator('#ward-choice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/wards-2018-camden-360.png` });
  await page.close();
});

test('a link to an older ward opens it with its own figures; today\'s wards take its borough back', async () => {
  const page = await open('?v=2&area=E05000130');
  const name = VINTAGE.areas[0].name;
  assert.match(await text(page, 'h1'), new RegExp(`^All crimes in ${name}, Camden`));
  // Its count over the latest year of its figures equals the file's.
  const file = older(data('crime-ward-all.json'));
  const series = file.series.find((s) => s.category === 'all').values[file.areas.indexOf('E05000130')];
  const count = series.slice(-12).reduce((a, b) => a + b, 0);
  assert.ok((await text(page, '#summary')).includes(`${fmt(count)} crimes in ${name}, Camden`), await text(page, '#summary'));
  await page.getByLabel(/^The wards drawn in May 2022/).check();
  await page.waitForFunction(() => !location.search.includes('wards='));
  assert.equal(query(page), '?v=2&area=E09000007');
  assert.equal(await page.locator('.map-svg path[data-code="E05000130"]').count(), 0);
  assert.deepEqual([...page.errors, ...page.offsite], []);
  await page.close();
});

test('search finds an older ward and says which wards it is one of', async () => {
  const page = await open('', 360);
  await page.locator('#area-search').fill(VINTAGE.areas[1].name);
  const option = page.getByRole('option').first();
  assert.match(await option.innerText(), /Ward in Camden, one of the wards of May 2018 to May 2022/);
  await option.click();
  await page.waitForURL(/area=E05000131/);
  assert.match(await text(page, 'h1'), new RegExp(`^All crimes in ${VINTAGE.areas[1].name}, Camden`));
  // A period link of today's wards elsewhere says nothing about these: no note about the link.
  assert.equal(await page.getByText('Part of this link could not be used').count(), 0);
  assert.deepEqual([...page.errors, ...page.offsite], []);
  await page.close();
});
