// Benchmark (not a test): sizes, prepare time and page timings under 4× CPU
// throttling in headless Chromium, and the app side by side with the peer (a
// plain JavaScript page of the same ward data, ../shared/peer, timed by its own
// measure.mjs). Run after a release build (scripts/test.sh or `trunk build --release`):
// node scripts/bench.mjs [--runs N] [--only sizes|first|filters|stops|repeat|peer]
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, resolve } from 'node:path';
import { start } from '../tests/e2e/browser.mjs';
import { serve } from './serve-dist.mjs';

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs')) || 7;
const only = arg('--only');
const part = (name) => !only || only === name;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
/** The 95th percentile (nearest rank). */
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.ceil(s.length * 0.95) - 1]; };
/** A list of timings in words: median, 95th percentile, max and count. */
const timings = (xs) => `median ${median(xs).toFixed(1)} ms (p95 ${p95(xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

if (part('sizes')) {
  console.log('== Sizes (dist/)');
  const files = readdirSync('dist').filter((f) => statSync(join('dist', f)).isFile());
  let firstView = 0;
  for (const f of files.sort()) {
    const b = readFileSync(join('dist', f));
    console.log(`  ${f.padEnd(48)} raw ${kb(b.length).padStart(10)}  gzip ${kb(gz(b)).padStart(9)}  brotli ${kb(br(b)).padStart(9)}`);
    // The stylesheet's file is for the standalone pages: index.html carries its text (scripts/csp.mjs).
    if (!/^main-[0-9a-f]+\.css$/.test(f)) firstView += gz(b);
  }
  console.log('== Data files (gzip -9)');
  let dataTotal = 0;
  // The latest release's files (releases/ keeps copies of them and earlier releases).
  for (const f of readdirSync('dist/data').filter((f) => statSync(join('dist/data', f)).isFile()).sort()) {
    const b = readFileSync(join('dist/data', f));
    dataTotal += gz(b);
    console.log(`  ${f.padEnd(56)} raw ${kb(b.length).padStart(10)}  gzip ${kb(gz(b)).padStart(9)}`);
    if (['manifest.json', 'boroughs.geo.json', 'crime-borough-all.json'].includes(f)) firstView += gz(b);
  }
  console.log(`  all data files: gzip ${kb(dataTotal)}`);
  console.log(`First view (page with its stylesheet, wasm, JS, manifest, borough boundaries, all-crime series), gzip: ${kb(firstView)}`);

  const source = process.env.MET_DATA_DIR ?? '../shared/data';
  try {
    statSync(source);
    execFileSync('cargo', ['build', '--locked', '--bin', 'prepare'], { stdio: 'ignore' });
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      execFileSync('target/debug/prepare', ['--from', source, '--out', '/tmp/met-bench-data'], { stdio: 'ignore' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`== prepare on ${source}: median ${median(times).toFixed(0)} ms of 3 runs (${times.map((t) => t.toFixed(0)).join(', ')})`);
  } catch (e) {
    console.log(`== prepare: skipped (${e.message.split('\n')[0]})`);
  }
}

// The checks of timeChange below are built with `new Function`, which the app's content security policy refuses.
const app = await start('dist', { bypassCSP: true });
async function throttledPage(browser = app.browser) {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('.chart-svg svg') && document.querySelector('#area-table tbody tr')) {
        window.__firstChart = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return page;
}

if (part('first')) {
  // The first view: its first painted frame showing the chart and table (the static copy, where there is one:
  // scripts/first-view.mjs), the bytes that had arrived by that frame's start (gzip as served, headers included;
  // what arrives while the frame is drawn is not in it: the app's WebAssembly is requested once the copy has been
  // painted, and may arrive before the task after the frame that takes the time), and the app
  // drawn in its place (#loading gone); on this machine's network at 1280 px, then as a phone on a "fast 3G"
  // connection (150 ms round trips, 1.6 Mbit/s down) at 375 px.
  const served = await start('dist', { gzip: true });
  const networks = [
    ['this machine, 1280 px', 1280, null],
    ['fast 3G, 375 px', 375, { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }],
  ];
  for (const [network, width, conditions] of networks) {
    for (const [query, label] of [['', 'default view'], ['?v=2&level=ward', 'London by ward']]) {
      const shown = [], drawn = [], bytes = [];
      for (let i = 0; i < (conditions ? Math.min(runs, 3) : runs); i++) {
        const page = await throttledPage(served.browser);
        await page.setViewportSize({ width, height: 900 });
        if (conditions) {
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await cdp.send('Network.emulateNetworkConditions', conditions);
        }
        await page.addInitScript(() => {
          let seen = false, done = false;
          const frame = (start) => {
            if (!seen && document.querySelector('.chart-svg svg') && document.querySelector('#area-table tbody tr')) {
              seen = true;
              window.__frame = start;
              setTimeout(() => { window.__shown = performance.now(); }, 0);
            }
            if (!done && document.readyState !== 'loading' && !document.getElementById('loading')) {
              done = true;
              setTimeout(() => { window.__drawn = performance.now(); }, 0);
            }
            if (!seen || !done) requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        });
        await page.goto(served.base + query);
        await page.waitForFunction(() => window.__shown && window.__drawn, null, { timeout: 120000 });
        const r = await page.evaluate(() => ({
          shown: window.__shown,
          drawn: window.__drawn,
          bytes: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
            .filter((e) => e.responseEnd > 0 && e.responseEnd <= window.__frame).reduce((sum, e) => sum + e.transferSize, 0),
        }));
        shown.push(r.shown);
        drawn.push(r.drawn);
        bytes.push(r.bytes);
        await page.close();
      }
      const ms = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
      console.log(`== First view, ${label} (${network}, 4× CPU throttling, cache disabled, gzip, ${shown.length} loads): `
        + `painted ${ms(shown)}, ${kb(median(bytes))} arrived by then; the app drawn ${ms(drawn)}`);
    }
  }
  await served.stop();
}

// Times one change: `act` (JS source) runs in the page; the time is taken just
// after the first frame at whose start `check` (JS source returning a boolean)
// holds has been painted. The frame callback is registered before `act`, so it
// runs before any the page registers. With `later`, the page is then polled every
// task until that check holds too (parts of the page off screen, which follow a
// frame later), and both times are returned.
async function timeChange(page, act, check, later) {
  return page.evaluate(async ({ act, check, later }) => {
    const t0 = performance.now();
    const painted = new Promise((resolve) => {
      let frames = 0;
      const frame = () => {
        if (new Function(check)()) setTimeout(() => resolve(performance.now() - t0), 0);
        else if (++frames > 600) resolve(NaN);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    new Function(act)();
    const shown = await painted;
    if (!later) return [shown, NaN];
    for (let i = 0; i < 2000; i++) {
      if (new Function(later)()) return [shown, performance.now() - t0];
      await new Promise((r) => setTimeout(r, 0));
    }
    return [shown, NaN];
  }, { act, check, later });
}
const selectCat = (cat) => `const s = document.querySelector('#cat'); s.value = ${JSON.stringify(cat)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;
const words = { burglary: 'Burglary', theft: 'Theft', all: 'All crimes' };
const chartWords = { burglary: 'Burglary', theft: 'Theft', all: 'Crimes' };

/** Category changes (files already cached) and, with `areas`, area changes within one scope, on the view at `query`. */
async function filterTimings(query, label, areas) {
  const page = await throttledPage();
  await page.goto(app.base + query);
  await page.waitForFunction(() => window.__firstChart, null, { timeout: 60000 });
  // Load the categories used below once, so the timings measure the update, not the network.
  for (const cat of ['burglary', 'theft', 'all']) {
    await page.selectOption('#cat', cat);
    await page.waitForFunction((w) => document.querySelector('h1')?.textContent.startsWith(w), words[cat], { timeout: 60000 });
  }
  const rows = await page.locator('.map-area').count();
  const catTimes = [], tableTimes = [];
  for (let i = 0; i < runs; i++) {
    const cat = ['burglary', 'theft', 'all'][i % 3];
    const w = JSON.stringify(words[cat]);
    const [shown, table] = await timeChange(page, selectCat(cat),
      `return document.querySelector('h1')?.textContent.startsWith(${w}) && document.querySelector('[aria-describedby="chart-description"]')?.getAttribute('aria-label').startsWith(${JSON.stringify(chartWords[cat])})`,
      `return document.querySelector('#area-table caption')?.textContent.startsWith(${w})`);
    catTimes.push(shown);
    tableTimes.push(table);
  }
  // Choosing another area of the table (a ward of the same borough keeps the map's scope).
  const names = await page.$$eval('#area-table tbody button', (bs) => bs.map((b) => b.textContent));
  const areaTimes = [];
  for (let i = 0; areas && i < Math.min(names.length, runs * 2); i++) {
    const name = names[(i * 7) % names.length];
    areaTimes.push((await timeChange(page,
      `[...document.querySelectorAll('#area-table tbody button')].find((b) => b.textContent === ${JSON.stringify(name)}).click();`,
      `return document.querySelector('h1')?.textContent.includes(${JSON.stringify(name)}) && document.querySelector('#area-table button[aria-pressed="true"]')?.textContent === ${JSON.stringify(name)} && document.querySelector('.chart-legend')?.textContent.includes(${JSON.stringify(name)})`))[0]);
  }
  await page.close();
  const f = timings;
  console.log(`== ${label} (${rows} areas on the map, 4× CPU throttling): category ${f(catTimes)}, table below updated at ${f(tableTimes)}${areas ? `; area ${f(areaTimes)}` : ''}`);
}
if (part('filters')) {
  await filterTimings('', 'London by borough', false);
  await filterTimings('?level=ward', 'London by ward', false);
  await filterTimings('?area=E05009331', 'A ward among the wards of its borough', true);
}

/** Stop and search: the first view, then breakdown and period changes, at `query`. */
async function stopsTimings(query, label) {
  const first = [];
  for (let i = 0; i < runs; i++) {
    const page = await throttledPage();
    await page.goto(app.base + query);
    await page.waitForFunction(() => window.__firstChart && document.querySelector('#breakdown-chart svg'), null, { timeout: 60000 });
    first.push(await page.evaluate(() => performance.now()));
    if (i < runs - 1) await page.close();
    else {
      const dims = ['age', 'legislation', 'outcome'];
      const dimTimes = [];
      for (let k = 0; k < runs; k++) {
        const d = dims[k % 3];
        dimTimes.push((await timeChange(page,
          `const s = document.querySelector('#dim'); s.value = ${JSON.stringify(d)}; s.dispatchEvent(new Event('change', { bubbles: true }));`,
          `return location.search.includes('breakdown=${d}') || (${JSON.stringify(d)} === 'outcome' && !location.search.includes('breakdown='))
            ? document.querySelector('#breakdown-chart figcaption')?.textContent.includes(${JSON.stringify({ age: 'by age', legislation: 'by power used', outcome: 'by outcome' }[d])}) : false`))[0]);
      }
      const periodTimes = [];
      const radios = await page.$$eval('input[name="stop-period"]', (rs) => rs.map((r) => r.id));
      for (let k = 0; k < runs; k++) {
        const id = radios[(k + 1) % radios.length];
        const label = await page.$eval(`label[for="${id}"]`, (l) => l.textContent);
        periodTimes.push((await timeChange(page, `document.getElementById(${JSON.stringify(id)}).click();`,
          `return document.querySelector('h1 .caption')?.textContent === ${JSON.stringify(label)}`))[0]);
      }
      await page.close();
      const f = timings;
      console.log(`== ${label} (4× CPU throttling, cache disabled): first view ${f(first)}; breakdown change ${f(dimTimes)}; period change ${f(periodTimes)}`);
    }
  }
}
if (part('stops')) {
  await stopsTimings('?explorer=stops', 'Stop and search, London by borough');
  await stopsTimings('?explorer=stops&area=E09000007', 'Stop and search, a borough among its wards');
}
if (part('repeat')) await repeatVisits();
if (part('peer')) await peerComparison();
await app.stop();

/** A first visit that installs the service worker, then repeat visits it serves: time to the first chart and the
 * bytes the server sent (gzip as served) until the page fell quiet, both with the HTTP cache off, at 4×. */
async function repeatVisits() {
  const visits = await start('dist', { serviceWorkers: 'allow', gzip: true });
  let sent = 0;
  visits.server.on('request', (req, res) => {
    const end = res.end.bind(res);
    res.end = (chunk, ...rest) => { sent += chunk?.length ?? 0; return end(chunk, ...rest); };
  });
  const visit = async (query) => {
    const page = await throttledPage(visits.browser);
    const before = sent;
    await page.goto(visits.base + query);
    await page.waitForFunction(() => window.__firstChart, null, { timeout: 60000 });
    const ms = await page.evaluate(() => window.__firstChart);
    // Until the worker keeps what the page fetched and the page falls quiet.
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const bytes = sent - before;
    await page.close();
    return { ms, bytes };
  };
  const first = await visit('');
  console.log(`== First visit, default view (the worker installs; 4×, gzip): ${first.ms.toFixed(0)} ms to the first chart, ${kb(first.bytes)} sent, the worker's own requests included`);
  for (const [query, label] of [['', 'default view'], ['?v=2&level=ward', 'London by ward']]) {
    await visit(query);
    const again = [];
    for (let i = 0; i < Math.min(runs, 5); i++) again.push(await visit(query));
    const ms = median(again.map((v) => v.ms));
    const bytes = median(again.map((v) => v.bytes));
    console.log(`== Visiting again, ${label} (the worker serves; HTTP cache off, 4×, gzip): ${ms.toFixed(0)} ms to the first chart (median), ${kb(bytes)} sent (n=${again.length})`);
  }
  await visits.stop();
}

/** The app's first view and category changes against the peer's, alternately in
 * one sitting (absolute times drift on a shared machine: compare the ratios), both
 * served gzip-compressed. The peer is copied to target/peer with its packages. */
async function peerComparison() {
  const source = process.env.MET_PEER_DIR ?? '../shared/peer';
  if (!existsSync(join(source, 'measure.mjs'))) {
    console.log(`== Peer: skipped (no ${source}/measure.mjs)`);
    return;
  }
  const peer = 'target/peer';
  if (!existsSync(join(peer, 'node_modules/d3'))) {
    rmSync(peer, { recursive: true, force: true });
    mkdirSync('target', { recursive: true });
    cpSync(source, peer, { recursive: true });
    execFileSync('npm', ['ci', '--silent', '--no-audit', '--no-fund'], { cwd: peer, stdio: 'ignore' });
  }
  if (!existsSync(join(peer, 'node_modules/playwright-core'))) {
    symlinkSync(resolve('node_modules/playwright-core'), join(peer, 'node_modules/playwright-core'));
  }
  // The harness tests its ready condition with eval(), which the app's content security policy refuses
  // (scripts/csp.mjs): its browser contexts bypass the policy, for both pages alike. Nothing else changes.
  const harness = join(peer, 'measure.mjs');
  const code = readFileSync(harness, 'utf8');
  if (!code.includes('bypassCSP')) writeFileSync(harness, code.replace('browser.newContext({', 'browser.newContext({ bypassCSP: true,'));
  const [peerServer, appServer] = await Promise.all([serve(peer, 0, { gzip: true }), serve('dist', 0, { gzip: true })]);
  const url = (s, path) => `http://127.0.0.1:${s.address().port}/${path}`;
  const ready = "!!(document.querySelector('.chart-svg svg') && document.querySelector('#area-table tbody tr'))";
  const pages = [
    ['peer', url(peerServer, 'index.html'), []],
    ['app, default view', url(appServer, ''), ['--ready', ready]],
    ['app, London by ward', url(appServer, '?v=2&level=ward'), ['--ready', ready]],
  ];
  // Rounds alternate the pages, so each ratio compares loads made minutes apart at most; their median is the figure
  // quoted (one round's ratio moves by 0.2 on this shared machine).
  const rounds = 3;
  const results = new Map(pages.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, address, extra] of pages) {
      // Asynchronously: the servers answer from this process's event loop.
      const { stdout: out } = await promisify(execFile)('node', ['measure.mjs', address, '--throttle', '4', '--runs', String(Math.min(runs, 5)), ...extra], { cwd: peer });
      results.get(name).push(JSON.parse(out.trim().split('\n').pop()));
    }
  }
  peerServer.close();
  appServer.close();
  console.log(`== Side by side with the peer (4× CPU throttling, cache off, gzip as served; ${rounds} rounds, peer first)`);
  const base = results.get('peer');
  for (const [name, rs] of results) {
    const cells = rs.map((r, i) => {
      const ratio = (a, b) => (name === 'peer' ? '' : ` (${(a / b).toFixed(2)}×)`);
      const b = base[i];
      return `first ${r.firstPaintedMedianMs} ms${ratio(r.firstPaintedMedianMs, b.firstPaintedMedianMs)}, change ${r.changeMedianMs}/${r.changeP95Ms} ms median/p95, transfer ${kb(r.transferMedianBytes)}${ratio(r.transferMedianBytes, b.transferMedianBytes)}`;
    });
    console.log(`  ${name.padEnd(22)} ${cells.join('  |  ')}`);
    if (name !== 'peer') {
      const ratios = rs.map((r, i) => r.firstPaintedMedianMs / base[i].firstPaintedMedianMs);
      console.log(`  ${''.padEnd(22)} first frame over the peer's: median ${median(ratios).toFixed(2)}× of ${rounds} rounds`);
    }
  }
}
