// Shared helpers for the browser tests: a static server for dist/ and a
// headless Debian Chromium launched by playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve-dist.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function start(dir = 'dist') {
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'met-chromium-')), {
    executablePath: CHROMIUM, args: ARGS, headless: true, acceptDownloads: true,
  });
  return { server, base, browser, async stop() { await browser.close(); server.close(); } };
}
