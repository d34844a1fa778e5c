// The built search page in headless chromium: typing queries, results,
// filters with counts, the URL and the back button, exact numbers, HTML in a
// query shown as text, the page without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildExample, serve, launch, watchedPage } from './site.mjs';

let server;
let browser;
before(async () => {
  server = await serve(buildExample());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

// Runs `act`, then waits until the page has finished the search it starts
// (search.js marks each finished search with data-ms on the status line).
async function settled(page, act) {
  await page.$eval('#search-status', (s) => delete s.dataset.ms);
  await act();
  await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
}

async function searchFor(page, q) {
  await page.fill('#search-q', q);
  await settled(page, () => page.press('#search-q', 'Enter'));
}

const titles = (page) => page.$$eval('#search-results > li > a', (as) => as.map((a) => a.textContent));

test('packs are read by byte range, and a server that ignores ranges gives the same results', async () => {
  const whole = await serve(buildExample(), '', { ranges: false });
  try {
    const shown = [];
    for (const s of [server, whole]) {
      const { page, problems } = await watchedPage(browser, s.origin);
      const from = s.requests.length;
      await page.goto(`${s.origin}/search/index.html?q=${encodeURIComponent('政务公开')}`);
      await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
      shown.push([await titles(page), await page.$$eval('#search-results > li', (l) => l.map((li) => li.textContent))]);
      const packs = s.requests.slice(from).filter(([p]) => p.endsWith('.pack'));
      assert.ok(packs.length > 0, 'the texts come from packs');
      assert.ok(packs.every(([, status]) => status === (s === server ? 206 : 200)), JSON.stringify(packs));
      assert.deepEqual(problems, []);
      await page.close();
    }
    assert.deepEqual(shown[1], shown[0]);
    assert.equal(shown[0][0].length, 5);
  } finally {
    whole.close();
  }
});

test('typing a query shows the documents that contain it, and the URL keeps it', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html`);
  await searchFor(page, '政务公开');
  assert.equal((await titles(page)).length, 5);
  // A query of several pieces says its count is of documents holding them all.
  assert.match(await page.textContent('#search-status'), /^找到 5 件含有“政务公开”全部字词的文件。$/);
  assert.equal(new URL(page.url()).searchParams.get('q'), '政务公开');
  assert.ok(await page.$$eval('#search-results mark', (ms) => ms.some((m) => m.textContent.includes('政务公开'))), 'matches are highlighted');
  // The (expired) work plans with 政务公开 in their titles rank before the
  // valid annual report, which holds it only in its body: validity is a
  // signal, not a rule.
  const shown = await titles(page);
  assert.ok(shown.slice(0, 4).every((t) => t.includes('政务公开')), shown.join('|'));
  assert.equal(shown[4], '三元区2017年政府信息公开工作年度报告');
  // Following a result opens the document, the query marked and in view.
  await page.click('#search-results > li:nth-child(5) > a');
  assert.match(page.url(), /docs\/3504-15-2018-000001\.html\?hl=/);
  await page.waitForSelector('article mark.hl');
  const marks = await page.$$eval('article mark.hl', (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 1 && marks.every((m) => m === '政务公开'), marks.join('|'));
  assert.ok(await page.$eval('article mark.hl', (m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }), 'the first mark is in view');
  // Three hold 网上办事 as written, one only its pieces: it says which come first.
  await page.goto(`${server.origin}/search/index.html`);
  await searchFor(page, '网上办事');
  assert.match(await page.textContent('#search-status'), /^找到 4 件含有“网上办事”全部字词的文件，含有原文的排在前面。$/);
  await searchFor(page, '公开');
  assert.match(await page.textContent('#search-status'), /^找到 5 件文件。$/);
  assert.deepEqual(problems, []);
});

test('a long document lists the sections that hold the query; each opens at its heading', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('扶贫')}`);
  await page.waitForSelector('#search-results > li');
  const report = page.locator('#search-results > li', { hasText: '三元区2017年政府信息公开工作年度报告' });
  const sections = await report.locator('ul.sections a').allTextContents();
  assert.deepEqual(sections, ['1、推进扶贫脱贫和社会救助信息公开', '二、主动公开政府信息的情况']);
  // The short 中山 document has no sections list.
  assert.equal(await page.locator('#search-results > li', { hasText: '中山市' }).locator('ul.sections').count(), 0);
  // The second section: the page opens at its first mark, not the page's first.
  await report.locator('ul.sections a').nth(1).click();
  await page.waitForSelector('article mark.hl');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('hl'), '扶贫');
  assert.equal(decodeURIComponent(url.hash), '#二主动公开政府信息的情况');
  const inView = await page.$$eval('article mark.hl', (ms) => ms.map((m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }));
  assert.equal(inView[0], false, 'the first mark of the page (in section 1、) is out of view');
  const inSection = await page.$eval('[id="二主动公开政府信息的情况"]', (h) => {
    const m = [...document.querySelectorAll('article mark.hl')].find((x) => h.compareDocumentPosition(x) & Node.DOCUMENT_POSITION_FOLLOWING);
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inSection, 'the section\'s first mark is in view');
  assert.deepEqual(problems, []);
});

