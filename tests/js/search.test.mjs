// Queries against real built indexes, read from disk: the example site and a
// generated corpus. Expected results come from scanning the documents' texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gencorpus } from './corpus.mjs';
import { entries, loader, text } from './texts.mjs';
import { SearchIndex, closest, normalize, tokenize } from '../../themes/default/assets/gongkai-search.js';

const repo = new URL('../../', import.meta.url).pathname;
const bin = process.env.GONGKAI_BIN || ['target/debug/gongkai', 'target/release/gongkai'].map((p) => join(repo, p)).find(existsSync);
assert.ok(bin, 'build gongkai first (cargo build), or set GONGKAI_BIN');

function build(site) {
  execFileSync(bin, ['build', '--root', site], { stdio: 'pipe' });
  const dir = join(site, 'public', 'search');
  const texts = entries(dir).map(([id, e]) => [id, text(e)]);
  return { index: new SearchIndex(loader(dir)), texts: new Map(texts) };
}

function exampleSite() {
  const site = mkdtempSync(join(tmpdir(), 'gongkai-example-'));
  for (const p of ['site.yaml', 'content', 'themes']) cpSync(join(repo, p), join(site, p), { recursive: true });
  return build(site);
}

// Documents holding q as written, where q does not begin or end inside an
// ASCII word (ASCII letters and digits are whole tokens by design).
const word = (c) => /[0-9a-z]/.test(c ?? '');
function holds(text, q) {
  const t = normalize(text);
  const n = normalize(q);
  for (let at = t.indexOf(n); at >= 0; at = t.indexOf(n, at + 1)) {
    const cutsStart = word(n[0]) && word(t[at - 1]);
    const cutsEnd = word(n[n.length - 1]) && word(t[at + n.length]);
    if (!cutsStart && !cutsEnd) return true;
  }
  return false;
}
const containing = (texts, q) => [...texts].filter(([, t]) => holds(t, q)).map(([id]) => id).sort((a, b) => a - b);

test('example site: every document containing a query is found, phrase matches marked', async () => {
  const { index, texts } = exampleSite();
  for (const q of ['政务公开', '预决算', '扶贫', '依申请公开', '政府信息公开工作年度报告', '主动公开文件数', '2017', '淄川区', '人力资源社会保障局', '十四五', '去标识化']) {
    const expected = containing(texts, q);
    assert.ok(expected.length > 0, `no document contains ${q}: choose another query`);
    const { ids } = await index.match(q);
    for (const id of expected) assert.ok(ids.includes(id), `${q}: document ${id} contains it but was not found`);
    const { total, results } = await index.search({ q, pageSize: 100 });
    assert.equal(total, ids.length);
    for (const r of results) assert.equal(r.phrase, expected.includes(r.id), `${q}: phrase flag of ${r.id}`);
    // Phrase matches come before the others.
    const flags = results.filter((r) => !r.invalid).map((r) => r.phrase);
    assert.deepEqual(flags, [...flags].sort((a, b) => b - a), `${q}: phrase matches first`);
  }
});

test('example site: document and index numbers find their document first', async () => {
  const { index } = exampleSite();
  for (const q of ['川政办字〔2017〕89号', '川政办字[2017]89号', '川政办字（2017）89号', ' 0101-03-2017-000525 ', '甘政办发〔2018〕83号']) {
    const { results } = await index.search({ q });
    assert.ok(results.length > 0, q);
    assert.equal(results[0].exact, true, `${q}: exact match on top`);
  }
  const first = (await index.search({ q: '川政办字〔2017〕89号' })).results[0];
  assert.equal(first.doc.indexNumber, '0101-03-2017-000525');
  assert.equal(first.doc.docNumber, '川政办字〔2017〕89号');
});

