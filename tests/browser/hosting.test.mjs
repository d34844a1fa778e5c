// The site works under a sub-path (base_url: https://example.gov.cn/zwgk/),
// and its pages work when public/ is opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { buildExample, serve, launch, watchedPage } from './site.mjs';

let site;
let browser;
before(async () => { site = buildExample(); browser = await launch(); });
after(async () => { await browser?.close(); });

test('under a sub-path every link, asset and the search stay inside it', async () => {
  const server = await serve(site, '/zwgk');
  const { page, problems, context } = await watchedPage(browser, server.origin);
  try {
    await page.goto(`${server.origin}/zwgk/index.html`);
    // Follow the navigation and a document link, as a reader would.
    await page.click('nav[aria-label] a[href$="column/mandatory.html"]');
    await page.click('a[href$="category/03/index.html"]');
    await page.click('.doc-list li:first-child > a');
    assert.match(page.url(), /\/zwgk\/docs\/[^/]+\.html$/);
    await page.fill('#header-q', '政务公开');
    await page.press('#header-q', 'Enter');
    await page.waitForSelector('#search-results > li');
    assert.match(page.url(), /\/zwgk\/search\/index\.html\?q=/);
    // 200, or 206 for the byte ranges the search reads from its packs;
    // anything else (404 outside the prefix) is a link that left /zwgk/.
    const outside = server.requests.filter(([, status]) => status !== 200 && status !== 206);
    assert.deepEqual(outside, [], 'every request stayed inside /zwgk/ and was found');
    assert.ok(server.requests.some(([path, status]) => status === 206 && path.endsWith('.pack')),
      'the search read a text pack by range');
    assert.deepEqual(problems, []);
  } finally {
    // Closed whatever happened: an open server keeps the test file alive.
    await context.close();
    server.close();
  }
});

test('opened from disk, pages have their styles and relative links', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('requestfailed', (r) => { if (!r.url().includes('/search/')) errors.push(r.url()); });
  await page.goto(pathToFileURL(join(site, 'docs', '0101-03-2017-000525.html')).href);
  const background = await page.$eval('.site-header', (h) => getComputedStyle(h).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the stylesheet loaded from disk');
  // The click starts the navigation; wait for the list page to load
  // before looking at it (on a busy machine it may not have yet).
  await Promise.all([
    page.waitForURL((url) => url.href.endsWith('category/03/index.html'), { waitUntil: 'load' }),
    page.click('.breadcrumb a[href$="category/03/index.html"]'),
  ]);
  assert.ok(page.url().startsWith('file://'));
  assert.ok(await page.isVisible('.doc-list'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the search page opened from disk says it needs a server, and how, keeping the query', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = `${pathToFileURL(join(site, 'search', 'index.html')).href}?q=${encodeURIComponent('政务公开')}`;
  await page.goto(url);
  const note = page.locator('#search-nojs');
  await note.waitFor({ state: 'visible' });
  const text = await note.textContent();
  assert.match(text, /gongkai serve/, text);
  assert.match(text, /file:\/\//, text);
  assert.ok(text.includes(`?q=${encodeURIComponent('政务公开')}`), `the example address keeps the query: ${text}`);
  assert.doesNotMatch(text, /JavaScript/, 'it does not claim JavaScript is off');
  assert.equal(await page.inputValue('#search-q'), '政务公开');
  await context.close();
});
