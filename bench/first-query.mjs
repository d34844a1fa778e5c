// The cold first query as a reader meets it (issue 30): a built site served
// by a real nginx with docs/nginx.conf (gzip on, packs by byte range) on
// loopback, each query in a fresh chromium context (empty cache), timed from
// the navigation's start to the results shown (search.js marks the moment
// in data-at); the bytes transferred are the encoded bodies and headers of
// every response of that page load. Also the page's own load (DOMContentLoaded,
// which any page pays) and the search's own time (from search.js starting
// it to the results shown). Prints a row per query and the medians.
// With a second output (the same corpus built by another gongkai), each
// query opens one and then the other, ROUNDS times (default 4), each served
// by its own nginx, and prints both medians and the median of the paired
// ratios (second / first): this machine is too noisy for runs apart.
// Usage: node bench/first-query.mjs path/to/public [path/to/other/public]
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, nginx, startNginx } from '../tests/browser/site.mjs';
import { entries, meta } from '../tests/js/texts.mjs';

const pub = resolve(process.argv[2] || '');
if (!process.argv[2]) {
  console.error('usage: node bench/first-query.mjs <public dir> [<other public dir>]');
  process.exit(2);
}
if (!nginx) {
  console.error('nginx is not installed (apt-get install nginx)');
  process.exit(2);
}
const first = entries(join(pub, 'search')).slice(0, 8).map(([, e]) => meta(e));
const number = first.map((r) => r[6]).find(Boolean) || first[0][7];
const queries = ['政务公开', '预决算', '扶贫资金', '信息公开', '安全生产', '住房保障', '政府信息公开工作', '公开', '2017', number, first[3][7]];

const pubs = [pub, ...(process.argv[3] ? [resolve(process.argv[3])] : [])];
const servers = [];
for (const p of pubs) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-first-query-'));
  chmodSync(dir, 0o755);
  servers.push(await startNginx(dir, p, { prefix: '/' }));
}
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One cold first query of q on the site at origin: a row of the table.
async function query(origin, q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = [];
  page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => [new URL(r.url()).pathname, s.responseBodySize + s.responseHeadersSize, r])));
  await page.goto(`${origin}/search/index.html?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.getElementById('search-status').dataset.at);
  const at = Number(await page.$eval('#search-status', (s) => s.dataset.at));
  const ms = Number(await page.$eval('#search-status', (s) => s.dataset.ms));
  // The page's own load, which any page pays: the floor under the query.
  const ready = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  const found = (await page.textContent('#search-status')).replace(/。$/, '');
  const done = await Promise.all(sizes);
  const index = done.filter(([p]) => p.startsWith('/search/') && p !== '/search/index.html');
  await context.close();
  return {
    q,
    found,
    'shown at (ms)': Math.round(at),
    'page ready (ms)': Math.round(ready),
    'search (ms)': Math.round(ms),
    requests: done.length,
    'index KB': +(index.reduce((a, [, b]) => a + b, 0) / 1024).toFixed(1),
    'all KB': +(done.reduce((a, [, b]) => a + b, 0) / 1024).toFixed(1),
  };
}

const summary = (rows) => `shown at ${median(rows.map((r) => r['shown at (ms)']))} ms from navigation (page ready at ${median(rows.map((r) => r['page ready (ms)']))} ms, search ${median(rows.map((r) => r['search (ms)']))} ms), ${median(rows.map((r) => r['index KB']))} KB of index, ${median(rows.map((r) => r['all KB']))} KB in all; largest index ${Math.max(...rows.map((r) => r['index KB']))} KB`;
try {
  if (servers.length === 1) {
    const rows = [];
    for (const q of queries) rows.push(await query(servers[0].origin, q));
    console.table(rows);
    console.log(`median: ${summary(rows)}`);
  } else {
    const rounds = Number(process.env.ROUNDS || 4);
    const rows = [[], []];
    const ratios = [];
    for (let round = 0; round < rounds; round++) {
      for (const q of queries) {
        const pair = [];
        for (const [i, s] of servers.entries()) {
          const row = await query(s.origin, q);
          rows[i].push(row);
          pair.push(row['shown at (ms)']);
        }
        ratios.push(pair[1] / pair[0]);
      }
    }
    pubs.forEach((p, i) => console.log(`${p}: median ${summary(rows[i])}`));
    console.log(`shown at, second / first: median of ${ratios.length} paired ratios ${median(ratios).toFixed(3)}`);
  }
} finally {
  await browser.close();
  for (const s of servers) s.server.kill();
}
