// Trunk's post-build hook (Trunk.toml), run with TRUNK_STAGING_DIR set: first
// Trunk's loader is made to wait for the first view's static copy to be painted
// before it starts the app (which downloads and compiles meanwhile); then the stylesheet and first script
// inline and the content security policy (scripts/csp.mjs); then the standalone pages (pages/, written by
// `prepare --pages`) get the address of the stylesheet, whose name has its hash; then
// the first views are drawn by the app and kept as markup (scripts/first-view.mjs);
// last, the service worker's list of the shell (scripts/offline.mjs), which must
// see the files the steps before write.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { harden } from './csp.mjs';
import { firstViews } from './first-view.mjs';
import { offline } from './offline.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
const page = join(dir, 'index.html');
const { html, moved, inline } = harden(deferApp(readFileSync(page, 'utf8')), (name, text) => writeFileSync(join(dir, name), text),
  (name) => readFileSync(join(dir, name), 'utf8'));
writeFileSync(page, html);
console.log(`csp.mjs: ${moved} inline scripts moved to files, ${inline.scripts} kept and ${inline.styles} stylesheet put inline, each allowed by its hash; policy written into index.html`);
const stylesheet = readdirSync(dir).find((name) => /^main-[0-9a-f]+\.css$/.test(name));
if (!stylesheet) throw new Error(`post-build.mjs: no stylesheet main-<hash>.css in ${dir}`);
const pages = join(dir, 'pages');
for (const name of readdirSync(pages).filter((n) => n.endsWith('.html'))) {
  const text = readFileSync(join(pages, name), 'utf8');
  if (!text.includes('../__STYLESHEET__')) throw new Error(`post-build.mjs: pages/${name} has no ../__STYLESHEET__ to fill in`);
  writeFileSync(join(pages, name), text.replaceAll('../__STYLESHEET__', `../${stylesheet}`));
}
console.log(`post-build.mjs: the standalone pages link ${stylesheet}`);
const { index, files: views } = await firstViews(dir);
// In a <noscript> after the loading message: text, unless the reader has no JavaScript (see index.html).
writeFileSync(page, readFileSync(page, 'utf8').replace(/(<p id="loading"[^>]*>[^<]*<\/p>)/,
  `$1\n  <noscript id="first-view-source">${index}</noscript>`));
for (const { file, bytes, unsampled } of views) {
  console.log(`first-view.mjs: ${file} holds a first view of ${bytes} bytes${unsampled ? ` (${unsampled} areas too small to read their colour)` : ''}`);
}
const files = offline(dir);
console.log(`offline.mjs: sw.js keeps ${files.length} files of the shell: ${files.join(', ')}`);


/** Trunk's loader, made to start the app once `window.metFirstView` (index.html) has resolved: the WebAssembly
 * downloads (at low priority, with the integrity Trunk gave its preload) and compiles (off the main thread) alongside
 * the first view, and the app is imported, instantiated and drawn after the first view's copy has been painted. The
 * preload, which would fetch it at high priority, goes. If compiling as it streams fails (a host that does not send
 * application/wasm), the loader fetches it again the usual way. */
function deferApp(text) {
  const preload = /<link rel="preload" href="([^"]+_bg\.wasm)"[^>]*integrity="([^"]+)"[^>]*>/;
  const load = /import init, \* as bindings from '([^']+)';\nconst wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
  const [, preloaded, integrity] = preload.exec(text) ?? [];
  const [, js, wasm] = load.exec(text) ?? [];
  if (!preloaded || !js || wasm !== preloaded) throw new Error("post-build.mjs: Trunk's loader or wasm preload is not where expected");
  const loader = [
    `const compiled = WebAssembly.compileStreaming(fetch('${wasm}', { priority: 'low', integrity: '${integrity}' }))`,
    `  .catch(() => '${wasm}');`,
    'await window.metFirstView;',
    `const bindings = await import('${js}');`,
    'const init = bindings.default;',
    'const wasm = await init({ module_or_path: await compiled });',
  ].join('\n');
  return text.replace(preload, '').replace(load, loader);
}
