// End-to-end tests of the content security policy (scripts/csp.mjs): the built
// page carries it, with only its first script and stylesheet inline (by hash), the browser enforces it, and no view,
// page, dialog, download or embed does anything it refuses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './browser.mjs';
import { policy, policyOf, hashOf } from '../../scripts/csp.mjs';

let app;
before(async () => { app = await start('dist'); });
after(async () => { await app?.stop(); });

/** A new page that records every content-security-policy violation, in any frame, in `page.violations()`. */
async function watched() {
  const page = await app.browser.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.violations = async () => (await Promise.all(page.frames().map((f) => f.evaluate(() => window.__violations ?? []).catch(() => [])))).flat();
  return page;
}

test('the built page carries the policy first in its head: this origin, its one inline script and stylesheet by hash', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = head.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'the policy is in the head');
  assert.ok(head.indexOf(meta[0]) < head.search(/<script|<style|<link rel="(stylesheet|modulepreload|preload)"/), 'it comes before every script, style and link');
  assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
  // One inline script (the first, in the head) and one stylesheet, each allowed by its hash; every other script is
  // a file of this origin.
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  const inline = scripts.filter(([, attributes]) => !/\ssrc=/.test(attributes));
  assert.equal(inline.length, 1);
  assert.ok(head.includes(inline[0][0]), 'the inline script is in the head');
  for (const [, attributes, body] of scripts.filter((s) => !inline.includes(s))) {
    assert.match(attributes, /\ssrc="\/[\w.-]+\.js"/);
    assert.equal(body.trim(), '');
  }
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
  assert.equal(styles.length, 1);
  assert.equal(meta[1], policy({ scripts: [hashOf(inline[0][2])], styles: [hashOf(styles[0][1])] }));
  assert.equal(policyOf(html), meta[1]);
});

test('the browser enforces it: an injected inline script does not run and is reported', async () => {
  const page = await watched();
  await page.goto(`${app.base}?area=E09000007`);
  await page.waitForSelector('.map-svg');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(await page.violations(), ['script-src-elem inline']);
  await page.close();
});

test('no view, page, dialog, download or embed is refused anything', async () => {
  const page = await watched();
  const visit = async (query, ready) => {
    await page.goto(app.base + query);
    await page.waitForSelector(ready);
  };
  for (const [query, ready] of [['', '.map-svg'], ['?level=ward', '.map-svg'], ['?area=E09000007&crime=burglary&measure=change', '.map-svg'],
    ['?explorer=stops&area=E09000007', '#breakdown-chart svg'], ['?page=definitions', 'li.term'], ['?page=guides', '.guide-button'],
    ['?page=data', '#page-heading'], ['?page=accessibility', '#page-heading'], ['?area=E09000007&embed=map', '.map-svg'],
    ['?area=E09000007&embed=chart', '.chart-svg svg']]) {
    await visit(query, ready);
    assert.deepEqual(await page.violations(), [], query);
  }
  // The figures page with everything opened: tables, a definition, the Embed dialog and its preview, every download.
  await visit('?area=E09000007&crime=burglary', '.map-svg');
  for (const summary of await page.locator('details.details summary').all()) await summary.click();
  await page.locator('.what-counts').getByRole('button', { name: 'What “Burglary” means' }).click();
  await page.getByRole('dialog', { name: 'Definition: Burglary' }).getByRole('heading', { name: 'Burglary' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Embed…' }).click();
  await page.frameLocator('iframe.embed-preview').locator('.chart-svg svg').waitFor();
  await page.keyboard.press('Escape');
  for (const id of ['download-table-csv', 'download-chart-csv', 'download-chart-svg', 'download-chart-png']) {
    await Promise.all([page.waitForEvent('download'), page.locator(`#${id}`).click()]);
  }
  assert.deepEqual(await page.violations(), []);
  await page.close();
});
