// End-to-end tests of the stop-and-search explorer on the release build
// (dist/): figures equal to the protected files, withheld counts shown as [c]
// and never as 0, the breakdown and period in the URL, rates and ratios by
// ethnic group recomputed here from the files, and axe-core at phone and
// desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { start, openPage, accessibilityProblems } from './browser.mjs';

const OUT = 'test-results';
mkdirSync(OUT, { recursive: true });

const data = (name) => JSON.parse(readFileSync(`dist/data/${name}`, 'utf8'));
const boroughs = data('stops-borough.json');
const wards = data('stops-ward.json');
const fmt = (n) => n.toLocaleString('en-GB');
const shown = (n) => (n === null ? '[c]' : fmt(n));
const latest = boroughs.periods[0];

/** A published count of the latest 12-month period: searches, or one value of a dimension. */
function count(file, code, dimension, value) {
  const a = file.areas.findIndex((x) => x.code === code);
  assert.ok(a >= 0, `no area ${code}`);
  const period = file.periods[0];
  assert.deepEqual(period.period, latest.period);
  if (!dimension) return period.searches[a];
  const d = period.dimensions.find((x) => x.dimension === dimension);
  return d.values.find((x) => x.value === value).counts[a];
}

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

const open = (query = '', width = 1280) => openPage(app, query, width, '#breakdown-chart svg');

const text = (page, selector) => page.locator(selector).first().innerText();
const query = (page) => new URL(page.url()).search;