test('example site: filters, date sort, validity ranking, HTML in the query', async () => {
  const { index } = exampleSite();
  const all = await index.search({ q: '政务公开', pageSize: 100, counts: true });
  assert.ok(all.total >= 5);
  // The expired work plans hold the phrase in their titles too, the valid
  // annual report only in its body: the better match wins over validity.
  assert.deepEqual(all.results.map((r) => r.doc.title.includes('政务公开') && r.invalid), [true, true, true, true, false]);
  assert.equal(all.results[4].doc.statusCode, 'valid');
  const byYear = await index.search({ q: '政务公开', filters: { year: '2017' }, pageSize: 100 });
  assert.equal(byYear.total, 2);
  assert.ok(byYear.results.every((r) => r.doc.date.startsWith('2017')));
  assert.equal(all.counts.year.get(2017 - (await index.manifest()).first_year), 2);
  const byIssuer = await index.search({ q: '政务公开', filters: { issuer: 'gansu' }, pageSize: 100 });
  assert.deepEqual(byIssuer.results.map((r) => r.doc.issuer), ['甘肃省人民政府办公厅']);
  const byDate = await index.search({ q: '政务公开', sort: 'date', pageSize: 100 });
  const dates = byDate.results.filter((r) => !r.invalid).map((r) => r.doc.date);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const html = await index.search({ q: '<img src=x onerror=alert(1)>' });
  for (const r of html.results) for (const [text] of r.excerpt) assert.equal(typeof text, 'string');
});

test('generated corpus: recall 1.0 on random substrings', async () => {
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-corpus-')), 'site');
  gencorpus(300, 3, site);
  const { index, texts } = build(site);
  let seed = 12345;
  const random = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const ids = [...texts.keys()];
  let checked = 0;
  while (checked < 150) {
    const text = texts.get(ids[random(ids.length)]).replace(/\s+/gu, ' ');
    const chars = [...text];
    let start = random(chars.length);
    let end = start + 2 + random(7);
    // Never cut an ASCII word: ASCII runs are whole tokens by design.
    const ascii = (c) => /[0-9A-Za-z]/.test(c ?? '');
    while (start > 0 && ascii(chars[start]) && ascii(chars[start - 1])) start--;
    while (end < chars.length && ascii(chars[end - 1]) && ascii(chars[end])) end++;
    const q = chars.slice(start, Math.min(end, chars.length)).join('');
    if (!tokenize(q).length || [...q.trim()].length < 2) continue;
    const found = (await index.match(q)).ids;
    for (const id of containing(texts, q)) assert.ok(found.includes(id), `query ${JSON.stringify(q)}: document ${id} contains it but was not found`);
    checked++;
  }
});

test('model site: filters by 主题分类 (either level), a declared facet, a list field, and each joint issuer', async () => {
  const site = mkdtempSync(join(tmpdir(), 'gongkai-model-'));
  cpSync(join(repo, 'tests/fixtures/model'), site, { recursive: true });
  const { index } = build(site);
  const m = await index.manifest();
  const code = (facet, name) => m.facets.find((f) => f.name === facet).values.find(([, n]) => n === name)[0];
  const titles = async (filters) => {
    const res = await index.search({ q: '办法', filters, pageSize: 50, counts: true });
    return { titles: res.results.map((r) => r.doc.title).sort(), counts: res.counts };
  };
  // 城乡建设、环境保护 holds r1, r2 (城市规划) and p1 (城乡建设（含住房）); the sub-class only two.
  const top = await titles({ subject: code('subject', '城乡建设、环境保护') });
  assert.deepEqual(top.titles, ['模型区城市管理办法', '模型区城市管理办法（2021年修订）', '模型区物业管理办法']);
  const sub = await titles({ subject: code('subject', '城市规划') });
  assert.deepEqual(sub.titles, ['模型区城市管理办法', '模型区城市管理办法（2021年修订）']);
  const region = await titles({ region: code('region', '郊区') });
  assert.deepEqual(region.titles, ['模型区物业管理办法']);
  // Counts: each document once per value it holds (a class and its sub-class).
  const all = await titles({});
  const subjectCount = (name) => all.counts.subject.get(m.facets.find((f) => f.name === 'subject').values.findIndex(([, n]) => n === name) + 1);
  assert.equal(subjectCount('城乡建设、环境保护'), 3);
  assert.equal(subjectCount('城市规划'), 2);
  // A list field: n1 and r2 both hold 营商环境.
  const topics = await index.search({ q: '营商环境', filters: { topics: code('topics', '营商环境') }, pageSize: 50 });
  assert.ok(topics.results.some((r) => r.doc.title === '模型区城市管理办法（2021年修订）'));
  // The second issuer of a joint document finds it too.
  const czj = m.issuers.find(([, n]) => n === '区财政局')[0];
  const joint = await index.search({ q: '政务公开', filters: { issuer: czj }, pageSize: 50 });
  assert.deepEqual(joint.results.map((r) => r.doc.title), ['关于进一步推进政务公开的通知']);
});

