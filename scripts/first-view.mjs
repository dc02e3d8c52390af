// The first view as HTML, so a reader sees the figures before the app's WebAssembly has arrived.
//
// Run by the post-build hook on the built app: it opens the app in headless Chromium at 1280 px, waits
// until the default view (and London by ward) is drawn, and keeps a copy of what the app drew, made
// static: the map's colours, which the app paints on a canvas, become the fills of its paths (one path per
// colour), each list keeps only its chosen option, and the first-visit hint (not every reader sees it) and the
// canvas are left out. The copy is `inert`: it cannot be focused or used and screen readers skip it; until the
// app is drawn, the page's loading line, a bar over the copy's foot, says the controls are still to come.
//
// The default view's copy goes into index.html, in a <noscript>: the page's first script shows it for an
// address without a query, and a reader without JavaScript sees it as it is. London by ward's goes into
// first-view/ward.js, a call `metShowFirstView(markup)` that the first script adds to the page's head for exactly
// `?v=2&level=ward` as a render-blocking script: the page's first frame is then the copy, not the loading line
// laid out and drawn once before the copy is laid out and drawn again. The app removes the copy when it draws
// itself in its place, and its WebAssembly is only requested once the copy has been painted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve-dist.mjs';

/** The views copied: the query they are shown for, and where their copy goes. */
export const VIEWS = [
  { query: '', file: null },
  { query: 'v=2&level=ward', file: 'first-view/ward.js' },
];

/** Opens the built app in `dir`, copies each view of `VIEWS`, and returns `{ index, files }`: the default view's
 * markup (for index.html) and the other views' files, written under `dir`. */
export async function firstViews(dir) {
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    let index = '';
    const files = [];
    for (const { query, file } of VIEWS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(base + (query ? `?${query}` : ''));
      // Drawn: the chart, the table and every path of the map have their figures, and the canvas has been painted.
      await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('.chart-svg svg')
        && document.querySelector('#area-table tbody tr') && document.querySelector('path.map-area')
        && !document.querySelector('path.map-area[fill="#f3f2f1"]'), null, { timeout: 60000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { html, dropped, unsampled } = await page.evaluate(copy);
      if (errors.length) throw new Error(`first-view.mjs: the page at ?${query} had errors: ${errors.join('; ')}`);
      if (dropped.length) throw new Error(`first-view.mjs: style attributes, which the content security policy refuses, at ?${query}: ${dropped.join('; ')}`);
      // One id for every view's copy: a page shows one at most (the default view's stays text for any other).
      const markup = `<div id="first-view" class="first-view" inert>${html}</div>`;
      if (/<\/?noscript/i.test(markup)) throw new Error(`first-view.mjs: the copy at ?${query} has a <noscript>, which cannot go in one`);
      if (file) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), `window.metShowFirstView(${JSON.stringify(markup)});\n`);
        files.push({ file, bytes: markup.length, unsampled });
      } else {
        index = markup;
        files.push({ file: 'index.html', bytes: markup.length, unsampled });
      }
      await page.close();
    }
    return { index, files };
  } finally {
    await browser.close();
    server.close();
  }
}

/** In the page: the app's markup made static (see the top of this file). */
function copy() {
  const canvas = document.querySelector('canvas.map-canvas');
  const svg = document.querySelector('svg.map-svg');
  // Each path's colour, read from the canvas at points inside it (the most common colour there).
  const fills = new Map();
  let unsampled = 0;
  if (canvas && svg) {
    const context = canvas.getContext('2d');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const hex = (n) => n.toString(16).padStart(2, '0');
    for (const path of svg.querySelectorAll('path.map-area[fill="transparent"]')) {
      const b = path.getBBox();
      const matrix = path.getScreenCTM();
      const counts = new Map();
      for (let i = 0; i <= 8; i++) {
        for (let j = 0; j <= 8; j++) {
          const point = new DOMPoint(b.x + (b.width * (i + 0.5)) / 9.5, b.y + (b.height * (j + 0.5)) / 9.5);
          if (!path.isPointInFill(point)) continue;
          const p = point.matrixTransform(matrix);
          const x = Math.floor((p.x - box.left) * scale);
          const y = Math.floor((p.y - box.top) * scale);
          if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
          const k = (y * canvas.width + x) * 4;
          if (pixels[k + 3] !== 255) continue;
          const colour = `#${hex(pixels[k])}${hex(pixels[k + 1])}${hex(pixels[k + 2])}`;
          counts.set(colour, (counts.get(colour) ?? 0) + 1);
        }
      }
      const best = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (best) fills.set(path.id, best[0]);
      else unsampled += 1;
    }
  }
  const dropped = [];
  const parts = [];
  for (const node of document.body.children) {
    if (['SCRIPT', 'NOSCRIPT', 'LINK'].includes(node.tagName) || node.id === 'loading') continue;
    const clone = node.cloneNode(true);
    // What a control shows is a property, which a copy loses: written back as the attributes that set it.
    const live = node.querySelectorAll('select, input');
    clone.querySelectorAll('select, input').forEach((control, i) => {
      if (control.tagName === 'SELECT') {
        // Only the chosen option: the copy's list cannot be opened (it is inert), and the browser lays out every
        // option of a closed list (the two lists of months hold hundreds) while it draws the copy.
        const chosen = control.querySelectorAll('option')[live[i].selectedIndex];
        chosen?.setAttribute('selected', '');
        control.replaceChildren(...(chosen ? [chosen] : []));
      } else if (['radio', 'checkbox'].includes(control.type)) {
        control.toggleAttribute('checked', live[i].checked);
      } else if (live[i].value) {
        control.setAttribute('value', live[i].value);
      }
    });
    clone.querySelectorAll('canvas.map-canvas, aside.first-visit').forEach((e) => e.remove());
    // The app is requested once this heading has been painted (index.html).
    clone.querySelector('h1')?.setAttribute('elementtiming', 'first-view');
    // The areas of one colour become one path (the first's, with the shapes of the others added): the areas do not
    // overlap, so the map looks the same, and the browser lays out and paints six shapes instead of 684. What makes
    // an area a button with a name is for the app (the copy is inert).
    const byFill = new Map();
    for (const path of clone.querySelectorAll('path.map-area')) {
      const fill = fills.get(path.id) ?? path.getAttribute('fill');
      const first = byFill.get(fill);
      if (first) {
        first.setAttribute('d', first.getAttribute('d') + path.getAttribute('d'));
        path.remove();
        continue;
      }
      byFill.set(fill, path);
      path.setAttribute('fill', fill);
      for (const name of ['id', 'data-code', 'role', 'tabindex', 'aria-pressed', 'aria-label']) path.removeAttribute(name);
    }
    // The page's content security policy refuses style attributes in markup (the app sets none).
    for (const element of [clone, ...clone.querySelectorAll('[style]')]) {
      if (element.hasAttribute('style')) dropped.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.getAttribute('style')}`);
    }
    parts.push(clone.outerHTML);
  }
  // Without the app's markers of where its reactive parts go (empty comments).
  return { html: parts.join('').replaceAll('<!---->', ''), dropped, unsampled };
}
