// Shared helpers for the browser tests: a static server for dist/ and a
// headless Debian Chromium launched by playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve-dist.mjs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `dir` (gzip-compressed with `gzip`) and starts a browser. Service workers are blocked (the page then
 * fetches everything itself, as the tests that intercept requests need) unless `serviceWorkers` is 'allow', as in
 * offline.test.mjs. With `bypassCSP` the pages' content security policy is not applied (the benchmark times changes
 * with checks it builds with `new Function`, which the policy refuses); no test sets it. */
export async function start(dir = 'dist', { serviceWorkers = 'block', gzip = false, bypassCSP = false } = {}) {
  const server = await serve(dir, 0, { gzip });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'met-chromium-')), {
    executablePath: CHROMIUM, args: ARGS, headless: true, acceptDownloads: true, serviceWorkers, bypassCSP,
  });
  // No page may ask anything of another site (no CDN, fonts, tiles or analytics): every request of every page
  // of the run is watched, and stopping fails if one went elsewhere than this machine (the test servers).
  const offsite = [];
  browser.on('request', (r) => {
    const url = new URL(r.url());
    if (/^https?:$/.test(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname)) offsite.push(r.url());
  });
  return {
    server, base, browser, offsite,
    async stop() {
      await browser.close();
      this.server.close();
      if (offsite.length) throw new Error(`requests to other origins: ${offsite.join(', ')}`);
    },
  };
}

/** A new page at `query` and `width`, collecting page and console errors in `page.errors`, once `ready` shows. */
export async function openPage(app, query, width, ready) {
  const page = await app.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  await page.setViewportSize({ width, height: 900 });
  await page.goto(app.base + query);
  await page.waitForSelector(ready, { timeout: 30000 });
  return page;
}

/** axe-core's WCAG 2.2 AA violations on the page, and how far it scrolls sideways (both should be nothing). */
export async function accessibilityProblems(page) {
  // Evaluated, not added as a <script>: the page's content security policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return { violations, overflow };
}
