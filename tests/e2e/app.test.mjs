// End-to-end tests of the release build (dist/) in headless Chromium:
// real figures, selecting areas by mouse and keyboard, the URL as the source of
// truth, bad links, a failing data file, and axe-core at phone and desktop
// widths. Screenshots go to test-results/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { start, openPage, accessibilityProblems } from './browser.mjs';

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
const wardLatest = manifest.datasets.find((d) => d.level === 'ward').period.to;
const yearBefore = (m) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - 11;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const from = yearBefore(latest);
// A period as the line of choices writes it: `Jan–Dec 2025` or `Jul 2025–Jun 2026`.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortPeriod = (a, b) => {
  const [ay, am, by, bm] = [a.slice(0, 4), MONTHS[Number(a.slice(5)) - 1], b.slice(0, 4), MONTHS[Number(b.slice(5)) - 1]];
  return ay === by ? `${am}–${bm} ${by}` : `${am} ${ay}–${bm} ${by}`;
};
const wardFrom = yearBefore(wardLatest);

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

const open = (query = '', width = 1280) => openPage(app, query, width, '.chart-svg svg');

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

test('clicking a borough zooms to its wards and updates the chart, table, summary and URL; reload and back work', async () => {
  const page = await open('?cat=burglary');
  await page.locator('#area-E09000007').click();
  await page.waitForURL(/area=E09000007/);
  // The period was the default, so it follows to the latest year with ward figures (not written to the URL).
  assert.match(page.url(), /\?v=2&area=E09000007&crime=burglary$/);
  assert.match(await text(page, 'h1'), /^Burglary in Camden/);
  assert.match(await text(page, '.chart-legend'), /Camden/);
  assert.equal(await text(page, '.breadcrumbs [aria-current]'), 'Camden');
  assert.match(await text(page, '#area-table caption'), /by ward in Camden/);
  const burglary = data('crime-borough-burglary.json');
  const camden = total(burglary, 'burglary', wardFrom, wardLatest, 'E09000007');
  assert.ok((await text(page, '#summary')).includes(`${fmt(camden)} burglary offences in Camden`));
  assert.equal(await text(page, '#area-table tfoot td'), fmt(camden));
  const wards = data('crime-ward-burglary.json');
  const kilburn = manifest.areas.find((a) => a.level === 'ward' && a.borough === 'E09000007' && a.name === 'Kilburn');
  const row = page.locator('#area-table tbody tr', { hasText: 'Kilburn' });
  assert.equal(await row.locator('td').first().innerText(), fmt(total(wards, 'burglary', wardFrom, wardLatest, kilburn.code)));
  assert.equal(await page.locator('.map-area').count(), manifest.areas.filter((a) => a.borough === 'E09000007').length);
  await page.reload();
  await page.waitForSelector('.chart-svg svg');
  assert.match(await text(page, 'h1'), /^Burglary in Camden/);
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('area='));
  assert.match(await text(page, 'h1'), /^Burglary in London/);
  assert.equal(await page.locator('.map-area').count(), 33);
  await page.close();
});