test('filters narrow the results with counts, and the back button restores them', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('政务公开')}`);
  await page.waitForSelector('#search-results > li');
  // Opening the filters searches again, for the counts.
  await settled(page, () => page.click('#search-filters summary'));
  await page.waitForFunction(() => document.querySelector('#f-year option[value="2017"]').textContent.includes('（2）'));
  await settled(page, () => page.selectOption('#f-year', '2017'));
  assert.equal(await page.$$eval('#search-results > li', (l) => l.length), 2);
  assert.equal(new URL(page.url()).searchParams.get('year'), '2017');
  assert.ok((await page.$$eval('#search-results .meta', (ms) => ms.map((m) => m.textContent))).every((t) => t.startsWith('2017-')));
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 5);
  assert.equal(new URL(page.url()).searchParams.get('year'), null);
  assert.equal(await page.inputValue('#f-year'), '');
  // A linked result list opens as it was.
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('政务公开')}&issuer=gansu`);
  await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 1);
  assert.equal((await titles(page))[0], '甘肃省人民政府办公厅关于印发《甘肃省2018年政务公开工作要点》的通知');
  assert.deepEqual(problems, []);
});

test('a 发布日期 range narrows the results; an empty range offers the query without it', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('政务公开')}`);
  await page.waitForSelector('#search-results > li');
  const all = await page.$$eval('#search-results .meta', (ms) => ms.map((m) => m.textContent.slice(0, 10)));
  // Opening the filters searches again, for the counts.
  await settled(page, () => page.click('#search-filters summary'));
  await settled(page, () => page.fill('#f-from', '2018-01-01'));
  const from = await page.$$eval('#search-results .meta', (ms) => ms.map((m) => m.textContent.slice(0, 10)));
  assert.deepEqual(from.sort(), all.filter((d) => d >= '2018-01-01').sort());
  assert.ok(from.length > 0 && from.length < all.length, `${from.length} of ${all.length}`);
  await settled(page, () => page.fill('#f-to', '2018-12-31'));
  const within = await page.$$eval('#search-results .meta', (ms) => ms.map((m) => m.textContent.slice(0, 10)));
  assert.deepEqual(within.sort(), all.filter((d) => d >= '2018-01-01' && d <= '2018-12-31').sort());
  const url = new URL(page.url());
  assert.deepEqual([url.searchParams.get('from'), url.searchParams.get('to')], ['2018-01-01', '2018-12-31']);
  // A linked range opens as it was; a range holding nothing offers the query without it.
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('政务公开')}&from=2030-01-01`);
  await page.waitForSelector('#search-unfilter');
  assert.equal(await page.inputValue('#f-from'), '2030-01-01');
  await settled(page, () => page.click('#search-unfilter'));
  assert.equal(await page.$$eval('#search-results > li', (l) => l.length), all.length);
  assert.deepEqual(problems, []);
});

