// Scores a search against judged queries (not a test): for each query of a
// judgments file, the first ten results, nDCG@10 and whether the
// best-graded document is first; then the means, overall and by kind of
// query. Usage:
//   node bench/judged.mjs <public dir> <judgments.json> [client.js]
//   node bench/judged.mjs <public dir> <judgments.json> --pagefind [docs]
// client.js is gongkai-search.js of the version to score (default: this
// repository's), so that an older build can be scored with its own client.
// --pagefind indexes a copy of the same pages with Pagefind's defaults (or,
// with `docs`, the document pages alone: --glob 'docs/**/*.html') and scores
// its results in chromium; Pagefind is $PAGEFIND, or installed with npm into
// $CORPORA/tools (as bench/compare.sh does).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entries, loader, meta } from '../tests/js/texts.mjs';

const [publicDir, judgmentsFile, third, fourth] = process.argv.slice(2);
if (!publicDir || !judgmentsFile) {
  console.error('usage: node bench/judged.mjs <public dir> <judgments.json> [client.js | --pagefind [docs]]');
  process.exit(2);
}
const { queries } = JSON.parse(readFileSync(judgmentsFile, 'utf8'));
// A document's 索引号 by its page (from the index's texts).
const byUrl = new Map();
for (const [, e] of entries(join(publicDir, 'search'))) {
  const m = meta(e);
  byUrl.set(m[1], m[7]);
}

// The 索引号 of the first ten results of each query, by engine.
async function gongkai() {
  const client = resolve(third || new URL('../themes/default/assets/gongkai-search.js', import.meta.url).pathname);
  const { SearchIndex } = await import(pathToFileURL(client).href);
  const index = new SearchIndex(loader(join(publicDir, 'search')));
  return async (q) => (await index.search({ q, pageSize: 10 })).results.map((r) => r.doc.indexNumber);
}

async function pagefind(docsOnly) {
  let bin = process.env.PAGEFIND;
  if (!bin) {
    const tools = join(process.env.CORPORA || '/tmp/gongkai-corpora', 'tools');
    bin = join(tools, 'node_modules/.bin/pagefind');
    if (!existsSync(bin)) {
      console.error(`Pagefind is missing: installing it (npm install pagefind into ${tools})`);
      mkdirSync(tools, { recursive: true });
      if (!existsSync(join(tools, 'package.json'))) writeFileSync(join(tools, 'package.json'), '{"private":true}');
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', 'pagefind'], { cwd: tools, stdio: 'inherit' });
    }
  }
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-pagefind-')), 'public');
  cpSync(publicDir, site, { recursive: true });
  execFileSync(bin, ['--site', site, ...(docsOnly ? ['--glob', 'docs/**/*.html'] : [])], { stdio: 'pipe' });
  console.error(`${execFileSync(bin, ['--version']).toString().trim()}${docsOnly ? ', document pages only' : ', defaults'}`);
  const { serve, launch } = await import('../tests/browser/site.mjs');
  const server = await serve(site);
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${server.origin}/index.html`);
  await page.evaluate(async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); });
  const search = async (q) => {
    const urls = await page.evaluate(async (q) => {
      const r = await window.pf.search(q);
      return Promise.all(r.results.slice(0, 10).map(async (x) => (await x.data()).url));
    }, q);
    // A list page is no document: it holds no 索引号.
    return urls.map((u) => byUrl.get(decodeURIComponent(u).replace(/^\//, '')) || `(${u})`);
  };
  search.close = async () => { await browser.close(); server.close(); };
  return search;
}

const engine = third === '--pagefind' ? await pagefind(fourth === 'docs') : await gongkai();
const gain = (g) => 2 ** g - 1;
const dcg = (grades) => grades.slice(0, 10).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);

const rows = [];
for (const { q, kind, relevant } of queries) {
  let results = [];
  try {
    results = await engine(q);
  } catch (e) {
    console.error(`${q}: ${e.message}`);
  }
  const grades = results.map((n) => relevant[n] || 0);
  const ideal = Object.values(relevant).sort((a, b) => b - a);
  const ndcg = ideal.length ? dcg(grades) / dcg(ideal) : 1;
  const bestFirst = grades.length > 0 && grades[0] === ideal[0];
  rows.push({ q, kind, ndcg, bestFirst, found: results.length });
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const line = (label, rs) => `| ${label} | ${rs.length} | ${mean(rs.map((r) => r.ndcg)).toFixed(3)} | ${rs.filter((r) => r.bestFirst).length}/${rs.length} |`;
console.log('| query | kind | nDCG@10 | best first | results shown |');
console.log('| --- | --- | ---: | --- | ---: |');
for (const r of rows) console.log(`| ${r.q} | ${r.kind} | ${r.ndcg.toFixed(3)} | ${r.bestFirst ? 'yes' : 'no'} | ${r.found} |`);
console.log();
console.log('| kind | queries | mean nDCG@10 | best first |');
console.log('| --- | ---: | ---: | --- |');
for (const kind of [...new Set(rows.map((r) => r.kind))]) console.log(line(kind, rows.filter((r) => r.kind === kind)));
console.log(line('**all**', rows));
await engine.close?.();
