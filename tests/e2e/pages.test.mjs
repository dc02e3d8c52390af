// End-to-end tests of the pages that explain the figures: definitions (with
// the "?" beside labels), the how-to guides (every button opens the view it
// promises), about the data (catalogue, cover sheets, release calendar), the
// accessibility statement, the signposts in every footer and the first-visit
// hint; axe at zero on each, at phone and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, accessibilityProblems } from './browser.mjs';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });

const text = (page, selector) => page.locator(selector).first().innerText();
const CLEAN = { violations: [], overflow: 0 };

test('the "?" beside a label opens its definition; the keyboard opens and closes it; it leads to the definitions page', async () => {
  const page = await openPage(app, '?v=2&area=E09000007&crime=burglary', 360, '.chart-svg svg');
  // Months the latest file revised are marked on the chart and said in its notes.
  assert.match(await text(page, '#chart'), /◇\s*Revised by the latest file[\s\S]*◇ marks the \d+ months? whose figures for Camden the publisher's latest file \(figures to \w+ \d{4}\) revised/);
  // The same term's "?" beside the category picker opens its own popover (a narrow screen shows the pickers on request).
  await page.getByRole('button', { name: 'Change what is shown' }).click();
  assert.equal(await page.locator('form').getByRole('button', { name: 'What “Burglary” means' }).count(), 1);
  const define = page.locator('.what-counts').getByRole('button', { name: 'What “Burglary” means' });
  await define.focus();
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Definition: Burglary' });
  await popover.waitFor();
  // The definitions load when one is first opened.
  await popover.getByRole('heading', { name: 'Burglary' }).waitFor();
  assert.match(await popover.innerText(), /Counted: .+\n[\s\S]*Not counted: .+\n[\s\S]*Published as: BURGLARY/);
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.what-counts') && document.activeElement.getAttribute('aria-label')), 'What “Burglary” means');
  const ids = await page.locator('[popover]').evaluateAll((p) => p.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'every popover has its own id');
  // Each measure's label has one too.
  await page.getByRole('button', { name: 'What “Rate per 1,000 residents” means' }).click();
  await page.getByRole('dialog', { name: /^Definition: Rate per 1,000 residents/ }).getByRole('link', { name: 'All definitions' }).click();
  await page.waitForSelector('#glossary-search');
  await page.waitForFunction(() => document.activeElement?.id === 'term-data--rate-per-1000-residents');
  assert.match(page.url(), /[?&]page=definitions/);
  assert.match(page.url(), /area=E09000007/, 'the rest of the view is kept for the way back');
  assert.equal(await page.title(), 'Definitions — Met Data Explorer');
  // Back returns to the figures.
  await page.goBack();
  await page.waitForSelector('.chart-svg svg');
  assert.match(await text(page, 'h1'), /^Burglary in Camden/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the definitions page covers every category in the data and searches by any word', async () => {
  const page = await openPage(app, '?v=2&page=definitions', 1280, '#glossary-search');
  // The search box comes first; the definitions when their file has arrived.
  await page.waitForFunction(() => /^\d+ definitions$/.test(document.querySelector('#glossary-count')?.textContent));
  const ids = await page.locator('li.term').evaluateAll((items) => items.map((i) => i.id));
  for (const c of manifest.categories) {
    assert.ok(ids.includes(`term-${c.id.replaceAll('/', '--')}`), `no definition of ${c.id}`);
  }
  await page.waitForFunction(() => /^\d+ definitions$/.test(document.querySelector('#glossary-count').textContent));
  // The same definitions, published as a file anyone can reuse.
  const file = await page.getByRole('link', { name: 'Download every definition (JSON)' }).getAttribute('href');
  const terms = await (await page.request.get(app.base + file)).json();
  assert.equal(`${terms.length} definitions`, await text(page, '#glossary-count'));
  await page.fill('#glossary-search', 'section 60');
  await page.waitForFunction(() => /definitions? match/.test(document.querySelector('#glossary-count').textContent));
  assert.match(await text(page, 'li.term h3'), /section 60/);
  await page.fill('#glossary-search', 'zzqx');
  await page.waitForFunction(() => /^No definitions match/.test(document.querySelector('#glossary-count').textContent));
  assert.equal(await page.locator('li.term').count(), 0);
  await page.fill('#glossary-search', '');
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  await page.setViewportSize({ width: 320, height: 800 });
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// What each guide's button must open: its heading, by the button's words.
const GUIDES = {
  'Open Kilburn ward, in Camden': /^All crimes in Kilburn, Camden/,
  'Open burglary in London since April 2010': /^Burglary in London\nApril 2010 to /,
  "Open London's boroughs, highest rate first": /^All crimes in London\n/,
  'Open stop and search in London, by ethnic group': /^Stop and search in London/,
  'Open burglary in Camden': /^Burglary in Camden/,
  'Open Westminster': /^All crimes in Westminster/,
  "Open London's wards": /^All crimes in London\n/,
};

test('every guide\'s button opens the view it describes', async () => {
  const page = await openPage(app, '?v=2&page=guides', 360, '.guide-button');
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  const buttons = await page.locator('.guide-button').allInnerTexts();
  assert.deepEqual(buttons.sort(), Object.keys(GUIDES).sort());
  for (const [button, heading] of Object.entries(GUIDES)) {
    await page.goto(`${app.base}?v=2&page=guides`);
    await page.getByRole('link', { name: button }).click();
    await page.waitForSelector('.chart-svg svg');
    await page.waitForFunction(() => !document.querySelector('#glossary-search') && document.querySelector('h1.view-heading'));
    assert.match(await text(page, 'h1.view-heading'), heading, button);
  }
  // The checks behind three of them: the rates guide sorts by rate, the map guide shows wards, the trend is rolling.
  await page.goto(`${app.base}?v=2&page=guides`);
  await page.getByRole('link', { name: "Open London's boroughs, highest rate first" }).click();
  await page.waitForSelector('th[aria-sort="descending"]');
  assert.match(await page.locator('th[aria-sort="descending"]').first().textContent(), /^Per 1,000 residents/);
  // As the guide says, Westminster comes first.
  assert.match(await page.locator('section[aria-labelledby="table-heading"] tbody tr').first().textContent(), /^Westminster/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('about the data: every dataset with its licence, sources, caveats and cover sheet, and a release calendar', async () => {
  const page = await openPage(app, '?v=2&page=data', 1280, '#page-heading');
  const titles = await page.locator('section.dataset h2').allInnerTexts();
  assert.deepEqual(titles, ['Recorded crime by borough', 'Recorded crime by ward', 'Stop and search',
    'Borough and ward boundaries', 'Residents (Census 2021)']);
  for (const section of await page.locator('section.dataset').all()) {
    const body = await section.innerText();
    assert.match(body, /Licence\s+Open Government Licence v3\.0/);
    assert.match(body, /Known caveats/);
    assert.ok(await section.locator('a[href^="https://"]').count() > 0);
  }
  const boundaries = await text(page, '#dataset-boundaries');
  assert.match(await page.locator('section.dataset').nth(3).innerText(), /Attribution\s+Contains National Statistics data © Crown copyright and database right\. Contains Ordnance Survey data/);
  assert.equal(boundaries, 'Borough and ward boundaries');
  assert.match(await page.locator('section.dataset').nth(1).innerText(), /Ward figures do not add up to borough figures/);
  assert.match(await page.locator('section.dataset').nth(2).innerText(), /What is not published, and why[\s\S]*Counts of 1 to 9 searches/);
  // The version history of the borough figures: what each newer file changed.
  assert.match(await page.locator('section.dataset').first().innerText(),
    /Version history[\s\S]*The file with figures to \w+ \d{4} changed [\d,]+ figures of the file with figures to \w+ \d{4}, in \d+ months/);
  // The calendar: the latest months of each dataset, when the next are expected, and today.
  const items = await page.locator('.timeline-item').allInnerTexts();
  const monthName = (iso) => new Date(`${iso}-01T00:00:00Z`).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const latest = manifest.datasets.find((d) => d.level === 'borough').period.to;
  assert.ok(items.includes(`${monthName(latest)}\nRecorded crime by borough: the latest figures on this site are for ${monthName(latest)}.`), items.join('\n'));
  assert.ok(items.some((i) => /\nToday\.$/.test(i)));
  assert.match(await text(page, '#releases-heading + p'), new RegExp(`data release ${manifest.release}`));
  const revisions = await page.locator('a[href="data/revisions-crime-borough.csv"]').getAttribute('href');
  assert.equal((await page.request.get(app.base + revisions)).status(), 200);
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  await page.setViewportSize({ width: 320, height: 800 });
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the accessibility statement and the footer signposts are on every page; the first-visit hint hides for good', async () => {
  const page = await openPage(app, '?v=2&page=accessibility', 360, '#page-heading');
  assert.match(await text(page, 'main'), /Enforcement procedure/);
  // It says what was tested, how, what is known not to work, and when.
  assert.match(await text(page, 'main'), /How we tested this website[\s\S]*axe-core 4\.14[\s\S]*320, 360, 768 and 1280 pixels[\s\S]*forced colours/);
  assert.match(await text(page, 'main'), /last reviewed on \d{1,2} \w+ 20\d\d/);
  assert.deepEqual(await accessibilityProblems(page), CLEAN);
  for (const query of ['?v=2&page=accessibility', '?v=2&explorer=stops', '?v=2&page=guides']) {
    await page.goto(app.base + query);
    await page.waitForSelector('footer nav[aria-label="Help and other sources"]');
    const links = await page.locator('footer nav[aria-label="Help and other sources"] a').evaluateAll((a) => a.map((l) => l.href));
    assert.ok(links.includes('https://www.met.police.uk/foi-ai/'), query);
    assert.ok(links.includes('https://www.met.police.uk/contact/af/contact-us/'), query);
    assert.equal(await page.locator('footer a', { hasText: 'Accessibility statement' }).count(), 1, query);
  }
  // The hint shows on the figures until hidden, then stays hidden after a reload.
  await page.goto(`${app.base}?v=2&area=E09000007`);
  await page.waitForSelector('.chart-svg svg');
  assert.match(await text(page, '.first-visit'), /New to Met Data Explorer\?/);
  await page.getByRole('button', { name: 'Hide this message' }).click();
  assert.equal(await page.locator('.first-visit').count(), 0);
  await page.reload();
  await page.waitForSelector('.chart-svg svg');
  assert.equal(await page.locator('.first-visit').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the guides, definitions, about the data and the accessibility statement are also pages of their own, readable without JavaScript', async () => {
  const pages = [['guides.html', 'How-to guides'], ['definitions.html', 'Definitions'], ['about-the-data.html', 'About the data'],
    ['accessibility.html', 'Accessibility statement']];
  for (const [file, heading] of pages) {
    for (const width of [320, 1280]) {
      const page = await app.browser.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${app.base}pages/${file}`);
      assert.equal(await text(page, 'h1'), heading);
      assert.equal(await page.title(), `${heading} — Met Data Explorer`);
      assert.equal(await page.evaluate(() => document.scripts.length), 0);
      // The site's own stylesheet applies (its name has a hash the build wrote in).
      assert.equal(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(11, 12, 12)');
      // Its header, unlike the app's, shows every link without a Menu button.
      assert.equal(await page.locator('.service-nav a').count(), 5);
      assert.ok(await page.locator('.service-nav a').last().isVisible());
      // axe needs scripts of its own to run (the page has none: its policy refuses them).
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
      assert.deepEqual(await accessibilityProblems(page), CLEAN);
      assert.deepEqual(errors, [], file);
      await page.close();
    }
  }
  // The same words as the app's pages, and links into the app: every guide's button opens its view there.
  const inApp = await openPage(app, '?v=2&page=guides', 1280, '.guide-button');
  const own = await app.browser.newPage();
  await own.goto(`${app.base}pages/guides.html`);
  assert.equal(await text(own, '.page'), await text(inApp, '.page'));
  const targets = await own.locator('.guide-button').evaluateAll((as) => as.map((a) => a.href));
  const wanted = await inApp.locator('.guide-button').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(targets, wanted);
  await own.locator('.guide-button').first().click();
  await own.waitForSelector('.chart-svg svg');
  assert.equal(own.url(), wanted[0]);
  await own.goto(`${app.base}pages/definitions.html`);
  const terms = JSON.parse(readFileSync('dist/data/glossary.json', 'utf8'));
  assert.equal(await own.locator('li.term').count(), terms.length);
  assert.equal(await own.locator('#term-burglary h3').innerText(), terms.find((t) => t.id === 'burglary').name);
  await own.goto(`${app.base}pages/about-the-data.html`);
  assert.match(await text(own, '.timeline-today'), /This page was written\./);
  assert.equal(await own.locator('a[href="../data/revisions-crime-ward.csv"]').count(), 1);
  // Without JavaScript, the app's page points to them.
  const links = await inApp.evaluate(() => [...new DOMParser().parseFromString(document.querySelector('noscript')?.textContent ?? '', 'text/html').querySelectorAll('a')].map((a) => a.getAttribute('href')));
  assert.deepEqual(links, pages.map(([file]) => `pages/${file}`));
  await own.close();
  await inApp.close();
});
