// End-to-end tests of the WCAG 2.2 AA criteria axe-core cannot check: the map
// walked by keyboard to every area and back out (2.1.1, 2.1.2), focus never
// hidden (2.4.11), target sizes (2.5.8), text spacing (1.4.12), reflow at 400%
// zoom (1.4.10), what the live region says after each kind of change (4.1.3),
// reduced motion (2.3.3) and no single-key shortcuts (2.1.4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage } from './browser.mjs';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const camdenWards = manifest.areas.filter((a) => a.level === 'ward' && a.borough === 'E09000007');
const VIEWS = ['?area=E09000007&crime=burglary', '?explorer=stops', '?page=guides'];

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the map is one tab stop; arrows walk it to every area in order, Home and End jump, Tab leaves it', async () => {
  const page = await openPage(app, '?area=E09000007', 1280, '.map-svg');
  // The map's order: by name, as Rust sorts strings (byte order).
  const names = camdenWards.map((a) => a.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const nameOf = (page) => page.evaluate(() => document.activeElement.getAttribute('aria-label').split(':')[0]);
  // Tab from the control before the map reaches one area of it.
  await page.locator('#area-table').scrollIntoViewIfNeeded();
  const stops = await page.locator('.map-area[tabindex="0"]').count();
  assert.equal(stops, 1, 'one area of the map is in the tab order');
  await page.locator('.map-area[tabindex="0"]').focus();
  await page.keyboard.press('Home');
  const seen = [];
  for (let i = 0; i < names.length; i += 1) {
    seen.push(await nameOf(page));
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(seen, names, 'every ward, in alphabetical order');
  // After the last comes the first again; End and Home jump; the figures of the focused area are shown.
  assert.equal(await nameOf(page), names[0]);
  await page.keyboard.press('End');
  assert.equal(await nameOf(page), names.at(-1));
  assert.match(await page.locator('.map-info').innerText(), new RegExp(names.at(-1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Tab leaves the map for the next control, and Shift+Tab comes back to the area last focused.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('.map-svg')), false, 'focus left the map');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await nameOf(page), names.at(-1));
  // Enter chooses the area.
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`area=${camdenWards.find((a) => a.name === names.at(-1)).code}`));
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const width of [360, 1280]) {
  test(`at ${width} px, every element focused by Tab is on screen and not covered (2.4.11)`, async () => {
    for (const query of VIEWS) {
      const page = await openPage(app, query, width, '#main h1');
      await page.setViewportSize({ width, height: 700 });
      const seen = new Set();
      for (let i = 0; i < 120; i += 1) {
        await page.keyboard.press('Tab');
        const result = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const r = e.getBoundingClientRect();
          const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
          const y = Math.min(Math.max(r.top + Math.min(r.height, 40) / 2, 0), innerHeight - 1);
          const top = document.elementFromPoint(x, y);
          const label = `${e.tagName.toLowerCase()}#${e.id} ${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 40)}`;
          const shown = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
          const covered = !(top && (e === top || e.contains(top) || top.contains(e) || top.closest('label')?.htmlFor === e.id));
          return { label, shown, covered };
        });
        if (!result || seen.has(result.label)) continue;
        seen.add(result.label);
        assert.ok(result.shown, `${query}: ${result.label} is on screen when focused`);
        assert.ok(!result.covered, `${query}: ${result.label} is not covered when focused`);
      }
      assert.ok(seen.size >= 10, `${query}: Tab reached ${seen.size} elements`);
      await page.close();
    }
  });
}

test('targets are at least 24 × 24 px or spaced as 2.5.8 allows, except links in a sentence and the map\'s areas', async () => {
  for (const [query, width] of [['?area=E09000007&crime=burglary', 360], ['?explorer=stops', 1280], ['?page=data', 360], ['?page=guides', 1280]]) {
    const page = await openPage(app, query, width, '#main h1');
    if (width < 1000 && query.includes('area')) await page.locator('.choices-toggle').click();
    for (const summary of await page.locator('details.details summary').all()) await summary.click();
    const small = await page.evaluate(() => {
      const targets = [...document.querySelectorAll('a, button, input, select, summary, textarea, [tabindex="0"]')]
        .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden') && !e.classList.contains('skip-link'))
        // Each map area has its row in the table and the search as equivalents.
        .filter((e) => !e.classList.contains('map-area'))
        // A link in a sentence is exempt (the "inline" exception).
        .filter((e) => !(e.tagName === 'A' && getComputedStyle(e).display === 'inline'
          && e.parentElement.closest('p, li, dd, td')?.textContent.trim() !== e.textContent.trim()))
        .map((e) => ({ e, r: e.getBoundingClientRect() }));
      const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
      const undersized = targets.filter(({ r }) => r.width < 24 || r.height < 24);
      // The spacing exception: a 24 px circle on each undersized target's centre meets no other target nor another such circle.
      const meets = ({ r }, other) => {
        const [x, y] = centre(r);
        const dx = Math.max(other.r.left - x, 0, x - other.r.right);
        const dy = Math.max(other.r.top - y, 0, y - other.r.bottom);
        const [ox, oy] = centre(other.r);
        const undersizedOther = other.r.width < 24 || other.r.height < 24;
        return Math.hypot(dx, dy) < 12 || (undersizedOther && Math.hypot(x - ox, y - oy) < 24);
      };
      return undersized
        .filter((t) => targets.some((o) => o !== t && !o.e.contains(t.e) && !t.e.contains(o.e) && meets(t, o)))
        .map(({ e, r }) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} "${e.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    });
    assert.deepEqual(small, [], query);
    await page.close();
  }
});

test('the text-spacing override of 1.4.12 clips nothing and scrolls nothing sideways', async () => {
  for (const [query, width] of [['?area=E09000007&crime=burglary', 360], ['?explorer=stops', 1280], ['?page=definitions', 320]]) {
    const page = await openPage(app, query, width, '#main h1');
    // A constructed style sheet, as a user's style sheet would be: the page's policy refuses an inline <style>.
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
    const spacing = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('h1'));
      return parseFloat(style.letterSpacing) / parseFloat(style.fontSize);
    });
    assert.ok(Math.abs(spacing - 0.12) < 0.001, `the override applies (letter spacing ${spacing} em)`);
    await page.waitForTimeout(200);
    const clipped = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden, svg, canvas, .table-wrap, .search-list, textarea'))
      .filter((e) => {
        const s = getComputedStyle(e);
        const hides = (o) => o === 'hidden' || o === 'clip';
        return (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
    assert.deepEqual(clipped, [], query);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, `${query} scrolls sideways`);
    await page.close();
  }
});

test('at 400% zoom of a 1280 × 1024 screen (320 × 256 CSS px) every view reflows: nothing scrolls sideways', async () => {
  for (const query of ['', '?level=ward', '?area=E09000007&crime=burglary&measure=change', '?explorer=stops&area=E09000007', '?page=data', '?page=accessibility']) {
    const page = await openPage(app, query, 320, '#main h1');
    await page.setViewportSize({ width: 320, height: 256 });
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, `${query || 'default'} scrolls sideways`);
    await page.close();
  }
});

