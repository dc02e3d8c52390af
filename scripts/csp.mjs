// Trunk's post-build hook, first step (scripts/post-build.mjs): makes the built page run under a strict
// Content-Security-Policy, and puts what its first frame needs into the page itself. The stylesheet goes into a
// <style> and the first script (a plain <script>, which holds up the parser) stays inline: fetched, each was a
// request before the first frame. Every other inline <script> (the service worker's, and the loader Trunk writes)
// moves to a file of its own named by its hash. The policy allows this origin's files and, by their hashes, the
// page's inline script and stylesheet, nothing else inline (no style attribute); it is written as the page's
// first <meta http-equiv>, so it covers everything after it. Hosts that can set headers should send the same
// policy as a header, with frame-ancestors (which a <meta> cannot carry): see README.md, "Security".
//
// Run by scripts/post-build.mjs; `node scripts/csp.mjs --print [dist]` prints the built page's policy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The policy: only this origin, and the inline scripts and stylesheets whose hashes ('sha256-…') are given;
 * WebAssembly compiled from this origin's file; nothing else inline. */
export function policy({ scripts = [], styles = [] } = {}) {
  const allowed = (hashes) => hashes.map((hash) => ` '${hash}'`).join('');
  return [
    "default-src 'none'",
    `script-src 'self'${allowed(scripts)} 'wasm-unsafe-eval'`,
    `style-src 'self'${allowed(styles)}`,
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A CSP hash source of `text`, as the browser computes it over an element's content. */
export const hashOf = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The page with its stylesheet inline (its file read with `read(name)`), its other inline scripts moved to files
 * (written with `write(name, text)`), and the policy in its head. */
export function harden(html, write, read) {
  let moved = 0;
  const scripts = [];
  const styles = [];
  let out = html.replace(/<link rel="stylesheet" href="\/([\w.-]+\.css)"[^>]*>/g, (whole, name) => {
    const css = read(name);
    if (css.includes('</style')) throw new Error(`csp.mjs: ${name} cannot go into a <style>`);
    styles.push(hashOf(css));
    return `<style>${css}</style>`;
  });
  out = out.replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attributes, body) => {
    if (/\ssrc=/.test(attributes) || body.trim() === '') return whole;
    if (attributes.trim() === '') {
      scripts.push(hashOf(body));
      return whole;
    }
    const name = `inline-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
    write(name, `${body.trim()}\n`);
    moved += 1;
    return `<script${attributes} src="/${name}"></script>`;
  });
  // First in the head after the character set, so it covers every element after it.
  const anchor = out.match(/<meta charset="[^"]*">/)?.[0] ?? '<head>';
  if (!out.includes(anchor)) throw new Error('csp.mjs: the page has no <head> to put the policy in');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ scripts, styles })}">`;
  return { html: out.replace(anchor, `${anchor}\n  ${meta}`), moved, inline: { scripts: scripts.length, styles: styles.length } };
}

/** The policy written into a built page's head. */
export function policyOf(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  if (!meta) throw new Error('csp.mjs: the page has no policy in its head');
  return meta[1];
}

if (process.argv.includes('--print')) {
  const dir = process.argv[process.argv.indexOf('--print') + 1] ?? 'dist';
  console.log(policyOf(readFileSync(join(dir, 'index.html'), 'utf8')));
}
