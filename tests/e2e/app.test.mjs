// End-to-end tests of the release build (dist/) in headless Chromium:
// real figures, selecting areas by mouse and keyboard, the URL as the source of
// truth, bad links, a failing data file, and axe-core at phone and desktop
// widths. Screenshots go to test-results/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const OUT = 'test-results';
mkdirSync(OUT, { recursive: true });

const data = (name) => JSON.parse(readFileSync(`dist/data/${name}`, 'utf8'));
const manifest = data('manifest.json');
const all = data('crime-borough-all.json');
const fmt = (n) => n.toLocaleString('en-GB');

/** Sum of one series over the months `from`..`to` (YYYY-MM), for one area or every row. */
function total(file, category, from, to, area) {
  const index = (m) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const first = index(file.first);
  const series = file.series.find((s) => s.category === category);
  let sum = 0;
  file.areas.forEach((code, a) => {
    if (area && code !== area) return;
    for (let m = index(from); m <= index(to); m++) sum += series.values[a][m - first];
  });
  return sum;
}

const latest = manifest.datasets.find((d) => d.level === 'borough').period.to;
const yearBefore = (m) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - 11;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const from = yearBefore(latest);

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

async function open(query = '', width = 1280) {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  await page.setViewportSize({ width, height: 900 });
  await page.goto(app.base + query);
  await page.waitForSelector('.chart-svg svg', { timeout: 30000 });
  return page;
}

const text = (page, selector) => page.locator(selector).first().innerText();

test('the default view shows London figures equal to the published file', async () => {
  const page = await open();
  const london = total(all, 'all', from, latest);
  assert.match(await text(page, 'h1'), /^All crimes in London/);
  const summary = await text(page, '#summary');
  assert.ok(summary.includes(`the Met recorded ${fmt(london)} crimes in London`), summary);
  assert.equal(await text(page, '#area-table tfoot td'), fmt(london));
  const camden = total(all, 'all', from, latest, 'E09000007');
  const row = page.locator('#area-table tbody tr', { hasText: 'Camden' });
  assert.equal(await row.locator('td').first().innerText(), fmt(camden));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('clicking a borough updates the chart, table, summary and URL, and reload restores it', async () => {
  const page = await open('?cat=burglary');
  await page.locator('#area-E09000007').click();
  await page.waitForURL(/area=E09000007/);
  assert.match(page.url(), /\?area=E09000007&cat=burglary$/);
  assert.match(await text(page, 'h1'), /^Burglary in Camden/);
  assert.match(await text(page, '.chart-legend'), /Camden/);
  assert.equal(await page.locator('#area-table button[aria-pressed="true"]').innerText(), 'Camden');
  const burglary = data('crime-borough-burglary.json');
  const camden = total(burglary, 'burglary', from, latest, 'E09000007');
  assert.ok((await text(page, '#summary')).includes(`${fmt(camden)} burglary offences in Camden`));
  await page.reload();
  await page.waitForSelector('.chart-svg svg');
  assert.match(await text(page, 'h1'), /^Burglary in Camden/);
  assert.equal(await page.locator('#area').inputValue(), 'E09000007');
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('area='));
  assert.match(await text(page, 'h1'), /^Burglary in London/);
  await page.close();
});

test('the keyboard selects areas on the map and in the table', async () => {
  const page = await open('?area=E09000007');
  await page.locator('#area-E09000007').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=E09000008/);
  assert.match(await text(page, 'h1'), /Croydon/);
  await page.locator('#area-table button', { hasText: 'Westminster' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=E09000033/);
  assert.match(await text(page, 'h1'), /Westminster/);
  await page.close();
});

test('changing category and period writes only non-default values to the URL', async () => {
  const page = await open();
  await page.selectOption('#cat', 'theft/shoplifting');
  await page.waitForURL(/cat=theft\/shoplifting/);
  await page.selectOption('#from', '2025-01');
  await page.selectOption('#to', '2025-12');
  await page.waitForURL(/to=2025-12/);
  assert.match(page.url(), /\?cat=theft\/shoplifting&from=2025-01&to=2025-12$/);
  const theft = data('crime-borough-theft.json');
  const london = total(theft, 'theft/shoplifting', '2025-01', '2025-12');
  assert.equal(await text(page, '#area-table tfoot td'), fmt(london));
  assert.match(await text(page, 'h1'), /Shoplifting in London/i);
  await page.close();
});

test('period presets choose whole periods; all months sum to the merged published series', async () => {
  const page = await open();
  assert.equal(await page.getByRole('button', { name: 'Latest 12 months' }).getAttribute('aria-pressed'), 'true');
  const available = manifest.datasets.find((d) => d.level === 'borough').period;
  await page.getByRole('button', { name: 'All published months' }).click();
  await page.waitForURL(/to=/);
  assert.match(page.url(), new RegExp(`from=${available.from}&to=${available.to}$`));
  const everything = total(all, 'all', available.from, available.to);
  assert.equal(await text(page, '#area-table tfoot td'), fmt(everything));
  assert.equal(await page.getByRole('button', { name: 'All published months' }).getAttribute('aria-pressed'), 'true');
  await page.close();
});

test('the table sorts by any column, with aria-sort, in the URL', async () => {
  const page = await open();
  const rateHeader = page.locator('#area-table thead th').nth(2);
  assert.equal(await rateHeader.getAttribute('aria-sort'), 'none');
  await rateHeader.getByRole('button').click();
  await page.waitForURL(/sort=-rate/);
  assert.equal(await rateHeader.getAttribute('aria-sort'), 'descending');
  const rates = await page.$$eval('#area-table tbody tr', (rows) => rows
    .filter((r) => r.querySelector('button')).map((r) => Number(r.cells[2].textContent.replace(/,/g, ''))));
  assert.equal(rates.length, 32);
  assert.deepEqual(rates, [...rates].sort((a, b) => b - a));
  await rateHeader.getByRole('button').click();
  await page.waitForURL(/sort=rate$/);
  assert.equal(await rateHeader.getAttribute('aria-sort'), 'ascending');
  await page.close();
});

test('bad parameters fall back to the defaults with a reason', async () => {
  const page = await open('?area=E09000001&cat=%3Cscript%3Ealert(1)%3C/script%3E&from=banana&zoom=3');
  assert.match(await text(page, 'h1'), /^All crimes in London/);
  const notice = await text(page, '.notice');
  assert.match(notice, /No area has the code/);
  assert.match(notice, /There is no crime category/);
  assert.match(notice, /is not a month/);
  assert.match(notice, /not used by this page/);
  assert.equal(await page.locator('script:has-text("alert(1)")').count(), 0);
  await page.close();
});

test('a failing data file shows an error panel, and "Try again" recovers', async () => {
  const page = await app.browser.newPage();
  let fail = true;
  await page.route('**/data/crime-borough-all.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await page.goto(app.base);
  await page.waitForSelector('.error-summary');
  assert.match(await text(page, '.error-summary'), /503/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('.chart-svg svg');
  assert.equal(await page.locator('.error-summary').count(), 0);
  await page.close();
});

for (const width of [320, 360, 1280]) {
  test(`axe-core finds no violations at ${width} px`, async () => {
    const page = await open('?area=E09000007&cat=burglary', width);
    await page.locator('details.details summary').click();
    await page.screenshot({ path: `${OUT}/camden-burglary-${width}.png`, fullPage: true });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target}`);
    assert.deepEqual(summary, []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.close();
  });
}
