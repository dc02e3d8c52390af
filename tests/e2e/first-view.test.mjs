// End-to-end tests of the first view's static copy (scripts/first-view.mjs): shown for the default view and
// London by ward before the app's WebAssembly has arrived (the default view's as soon as the page's body begins),
// with the app's own words, figures and layout; inert;
// not shown for any other address; never waiting for the app, which is started once it has been painted; readable
// without JavaScript; and gone once the app is drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { start, accessibilityProblems, CHROMIUM, ARGS } from './browser.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

/** A page at `query` and `width`; with `withApp` false its WebAssembly never arrives, so the copy stays. */
async function visit(query, width, { withApp = true } = {}) {
  const page = await app.browser.newPage();
  const errors = [];
  // Without the app, its loader fails: only the errors of a page with the app count.
  page.on('pageerror', (e) => { if (withApp) errors.push(e.message); });
  page.on('console', (m) => { if (withApp && m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  if (!withApp) await page.route(/_bg\.wasm$/, (route) => route.abort());
  // A returning reader's page: the hint for first visits, which the copy leaves out, comes after the map and chart.
  await page.addInitScript(() => localStorage.setItem('met-data-explorer:first-visit-hint-hidden', '1'));
  await page.setViewportSize({ width, height: 900 });
  await page.goto(app.base + query);
  if (withApp) await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('#area-table tbody tr'));
  else await page.waitForTimeout(1000);
  return page;
}

/** What a reader sees of a view: its heading, summary, the options chosen in its lists, the map's legend and the first
 * rows of the table, and where the heading, map, chart and table stand on the page. */
const seen = (page) => page.evaluate(() => {
  const box = (selector) => {
    const r = document.querySelector(selector)?.getBoundingClientRect();
    return r && [r.x, r.y, r.width, r.height].map(Math.round);
  };
  const visible = (e) => e && e.checkVisibility();
  const heading = [...document.querySelectorAll('h1')].find(visible);
  return {
    heading: heading?.innerText,
    summary: [...document.querySelectorAll('#summary')].find(visible)?.innerText,
    legend: [...document.querySelectorAll('.legend-list li')].filter(visible).map((li) => li.innerText),
    choices: [...document.querySelectorAll('select')].filter(visible).map((s) => s.selectedOptions[0]?.textContent),
    rows: [...document.querySelectorAll('#area-table tbody tr')].filter((tr) => tr.closest('.first-view, #main')?.checkVisibility())
      .slice(0, 5).map((tr) => [...tr.cells].map((c) => c.textContent.trim()).join(' | ')),
    boxes: { heading: box('h1'), map: box('svg.map-svg'), chart: box('.chart-svg svg'), table: box('#area-table') },
  };
});

/** When the copy's heading was painted (Element Timing), in ms from the page's start. */
const copyPainted = (page) => page.evaluate(() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.identifier === 'first-view');
    if (entry) resolve(entry.renderTime);
  }).observe({ type: 'element', buffered: true });
}));

