// End-to-end tests of names that try to be markup: the data server is given a
// manifest and boundaries whose borough, ward and category names hold
// `<script>`, an `<img onerror>`, quotes, `&`, right-to-left marks and a name of
// 10,000 characters. Every view, the embed and the CSV download must show them
// as text: nothing injected, nothing run, nothing scrolling sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './browser.mjs';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const ward = manifest.areas.find((a) => a.level === 'ward' && a.borough === 'E09000007');
const NAMES = {
  E09000007: `<script>window.__pwned = 1</script>"Cam'den" & Co \u202Eeno\u202C`,
  [ward.code]: `<img src=x onerror="window.__pwned = 2">${'W'.repeat(10000)}`,
};
const CATEGORY = { name: 'BURGLARY <b id="injected">&amp;</b> "quoted" \u200F', plain: '</p><iframe id="injected-frame"></iframe>' };

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

/** A page whose data server renames Camden, one of its wards and burglary as above. */
async function hostile(width) {
  const page = await app.browser.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective));
  });
  await page.route(/\/data\/(releases\/\w+\/)?manifest\.json$/, async (route) => {
    const m = await (await route.fetch()).json();
    for (const a of m.areas) if (NAMES[a.code]) a.name = NAMES[a.code];
    for (const c of m.categories) if (c.id === 'burglary') Object.assign(c, CATEGORY);
    await route.fulfill({ json: m });
  });
  await page.route(/\/data\/(releases\/\w+\/)?(boroughs|wards)\.geo\.json$/, async (route) => {
    const geo = await (await route.fetch()).json();
    for (const a of geo.areas) if (NAMES[a.code]) a.name = NAMES[a.code];
    await route.fulfill({ json: geo });
  });
  return page;
}

/** What injected markup would have left behind, and whether the page scrolls sideways. */
const damage = (page) => page.evaluate(() => ({
  ran: window.__pwned ?? null,
  elements: document.querySelectorAll('#injected, #injected-frame, main img, main script, body > script:not([src])').length,
  refused: window.__violations,
  sideways: document.documentElement.scrollWidth - innerWidth,
}));
const CLEAN = { ran: null, elements: 0, refused: [], sideways: 0 };

for (const width of [360, 1280]) {
  test(`at ${width} px hostile names are shown as text in every view, and break nothing`, async () => {
    const page = await hostile(width);
    for (const [query, ready] of [['?area=E09000007&crime=burglary', '.map-svg'], [`?area=${ward.code}&crime=burglary`, '.map-svg'],
      ['?crime=burglary&level=ward', '.map-svg'], ['?explorer=stops&area=E09000007', '#breakdown-chart svg'],
      ['?area=E09000007&crime=burglary&embed=map', '.map-svg'], ['?area=E09000007&crime=burglary&embed=chart', '.chart-svg svg']]) {
      await page.goto(app.base + query);
      await page.waitForSelector(ready);
      await page.waitForSelector('#main h1');
      for (const summary of await page.locator('details.details summary').all()) await summary.click();
      assert.deepEqual(await damage(page), CLEAN, query);
    }
    // The names are there, whole, as text: in the heading, the table, the map's names and the page title.
    await page.goto(`${app.base}?area=E09000007&crime=burglary`);
    await page.waitForSelector('.map-svg');
    assert.ok((await page.locator('h1').textContent()).includes(NAMES.E09000007), 'the heading');
    assert.ok((await page.title()).includes(NAMES.E09000007), 'the title');
    const row = page.locator(`#area-table tbody tr#row-${ward.code} th`);
    assert.equal((await row.textContent()).trim(), NAMES[ward.code]);
    await page.waitForFunction((code) => document.getElementById(`area-${code}`)?.getAttribute('aria-label').startsWith('<img'), ward.code);
    const status = await page.locator('#view-status').textContent();
    assert.ok(status.includes(NAMES.E09000007) && status.includes('<b id="injected">'), status);
    // The CSV holds the names exactly, quoted as CSV quotes them.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-table-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.includes(`"${NAMES.E09000007.replace(/"/g, '""')}"`), 'the borough, quoted');
    assert.ok(csv.includes(`"${NAMES[ward.code].replace(/"/g, '""')}"`), 'the ward, whole and quoted');
    assert.deepEqual(await damage(page), CLEAN);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