test('map fills follow the figures and the legend after a change; the table off screen catches up', async () => {
  const page = await open('?measure=count');
  const geo = data('boroughs.geo.json').areas.map((a) => a.code);
  const burglary = data('crime-borough-burglary.json');
  for (const [file, category, word] of [[all, 'all', 'All crimes'], [burglary, 'burglary', 'Burglary']]) {
    if (category !== 'all') {
      await page.selectOption('#cat', category);
      // The map is redrawn with the heading; the table below the screen follows a frame later.
      await page.waitForFunction((w) => document.querySelector('h1')?.textContent.startsWith(w), word);
    }
    // The page title follows the view (written just after the frame).
    await page.waitForFunction((w) => document.title.startsWith(`${w} in London, `) && document.title.endsWith(' — Met Data Explorer'), word);
    const ranked = geo.filter((c) => file.areas.includes(c))
      .map((code) => [code, total(file, category, from, latest, code)])
      .sort((a, b) => a[1] - b[1]);
    // Every borough's fill is the colour of the legend class its published figure falls in.
    const classes = await page.$$eval('.legend-list li:has(.swatch-class)', (items) => items.map((li) => {
      const [lo, hi] = li.textContent.split(/ to (?:under )?/).map((n) => Number(n.replace(/,/g, '')));
      return { colour: li.querySelector('.swatch rect').getAttribute('fill').toLowerCase(), lo, hi };
    }));
    assert.ok(classes.length >= 3, JSON.stringify(classes));
    // The colours are drawn on the canvas under the map: read the pixel at a
    // point well inside each borough (the SVG path is clear there, and the
    // topmost shape at that point).
    const fill = (code) => page.locator(`#area-${code}`).getAttribute('fill');
    const drawn = (code) => page.evaluate((code) => {
      const path = document.getElementById(`area-${code}`);
      const canvas = document.querySelector('.map-canvas');
      const box = path.getBBox();
      const ctm = path.getScreenCTM();
      const near = 3 / ctm.a;
      const inside = (x, y) => [[0, 0], [near, 0], [-near, 0], [0, near], [0, -near]]
        .every(([dx, dy]) => path.isPointInFill(new DOMPoint(x + dx, y + dy)));
      for (let i = 1; i < 20; i++) for (let j = 1; j < 20; j++) {
        const [x, y] = [box.x + (box.width * i) / 20, box.y + (box.height * j) / 20];
        if (!inside(x, y)) continue;
        const screen = new DOMPoint(x, y).matrixTransform(ctm);
        if (document.elementFromPoint(screen.x, screen.y) !== path) continue;
        const rect = canvas.getBoundingClientRect();
        const px = Math.floor(((screen.x - rect.left) * canvas.width) / rect.width);
        const py = Math.floor(((screen.y - rect.top) * canvas.height) / rect.height);
        const [r, g, b, a] = canvas.getContext('2d').getImageData(px, py, 1, 1).data;
        // A seam where two parts of one area meet is smoothed (and hidden under the outline): look on.
        if (a < 255) continue;
        return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      }
      return 'no point inside';
    }, code);
    await page.evaluate(() => document.querySelector('.map-svg').scrollIntoView({ block: 'center' }));
    for (const [code, value] of ranked) {
      const i = classes.findIndex((c, k) => value >= c.lo && (value < c.hi || (k === classes.length - 1 && value <= c.hi)));
      assert.equal(await drawn(code), classes[i]?.colour.toLowerCase(), `${category} ${code} ${value}`);
      assert.equal(await fill(code), 'transparent', code);
    }
    assert.equal(await fill('E09000001'), 'url(#not-policed)');
    await page.locator('#area-table').scrollIntoViewIfNeeded();
    await page.waitForFunction((w) => document.querySelector('#area-table caption').textContent.startsWith(w), word);
    const top = page.locator(`#area-table tbody tr#row-${ranked.at(-1)[0]} td`).first();
    assert.equal(await top.innerText(), fmt(ranked.at(-1)[1]));
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the keyboard selects areas on the map and in the table', async () => {
  const page = await open();
  await page.locator('#area-E09000007').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=E09000008/);
  assert.match(await text(page, 'h1'), /Croydon/);
  const ward = page.locator('#area-table tbody button').first();
  const name = await ward.innerText();
  await ward.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('h1').innerText.startsWith(`All crimes in ${n}, Croydon`), name);
  assert.equal(await text(page, '.breadcrumbs [aria-current]'), name);
  await page.close();
});

