// Benchmark (not a test): sizes, prepare time and page timings under 4× CPU
// throttling in headless Chromium. Run after a release build (scripts/test.sh or
// `trunk build --release`): node scripts/bench.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { start } from '../tests/e2e/browser.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

console.log('== Sizes (dist/)');
const files = readdirSync('dist').filter((f) => statSync(join('dist', f)).isFile());
let firstView = 0;
for (const f of files.sort()) {
  const b = readFileSync(join('dist', f));
  console.log(`  ${f.padEnd(48)} raw ${kb(b.length).padStart(10)}  gzip ${kb(gz(b)).padStart(9)}  brotli ${kb(br(b)).padStart(9)}`);
  firstView += gz(b);
}
console.log('== Data files (gzip -9)');
let dataTotal = 0;
for (const f of readdirSync('dist/data').sort()) {
  const b = readFileSync(join('dist/data', f));
  dataTotal += gz(b);
  console.log(`  ${f.padEnd(56)} raw ${kb(b.length).padStart(10)}  gzip ${kb(gz(b)).padStart(9)}`);
  if (['manifest.json', 'boroughs.geo.json', 'crime-borough-all.json'].includes(f)) firstView += gz(b);
}
console.log(`  all data files: gzip ${kb(dataTotal)}`);
console.log(`First view (page, wasm, JS, CSS, manifest, borough boundaries, all-crime series), gzip: ${kb(firstView)}`);

const source = process.env.MET_DATA_DIR ?? '../shared/data';
try {
  statSync(source);
  execFileSync('cargo', ['build', '--release', '--locked', '--bin', 'prepare'], { stdio: 'ignore' });
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    execFileSync('target/release/prepare', ['--from', source, '--out', '/tmp/met-bench-data'], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`== prepare on ${source}: median ${median(times).toFixed(0)} ms of 3 runs (${times.map((t) => t.toFixed(0)).join(', ')})`);
} catch (e) {
  console.log(`== prepare: skipped (${e.message.split('\n')[0]})`);
}

const app = await start('dist');
async function throttledPage() {
  const page = await app.browser.newPage();
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

const first = [];
for (let i = 0; i < runs; i++) {
  const page = await throttledPage();
  await page.goto(app.base);
  await page.waitForFunction(() => window.__firstChart, null, { timeout: 60000 });
  first.push(await page.evaluate(() => window.__firstChart));
  await page.close();
}
console.log(`== Time to first chart (4× CPU throttling, cache disabled, ${runs} loads): median ${median(first).toFixed(0)} ms (min ${Math.min(...first).toFixed(0)}, max ${Math.max(...first).toFixed(0)})`);

const page = await throttledPage();
await page.goto(app.base);
await page.waitForFunction(() => window.__firstChart, null, { timeout: 60000 });
// Load the categories used below once, so the timings measure the update, not the network.
for (const cat of ['burglary', 'theft', 'all']) {
  await page.selectOption('#cat', cat);
  await page.waitForFunction((c) => document.querySelector('#cat').value === c && document.querySelector('.chart-svg svg'), cat);
}
async function timeChange(selector, value, check) {
  return page.evaluate(async ({ selector, value, check }) => {
    const select = document.querySelector(selector);
    const t0 = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (let i = 0; i < 1000; i++) {
      if (new Function(check)()) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 0));
    }
    return NaN;
  }, { selector, value, check });
}
const codes = await page.$$eval('#area option', (os) => os.map((o) => [o.value, o.textContent]).filter(([v]) => v));
const areaTimes = [];
for (let i = 0; i < Math.min(codes.length, runs * 2); i++) {
  const [code, name] = codes[(i * 7) % codes.length];
  areaTimes.push(await timeChange('#area', code,
    `return document.querySelector('h1')?.textContent.includes(${JSON.stringify(name)}) && document.querySelector('#area-table button[aria-pressed="true"]')?.textContent === ${JSON.stringify(name)} && document.querySelector('.chart-legend')?.textContent.includes(${JSON.stringify(name)}) && document.querySelector('.outline-selected')?.getAttribute('d')`));
}
const catTimes = [];
for (let i = 0; i < runs; i++) {
  const cat = ['burglary', 'theft', 'all'][i % 3];
  const word = { burglary: 'Burglary', theft: 'Theft', all: 'All crimes' }[cat];
  catTimes.push(await timeChange('#cat', cat, `return document.querySelector('h1')?.textContent.startsWith(${JSON.stringify(word)})`));
}
console.log(`== Filter change to updated map + chart + table (4× CPU throttling): area median ${median(areaTimes).toFixed(1)} ms (max ${Math.max(...areaTimes).toFixed(1)}, n=${areaTimes.length}); category (cached file) median ${median(catTimes).toFixed(1)} ms (max ${Math.max(...catTimes).toFixed(1)}, n=${catTimes.length})`);
await page.close();
await app.stop();
