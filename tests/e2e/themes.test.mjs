// End-to-end tests of accessibility view by view, in every colour scheme: the
// explorer (crime and stop and search), each page, and an embed, at 320, 360, 768
// and 1280 px, in the light scheme, the dark scheme and forced colours (a
// Windows contrast theme), with the "?" popover and the Embed dialog open too.
// axe-core must find nothing, and nothing may scroll sideways. Screenshots of
// each at phone and desktop widths go to test-results/themes/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, openPage, accessibilityProblems } from './browser.mjs';

const OUT = 'test-results/themes';
mkdirSync(OUT, { recursive: true });
const SCHEMES = [
  ['light', { colorScheme: 'light', forcedColors: 'none' }],
  ['dark', { colorScheme: 'dark', forcedColors: 'none' }],
  ['forced', { colorScheme: 'dark', forcedColors: 'active' }],
];
const VIEWS = [
  ['crime', '?area=E09000007&crime=burglary', '.map-svg'],
  ['stops', '?explorer=stops&area=E09000007', '#breakdown-chart svg'],
  ['definitions', '?page=definitions', 'li.term'],
  ['guides', '?page=guides', '.guide-button'],
  ['data', '?page=data', '#page-heading'],
  ['accessibility', '?page=accessibility', '#page-heading'],
  ['embed', '?area=E09000007&crime=burglary&embed=chart', '.chart-svg svg'],
];
const WIDTHS = [320, 360, 768, 1280];
const CLEAN = { violations: [], overflow: 0 };

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

/** The colours an element is drawn in, as the browser computed them. */
const colours = (page, selector) => page.locator(selector).first().evaluate((e) => {
  const style = getComputedStyle(e);
  return { color: style.color, background: style.backgroundColor };
});

for (const [scheme, media] of SCHEMES) {
  for (const [name, query, ready] of VIEWS) {
    test(`${name} in the ${scheme} scheme at ${WIDTHS.join(', ')} px: axe finds nothing, nothing scrolls sideways`, async () => {
      const page = await openPage(app, query, WIDTHS[0], ready);
      await page.emulateMedia(media);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await page.waitForTimeout(100);
        assert.deepEqual(await accessibilityProblems(page), CLEAN, `${name}, ${scheme}, ${width} px`);
        if (width === 360 || width === 1280) await page.screenshot({ path: `${OUT}/${name}-${scheme}-${width}.png` });
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }

  test(`the "?" popover and the Embed dialog in the ${scheme} scheme: axe finds nothing`, async () => {
    const page = await openPage(app, '?area=E09000007&crime=burglary', 360, '.map-svg');
    await page.emulateMedia(media);
    await page.locator('.what-counts').getByRole('button', { name: 'What “Burglary” means' }).click();
    const popover = page.getByRole('dialog', { name: 'Definition: Burglary' });
    await popover.getByRole('heading', { name: 'Burglary' }).waitFor();
    assert.deepEqual(await accessibilityProblems(page), CLEAN);
    await page.screenshot({ path: `${OUT}/popover-${scheme}-360.png` });
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Embed…' }).click();
    await page.frameLocator('iframe.embed-preview').locator('.chart-svg svg, .map-svg').first().waitFor();
    assert.deepEqual(await accessibilityProblems(page), CLEAN);
    await page.screenshot({ path: `${OUT}/embed-dialog-${scheme}-1280.png` });
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('the dark scheme is its own, and the figures keep their white card in it', async () => {
  const page = await openPage(app, '?area=E09000007&crime=burglary', 1280, '.map-svg');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await colours(page, 'body'), { color: 'rgb(243, 242, 241)', background: 'rgb(20, 21, 22)' });
  for (const figure of ['.map', '#chart']) {
    assert.deepEqual(await colours(page, figure), { color: 'rgb(11, 12, 12)', background: 'rgb(255, 255, 255)' }, figure);
  }
  // Focus keeps its yellow with black text in both schemes.
  await page.locator('.breadcrumbs a').first().focus();
  assert.deepEqual(await colours(page, '.breadcrumbs a'), { color: 'rgb(11, 12, 12)', background: 'rgb(255, 221, 0)' });
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(await colours(page, 'body'), { color: 'rgb(11, 12, 12)', background: 'rgb(255, 255, 255)' });
  await page.close();
});