test('the live region says what changed after each kind of change', async () => {
  const page = await openPage(app, '?area=E09000007', 1280, '.map-svg');
  const live = page.locator('[role="status"]#view-status');
  const says = async (pattern) => {
    await page.waitForFunction(([s, f]) => new RegExp(s, f).test(document.querySelector('#view-status').textContent), [pattern.source, pattern.flags]);
    return live.textContent();
  };
  assert.match(await live.textContent(), /^Now showing All crimes, .+, Rate per 1,000 residents, by ward in Camden\. In .+ crimes in Camden/);
  await page.selectOption('#cat', 'burglary');
  await says(/^Now showing Burglary, .+ burglary offences in Camden/);
  // Another period: the status names its months.
  const before = await live.textContent();
  await page.locator('.preset[aria-pressed="false"]').first().click();
  await page.waitForFunction((b) => document.querySelector('#view-status').textContent !== b, before);
  const months = (text) => text.split(', ')[1];
  assert.notEqual(months(await live.textContent()), months(before));
  assert.match(months(await live.textContent()), /^\w{3}( \d{4})?–\w{3} \d{4}$/);
  await page.locator('label[for="measure-count"]').click();
  await says(/^Now showing Burglary, [^,]+, Number of offences, by ward in Camden\./);
  await page.locator('label[for="rolling"]').click();
  await says(/Number of offences, 12-month rolling totals, by ward in Camden\./);
  const ward = camdenWards[0];
  await page.locator(`#area-${ward.code}`).click();
  await says(new RegExp(`by ward in Camden\\. .+ in ${ward.name}, Camden`));
  await page.locator('.breadcrumbs a', { hasText: 'London' }).click();
  await says(/, by borough\. .+ burglary offences in London/);
  await page.getByRole('radio', { name: 'Ward' }).check();
  await says(/, by ward\. .+ burglary offences in London/);
  await page.getByRole('link', { name: 'Stop and search' }).click();
  await says(/^Now showing Stop and search, .+ stop and searches in London/);
  // The summary on screen is not a live region of its own (it would be heard twice).
  assert.equal(await page.locator('#summary').getAttribute('aria-live'), null);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('with reduced motion nothing moves: no running animation or transition, smooth scrolling off', async () => {
  const page = await app.browser.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${app.base}?area=E09000007`);
  await page.waitForSelector('.map-svg');
  await page.selectOption('#cat', 'burglary');
  await page.waitForURL(/crime=burglary/);
  const moving = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').map((a) => a.animationName ?? a.transitionProperty ?? 'animation'));
  assert.deepEqual(moving, []);
  const spinner = await page.evaluate(() => {
    const s = document.createElement('span');
    s.className = 'spinner';
    document.body.append(s);
    return getComputedStyle(s).animationName;
  });
  assert.equal(spinner, 'none', 'the loading spinner does not spin');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
  await page.close();
});

test('no single-key shortcuts: letters and digits typed outside a field change nothing', async () => {
  const page = await openPage(app, '?area=E09000007', 1280, '.map-svg');
  const before = { url: page.url(), focus: await focusedId(page), summary: await page.locator('#summary').innerText() };
  await page.locator('h1').click();
  for (const key of 'abcdefghijklmnopqrstuvwxyz0123456789?/.,'.split('')) await page.keyboard.press(key);
  await page.waitForTimeout(200);
  assert.equal(page.url(), before.url);
  assert.equal(await page.locator('#summary').innerText(), before.summary);
  assert.equal(await page.evaluate(() => document.querySelectorAll('dialog[open], [popover]:popover-open').length), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});
