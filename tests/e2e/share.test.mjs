// End-to-end tests of sharing a view: the copied link pins the view's months
// and reopens exactly that view, old (version 1) links still work, the page's
// title, description and canonical link follow the view, the link is shown to
// copy by hand where the clipboard is refused, and printing shows the figures
// without the controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, accessibilityProblems } from './browser.mjs';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const wardPeriod = manifest.datasets.find((d) => d.level === 'ward').period;
const yearBefore = (m) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - 11;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

let app;
before(async () => {
  app = await start();
  await app.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.base.slice(0, -1) });
});
after(async () => app?.stop());

const open = (query, width = 1280) => openPage(app, query, width, '.chart-svg svg');
const heading = async (page) => (await page.locator('h1').innerText()).replace(/\s+/g, ' ');

test('an old link opens its view; "Copy link" copies it with its months, and the copy reopens the same view', async () => {
  // Version 1 links (no `v`) named the category `cat`.
  const page = await open('?area=E09000007&cat=burglary');
  assert.match(await heading(page), /^Burglary in Camden/);
  assert.equal(await page.getByText('Part of this link could not be used').count(), 0);
  const title = await page.title();
  assert.match(title, /^Burglary in Camden, .+ — Met Data Explorer$/);
  const summary = await page.locator('#summary').innerText();
  assert.equal(await page.locator('meta[name=description]').getAttribute('content'), summary);
  // The canonical link is the view's own address, in the current version.
  assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${app.base}?v=2&area=E09000007&crime=burglary`);

  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.waitForFunction(() => document.querySelector('#share-status')?.textContent.startsWith('Link copied'));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const months = `from=${yearBefore(wardPeriod.to)}&to=${wardPeriod.to}`;
  assert.equal(copied, `${app.base}?v=2&area=E09000007&crime=burglary&${months}`);
  assert.deepEqual((await accessibilityProblems(page)).violations, []);

  const again = await open(copied.slice(app.base.length));
  assert.equal(await heading(again), await heading(page));
  assert.equal(await again.locator('#summary').innerText(), summary);
  assert.equal(await again.title(), title);
  assert.equal(await again.getByText('Part of this link could not be used').count(), 0);
  // A new view clears the confirmation.
  await page.getByRole('link', { name: 'Stop and search' }).click();
  await page.waitForFunction(() => document.title.startsWith('Stop and search'));
  assert.equal(await page.locator('#share-status').innerText(), '');
  assert.deepEqual([...page.errors, ...again.errors], []);
  await page.close();
  await again.close();
});

test('where the clipboard is refused, the link is shown selected to copy by hand', async () => {
  const page = await open('?v=2&explorer=stops&breakdown=age', 320);
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
  await page.getByRole('button', { name: 'Copy link' }).click();
  const box = page.getByLabel('Link to this view');
  await box.waitFor();
  assert.match(await page.locator('#share-status').innerText(), /did not let the page copy/);
  const value = await box.inputValue();
  assert.match(value, /\?v=2&explorer=stops&from=\d{4}-\d{2}&to=\d{4}-\d{2}&breakdown=age$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-link');
  assert.equal(await page.evaluate(() => window.getSelection().toString() || document.activeElement.value.slice(
    document.activeElement.selectionStart, document.activeElement.selectionEnd)), value);
  const { violations, overflow } = await accessibilityProblems(page);
  assert.deepEqual(violations, []);
  assert.equal(overflow, 0);
  await page.close();
});

test('a link from a newer version, or with a garbled version, still opens with a reason', async () => {
  const page = await open('?v=9&crime=theft');
  assert.match(await heading(page), /^Theft in London/);
  assert.match(await page.locator('.notice').innerText(), /newer version of this site/);
  await page.close();
});

test('printing shows the heading, summary, figures and tables without the controls', async () => {
  const page = await open('?area=E09000007&cat=burglary');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.controls', '.share', '.service-nav', '#downloads-heading']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
  }
  for (const shown of ['h1', '#summary', '#chart .chart-svg svg', '#area-table', '.site-footer']) {
    assert.ok(await page.locator(shown).first().isVisible(), shown);
  }
  // Paper says where the view lives.
  assert.match(await page.locator('.site-footer .print-only').innerText(), /^This view: http.*\?v=2&area=E09000007&crime=burglary&from=/);
  // The chart's data table, drawn only when opened on screen, is drawn for paper.
  assert.equal(await page.locator('#chart ~ details table').count(), 0);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator('#chart ~ details table').waitFor();
  assert.ok(await page.locator('#chart ~ details table').isVisible());
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => !document.querySelector('#chart ~ details')?.open);
  await page.screenshot({ path: 'test-results/print-camden-burglary.png', fullPage: true });
  await page.close();
});