test('searching "st peters" finds the ward by its other name; the breadcrumb goes back up', async () => {
  const page = await open('', 360);
  await page.locator('#area-search').fill('st peters');
  const option = page.getByRole('option').first();
  assert.match(await option.innerText(), /Bethnal Green West[\s\S]*Ward in Tower Hamlets, also called St Peter's/);
  assert.equal(await page.locator('#area-search').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#area-search').getAttribute('aria-activedescendant'), 'search-option-0');
  await page.keyboard.press('Enter');
  await page.waitForURL(/area=E05009331/);
  assert.match(await text(page, 'h1'), /^All crimes in Bethnal Green West, Tower Hamlets/);
  const trail = await page.locator('.breadcrumbs li').allInnerTexts();
  assert.deepEqual(trail, ['London', 'Tower Hamlets', 'Bethnal Green West']);
  assert.deepEqual(await page.locator('.chart-legend li').allInnerTexts(), ['Bethnal Green West', 'Tower Hamlets (borough)', 'London']);
  const wardAll = data('crime-ward-all.json');
  const count = total(wardAll, 'all', wardFrom, wardLatest, 'E05009331');
  assert.ok((await text(page, '#summary')).includes(`${fmt(count)} crimes in Bethnal Green West, Tower Hamlets`));
  // textContent: at phone width the table is off screen, where content-visibility skips its layout.
  assert.equal(await page.locator('#area-table button[aria-pressed="true"]').textContent(), 'Bethnal Green West');
  await page.locator('.breadcrumbs a', { hasText: 'Tower Hamlets' }).click();
  await page.waitForURL(/area=E09000030$/);
  assert.match(await text(page, 'h1'), /^All crimes in Tower Hamlets/);
  await page.screenshot({ path: `${OUT}/search-tower-hamlets-360.png`, fullPage: true });
  await page.close();
});

test('measures and rolling totals are in the URL; a period without ward figures offers one that has them', async () => {
  const page = await open(`?area=E09000007&from=${from}&to=${latest}`);
  assert.match(await text(page, '#scope-notes'), /Ward figures are published for/);
  await page.locator('#scope-notes button').click();
  await page.waitForURL(/\?v=2&area=E09000007$/);
  assert.equal(await page.locator('#scope-notes').innerText().then((t) => /Ward figures are published for/.test(t)), false);
  await page.locator('label[for="measure-share"]').click();
  await page.waitForURL(/measure=share/);
  assert.match(await text(page, '.legend-title'), /Share of London/);
  assert.match(await text(page, '.chart-unit'), /Per cent of London/);
  await page.locator('label[for="rolling"]').click();
  await page.waitForURL(/roll=12/);
  assert.match(await text(page, '.chart-title'), /12 months to each month/);
  assert.match(page.url(), /\?v=2&area=E09000007&measure=share&roll=12$/);
  await page.locator('label[for="measure-change"]').click();
  await page.waitForURL(/measure=change/);
  assert.match(await text(page, '.legend'), /Within 5% either way/);
  assert.match(await text(page, '.chart-unit'), /Index \(first month = 100\)/);
  await page.close();
});

test('the CSV download holds exactly the table; the chart downloads as SVG and PNG', async () => {
  const page = await open('?area=E09000030&cat=burglary');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-table-csv').click()]);
  const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const [head, body] = csv.split('\r\n\r\n');
  assert.match(head, /^title,"?Burglary by ward in Tower Hamlets/);
  assert.match(head, /\r\nlicence,"?Open Government Licence v3\.0/);
  assert.match(head, /\r\nrelease,"?crime-ward-2025-12/);
  assert.match(head, /\r\ngenerated,\d{4}-\d\d-\d\dT/);
  assert.match(body.trim().split('\r\n')[0], /^area_code,area_name,offences,offences_flag,/);
  const fromCsv = csvRows(csv);
  const fromTable = await page.$$eval('#area-table tbody tr, #area-table tfoot tr', (rows) =>
    rows.map((r) => [r.cells[0].innerText.trim().replace(/ \(whole borough\)$/, ''), r.cells[1].innerText.trim()]));
  assert.deepEqual(fromCsv, fromTable);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-chart-svg').click()]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /Burglary offences per 1,000 residents/);
  assert.match(svg, /Source: Metropolitan Police Service/);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#download-chart-png').click()]);
  assert.equal(pngDownload.suggestedFilename(), 'met-crime-burglary-tower-hamlets-2025-01-to-2025-12-chart.png');
  const png = readFileSync(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  await page.close();
});

test('London by ward: the map and the table show the same ward figures; the long table opens in full on request', async () => {
  const page = await open('?level=ward&sort=-count');
  assert.equal(await page.locator('.map-area').count(), 684);
  assert.equal(await page.locator('#area-table tbody tr').count(), 40);
  const wardAll = data('crime-ward-all.json');
  const top = page.locator('#area-table tbody tr').first();
  const name = (await top.locator('th').textContent()).trim();
  const ward = manifest.areas.find((a) => a.level === 'ward' && a.name === name);
  const count = fmt(total(wardAll, 'all', wardFrom, wardLatest, ward.code));
  assert.equal(await top.locator('td').first().textContent(), count);
  assert.match(await page.locator(`#area-${ward.code}`).getAttribute('aria-label'), new RegExp(`^${name}: ${count} offences`));
  await page.getByRole('button', { name: /^Show all 679 wards$/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('#area-table tbody tr').length === 679);
  await page.close();
});

test('small multiples show every major category for the area, largest first, and choose a category', async () => {
  // With the share measure the main chart shows per cent; the small multiples show rates, and say so.
  const page = await open('?area=E09000007&measure=share');
  await page.locator('#multiples-heading + details summary').click();
  await page.waitForSelector('.multiple svg');
  assert.match(await text(page, '#multiples-heading + details .note'), /^Offences per 1,000 residents for January to December 2025\./);
  const majors = data('majors-borough.json');
  assert.equal(await page.locator('.multiple').count(), majors.series.length);
  const totals = majors.series.map((s) => [s.category, total(majors, s.category, wardFrom, wardLatest, 'E09000007')])
    .sort((a, b) => b[1] - a[1]);
  assert.equal(await text(page, '.multiple-total'), `${fmt(totals[0][1])} offences`);
  assert.ok((await page.locator('.multiple .chart-svg').first().getAttribute('aria-label')).startsWith('Line chart of offences per 1,000 residents'));
  await page.locator('.multiple-title button').first().click();
  await page.waitForURL(new RegExp(`crime=${totals[0][0]}`));
  await page.close();
});

/** The CSV's table section as [name, offences as shown on screen] pairs. */
function csvRows(csv) {
  const [, body] = csv.replace(/^\uFEFF/, '').split('\r\n\r\n');
  return body.trim().split('\r\n').slice(1).map((l) => {
    const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return [cells[1], cells[2] === '' ? '..' : fmt(Number(cells[2]))];
  });
}

for (const width of [360, 1280]) {
  test(`a whole visit at ${width} px: find a ward, change category, period and measure, read the summary, download the CSV`, async () => {
    const page = await open('', width);
    await page.locator('#area-search').fill('kilburn');
    const options = await page.getByRole('option').allInnerTexts();
    assert.ok(options.some((o) => /Ward in Camden/.test(o)) && options.some((o) => /Ward in Brent/.test(o)), options.join(' | '));
    await page.getByRole('option').filter({ hasText: 'Ward in Camden' }).click();
    const kilburn = manifest.areas.find((a) => a.name === 'Kilburn' && a.borough === 'E09000007');
    await page.waitForURL(new RegExp(`area=${kilburn.code}`));
    // A narrow screen shows what is chosen in one line, and the controls on request; a wide one shows them beside the figures.
    const toggle = page.locator('.choices-toggle');
    assert.equal(await page.locator('#cat').isVisible(), width >= 1000);
    assert.equal(await toggle.isVisible(), width < 1000);
    if (width < 1000) {
      assert.equal(await page.locator('#choices-line').textContent(), `Showing: All crimes · ${shortPeriod(wardFrom, wardLatest)} · Rate per 1,000 residents`);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await page.getByRole('button', { name: 'Change what is shown' }).click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await toggle.innerText(), 'Hide the choices');
    }
    await page.selectOption('#cat', 'burglary');
    await page.waitForURL(/crime=burglary/);
    await page.selectOption('#from', '2024-04');
    await page.selectOption('#to', '2025-03');
    await page.waitForURL(/to=2025-03/);
    await page.locator('label[for="measure-count"]').click();
    await page.waitForURL(/measure=count/);
    assert.match(page.url(), new RegExp(`\\?v=2&area=${kilburn.code}&crime=burglary&measure=count&from=2024-04&to=2025-03$`));
    const count = total(data('crime-ward-burglary.json'), 'burglary', '2024-04', '2025-03', kilburn.code);
    const summary = await text(page, '#summary');
    assert.ok(summary.startsWith(`In the 12 months to March 2025 the Met recorded ${fmt(count)} burglary offences in Kilburn, Camden`), summary);
    assert.equal(await page.locator('#view-status').getAttribute('role'), 'status');
    if (width < 1000) {
      assert.equal(await page.locator('#choices-line').textContent(), 'Showing: Burglary · Apr 2024–Mar 2025 · Number of offences');
    }
    assert.match(await text(page, '.chart-title'), /^Burglary offences, by month, Kilburn, Camden/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-table-csv').click()]);
    const rows = csvRows(readFileSync(await download.path(), 'utf8'));
    const table = await page.$$eval('#area-table tbody tr, #area-table tfoot tr', (trs) =>
      trs.map((r) => [r.cells[0].textContent.trim().replace(/ \(whole borough\)$/, ''), r.cells[1].textContent.trim()]));
    assert.deepEqual(rows, table);
    assert.deepEqual(rows.find(([name]) => name === 'Kilburn'), ['Kilburn', fmt(count)]);
    await page.screenshot({ path: `${OUT}/visit-kilburn-${width}.png`, fullPage: true });
    await page.close();
  });
}

test('changing category and period writes only non-default values to the URL; an open data table stays open', async () => {
  const page = await open();
  await page.getByText("Show the chart's data as a table").click();
  await page.selectOption('#cat', 'theft/shoplifting');
  await page.waitForURL(/crime=theft\/shoplifting/);
  await page.selectOption('#from', '2025-01');
  await page.selectOption('#to', '2025-12');
  await page.waitForURL(/to=2025-12/);
  assert.match(page.url(), /\?v=2&crime=theft\/shoplifting&from=2025-01&to=2025-12$/);
  const theft = data('crime-borough-theft.json');
  const london = total(theft, 'theft/shoplifting', '2025-01', '2025-12');
  assert.equal(await text(page, '#area-table tfoot td'), fmt(london));
  assert.match(await text(page, 'h1'), /Shoplifting in London/i);
  assert.equal(await page.locator('.panel details.details').evaluate((d) => d.open), true);
  assert.match(await text(page, '.panel details.details caption'), /^Shoplifting offences/);
  assert.equal(await page.locator('.panel details.details tbody tr').count(), 12);
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
  await page.route(/\/data\/(releases\/\w+\/)?crime-borough-all\.json$/, (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await page.goto(app.base);
  await page.waitForSelector('.error-summary');
  assert.match(await text(page, '.error-summary'), /503/);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('.chart-svg svg');
  assert.equal(await page.locator('.error-summary').count(), 0);
  await page.close();
});

for (const [width, query, name] of [[320, '?area=E09000007&cat=burglary', 'camden-burglary'],
  [360, '?area=E05009331&measure=share&roll=12', 'ward-share'], [1280, '?area=E09000007&cat=burglary', 'camden-burglary'],
  [1280, '?level=ward&measure=count', 'london-wards']]) {
  test(`axe-core finds no violations at ${width} px: ${name}`, async () => {
    const page = await open(query, width);
    // Open everything that is closed, so axe checks it too.
    for (const summary of await page.locator('details.details summary').all()) await summary.click();
    await page.waitForSelector('.multiple svg');
    await page.locator('#area-search').fill('ham');
    await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
    const { violations, overflow } = await accessibilityProblems(page);
    assert.deepEqual(violations, []);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await page.close();
  });
}