test('generated corpus: a page shows at most its page size, at every page and count', async () => {
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-paging-')), 'site');
  gencorpus(400, 5, site);
  const { index, texts } = build(site);
  // Queries by how many documents hold them: a few, 11–80, and many (over
  // 80, the window the ranking keeps for early pages).
  const counted = [];
  for (const q of ['政务公开', '公开', '通知', '工作', '实施', '规划', '十四五', '年度报告', '安全生产', '乡村振兴', '营商环境', '数字']) {
    counted.push([q, (await index.match(q)).ids.length]);
  }
  // A title (the first line of its text) that few documents share.
  for (const text of [...texts.values()].slice(0, 40)) {
    const title = text.slice(0, text.indexOf('\n'));
    const n = (await index.match(title)).ids.length;
    if (n >= 2 && n <= 10) { counted.push([title, n]); break; }
  }
  const pick = (lo, hi) => counted.find(([, n]) => n >= lo && n <= hi);
  const cases = [pick(1, 10), pick(11, 80), pick(81, Infinity)].filter(Boolean);
  assert.ok(cases.length === 3, `queries of each size among ${JSON.stringify(counted)}`);
  for (const [q, n] of cases) {
    for (const pageSize of [10, 7]) {
      const pages = Math.ceil(n / pageSize);
      const seen = new Set();
      for (const page of new Set([1, 2, Math.max(1, pages - 1), pages, pages + 1, 9, 50])) {
        const { total, results } = await index.search({ q, page, pageSize });
        assert.equal(total, n, `${q}: total`);
        const expected = page < pages ? pageSize : page === pages ? n - (pages - 1) * pageSize : 0;
        assert.equal(results.length, expected, `${q} (${n} results, ${pageSize} a page): page ${page} shows ${results.length}`);
        for (const r of results) {
          assert.ok(!seen.has(r.id), `${q}: document ${r.id} on two pages`);
          seen.add(r.id);
        }
      }
    }
    // Every result appears on exactly one page.
    const all = new Set();
    for (let page = 1; page <= Math.ceil(n / 10); page++) {
      for (const r of (await index.search({ q, page })).results) all.add(r.id);
    }
    assert.equal(all.size, n, `${q}: the pages together show every result once`);
  }
  assert.ok(texts.size > 0);
});

test('example site: traditional characters find what simplified ones find', async () => {
  const { index } = exampleSite();
  for (const [traditional, simplified] of [['政務公開', '政务公开'], ['國務院辦公廳', '国务院办公厅'], ['年度報告', '年度报告']]) {
    const a = (await index.match(traditional)).ids;
    const b = (await index.match(simplified)).ids;
    assert.ok(b.length > 0, `${simplified}: choose a query the example holds`);
    assert.deepEqual([...a], [...b], `${traditional} finds what ${simplified} finds`);
    const { results } = await index.search({ q: traditional });
    assert.ok(results[0].excerpt.some(([text, hit]) => hit && text.length >= 2), `${traditional}: the excerpt highlights the match`);
  }
  const first = (await index.search({ q: '川政辦字〔2017〕89號' })).results[0];
  assert.equal(first.exact, true);
  assert.equal(first.doc.docNumber, '川政办字〔2017〕89号');
});

