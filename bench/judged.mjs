// Scores the search against judged queries (not a test): for each query of a
// judgments file, the first ten results of the built site's index, nDCG@10
// and whether the best-graded document is first; then the means, overall
// and by kind of query. Usage:
//   node bench/judged.mjs <public dir> <judgments.json> [client.js]
// client.js is gongkai-search.js of the version to score (default: this
// repository's), so that an older build can be scored with its own client.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [publicDir, judgmentsFile, clientFile] = process.argv.slice(2);
if (!publicDir || !judgmentsFile) {
  console.error('usage: node bench/judged.mjs <public dir> <judgments.json> [client.js]');
  process.exit(2);
}
const client = resolve(clientFile || new URL('../themes/default/assets/gongkai-search.js', import.meta.url).pathname);
const { SearchIndex } = await import(pathToFileURL(client).href);
const index = new SearchIndex(async (p) => new Uint8Array(readFileSync(join(publicDir, 'search', p))));
const { queries } = JSON.parse(readFileSync(judgmentsFile, 'utf8'));

const gain = (g) => 2 ** g - 1;
const dcg = (grades) => grades.slice(0, 10).reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);

const rows = [];
for (const { q, kind, relevant } of queries) {
  let results = [];
  try {
    results = (await index.search({ q, pageSize: 10 })).results;
  } catch (e) {
    console.error(`${q}: ${e.message}`);
  }
  const grades = results.map((r) => relevant[r.doc.indexNumber] || 0);
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