test('a document number finds its document on top; sorting by date', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html`);
  await searchFor(page, '川政办字（2017）89号');
  assert.equal((await titles(page))[0], '关于印发2017年淄川区政务公开工作要点的通知');
  assert.equal(await page.textContent('#search-results > li:first-child .badge-exact'), '编号匹配');
  await searchFor(page, '政务公开');
  // Opening the filters searches again, for the counts.
  await settled(page, () => page.click('#search-filters summary'));
  await settled(page, () => page.selectOption('#f-sort', 'date'));
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'date');
  const dates = await page.$$eval('#search-results .meta', (ms) => ms.map((m) => m.textContent.slice(0, 10)));
  assert.equal(dates.length, 5);
  // By date is by date: newest first, expired or not (they carry badges).
  assert.deepEqual(dates, [...dates].sort().reverse());
  assert.deepEqual(problems, []);
});

test('HTML in a query is shown as text and runs nothing', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html`);
  const q = '<img src=x onerror=alert(1)>';
  await searchFor(page, q);
  assert.ok((await page.textContent('#search-status')).includes(q));
  assert.equal(await page.$$eval('main img', (imgs) => imgs.length), 0);
  assert.deepEqual(problems, []);
});

test('the header search box of every page leads to the results', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/docs/0101-03-2017-000525.html`);
  await page.fill('#header-q', '预决算');
  await page.press('#header-q', 'Enter');
  await page.waitForSelector('#search-results > li');
  assert.ok((await titles(page)).length >= 1);
  assert.equal(await page.inputValue('#search-q'), '预决算');
  assert.deepEqual(problems, []);
});

test('without JavaScript the page says so and links to the lists', async () => {
  const { page, problems } = await watchedPage(browser, server.origin, { javaScriptEnabled: false });
  await page.goto(`${server.origin}/search/index.html?q=x`);
  assert.ok(await page.isVisible('#search-nojs'));
  assert.ok(await page.isVisible('#search-nojs a[href="../category/index.html"]'));
  assert.deepEqual(problems, []);
});

test('partial matches are shown and labelled; an empty filtered search offers the query without filters', async () => {
  const { page, problems } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/search/index.html`);
  await searchFor(page, '公开年报');
  const status = await page.textContent('#search-status');
  assert.match(status, /没有文件同时包含“公开年报”的全部字词/, status);
  assert.ok((await titles(page)).length > 0, 'the closest documents, not nothing');
  assert.equal(await page.$$eval('#search-results .badge-partial', (b) => b.length), (await titles(page)).length);
  // A typo: the closest passage of the shown documents is offered, and searched on a click.
  await searchFor(page, '政府信息工开');
  assert.match(await page.textContent('#search-status'), /您是不是要找：政府信息公开$/);
  await settled(page, () => page.click('#search-suggest a'));
  assert.equal(new URL(page.url()).searchParams.get('q'), '政府信息公开');
  assert.equal(await page.inputValue('#search-q'), '政府信息公开');
  assert.match(await page.textContent('#search-status'), /^找到 5 件含有“政府信息公开”全部字词的文件/);
  assert.equal(await page.$$eval('#search-results .badge-partial', (b) => b.length), 0);
  // A query none of whose pieces any document holds: common title words one character away.
  await searchFor(page, '政付');
  const none = await page.textContent('#search-status');
  assert.match(none, /没有找到/, none);
  assert.ok((await page.$$eval('#search-suggest a', (as) => as.map((a) => a.textContent))).includes('政府'), none);
  // A traditional-character query finds the simplified documents.
  await searchFor(page, '政務公開');
  assert.equal((await titles(page)).length, 5);
  // Nothing in 2021 from 甘肃: the status offers the same query unfiltered.
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('甘肃')}&year=2021`);
  await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
  assert.equal((await titles(page)).length, 0);
  await settled(page, () => page.click('#search-unfilter'));
  assert.ok((await titles(page)).length > 0);
  assert.equal(new URL(page.url()).searchParams.get('year'), null);
  // Only partial matches under a filter: the query without it is offered too.
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent('公开年报')}&year=2018`);
  await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
  assert.ok(await page.$('#search-results .badge-partial'));
  assert.ok(await page.$('#search-unfilter'));
  assert.deepEqual(problems, []);
});