test('a document written in traditional characters is found, marked and excerpted by a simplified query', async () => {
  const { index } = siteOf([
    ['t.md', ['标题: 關於政務公開的通知', '索引号: T-01-2024-0001', '发文日期: 2024-03-01'], '各單位要做好政務公開工作。'],
    ['s.md', ['标题: 关于办事指南的通知', '索引号: T-01-2024-0002', '发文日期: 2024-03-02'], '请按办事指南办理。'],
  ]);
  const { results, total } = await index.search({ q: '政务公开' });
  assert.equal(total, 1);
  assert.equal(results[0].phrase, true, 'held as written once folded');
  assert.deepEqual(results[0].excerpt.filter(([, hit]) => hit).map(([t]) => t), ['政務公開'], 'the traditional text is marked whole');
  // A query the index holds as typed does not fetch the folding table.
  const plain = siteOf([['a.md', ['标题: 关于办事指南的通知', '索引号: T-01-2024-0003', '发文日期: 2024-03-02'], '请按办事指南办理。']]);
  const fetched = [];
  const load = plain.index.load;
  plain.index.load = (p, range) => { fetched.push(p); return load(p, range); };
  assert.equal((await plain.index.search({ q: '办事指南' })).total, 1);
  assert.ok(!fetched.includes('fold.txt'), fetched.join(' '));
});

test('example site: excerpts mark the phrase whole and do not repeat the summary', async () => {
  const { index } = exampleSite();
  const { results } = await index.search({ q: '政务公开', pageSize: 100 });
  const withPhrase = results.filter((r) => r.phrase);
  assert.ok(withPhrase.length >= 3);
  for (const r of withPhrase) {
    const marked = r.excerpt.filter(([, hit]) => hit).map(([t]) => normalize(t));
    assert.ok(marked.length > 0, `${r.doc.title}: something marked`);
    for (const m of marked) assert.ok(m.includes('政务公开'), `${r.doc.title}: marked ${m}, not the phrase`);
  }
  // A query the text holds only in pieces still marks the pieces.
  const pieces = (await index.search({ q: '公开工作报告' })).results;
  assert.ok(pieces.length > 0 && pieces.every((r) => !r.phrase), 'a query held only in pieces');
  for (const r of pieces) assert.ok(r.excerpt.some(([, hit]) => hit), `${r.doc.title}: pieces marked`);
  // No excerpt starts with text that follows itself (a summary taken from
  // the body used to precede the body's same opening).
  for (const r of results) {
    const text = r.excerpt.map(([t]) => t).join('').replace(/^…/u, '');
    const head = text.slice(0, 20);
    assert.ok(head.length < 20 || text.indexOf(head, 1) < 0 || text.indexOf(head, 1) > 60, `${r.doc.title}: excerpt repeats ${head}`);
  }
});

test('example site: a query whose pieces never meet shows the documents holding most of them', async () => {
  const { index, texts } = exampleSite();
  const q = '公开年报';
  assert.equal(containing(texts, q).length, 0, 'no document holds it as written');
  const { total, results, partial } = await index.search({ q, pageSize: 100 });
  assert.ok(total > 0, 'not nothing');
  assert.equal(partial.of, tokenize(q).length);
  assert.ok(partial.held >= 1 && partial.held < partial.of);
  // Each shown document holds that many of the pieces, and none holds more.
  const pieces = tokenize(q);
  const held = (t) => pieces.filter((p) => normalize(t).includes(p)).length;
  for (const r of results) assert.equal(held(texts.get(r.id)), partial.held, r.doc.title);
  for (const [, t] of texts) assert.ok(held(t) <= partial.held);
  // A query whose pieces all meet somewhere is not partial.
  assert.equal((await index.search({ q: '政务公开' })).partial, false);
});

// A small site written here: documents as [file, front-matter lines, body].
function siteOf(documents, yaml = []) {
  const site = mkdtempSync(join(tmpdir(), 'gongkai-rank-'));
  writeFileSync(join(site, 'site.yaml'), [
    'title: 排序测试站',
    'base_url: https://www.paixu.gov.cn/',
    'categories: [{ code: "01", name: 通知公告 }]',
    'issuers: [{ code: "bgs", name: 区政府办公室 }]',
    ...yaml,
    '',
  ].join('\n'));
  mkdirSync(join(site, 'content'));
  for (const [file, fields, body] of documents) {
    writeFileSync(join(site, 'content', file), `---\n${fields.join('\n')}\n发布机构: 区政府办公室\n信息分类: 通知公告\n---\n\n${body}\n`);
  }
  return build(site);
}