for (const [query, name] of [['', 'the default view'], ['?v=2&level=ward', 'London by ward']]) {
  test(`${name}: the copy shows the app's words, figures and layout before the app, inert, and goes when the app is drawn`, async () => {
    for (const width of [320, 375, 1280]) {
      const drawn = await visit(query, width);
      const expected = await seen(drawn);
      assert.equal(await drawn.locator('.first-view').count(), 0, 'the copy is gone once the app is drawn');
      assert.deepEqual(drawn.errors, []);
      await drawn.close();

      const copy = await visit(query, width, { withApp: false });
      assert.equal(await copy.locator('.first-view').count(), 1);
      assert.ok(await copy.locator('.first-view').evaluate((e) => e.inert && e.checkVisibility()), 'the copy shows, inert');
      const shown = await seen(copy);
      for (const key of ['heading', 'summary', 'legend', 'choices', 'rows']) assert.deepEqual(shown[key], expected[key], `${key} at ${width} px`);
      assert.ok(shown.legend.length >= 5 && shown.rows.length === 5, JSON.stringify(shown));
      // The copy was drawn at 1280 px: there everything stands where the app puts it; on a phone, what comes
      // before the chart (drawn at another width) does.
      const parts = width === 1280 ? ['heading', 'map', 'chart', 'table'] : ['heading', 'map'];
      for (const part of parts) {
        shown.boxes[part].forEach((v, i) => assert.ok(Math.abs(v - expected.boxes[part][i]) <= 2,
          `${part} at ${width} px: ${shown.boxes[part]} in the copy, ${expected.boxes[part]} in the app`));
      }
      // A list of the copy holds its chosen option only (it cannot be opened; drawing hundreds of months is slow).
      assert.equal(await copy.locator('.first-view select option').count(), await copy.locator('.first-view select').count());
      // Every area has its colour (or its pattern): none is left clear or unfilled.
      assert.equal(await copy.locator('path.map-area[fill="transparent"], path.map-area[fill="#f3f2f1"]').count(), 0);
      // The areas of one colour are one path (six shapes to draw instead of hundreds), and the map looks as the app's.
      const fills = await copy.locator('.first-view path.map-area').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
      assert.ok(fills.length >= 5 && new Set(fills).size === fills.length, `the copy's map paths' fills: ${fills}`);
      // Everyone is told the copy cannot be used yet (a bar over its foot, which moves nothing); screen readers
      // hear that, and nothing of the copy.
      const loading = copy.getByRole('status').filter({ hasText: 'Loading the controls' });
      assert.equal(await loading.count(), 1);
      const bar = await loading.boundingBox();
      assert.ok(await loading.isVisible() && bar.y + bar.height <= 900 && bar.y >= 700 && bar.width === width, JSON.stringify(bar));
      const tree = await (await copy.context().newCDPSession(copy)).send('Accessibility.getFullAXTree');
      assert.deepEqual(tree.nodes.filter((n) => !n.ignored && n.role?.value === 'heading').map((n) => n.name?.value), []);
      assert.deepEqual(await accessibilityProblems(copy), { violations: [], overflow: 0 });
      await copy.close();
    }
  });
}

test('the copy never waits for the app, which is started once the copy has been painted', async () => {
  for (const query of ['', '?v=2&level=ward']) {
    const page = await app.browser.newPage();
    const wasm = [];
    // The WebAssembly comes 3 s late, as on a slow connection.
    await page.route(/_bg\.wasm$/, async (route) => {
      wasm.push(route.request());
      await new Promise((resolve) => { setTimeout(resolve, 3000); });
      await route.continue().catch(() => {});
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(app.base + query);
    await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('#area-table tbody tr'));
    const { painted, drawn } = await page.evaluate(async () => ({
      // When the copy's heading was painted (Element Timing).
      painted: await new Promise((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().find((e) => e.identifier === 'first-view')?.renderTime))
          .observe({ type: 'element', buffered: true });
      }),
      drawn: performance.now(),
    }));
    assert.ok(painted > 0 && painted < 2000 && drawn > 3000, `${query}: the copy painted at ${painted} ms, the app drawn by ${drawn} ms`);
    // The view's data files are each requested once, with the app, once the copy has been painted (not before,
    // where they would hold the copy up; not after the app has come): London by ward's also the wards' boundaries
    // and all crimes by ward.
    const dataFiles = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /\/data\/.*\.json$/.test(e.name)).map((e) => [e.name.replace(/.*\/data\//, ''), Math.round(e.startTime)]));
    const names = ['manifest.json', 'boroughs.geo.json', 'crime-borough-all.json', ...(query ? ['wards.geo.json', 'crime-ward-all.json'] : [])];
    assert.deepEqual(dataFiles.map(([name]) => name).sort(), names.sort(), JSON.stringify(dataFiles));
    assert.ok(dataFiles.every(([, t]) => t >= painted && t < 2500), `${query}: data files requested at ${JSON.stringify(dataFiles)}, the copy painted at ${painted} ms`);
    // Fetched once (its integrity checked: a failed check would fetch it again).
    assert.equal(wasm.length, 1, query);
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('_bg.wasm')).length), 1);
    await page.close();

    // Even when the WebAssembly is at hand at once, the app starts after the copy has been painted.
    const quick = await app.browser.newPage();
    await quick.addInitScript(() => addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); }));
    await quick.goto(app.base + query);
    await quick.waitForFunction(() => window.__started);
    const order = await quick.evaluate(async () => ({
      painted: await new Promise((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().find((e) => e.identifier === 'first-view')?.renderTime))
          .observe({ type: 'element', buffered: true });
      }),
      started: window.__started,
    }));
    assert.ok(order.painted > 0 && order.started > order.painted, `${query}: ${JSON.stringify(order)}`);
    await quick.close();
  }
});

