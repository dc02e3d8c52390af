// Trunk's post-build hook, first step (scripts/post-build.mjs): makes the built page run under a strict
// Content-Security-Policy. Every inline <script> of the page (the first view's
// preloads in index.html, and the loader Trunk writes) moves to a file of its
// own named by its hash, and the policy is written as the page's first
// <meta http-equiv>, so it covers everything after it. Hosts that can set
// headers should send the same policy as a header, with frame-ancestors (which
// a <meta> cannot carry): see README.md, "Security".
//
// Run by scripts/post-build.mjs; `node scripts/csp.mjs --print` prints the
// policy.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Only this origin; WebAssembly compiled from this origin's file; nothing inline. */
export const POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The page with its inline scripts moved to files (written with `write(name, text)`) and the policy in its head. */
export function harden(html, write) {
  let moved = 0;
  const out = html.replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attributes, body) => {
    if (/\ssrc=/.test(attributes) || body.trim() === '') return whole;
    const name = `inline-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
    write(name, `${body.trim()}\n`);
    moved += 1;
    return `<script${attributes} src="/${name}"></script>`;
  });
  // First in the head after the character set, so it covers every element after it.
  const anchor = out.match(/<meta charset="[^"]*">/)?.[0] ?? '<head>';
  if (!out.includes(anchor)) throw new Error('csp.mjs: the page has no <head> to put the policy in');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`;
  return { html: out.replace(anchor, `${anchor}\n  ${meta}`), moved };
}

if (process.argv.includes('--print')) console.log(POLICY);