test('validity is one signal: an expired document holding the phrase ranks above a valid one holding only its pieces', async () => {
  const pieces = '网上办理事项，上办公楼，办事指南，事大于天，大厅开放。'.repeat(6);
  const { index } = siteOf([
    ['a.md', ['标题: 关于优化服务的通知', '索引号: R-01-2024-0001', '发文日期: 2024-03-01'], pieces],
    ['b.md', ['标题: 关于调整服务时间的通知', '索引号: R-01-2020-0001', '发文日期: 2020-03-01', '有效性: 已失效', '有效期至: 2021-01-01'], '请到网上办事大厅办理。'],
    ['c.md', ['标题: 关于公布收费标准的通告', '索引号: R-01-2022-0001', '发文日期: 2022-03-01', '有效性: 已失效', '有效期至: 2023-01-01'], '收费标准见附件。'],
    ['d.md', ['标题: 关于公布收费标准的通告', '索引号: R-01-2019-0001', '发文日期: 2019-03-01'], '收费标准见附件。'],
  ]);
  const { results } = await index.search({ q: '网上办事大厅' });
  assert.deepEqual(results.map((r) => [r.doc.title, r.phrase, r.invalid]), [
    ['关于调整服务时间的通知', true, true],
    ['关于优化服务的通知', false, false],
  ]);
  // With equal matches, the valid document comes first, though older.
  const both = await index.search({ q: '收费标准' });
  assert.deepEqual(both.results.map((r) => r.doc.indexNumber), ['R-01-2019-0001', 'R-01-2022-0001']);
});

test('generated corpus: part of a 文号 or 索引号 ranks the documents whose number holds it first, on every page', async () => {
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-numbers-')), 'site');
  gencorpus(300, 7, site);
  const { index, texts } = build(site);
  const docs = await Promise.all([...texts.keys()].map(async (id) => [id, (await index.document(id)).doc]));
  const withNumber = docs.filter(([, d]) => d.docNumber);
  let checked = 0;
  for (const [, d] of withNumber.slice(0, 40)) {
    const part = d.docNumber.match(/〔\d{4}〕\d+号/)?.[0];
    const tail = d.indexNumber.split('-').slice(-2).join('-');
    for (const [q, holds] of [[part, (x) => x.docNumber?.includes(part)], [tail, (x) => x.indexNumber.endsWith(tail)]]) {
      if (!q) continue;
      const owners = new Set(docs.filter(([, x]) => holds(x)).map(([id]) => id));
      const { total } = await index.search({ q, pageSize: 10 });
      // Every page in order: the owners, then the documents that only cite it.
      const order = [];
      for (let page = 1; page <= Math.ceil(total / 10); page++) order.push(...(await index.search({ q, page })).results.map((r) => r.id));
      const firsts = order.slice(0, owners.size);
      assert.deepEqual(new Set(firsts), owners, `${q}: the ${owners.size} documents numbered so come first`);
      checked++;
    }
  }
  assert.ok(checked >= 40, `${checked} queries checked`);
});

test('example site: field queries 标题: and 文号: / 索引号: narrow to the field', async () => {
  const { index, texts } = exampleSite();
  const docs = await Promise.all([...texts.keys()].map(async (id) => [id, (await index.document(id)).doc]));
  const ids = async (q) => (await index.search({ q, pageSize: 100 })).results.map((r) => r.id).sort((a, b) => a - b);
  const where = (test) => docs.filter(([id, d]) => test(d, texts.get(id))).map(([id]) => id).sort((a, b) => a - b);
  assert.ok((await ids('年度报告')).length > 1, 'the words alone are in several documents');
  assert.deepEqual(await ids('标题:年度报告'), where((d) => d.title.includes('年度报告')));
  assert.deepEqual(await ids('标题：政务公开 2017'), where((d, t) => d.title.includes('政务公开') && t.includes('2017')));
  assert.deepEqual(await ids('文号:川政办字'), where((d) => (d.docNumber || '').includes('川政办字')));
  assert.deepEqual(await ids('索引号:2018'), where((d) => d.indexNumber.includes('2018')));
  assert.deepEqual(await ids('标题:不存在的标题词'), []);
});

