// Writes judged queries for a generated corpus (not a test): samples
// published documents of the site's content/ (seeded, so the same corpus
// gives the same queries) and asks for each what a citizen would type —
// its full and partial 文号 and 索引号, its title, the title in traditional
// characters or with one character mistyped, a phrase of the title — with
// the documents that answer it graded from the sources, not from the index.
// Usage: node bench/judged/make-corpus.mjs <site dir> <out.json> [documents to sample]
//   gencorpus --docs 1000 --seed 1 --out /tmp/c1k   (target/release/gencorpus)
//   node bench/judged/make-corpus.mjs /tmp/c1k bench/judged/corpus-1000.json
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, out, sample = '6'] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: node bench/judged/make-corpus.mjs <site dir> <out.json> [documents to sample]');
  process.exit(2);
}

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.md')) yield path;
  }
}

// The front-matter fields the generator writes (one `key: value` a line)
// and the body, of documents that are published (主动公开, not drafts).
const docs = [];
for (const path of files(join(site, 'content'))) {
  const text = readFileSync(path, 'utf8');
  const end = text.indexOf('\n---', 4);
  const fields = Object.fromEntries(text.slice(4, end).split('\n').map((l) => l.split(/: (.*)/s).slice(0, 2)));
  if (fields.disclosure && fields.disclosure !== '主动公开') continue;
  if (fields.draft === 'true') continue;
  docs.push({ ...fields, body: text.slice(end + 4) });
}

// Simplified → one traditional form, the fold table read backwards.
const traditional = new Map();
for (const line of readFileSync(new URL('../../src/search/fold.txt', import.meta.url), 'utf8').split('\n')) {
  const [from, to] = [...line];
  if (to && line[0] !== '#' && !traditional.has(to)) traditional.set(to, from);
}
const toTraditional = (s) => [...s].map((c) => traditional.get(c) || c).join('');

let seed = 20261205;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
const grade = (test, g = 3) => Object.fromEntries(docs.filter(test).map((d) => [d.index_number, g]));

const queries = [];
const add = (kind, q, relevant) => { if (Object.keys(relevant).length) queries.push({ q, kind, relevant }); };
const numbered = docs.filter((d) => d.doc_number);
for (let i = 0; i < Number(sample); i++) {
  const d = numbered[random(numbered.length)];
  add('number', d.doc_number, grade((x) => x.doc_number === d.doc_number));
  const part = d.doc_number.match(/〔\d{4}〕\d+号/)?.[0];
  if (part) add('number part', part, grade((x) => x.doc_number?.includes(part)));
  add('index', d.index_number, grade((x) => x.index_number === d.index_number));
  const tail = d.index_number.split('-').slice(-2).join('-');
  add('index part', tail, grade((x) => x.index_number.endsWith(tail)));
  const t = docs[random(docs.length)];
  add('title', t.title, { ...grade((x) => x.title.includes(t.title), 1), ...grade((x) => x.title === t.title) });
  add('traditional', toTraditional(t.title), grade((x) => x.title === t.title));
  const chars = [...t.title];
  const at = 2 + random(Math.max(1, chars.length - 4));
  const typo = [...chars.slice(0, at), '的', ...chars.slice(at + 1)].join('');
  if (typo !== t.title) add('typo', typo, grade((x) => x.title === t.title));
  const start = random(Math.max(1, chars.length - 6));
  const phrase = chars.slice(start, start + 4 + random(3)).join('');
  add('phrase', phrase, { ...grade((x) => x.body.includes(phrase), 1), ...grade((x) => x.title.includes(phrase), 2) });
}
writeFileSync(out, `${JSON.stringify({
  site: `a generated corpus (${docs.length} published documents); make it with the commands in bench/judged/make-corpus.mjs`,
  grades: '3: the document asked for (its number, or a title written out); 2: the phrase in the title; 1: the phrase only in the body, or the title inside a longer one. Graded from the sources.',
  queries,
}, null, 1)}\n`);
console.log(`${queries.length} queries from ${docs.length} documents`);