test('stop and search: figures equal the published file; the explorer links keep the area', async () => {
  const page = await app.browser.newPage();
  await page.goto(`${app.base}?area=E09000007`);
  await page.waitForSelector('.chart-svg svg');
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.getByRole('link', { name: 'Stop and search' }).click();
  await page.waitForSelector('#breakdown-chart svg');
  assert.equal(query(page), '?v=2&explorer=stops&area=E09000007');
  assert.match(await text(page, 'h1'), /^Stop and search in Camden/);
  const camden = count(boroughs, 'E09000007');
  const london = count(boroughs, 'london');
  const summary = await text(page, '#summary');
  assert.ok(summary.includes(`the Met recorded ${fmt(camden)} stop and searches in Camden`), summary);
  assert.ok(summary.includes(`across London there were ${fmt(london)}`), summary);
  // The table lists Camden's wards, each with the ward file's count (or [c]), and Camden's total.
  await page.locator('#area-table').scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelector('#area-table tfoot td')?.textContent === n, fmt(camden));
  const camdenWards = wards.areas.filter((a) => a.parent === 'E09000007' && a.code.startsWith('E05'));
  for (const ward of camdenWards.slice(0, 5)) {
    const row = page.locator('#area-table tbody tr', { has: page.getByRole('button', { name: ward.name, exact: true }) });
    assert.equal(await row.locator('td').first().textContent(), shown(count(wards, ward.code)), ward.name);
  }
  assert.equal(await page.getByRole('link', { name: 'Stop and search' }).getAttribute('aria-current'), 'page');
  await page.getByRole('link', { name: 'Crime', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('All crimes in Camden'));
  assert.equal(query(page), '?v=2&area=E09000007');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('breakdowns follow the URL and show withheld counts as [c], never as 0, on screen and in the CSV', async () => {
  // The first of London and the boroughs with its arrests published and another outcome withheld.
  const outcomes = latest.dimensions.find((d) => d.dimension === 'outcome').values;
  const a = boroughs.areas.findIndex((_, i) =>
    outcomes.find((v) => v.value === 'arrest').counts[i] !== null && outcomes.some((v) => v.counts[i] === null));
  assert.ok(a >= 0, 'an area has a withheld outcome to check');
  const area = boroughs.areas[a];
  const where = area.code === 'london' ? '' : `&area=${area.code}`;
  const page = await open(`?explorer=stops${where}`);
  const withheld = outcomes.find((v) => v.counts[a] === null);
  await page.locator('#breakdown-heading ~ details.data-details summary').click();
  await page.waitForSelector('#breakdown-heading ~ details.data-details table tbody tr');
  const rows = await page.locator('#breakdown-heading ~ details table tbody tr').allInnerTexts();
  const arrest = outcomes.find((v) => v.value === 'arrest').counts[a];
  assert.ok(rows[0].startsWith(`Arrest\t${fmt(arrest)}\t`), rows[0]);
  const labels = {
    summons: 'Summons or charged by post', caution: 'Caution', 'community-resolution': 'Community resolution',
    'penalty-notice': 'Penalty notice for disorder', 'drugs-warning': 'Khat or cannabis warning',
    'no-further-action': 'No further action', unknown: 'Not recorded',
  };
  const row = rows.find((r) => r.startsWith(labels[withheld.value]));
  // (A borough's table adds London's share.)
  assert.ok(row.startsWith(`${labels[withheld.value]}\t[c]\t[c]`), row);
  const download = page.waitForEvent('download');
  await page.locator('#download-breakdown-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  assert.ok(csv.includes(`\r\n${labels[withheld.value]},,suppressed,,suppressed`), csv);
  assert.ok(csv.includes('\r\nsource,"Source: police.uk stop and search data'), csv);
  // Another breakdown: the URL says which, and a reload keeps it.
  await page.selectOption('#dim', 'age');
  await page.waitForFunction(() => location.search.includes('breakdown=age'));
  assert.equal(query(page), `?v=2&explorer=stops${where}&breakdown=age`);
  await page.reload();
  await page.waitForSelector('#breakdown-chart svg');
  assert.match(await text(page, '#breakdown-chart figcaption'), new RegExp(`^Stop and search in ${area.name} by age,`));
  const bars = await page.locator('#breakdown-chart .chart-svg').getAttribute('aria-label');
  assert.match(bars, /by age/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('rates by ethnic group and the ratio to the White group equal a calculation from the files', async () => {
  const page = await open('?explorer=stops&area=E09000007&measure=count');
  const residents = boroughs.residents[boroughs.areas.findIndex((a) => a.code === 'E09000007')];
  const rate = (g) => (count(boroughs, 'E09000007', 'ethnicity', g) * 1000) / residents[g];
  const rows = await page.locator('#groups-heading ~ .plain-table tbody tr').allInnerTexts();
  assert.equal(rows.length, 5);
  const black = rows.find((r) => r.startsWith('Black')).split('\t');
  assert.equal(black[1], fmt(count(boroughs, 'E09000007', 'ethnicity', 'black')));
  assert.equal(black[2], fmt(residents.black));
  assert.equal(black[3], rate('black').toFixed(1));
  assert.equal(black[4], (rate('black') / rate('white')).toFixed(1));
  assert.ok(rows.find((r) => r.startsWith('White')).endsWith('1.0 (reference)'));
  // The count measure charts searches and arrests; December 2022 is a part month, flagged in the table.
  assert.equal(await text(page, '#chart .chart-legend'), 'Searches\nArrests after a search');
  await page.locator('#chart-heading ~ details summary').click();
  // The table is drawn when the details open (a toggle event, after the click).
  await page.locator('#chart-heading ~ details table tbody th').first().waitFor();
  const months = await page.locator('#chart-heading ~ details table tbody th').allInnerTexts();
  assert.ok(months.includes('Dec 2022 (part month)'), months.join());
  assert.match(await text(page, '#chart .note-break'), /covers 1 to 17 December only/);
  await page.close();
});

test('a ward: its own figures, its borough\'s rates by group, and a period that is not a 12-month period falls back', async () => {
  const ward = wards.areas.find((a) => a.parent === 'E09000007' && a.code.startsWith('E05') && count(wards, a.code) !== null);
  const page = await open(`?explorer=stops&area=${ward.code}&from=2024-01&to=2024-03`);
  assert.match(await text(page, '.notice'), /whole years from April to March/);
  assert.ok((await text(page, '#summary')).includes(`${fmt(count(wards, ward.code))} stop and searches in ${ward.name}, Camden`));
  assert.match(await text(page, '#arrests-heading ~ p'), /London and the boroughs only/);
  assert.match(await text(page, '#groups-heading ~ figure .note'), /these are Camden's/);
  // The years on offer are the fixed April-to-March years published, the latest chosen.
  const monthName = (m) => new Date(`${m}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const describe = (p) => `${monthName(p.from)} to ${monthName(p.to)}`;
  const years = boroughs.periods.map((p) => p.period);
  assert.ok(years.every((p) => p.from.endsWith('-04') && p.to.endsWith('-03')), JSON.stringify(years));
  assert.ok(await page.getByRole('radio', { name: describe(years[0]), exact: true }).isChecked());
  // Choosing an earlier year writes both ends; the default writes none.
  if (years.length > 1) {
    await page.getByRole('radio', { name: describe(years[1]), exact: true }).check();
    await page.waitForFunction((from) => location.search.includes(`from=${from}`), years[1].from);
    assert.equal(query(page), `?v=2&explorer=stops&area=${ward.code}&from=${years[1].from}&to=${years[1].to}`);
  }
  await page.close();
});

for (const [width, q, name] of [[320, '?explorer=stops', 'stops-london'],
  [360, '?v=2&explorer=stops&area=E05013570&breakdown=ethnicity', 'stops-ward'],
  [1280, '?explorer=stops&level=ward&measure=count', 'stops-london-wards']]) {
  test(`axe-core finds no violations at ${width} px: ${name}`, async () => {
    const page = await open(q, width);
    for (const summary of await page.locator('details.details summary').all()) await summary.click();
    // The table of areas is drawn lazily (content-visibility): draw it, so axe
    // measures its real layout rather than a placeholder's.
    await page.locator('#table-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
    const { violations, overflow } = await accessibilityProblems(page);
    assert.deepEqual(violations, []);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('outcomes by ethnic group and age: the table equals the cross-tabulation, follows the URL, and adds up to the one-way counts', async () => {
  const cross = data('stops-crosstab.json');
  const a = cross.areas.findIndex((x) => x.code === 'E09000007');
  const cells = cross.periods[0].counts[a];
  assert.deepEqual(cross.periods[0].period, latest.period);
  const ethnicities = cross.ethnicity;
  const [ages, groups] = [cross.age.length, cross.outcome.length];
  const cell = (e, g, o) => cells[(e * ages + g) * groups + o];
  // Where an area's cells for an ethnic group are all published, they add up to its published count; where
  // some are withheld, the published ones add up to no more.
  let tied = 0;
  cross.areas.forEach((area, i) => {
    const mine = cross.periods[0].counts[i];
    ethnicities.forEach((id, e) => {
      const all = mine.slice(e * ages * groups, (e + 1) * ages * groups);
      const published = count(boroughs, area.code, 'ethnicity', id);
      const sum = all.reduce((x, y) => x + (y ?? 0), 0);
      if (published === null) return;
      if (all.every((c) => c !== null)) {
        assert.equal(sum, published, `${area.code} ${id}`);
        tied += 1;
      } else {
        assert.ok(sum <= published, `${area.code} ${id}`);
      }
    });
  });
  assert.ok(tied >= 1, `${tied} area and ethnic-group rows published in full`);

  const page = await open('?explorer=stops&area=E09000007&age=25-34');
  await page.waitForSelector('#cross-chart svg');
  const age = cross.age.indexOf('25-34');
  const rows = await page.locator('#cross-heading ~ .plain-table tbody tr').allInnerTexts();
  assert.equal(rows.length, ethnicities.length);
  ethnicities.forEach((id, e) => {
    const outcomes = [0, 1, 2, 3].map((o) => cell(e, age, o));
    const known = outcomes.every((c) => c !== null);
    const total = known ? outcomes.reduce((x, y) => x + y, 0) : null;
    const share = total === null ? '[c]' : total < 50 ? 'fewer than 50 searches' : `${((outcomes[0] * 100) / total).toFixed(1)}%`;
    const cols = rows[e].split('\t');
    assert.deepEqual(cols.slice(1), [shown(total), ...outcomes.map(shown), share], rows[e]);
  });
  // Another age group: the URL says which; the CSV has every age group, withheld cells flagged.
  await page.selectOption('#age', '10-17');
  await page.waitForFunction(() => location.search.includes('age=10-17'));
  assert.equal(query(page), '?v=2&explorer=stops&area=E09000007&age=10-17');
  assert.match(await text(page, '#cross-heading ~ .plain-table caption'), /aged 10 to 17 by ethnic group and outcome, Camden/);
  const download = page.waitForEvent('download');
  await page.locator('#download-cross-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.split("\r\n").filter((l) => /^"?(Asian|Black|Mixed|White|Other|Not stated)/.test(l));
  assert.equal(lines.length, cells.length);
  assert.equal(lines.filter((l) => l.endsWith(',,suppressed')).length, cells.filter((c) => c === null).length);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('outcomes by ethnic group and age: a table that fails to load says why, with no download, and the rest of the page works', async () => {
  const page = await app.browser.newPage();
  await page.route(/\/data\/(releases\/\w+\/)?stops-crosstab\.json$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${app.base}?explorer=stops&area=E09000007`);
  await page.waitForSelector('#breakdown-chart svg');
  const section = page.locator('section[aria-labelledby="cross-heading"]');
  await page.waitForFunction(() => /stops-crosstab\.json: the server has no such file \(404 Not Found\)/.test(
    document.querySelector('section[aria-labelledby="cross-heading"]')?.innerText ?? ''));
  assert.equal(await section.locator('#download-cross-csv').count(), 0);
  assert.equal(await section.locator('table').count(), 0);
  // The page's error summary offers to try again; the other sections are drawn.
  assert.match(await text(page, '.error-summary'), /stops-crosstab\.json/);
  assert.equal(await page.locator('#groups-chart svg').count(), 1);
  await page.close();
});

// A release whose stop-and-search history holds no whole year from April to
// March (15 months, June to August): the files are trimmed the way `prepare`
// publishes such a history, with monthly counts and no 12-month periods.
test('before the first whole year: the monthly figures added up, and a plain reason for no breakdowns', async () => {
  const FIRST = '2023-06';
  const skip = (file) => file.months - 15;
  const trim = (file) => ({
    ...file,
    first: FIRST,
    months: 15,
    partial: file.partial.filter((p) => p.month >= FIRST),
    searches: file.searches.map((row) => row.slice(skip(file))),
    arrests: file.arrests.map((row) => row && row.slice(skip(file))),
    periods: [],
  });
  assert.equal(boroughs.first.localeCompare(FIRST) < 0 && boroughs.months >= 15, true, 'the files start before June 2023');
  const page = await app.browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.offsite = [];
  page.on('request', (r) => { if (!r.url().startsWith(app.base)) page.offsite.push(r.url()); });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route('**/data/manifest.json', async (route) => {
    const m = await (await route.fetch()).json();
    m.stops.period.from = FIRST;
    m.stops.periods = [];
    m.stops.partial = m.stops.partial.filter((p) => p.month >= FIRST);
    await route.fulfill({ json: m });
  });
  await page.route(/\/data\/(releases\/\w+\/)?stops-(borough|ward)\.json$/, async (route) => {
    await route.fulfill({ json: trim(await (await route.fetch()).json()) });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${app.base}?area=E09000007`);
  await page.waitForSelector('.chart-svg svg');
  await page.getByRole('link', { name: 'Stop and search' }).click();
  await page.waitForSelector('#no-breakdowns');
  assert.equal(query(page), '?v=2&explorer=stops&area=E09000007');
  // The latest 12 months of the file: September 2023 to August 2024.
  const file = trim(boroughs);
  const added = (code) => {
    const row = file.searches[file.areas.findIndex((a) => a.code === code)].slice(3);
    return row.includes(null) ? null : row.reduce((a, b) => a + b, 0);
  };
  const summary = await text(page, '#summary');
  assert.ok(summary.includes(`the 12 months to August 2024 the Met recorded ${fmt(added('E09000007'))} stop and searches in Camden`), summary);
  assert.ok(summary.includes(`across London there were ${fmt(added('london'))}`), summary);
  assert.match(await text(page, '#no-breakdowns'),
    /the first, April 2024 to March 2025, will come with the figures for March 2025/);
  assert.ok(await page.getByRole('radio', { name: 'September 2023 to August 2024', exact: true }).isChecked());
  // The breakdowns are not shown, and their file of whole years is not fetched.
  assert.equal(await page.locator('#breakdown-heading').isVisible(), false);
  assert.equal(requested.filter((p) => p.includes('crosstab')).length, 0, requested.join(' '));
  // London by borough: each borough's count is its months added up, or [c] when a month is withheld.
  await page.goto(`${app.base}?v=2&explorer=stops&from=2023-01&to=2023-12`);
  await page.waitForSelector('#no-breakdowns');
  assert.match(await text(page, '.notice'), /No whole year of stop-and-search figures/);
  await page.locator('#area-table').scrollIntoViewIfNeeded();
  for (const area of file.areas.filter((a) => a.parent === 'london' && a.code.startsWith('E09')).slice(0, 6)) {
    const row = page.locator('#area-table tbody tr', { has: page.getByRole('button', { name: area.name, exact: true }) });
    assert.equal(await row.locator('td').first().textContent(), shown(added(area.code)), area.name);
  }
  await page.locator('#no-breakdowns').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/stops-no-whole-year-1280.png` });
  const { violations } = await accessibilityProblems(page);
  assert.deepEqual(violations, []);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.offsite, []);
  await page.close();
});