test('documents holding the query as written come before those holding its pieces, on every page', async () => {
  // Twelve documents say 扶贫资 and 资金 often and in the title, never
  // 扶贫资金; three say it once, deep in a long body.
  const pieces = '扶贫资助要落实，专项资金要到位。'.repeat(8);
  const filler = '本区按照有关要求，认真组织实施各项工作。'.repeat(20);
  const documents = [];
  for (let i = 0; i < 12; i++) documents.push([`p${i}.md`, [`标题: 关于扶贫资助和资金管理的通知${i}`, `索引号: P-01-2024-${String(i).padStart(4, '0')}`, `发文日期: 2024-03-${String(i + 1).padStart(2, '0')}`], pieces]);
  for (let i = 0; i < 3; i++) documents.push([`w${i}.md`, [`标题: 关于年度工作的报告${i}`, `索引号: W-01-2023-${String(i).padStart(4, '0')}`, `发文日期: 2023-05-${String(i + 1).padStart(2, '0')}`], `${filler}其中扶贫资金一项已经下达。`]);
  const { index, texts } = siteOf(documents);
  const q = '扶贫资金';
  const written = [...texts].filter(([, t]) => normalize(t).includes(q)).map(([id]) => id);
  assert.equal(written.length, 3);
  const first = await index.search({ q, pageSize: 2 });
  assert.equal(first.total, 15, 'every document holding the pieces is found');
  assert.equal(first.written, 3);
  assert.equal(first.pieces, 3);
  const order = [];
  for (let page = 1; page <= 8; page++) order.push(...(await index.search({ q, page, pageSize: 2 })).results.map((r) => r.id));
  assert.equal(order.length, 15);
  assert.deepEqual(new Set(order.slice(0, 3)), new Set(written), 'the three holding it as written fill pages 1 and 2 first');
  // Without the trigrams in the index the pieces would win: their score is higher.
  const { ids, scores } = await index.match(q);
  const score = (id) => scores[[...ids].indexOf(id)];
  assert.ok(Math.min(...order.slice(3).map(score)) > Math.max(...written.map(score)), 'the pieces score higher');
});

test('generated corpus: a 发布日期 range keeps exactly the documents published within it', async () => {
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-dates-')), 'site');
  gencorpus(300, 11, site);
  const { index, texts } = build(site);
  const dates = new Map(await Promise.all([...texts.keys()].map(async (id) => [id, (await index.document(id)).doc.date])));
  const sorted = [...new Set(dates.values())].sort();
  const q = '公开';
  const holders = [...texts].filter(([, t]) => normalize(t).includes(q)).map(([id]) => id);
  const cases = [
    [sorted[10], sorted[sorted.length - 10]],
    [sorted[40], ''],
    ['', sorted[25]],
    [sorted[30], sorted[30]],
    // Days no document bears, around and between them.
    ['1990-01-01', '1990-12-31'],
    ['2999-01-01', ''],
  ];
  for (const [from, to] of cases) {
    const expected = holders.filter((id) => (!from || dates.get(id) >= from) && (!to || dates.get(id) <= to)).sort((a, b) => a - b);
    const { total } = await index.search({ q, from, to, pageSize: 1000 });
    const { results } = await index.search({ q, from, to, pageSize: 1000 });
    assert.equal(total, expected.length, `${from}..${to}`);
    assert.deepEqual(results.map((r) => r.id).sort((a, b) => a - b), expected, `${from}..${to}`);
  }
  assert.ok(cases.slice(0, 4).every(([from, to]) => holders.some((id) => (!from || dates.get(id) >= from) && (!to || dates.get(id) <= to))), 'the ranges hold documents');
  // A malformed date is ignored, not an empty result.
  assert.equal((await index.search({ q, from: '2017-1-1' })).total, holders.length);
});

