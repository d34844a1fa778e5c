// Every page type of the default theme, on the example site and on a site
// using every disclosure rule: zero axe-core violations (wcag2a, wcag2aa,
// wcag21aa, best-practice), no console error, no failed or external request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExample, buildFixture, buildCorpus, buildReport, buildPortal, serve, launch, watchedPage, axeViolations } from './site.mjs';

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.close(); });

const EXAMPLE = [
  'index.html',
  'docs/3504-15-2018-000001.html',
  'docs/0101-03-2017-000525.html',
  'docs/4420-03-2017-000001.html',
  'category/index.html',
  'category/03/index.html',
  'issuer/index.html',
  'issuer/zichuan/index.html',
  'year/index.html',
  'year/2017/index.html',
  'abolished/index.html',
  'abolished/03.html',
  'column/guide.html',
  'column/rules.html',
  'column/mandatory.html',
  'search/index.html',
  // Results with sections; partial matches with "did you mean".
  `search/index.html?q=${encodeURIComponent('政务公开')}`,
  `search/index.html?q=${encodeURIComponent('政府信息工开')}`,
  'statistics/index.html',
];
const RULES = [
  'docs/0101-02-2020-000001.html',
  'docs/0101-02-2018-000007.html',
  'docs/0101-08-2020-000001.html',
  'docs/0101-02-2019-000003.html',
];

async function check(site, paths, options = {}) {
  const server = await serve(site);
  servers.push(server);
  const failures = [];
  for (const path of paths) {
    const { page, problems, context } = await watchedPage(browser, server.origin, options);
    await page.goto(`${server.origin}/${path}`);
    if (path.includes('?q=')) await page.waitForSelector('#search-results > li');
    const violations = await axeViolations(page);
    for (const v of [...violations, ...problems]) failures.push(`${path}: ${v}`);
    await context.close();
  }
  assert.deepEqual(failures, []);
}

test('example site: every page type passes axe-core, 1280 px', async () => {
  await check(buildExample(), EXAMPLE, { viewport: { width: 1280, height: 900 } });
});

test('example site: every page type passes axe-core, 375 px phone', async () => {
  await check(buildExample(), EXAMPLE, { viewport: { width: 375, height: 800 } });
});

test('documents with attachments, interpretations and repeal links pass axe-core', async () => {
  await check(buildFixture('rules'), RULES);
});

const MODEL = [
  'index.html',
  'docs/m-02-2021-0002.html',
  'docs/m-02-2022-0003.html',
  'docs/m-08-2022-0004.html',
  'docs/m-02-2023-0005.html',
  'library/index.html',
  'subject/index.html',
  'subject/10-01/index.html',
  'region/index.html',
  'topics/index.html',
  'issuer/czj/index.html',
  `search/index.html?q=${encodeURIComponent('办法')}&subject=10`,
];

test('the document model: dates, subjects, versions, the 规范性文件库, declared facets, at 1280 and 375 px', async () => {
  const site = buildFixture('model');
  await check(site, MODEL, { viewport: { width: 1280, height: 900 } });
  await check(site, MODEL, { viewport: { width: 375, height: 800 } });
});

test('statistics with the annual-report tables pass axe-core, also in 长者模式', async () => {
  const site = buildFixture('stats');
  await check(site, ['statistics/index.html']);
  await check(site, ['statistics/index.html'], { viewport: { width: 375, height: 800 } });
});

test('a generated corpus site: lists with pages, documents with tables, search', async () => {
  // 200 documents: the largest category (政策文件) fills a second list page.
  const site = buildCorpus(200);
  const docs = readdirSync(join(site, 'docs')).filter((f) => f.endsWith('.html'));
  const withTable = docs.find((f) => readFileSync(join(site, 'docs', f), 'utf8').includes('<table>'));
  const category = readdirSync(join(site, 'category'))
    .filter((c) => !c.endsWith('.html'))
    .find((c) => readdirSync(join(site, 'category', c)).includes('2.html'));
  assert.ok(category && withTable, 'the corpus has a category of two pages and a document with a table');
  const issuer = readdirSync(join(site, 'issuer')).find((c) => !c.endsWith('.html'));
  await check(site, [
    'index.html',
    `docs/${docs[0]}`,
    `docs/${withTable}`,
    `category/${category}/index.html`,
    `category/${category}/2.html`,
    `issuer/${issuer}/index.html`,
    'year/index.html',
    `search/index.html?q=${encodeURIComponent('信息公开')}`,
  ]);
});

test('a portal: member documents linked and copied, level and member lists, filtered search, at 1280 and 375 px', async () => {
  const { site, link, copy } = buildPortal();
  const value = (facet) => readdirSync(join(site, facet)).find((c) => !c.endsWith('.html'));
  const pages = [
    'index.html',
    link,
    copy,
    'level/index.html',
    `level/${value('level')}/index.html`,
    'member/index.html',
    `member/${value('member')}/index.html`,
    `search/index.html?q=${encodeURIComponent('政务公开')}&member=${value('member')}`,
  ];
  await check(site, pages, { viewport: { width: 1280, height: 900 } });
  await check(site, pages, { viewport: { width: 375, height: 800 } });
});

test('an annual report with its tables passes axe-core at 1280 and 375 px, and prints on A4', async () => {
  const { site, page: path } = buildReport();
  await check(site, [path], { viewport: { width: 1280, height: 900 } });
  await check(site, [path], { viewport: { width: 375, height: 800 } });
  // Printed on A4 (210 mm less 2 × 15 mm margins: 680 CSS px), every table fits the page's width.
  const server = await serve(site);
  servers.push(server);
  const { page, context } = await watchedPage(browser, server.origin, { viewport: { width: 680, height: 1000 } });
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.origin}/${path}`);
  const widths = await page.$$eval('.report-table table', (ts) => ts.map((t) => [t.scrollWidth, t.parentElement.clientWidth]));
  assert.ok(widths.length >= 6, `tables: ${widths.length}`);
  for (const [table, room, caption] of widths) assert.ok(table <= room, `${caption}: ${table} px wide in ${room} px`);
  assert.equal(await page.$eval('.report-csv', (p) => getComputedStyle(p).display), 'none', 'no download links on paper');
  await context.close();
});

test('the checker itself catches a planted violation', async () => {
  const server = await serve(buildExample());
  servers.push(server);
  const { page, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/index.html`);
  // A form field without a label.
  await page.evaluate(() => document.querySelector('main').append(document.createElement('input')));
  const violations = await axeViolations(page);
  assert.ok(violations.some((v) => v.startsWith('label ')), violations.join('\n'));
  await context.close();
});
