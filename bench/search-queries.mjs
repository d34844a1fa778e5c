// Runs a set of queries against a built site in headless chromium, each in a
// fresh browser (cold cache): bytes transferred and time to the answer; then
// recall of random substrings against a scan of every document's text.
// Usage: [NO_RECALL=1] node bench/search-queries.mjs path/to/public
import { join } from 'node:path';
import { serve, launch } from '../tests/browser/site.mjs';
import { entries, loader, meta as metaOf, text } from '../tests/js/texts.mjs';
import { SearchIndex, normalize } from '../themes/default/assets/gongkai-search.js';

const pub = process.argv[2];
const dir = join(pub, 'search');
// Without the recall check, the first pack of texts is all it needs (a
// province's texts are gigabytes).
const all = process.env.NO_RECALL ? entries(dir, ['0.pack']) : entries(dir);
const meta = all.slice(0, 8).map(([, e]) => metaOf(e));
const docNumber = meta.map((r) => r[6]).find(Boolean) || meta[0][7];
const queries = ['政务公开', '预决算', '扶贫资金', '信息公开', '安全生产', '住房保障', '政府信息公开工作', '公开', '2017', docNumber.replace('〔', '（').replace('〕', '）'), meta[3][7]];

const server = await serve(pub);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const q of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const from = server.requests.length;
  await page.goto(`${server.origin}/search/index.html?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
  const first = Number(await page.$eval('#search-status', (s) => s.dataset.ms));
  const made = server.requests.slice(from);
  const indexBytes = made.filter(([p]) => p.startsWith('/search/') && p !== '/search/index.html').reduce((a, [, , b]) => a + b, 0);
  const allBytes = made.reduce((a, [, , b]) => a + b, 0);
  const found = await page.$eval('#search-status', (s) => s.textContent);
  // The same query again in the open page: the answer time once the page is loaded.
  const times = [];
  for (let i = 0; i < 3; i++) {
    await page.$eval('#search-status', (s) => delete s.dataset.ms);
    await page.click('#search-form button[type=submit]');
    await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
    times.push(Number(await page.$eval('#search-status', (s) => s.dataset.ms)));
  }
  rows.push({ q, found: found.replace(/。$/, ''), 'index KB': (indexBytes / 1024).toFixed(1), 'page+index KB': (allBytes / 1024).toFixed(1), 'first ms': first.toFixed(0), 'again ms': median(times).toFixed(0) });
  await context.close();
}
await browser.close();
server.close();
console.table(rows);
// NO_RECALL=1: the query table only (the recall check reads every text).
if (process.env.NO_RECALL) process.exit(0);

// Recall: random substrings of random documents; every document holding one
// (without splitting an ASCII word) must be found.
const index = new SearchIndex(loader(dir));
const texts = all.map(([, e]) => normalize(text(e)));
const ids = all.map(([id]) => id);
let seed = 7;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
const word = (c) => /[0-9a-z]/.test(c ?? '');
let checked = 0;
let missed = 0;
let expectedTotal = 0;
while (checked < 40) {
  const t = texts[random(texts.length)].replace(/\s+/gu, ' ');
  const start = random(Math.max(1, t.length - 8));
  const q = t.slice(start, start + 2 + random(5));
  if (word(q[0]) || word(q[q.length - 1]) || q.trim().length < 2) continue;
  const found = new Set((await index.match(q)).ids);
  texts.forEach((text, i) => { if (text.includes(q)) { expectedTotal++; if (!found.has(ids[i])) missed++; } });
  checked++;
}
console.log(`recall on ${checked} random substrings: ${((expectedTotal - missed) / expectedTotal).toFixed(4)} (${expectedTotal - missed} of ${expectedTotal} documents found)`);