test("the default view's copy is painted as soon as the page's body begins, not after its deferred scripts", async () => {
  const page = await app.browser.newPage();
  // The page's deferred scripts (the app's loader, the service worker's) come 3 s late: the page is not parsed
  // (DOMContentLoaded) until they have run.
  await page.route(/\.js$/, async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.text();
      if (/await window\.metFirstView|navigator\.serviceWorker\.register/.test(body)) {
        await new Promise((resolve) => { setTimeout(resolve, 3000); });
      }
      await route.fulfill({ response, body });
    } catch {
      // The page has been closed.
    }
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.base, { waitUntil: 'commit' });
  const painted = await copyPainted(page);
  const { parsed } = await page.evaluate(async () => ({
    // The document is "interactive" once parsed, before its deferred scripts have run and DOMContentLoaded fired.
    parsed: await new Promise((resolve) => {
      const start = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart;
      if (start) resolve(start);
      else document.addEventListener('DOMContentLoaded', () => resolve(performance.now()));
    }),
  }));
  assert.ok(painted > 0 && painted < 2000 && parsed > 3000, `the copy painted at ${painted} ms, the page parsed at ${parsed} ms`);
  await page.close();
});

test("London by ward's first frame is its copy (a render-blocking script); if the copy fails, the app starts", async () => {
  const page = await app.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  // The copy comes 1 s late: nothing is painted before it (not the loading line on its own).
  await page.route(/first-view\/ward\.js$/, async (route) => {
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
    await route.continue().catch(() => {});
  });
  await page.goto(`${app.base}?v=2&level=ward`, { waitUntil: 'commit' });
  const painted = await copyPainted(page);
  const contentful = await page.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
      if (entry) resolve(entry.startTime);
    }).observe({ type: 'paint', buffered: true });
  }));
  assert.ok(painted > 1000 && contentful > 1000 && Math.abs(contentful - painted) < 50, `the copy painted at ${painted} ms, the page's first text at ${contentful} ms`);
  await page.close();

  const failed = await app.browser.newPage();
  await failed.route(/first-view\/ward\.js$/, (route) => route.abort());
  await failed.goto(`${app.base}?v=2&level=ward`);
  await failed.waitForFunction(() => !document.getElementById('loading') && document.querySelector('#main #area-table tbody tr'), null, { timeout: 30000 });
  assert.equal(await failed.locator('.first-view').count(), 0);
  assert.match(await failed.locator('#main #area-table caption').innerText(), /by ward/);
  await failed.close();
});

test("a page that arrives in parts shows the default view's copy whole, once its last part has come", async () => {
  // The page is sent in two parts, cut in the middle of the copy's source, 1.5 s apart; every other file as usual.
  const page = readFileSync('dist/index.html', 'utf8');
  const source = page.indexOf('<noscript id="first-view-source">');
  const cut = source + Math.floor((page.indexOf('</noscript>', source) - source) / 2);
  const server = createServer(async (req, res) => {
    if (req.url === '/' || req.url.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(page.slice(0, cut));
      setTimeout(() => res.end(page.slice(cut)), 1500);
      return;
    }
    const response = await fetch(new URL(req.url, app.base));
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const tab = await app.browser.newPage();
  await tab.route(/_bg\.wasm$/, (route) => route.abort());
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'commit' });
  await tab.waitForSelector('#loading', { state: 'attached' });
  // Before the last part: the loading message, and no copy (half of one would be a page that ends mid-way).
  assert.equal(await tab.locator('.first-view').count(), 0);
  await tab.waitForSelector('.first-view', { state: 'attached', timeout: 10000 });
  // Then the whole copy: its heading, map, chart, table and footer.
  for (const part of ['h1', 'svg.map-svg', '.chart-svg svg', '#area-table tbody tr', 'footer']) {
    assert.ok(await tab.locator(`.first-view ${part}`).count() > 0, part);
  }
  await tab.close();
  server.close();
});

test('any other address shows no copy, only the loading message, until the app is drawn', async () => {
  for (const query of ['?v=2&crime=burglary', '?v=2&level=ward&crime=burglary', '?page=guides']) {
    const page = await visit(query, 1280, { withApp: false });
    assert.equal(await page.locator('.first-view').count(), 0, query);
    assert.ok(await page.locator('#loading').isVisible(), query);
    await page.close();
  }
});

test('without JavaScript, the default view is readable as its copy', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(app.base);
    assert.ok(await page.locator('#first-view').isVisible());
    assert.match(await page.locator('#first-view h1').innerText(), /^All crimes in London/);
    assert.ok(await page.locator('#first-view #area-table tbody tr').count() >= 30);
    // Nothing says it is loading: nothing is.
    assert.equal(await page.locator('#loading').isVisible(), false);
  } finally {
    await browser.close();
  }
});
