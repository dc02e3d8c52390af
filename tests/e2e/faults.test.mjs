// End-to-end tests of faults: for each kind of data file, a 404, a truncated
// body and a body that is not JSON must each give a clear message naming the
// file, with "Try again" for the part that needs it, while the rest of the page
// keeps working; once the file is served again, "Try again" recovers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './browser.mjs';

// Each kind of file: the file, a view that needs it, what shows it loaded, and what must keep working without it.
const KINDS = [
  ['manifest', 'manifest.json', '', '.map-svg', '.site-header'],
  ['borough boundaries', 'boroughs.geo.json', '', '.map-svg', '.chart-svg svg'],
  ['ward boundaries', 'wards.geo.json', '?area=E09000007', '.map-svg', '.chart-svg svg'],
  ['crime series', 'crime-borough-burglary.json', '?crime=burglary', '.chart-svg svg', '#area-search'],
  ['every category of an area', 'majors-borough.json', '?area=E09000007', '.multiple svg', '.chart-svg svg', 'Show a small chart for each category'],
  ['stop and search', 'stops-borough.json', '?explorer=stops', '#breakdown-chart svg', '#area-search'],
  ['stop and search by group and age', 'stops-crosstab.json', '?explorer=stops&area=E09000007', 'section[aria-labelledby="cross-heading"] table', '#groups-chart svg'],
  ['definitions', 'glossary.json', '?page=definitions', 'li.term', '.site-header'],
];
const FAULTS = [
  ['a 404', (route) => route.fulfill({ status: 404, body: 'Not Found' }), /404|no such file/],
  ['a truncated body', async (route) => {
    const body = await (await route.fetch()).text();
    await route.fulfill({ status: 200, contentType: 'application/json', body: body.slice(0, Math.floor(body.length / 2)) });
  }, /not a valid data file|EOF/],
  ['a body that is not JSON', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '<h1>Bad gateway</h1>' }), /not a valid data file|expected/],
];

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

for (const [kind, file, query, loaded, working, open] of KINDS) {
  test(`${kind} (${file}): each fault says so with Try again, the rest works, and Try again recovers`, async () => {
    for (const [fault, serve, reason] of FAULTS) {
      const page = await app.browser.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(e.message));
      let broken = true;
      await page.route(new RegExp(`/data/(releases/\\w+/)?${file.replace(/\./g, '\\.')}$`), (route) => (broken ? serve(route) : route.continue()));
      await page.goto(app.base + query);
      if (open) await page.getByText(open).click();
      // The "?" popover loads the definitions on the figures; the definitions page loads them itself.
      const message = page.locator('.error-summary, .error-message').filter({ hasText: file }).first();
      await message.waitFor({ timeout: 15000 }).catch(() => {});
      assert.equal(await message.count(), 1, `${fault}: a message names ${file}`);
      assert.match(await message.innerText(), reason, fault);
      await page.waitForSelector(working);
      const retry = page.getByRole('button', { name: 'Try again' });
      assert.ok(await retry.count() >= 1, `${fault}: Try again is offered`);
      broken = false;
      await retry.first().click();
      await page.waitForSelector(loaded, { timeout: 15000 });
      assert.equal(await page.locator('.error-summary, .error-message').filter({ hasText: file }).count(), 0, `${fault}: the message goes`);
      assert.deepEqual(page.errors, [], fault);
      await page.close();
    }
  });
}

// The files a view needs before the app is first drawn (the manifest, the borough boundaries and the view's first
// series) are waited for under the loading message; any other file is waited for while the rest of the page works.
for (const [kind, file, query, loaded, working, open] of KINDS) {
  test(`${kind} (${file}) taking 10 s: a notice says so with Try again, and the page keeps waiting for it`, async () => {
    const page = await app.browser.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.route(new RegExp(`/data/(releases/\\w+/)?${file.replace(/\./g, '\\.')}$`), async (route) => {
      await new Promise((resolve) => { setTimeout(resolve, 10000); });
      await route.continue().catch(() => {});
    });
    await page.goto(app.base + query);
    if (open) await page.getByText(open).click();
    const notice = page.locator('#slow-notice');
    await notice.waitFor({ timeout: 20000 });
    // It comes while the file is still on its way (6 s into a wait of 10), visible at the top of the page. The
    // app's elements, not those of the first view's static copy (scripts/first-view.mjs), which shows meanwhile.
    const inApp = (selector) => `${selector}:not(.first-view *)`;
    assert.ok(await notice.isVisible() && (await notice.boundingBox()).y < 900, 'the notice is in sight');
    assert.equal(await page.locator(inApp(loaded)).count(), 0, 'the notice comes before the file');
    const said = await notice.innerText();
    assert.ok(said.includes(`${file} has not arrived yet`) || /the figures have not arrived yet/.test(said), said);
    assert.equal(await notice.getByRole('button', { name: 'Try again' }).count(), 1);
    if (await page.locator(inApp('#main')).count()) await page.waitForSelector(inApp(working));
    await page.waitForSelector(inApp(loaded), { timeout: 15000 });
    await notice.waitFor({ state: 'detached', timeout: 5000 });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('Try again on a stalled file loads the page anew, keeping the view', async () => {
  const page = await app.browser.newPage();
  let stalled = true;
  await page.route(/\/data\/(releases\/\w+\/)?majors-borough\.json$/, async (route) => {
    if (stalled) return; // Never answered: a dropped connection.
    await route.continue();
  });
  await page.goto(`${app.base}?area=E09000007&crime=burglary`);
  await page.getByText('Show a small chart for each category').click();
  await page.locator('#slow-notice').waitFor({ timeout: 20000 });
  stalled = false;
  await page.locator('#slow-notice').getByRole('button', { name: 'Try again' }).click();
  await page.waitForURL(/area=E09000007&crime=burglary/);
  await page.getByText('Show a small chart for each category').click();
  await page.waitForSelector('.multiple svg');
  assert.equal(await page.locator('#slow-notice').count(), 0);
  await page.close();
});
