// End-to-end tests of the page's layout, the answer first: at a phone's and a
// desktop's size, the first screen of every explorer view shows the area
// search, the view's heading, its one-sentence summary and the top of its map
// without scrolling; the controls are one tap away and say what is chosen; the
// first-visit hint comes after the figures; a phone folds the site's links
// behind "Menu". Screenshots of each view's first screen go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { start, openPage, accessibilityProblems } from './browser.mjs';

const OUT = 'test-results';
mkdirSync(OUT, { recursive: true });
const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const ward = manifest.areas.find((a) => a.level === 'ward' && a.borough === 'E09000007');
const VIEWS = [
  ['london', ''],
  ['london-wards', '?level=ward'],
  ['borough', '?area=E09000007&crime=burglary'],
  ['ward', `?area=${ward.code}`],
  ['stops-london', '?explorer=stops'],
  ['stops-borough', '?explorer=stops&area=E09000007&measure=count'],
];
const SCREENS = [[360, 780], [1280, 800]];
/** How much of the map the first screen must show, in pixels. */
const MAP_SHOWN = 40;

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

/** Where an element's box starts and ends on the page, in CSS pixels (null if it is not shown). */
const box = (page, selector) => page.evaluate((s) => {
  const e = [...document.querySelectorAll(s)].find((n) => n.getClientRects().length > 0);
  if (!e) return null;
  const r = e.getBoundingClientRect();
  return { top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY) };
}, selector);

for (const [width, height] of SCREENS) {
  for (const [name, query] of VIEWS) {
    test(`${name} at ${width} × ${height}: the first screen shows the search, heading, summary and the top of the map`, async () => {
      const page = await openPage(app, query, width, '.map-svg');
      await page.setViewportSize({ width, height });
      await page.waitForSelector('#summary:not(:empty)');
      const [search, heading, summary, map, hint] = await Promise.all(
        ['.explorer-search', 'h1', '#summary', '.map-svg', '.first-visit'].map((s) => box(page, s)));
      assert.ok(search.top <= heading.top && search.bottom <= height, `the search (${search.top}) starts at or above the heading (${heading.top})`);
      assert.ok(heading.bottom <= height, `the heading ends at ${heading.bottom}`);
      assert.ok(summary.bottom <= height, `the summary ends at ${summary.bottom}`);
      assert.ok(map.top + MAP_SHOWN <= height, `the map starts at ${map.top}`);
      assert.ok(hint.top > map.top, 'the first-visit hint comes after the map');
      await page.screenshot({ path: `${OUT}/first-screen-${name}-${width}.png` });
      if (width < 1000) {
        // One line says what is chosen, and one tap opens the controls.
        const line = await page.locator('#choices-line').textContent();
        assert.match(line, /^Showing: .+ · \w{3}( \d{4})?–\w{3} \d{4} · .+/);
        assert.ok((await box(page, '#choices-line')).bottom <= height);
        assert.equal(await page.locator('#controls').isVisible(), false);
        await page.locator('.choices-toggle').click();
        assert.equal(await page.locator('#controls').isVisible(), true);
        assert.equal(await page.locator('.choices-toggle').getAttribute('aria-expanded'), 'true');
      } else {
        // The controls stand beside the figures, their first picker on the first screen.
        assert.equal(await page.locator('.choices-toggle').isVisible(), false);
        const first = await box(page, '#controls .field:not([hidden])');
        assert.ok(first.top < height, `the first control starts at ${first.top}`);
        const [controls, figures] = await Promise.all(['#controls', '.panels'].map((s) =>
          page.locator(s).evaluate((e) => e.getBoundingClientRect().left)));
        assert.ok(controls < figures, 'the controls are left of the figures');
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
}

test('a phone folds the site links behind "Menu", which opens and closes them', async () => {
  const page = await openPage(app, '?area=E09000007', 360, '.map-svg');
  const menu = page.getByRole('button', { name: 'Menu' });
  const links = page.getByRole('navigation', { name: 'Site' }).getByRole('link');
  assert.equal(await links.count(), 0, 'the links are hidden');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  assert.equal(await page.locator('.menu-toggle').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await links.allInnerTexts(), ['Crime', 'Stop and search', 'How-to guides', 'Definitions', 'About the data']);
  assert.deepEqual(await accessibilityProblems(page), { violations: [], overflow: 0 });
  // A link's page opens and the menu folds again.
  await links.filter({ hasText: 'Definitions' }).click();
  await page.waitForURL(/page=definitions/);
  assert.equal(await page.locator('.menu-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal(await links.count(), 0);
  // A wide screen shows the links and no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.locator('.menu-toggle').isVisible(), false);
  assert.equal(await links.count(), 5);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('at 360 px a table wider than its box scrolls inside it, and its caption stays whole and in view', async () => {
  const page = await openPage(app, '?explorer=stops&area=E09000007', 360, '#breakdown-chart svg');
  for (const summary of await page.locator('details.details summary').all()) await summary.click();
  const wide = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
    .filter((w) => w.getClientRects().length > 0 && w.querySelector('caption') && w.scrollWidth > w.clientWidth).length);
  assert.ok(wide >= 3, `${wide} tables scroll sideways at 360 px`);
  for (const end of [0, 10000]) {
    const cut = await page.evaluate((x) => [...document.querySelectorAll('.table-wrap')]
      .filter((w) => w.getClientRects().length > 0 && w.querySelector('caption'))
      .map((w) => {
        w.scrollLeft = x;
        const [box, caption] = [w.getBoundingClientRect(), w.querySelector('caption').getBoundingClientRect()];
        return caption.left >= box.left - 0.5 && caption.right <= box.right + 0.5 ? null : w.querySelector('caption').textContent;
      })
      .filter(Boolean), end);
    assert.deepEqual(cut, [], `scrolled to ${end}`);
  }
  await page.close();
});
