// End-to-end tests of embeds: the "Embed this view" dialog makes the snippet
// and previews it; a ward panel's page (another origin) with two embeds, 300
// and 800 pixels wide, shows the right areas, fits each frame to its content,
// passes axe with the frames, and lets keyboard focus leave the frames.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage, accessibilityProblems } from './browser.mjs';
import { serve } from '../../scripts/serve-dist.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app;
// The ward panel's page is served by a second server: another origin (another
// port). Chromium blocks pages it cannot place on this machine (as a routed
// fake host would be) from framing local ones.
const hostDir = mkdtempSync(join(tmpdir(), 'met-host-'));
let host;
before(async () => {
  app = await start();
  host = await serve(hostDir, 0);
});
after(async () => {
  host?.close();
  await app?.stop();
});

/** The snippet the dialog offers for `query`, after `choose` picks options in it. */
async function snippet(query, choose = async () => {}) {
  const page = await openPage(app, query, 1280, '.chart-svg svg');
  await page.getByRole('button', { name: 'Embed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.waitFor();
  await choose(page);
  const code = await page.locator('#embed-code').inputValue();
  return { page, code };
}

test('the embed dialog offers a snippet for the chosen figure and months, with a preview fitted to it', async () => {
  const { page, code } = await snippet('?v=2&area=E09000007&crime=burglary', async (p) => p.getByLabel('The map').check());
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=2&amp;area=E09000007&amp;crime=burglary&amp;embed=map" title="Burglary in Camden — Met Data Explorer"/);
  assert.match(code, /e\.origin !== "http:\/\/127\.0\.0\.1:\d+"/);
  // Pinned to this data release: the release and the period are written into the link.
  await page.getByLabel(/^Pinned to this data release/).check();
  assert.match(await page.locator('#embed-code').inputValue(), /&amp;from=\d{4}-\d{2}&amp;to=\d{4}-\d{2}&amp;embed=map&amp;release=[0-9a-f]{12}" title="Burglary in Camden, .+ — Met Data Explorer"/);
  // The preview shows the embedded map, and the page fits the frame to the height it reports.
  const preview = page.frameLocator('iframe.embed-preview');
  await preview.locator('.map-svg').waitFor();
  await page.waitForFunction(() => /^\d+px$/.test(document.querySelector('iframe.embed-preview')?.style.height ?? ''));
  assert.deepEqual((await accessibilityProblems(page)).violations, []);
  // Escape closes the dialog and focus returns to its button.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#embed-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-open');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a ward panel page with embeds at 300 and 800 pixels: right areas, fitted frames, axe, and focus that leaves', async () => {
  const chart = await snippet('?area=E09000007&cat=burglary');
  const map = await snippet('?area=E05013503', async (p) => p.getByLabel('The map').check());
  await chart.page.close();
  await map.page.close();
  const [frameOnly] = map.code.split('\n<script>');
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kilburn ward panel</title></head>
<body><main><h1>Kilburn ward panel</h1>
<div style="width:300px">${chart.code}</div>
<div style="width:800px">${frameOnly}</div>
<p><a href="#contact">Contact the panel</a></p></main></body></html>`;
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  writeFileSync(join(hostDir, 'index.html'), body);
  // A short window: the second frame is below the fold, where a browser does not lay out a frame from another
  // origin until it is scrolled to. It must be fitted all the same.
  await page.setViewportSize({ width: 1000, height: 500 });
  await page.goto(`http://127.0.0.1:${host.address().port}/`);
  const frames = page.locator('iframe');
  assert.equal(await frames.count(), 2);
  const narrow = page.frameLocator('iframe >> nth=0');
  const wide = page.frameLocator('iframe >> nth=1');
  await narrow.locator('.chart-svg svg').waitFor();
  await wide.locator('.map-svg').waitFor();
  assert.match(await narrow.locator('h1').innerText(), /^Burglary in Camden/);
  assert.match(await wide.locator('h1').innerText(), /^All crimes in Kilburn, Brent/);
  // No site chrome inside the frames; the link opens the full view.
  assert.equal(await narrow.locator('.site-header, .controls, .share').count(), 0);
  assert.match(await narrow.getByRole('link', { name: /See the full view/ }).getAttribute('href'), /\?v=2&area=E09000007&crime=burglary$/);
  // Each frame is fitted to its content: its height is the one its view reports, and nothing scrolls inside.
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => /^\d+px$/.test(f.style.height)));
  for (const [i, width] of [[0, 300], [1, 800]]) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(i === 0 ? 'embed=chart' : 'embed=map'));
    // The view reports its height again as its figures are drawn: wait for the frame to settle.
    await frame.waitForFunction(() => document.documentElement.scrollHeight - window.innerHeight <= 1, null, { timeout: 10000, polling: 100 })
      .catch(() => {});
    const box = await frames.nth(i).boundingBox();
    assert.equal(Math.round(box.width), width);
    const inside = await frame.evaluate(() => ({
      scroll: document.documentElement.scrollHeight - window.innerHeight,
      sideways: document.documentElement.scrollWidth - window.innerWidth,
    }));
    assert.ok(inside.scroll <= 1, `frame ${i} scrolls by ${inside.scroll}px`);
    assert.equal(inside.sideways, 0, `frame ${i} scrolls sideways`);
    assert.ok(box.height > 300 && box.height < 1400, `frame ${i} is ${box.height}px high`);
  }
  assert.ok((await frames.nth(1).boundingBox()).y > 500, 'the second frame was fitted below the fold');
  // axe over the host page and its frames (frame titles included).
  // Evaluated in each frame, not added as a <script>: the embedded page's content security policy refuses inline scripts.
  for (const frame of page.frames()) await frame.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  assert.ok(result.passes.some((p) => p.id === 'frame-title'), 'frame titles were checked');
  // Tabbing goes into each frame and out again, to the host's own link.
  await page.locator('h1').click();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('href') === '#contact');
  }
  assert.ok(reached, 'focus reaches the link after the embeds');
  assert.deepEqual(errors, []);
  await page.close();
});