test('synonyms from site.yaml: a query finds the documents holding any word of its group, and says so', async () => {
  const { index } = siteOf([
    ['a.md', ['标题: 关于深化放管服改革的通知', '索引号: S-01-2024-0001', '发文日期: 2024-03-01'], '持续推进放管服改革。'],
    ['b.md', ['标题: 关于优化营商环境的意见', '索引号: S-01-2024-0002', '发文日期: 2024-03-02'], '坚持简政放权、放管结合、优化服务，不断提高效率。'],
    ['c.md', ['标题: 关于办事指南的通知', '索引号: S-01-2024-0003', '发文日期: 2024-03-03'], '请按办事指南办理。'],
  ], ['search:', '  synonyms:', '    - [放管服, 简政放权、放管结合、优化服务]']);
  const short = await index.search({ q: '放管服' });
  assert.deepEqual(short.results.map((r) => r.doc.title).sort(), ['关于优化营商环境的意见', '关于深化放管服改革的通知']);
  assert.deepEqual(short.also, ['简政放权、放管结合、优化服务']);
  const b = short.results.find((r) => r.doc.title === '关于优化营商环境的意见');
  assert.ok(b.excerpt.some(([t, hit]) => hit && t.includes('简政放权')), 'the synonym is marked in its excerpt');
  assert.equal(b.phrase, true);
  const long = await index.search({ q: '简政放权、放管结合、优化服务' });
  assert.equal(long.total, 2);
  assert.deepEqual(long.also, ['放管服']);
  // A query holding no word of a group searches only itself.
  const plain = await index.search({ q: '办事指南' });
  assert.deepEqual([plain.total, plain.also], [1, []]);
});

test('the closest passage: fewest edits, then the nearest length, never across punctuation', () => {
  assert.deepEqual(closest('关于政府信息公开工作的通知', '政府信息工开').slice(0, 2), [1, '政府信息公开']);
  // 淄川 is one edit away too (a deletion), but 淄川区 is as long as the query.
  assert.deepEqual(closest('淄川区人民政府', '淄川去').slice(0, 2), [1, '淄川区']);
  // 信息，公开 is not 信息公开 with one edit: a passage stops at punctuation.
  assert.deepEqual(closest('政府信息，公开', '信息公开').slice(0, 2), [2, '信息']);
  assert.equal(closest('', '政务')[0], Infinity);
});

test('example site: did you mean, from the shown texts or from the title words', async () => {
  const { index } = exampleSite();
  const typo = await index.search({ q: '政府信息工开' });
  assert.ok(typo.partial);
  assert.deepEqual(typo.suggest, ['政府信息公开']);
  // A chance likeness in one text of several is not offered.
  assert.ok(!(await index.search({ q: '公开年报' })).suggest.includes('公开申报'));
  // Nothing holds 政付: title words one character away that the index holds.
  const none = await index.search({ q: '政付' });
  assert.equal(none.total, 0);
  assert.ok(none.suggest.includes('政府') && none.suggest.length <= 3, none.suggest);
  // A query that is found whole, or is no run of letters, gets none.
  assert.equal((await index.search({ q: '政务公开' })).suggest, undefined);
  assert.deepEqual((await index.search({ q: '政付 年包' })).suggest, []);
});

test('generated corpus: a page of documents is read with a request per run of nearby entries, each as read alone', async () => {
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-batch-')), 'site');
  gencorpus(300, 11, site);
  const { texts } = build(site);
  const dir = join(site, 'public', 'search');
  const { texts_per_pack: n } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const counting = () => {
    const requests = [];
    const load = loader(dir);
    return { requests, index: new SearchIndex((p, range) => { requests.push([p, range]); return load(p, range); }) };
  };
  const ids = [...texts.keys()];
  // Neighbours, one far away, a repeat, in no order: the answer keeps the order asked.
  const asked = [ids[5], ids[3], ids[4], ids[ids.length - 1], ids[3], ids[n + 1]];
  const batch = counting();
  const together = await batch.index.documents(asked);
  const alone = await Promise.all(asked.map((id) => counting().index.document(id)));
  assert.deepEqual(together, alone);
  asked.forEach((id, i) => assert.equal(together[i].text, texts.get(id), `text of ${id}`));
  const reads = batch.requests.filter(([p, range]) => p.startsWith('x/') && range[0] > 0);
  const packs = new Set(asked.map((id) => Math.floor(id / n)));
  // Entries 3, 4 and 5 of the first pack are one read (they touch).
  assert.ok(reads.length <= packs.size + 1, `${reads.length} reads for ${asked.length} documents in ${packs.size} packs`);
  assert.ok(reads.length < new Set(asked).size, `${reads.length} reads`);
});
