// gongkai search core: the tokenizer twin of src/search/tokenizer.rs and the
// reader of the index under search/ (format: src/search/mod.rs). No DOM here:
// the page (search.js) and the Node tests both use it.

const HAN = [[0x3007, 0x3007], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ebef], [0x30000, 0x3134f]];
export const isHan = (cp) => HAN.some(([a, b]) => cp >= a && cp <= b);
// Traditional → simplified (search/fold.txt, one pair a line), as the index
// was folded: set by SearchIndex when a query needs it, or by setFold.
let fold = new Map();
// The table's characters as one pattern: the texts of a page of results are
// folded by the regular expression engine, not character by character (in
// a fresh page, before the JIT has warmed up, that loop took longer than
// the rest of the search together).
let foldable = null;
export function setFold(text) {
  fold = new Map();
  for (const line of text.split('\n')) {
    const [from, to] = [...line];
    if (to && line[0] !== '#') fold.set(from, to);
  }
  const escape = (c) => `\\u{${c.codePointAt(0).toString(16)}}`;
  foldable = fold.size ? new RegExp(`[${[...fold.keys()].map(escape).join('')}]`, 'gu') : null;
}
// Without the table (most searches never fetch it) nothing is folded.
const folded = (s) => (foldable ? s.replace(foldable, (c) => fold.get(c)) : s);
export const normalize = (s) => folded(s.normalize('NFKC').toLowerCase());
const isWord = (c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');

// Tokens of text: ASCII letter/digit runs whole, Han runs as bigrams (a lone
// character as itself); mode 'index' adds each Han run's first and last character.
export function tokenize(text, mode = 'query') {
  const out = [];
  let han = [];
  let word = '';
  const flush = () => {
    if (han.length === 1) out.push(han[0]);
    else if (han.length > 1) {
      if (mode === 'index') out.push(han[0]);
      for (let i = 0; i + 1 < han.length; i++) out.push(han[i] + han[i + 1]);
      if (mode === 'index') out.push(han[han.length - 1]);
    }
    han = [];
  };
  for (const c of normalize(text)) {
    if (isWord(c)) { flush(); word += c; continue; }
    if (word) { out.push(word); word = ''; }
    if (isHan(c.codePointAt(0))) han.push(c); else flush();
  }
  if (word) out.push(word);
  flush();
  return out;
}

// Every three ideographs in a row of q: a document holding them all
// almost always holds q as written (the index has every text's trigrams).
export function trigrams(q) {
  const out = [];
  let run = [];
  for (const c of normalize(q)) {
    if (!isHan(c.codePointAt(0))) run = [];
    else if (run.push(c) > 2) out.push(run.slice(-3).join(''));
  }
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const b of encoder.encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

const BRACKETS = { '〔': '[', '(': '[', '【': '[', '〖': '[', '{': '[', '〕': ']', ')': ']', '】': ']', '〗': ']', '}': ']' };
export const normalizeKey = (s) => [...normalize(s)].filter((c) => !/\s/u.test(c)).map((c) => BRACKETS[c] || c).join('');
// 文件编号 (…〔2017〕89号) or 索引号 (0101-03-2017-000525) shapes.
export const looksLikeKey = (q) => /\[\d{4}\]\d+/.test(normalizeKey(q)) || /^[0-9a-z]+([-/][0-9a-z]+){2,}$/.test(normalizeKey(q));

function varint(b, pos) {
  let v = 0; let s = 0; let x;
  do { x = b[pos.p++]; v += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return v;
}

// A postings blob of df postings → { ids: Uint32Array, impacts: Uint8Array }
// (format: src/search/postings.rs).
export function decodePostings(b, df) {
  const ids = new Uint32Array(df);
  const pos = { p: 1 };
  if (!(b[0] & 1)) {
    let last = 0;
    for (let i = 0; i < df; i++) { const v = varint(b, pos); last = i ? last + v : v; ids[i] = last; }
  } else {
    const len = varint(b, pos);
    const start = pos.p;
    let k = 0;
    for (let i = 0; i < len; i++) {
      let x = b[start + i];
      while (x) { const bit = x & -x; ids[k++] = i * 8 + 31 - Math.clz32(bit); x ^= bit; }
    }
    pos.p = start + len;
  }
  const impacts = new Uint8Array(df);
  // Flag 4: ids alone (trigrams).
  if (b[0] & 4) return { ids, impacts };
  if (b[0] & 2) {
    // Sums of the impacts with the term in the title and of the others,
    // then the title ids: each group gets its mean.
    const titleSum = varint(b, pos);
    const otherSum = varint(b, pos);
    const count = varint(b, pos);
    const mean = (sum, n) => (n ? Math.min(15, Math.max(1, Math.round(sum / n))) : 1);
    const [inTitle, other] = [mean(titleSum, count), mean(otherSum, df - count)];
    // Both lists are sorted: walk the title list alongside the ids.
    impacts.fill(other);
    let last = 0;
    let k = 0;
    for (let i = 0; i < count; i++) {
      const v = varint(b, pos);
      last = i ? last + v : v;
      while (k < df && ids[k] < last) k++;
      if (ids[k] === last) impacts[k] = inTitle;
    }
  } else {
    for (let i = 0; i < df; i++) impacts[i] = (b[pos.p + (i >> 1)] >> ((i & 1) * 4)) & 15;
  }
  return { ids, impacts };
}

// BM25's inverse document frequency of a term in df of n documents.
export const idf = (df, n) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

function parseShard(b) {
  const terms = new Map();
  const pos = { p: 1 };
  const count = varint(b, pos);
  for (let i = 0; i < count; i++) {
    const termLength = varint(b, pos);
    const term = decoder.decode(b.subarray(pos.p, pos.p + termLength)); pos.p += termLength;
    const df = varint(b, pos);
    // 0 and an inline blob, or the pack holding the blob, its offset and length.
    const pack = varint(b, pos);
    if (pack) {
      const at = varint(b, pos);
      terms.set(term, { df, pack, at, len: varint(b, pos), blob: null });
    } else {
      const len = varint(b, pos);
      terms.set(term, { df, pack, blob: b.subarray(pos.p, pos.p + len) }); pos.p += len;
    }
  }
  return terms;
}

// The parts of a query that must appear as written for a phrase match.
const phraseParts = (q) => normalize(q).split(/\s+/u).filter((p) => [...p].length > 1 || tokenize(p).length);

// Text normalised, with a map back to the original: one to one when the
// length is kept (as for Chinese text), else built character by character.
function mapped(text) {
  const whole = normalize(text);
  if (whole.length === text.length) return { norm: whole, back: { length: text.length + 1, at: (i) => i } };
  let norm = '';
  const back = [];
  let i = 0;
  for (const c of text) {
    // ASCII and the common ideographs normalise to themselves (but for
    // case and folding): only the rest goes through NFKC, one by one.
    const cp = c.charCodeAt(0);
    const n = cp < 0x80 ? c.toLowerCase() : cp >= 0x4e00 && cp <= 0x9fff ? fold.get(c) || c : normalize(c);
    for (let k = 0; k < n.length; k++) back.push(i);
    norm += n;
    i += c.length;
  }
  back.push(i);
  return { norm, back: { at: (k) => back[k] } };
}

// Where q occurs in norm (normalised text), as [start, end) ranges: each
// part of the query as written where the text holds it; only a part it does
// not hold is looked for piece by piece (so 政务公开 is marked whole, not
// every scattered 公开).
function occurrences(norm, q) {
  const ranges = [];
  const mark = (n) => {
    let found = false;
    for (let at = norm.indexOf(n); at >= 0; at = norm.indexOf(n, at + 1)) { ranges.push([at, at + n.length]); found = true; }
    return found;
  };
  for (const part of phraseParts(q)) if (!mark(part)) tokenize(part).forEach(mark);
  return ranges;
}

// The headings of a long document under which q occurs, first to last, at
// most max, as [heading, anchor]; list: its [offset in text, anchor] pairs.
export function sections(text, list, q, max = 3) {
  if (!list.length) return [];
  const { norm, back } = mapped(text);
  const hits = occurrences(norm, q).map(([a]) => back.at(a));
  const out = [];
  for (let i = 0; i < list.length && out.length < max; i++) {
    const [start, anchor] = list[i];
    const end = i + 1 < list.length ? list[i + 1][0] : text.length;
    if (!hits.some((h) => h >= start && h < end)) continue;
    const nl = text.indexOf('\n', start);
    out.push([text.slice(start, nl < 0 ? text.length : nl), anchor]);
  }
  return out;
}

// The substring of text closest to q in edits (Sellers' algorithm), never
// across punctuation or a line: [edits, substring, length difference].
export function closest(text, q) {
  const a = [...q];
  const m = a.length;
  const start = Int32Array.from({ length: m + 1 }, (_, i) => i);
  let [cost, from, next, nfrom] = [start.slice(), new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let best = [Infinity, ''];
  const t = [...text];
  for (let j = 0; j < t.length; j++) {
    const c = t[j];
    if (!isHan(c.codePointAt(0)) && !isWord(c)) { cost.set(start); from.fill(j + 1); continue; }
    next[0] = 0;
    nfrom[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let [v, f] = [cost[i - 1] + (a[i - 1] === c ? 0 : 1), from[i - 1]];
      if (cost[i] + 1 < v) [v, f] = [cost[i] + 1, from[i]];
      if (next[i - 1] + 1 < v) [v, f] = [next[i - 1] + 1, nfrom[i - 1]];
      next[i] = v;
      nfrom[i] = f;
    }
    [cost, next, from, nfrom] = [next, cost, nfrom, from];
    // Fewest edits, then the length nearest q's (淄川去: 淄川区, not 淄川).
    const off = Math.abs(j + 1 - from[m] - m);
    if (cost[m] < best[0] || (cost[m] === best[0] && off < best[2])) best = [cost[m], t.slice(from[m], j + 1).join(''), off];
  }
  return best;
}

// Up to `size` characters of text around the first match, as [text, isMatch] pieces.
export function excerpt(text, q, size = 120) {
  const { norm, back } = mapped(text.replace(/\s+/gu, ' '));
  const flat = text.replace(/\s+/gu, ' ');
  const ranges = occurrences(norm, q).map(([a, b]) => [back.at(a), back.at(b)]);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([...r]);
  }
  const first = merged.length ? merged[0][0] : 0;
  const start = Math.max(0, first - Math.floor(size / 3));
  let end = Math.min(flat.length, start + size);
  // A mark the window would cut ends it instead (the first one is whole).
  const cut = merged.find(([a, b]) => a < end && b > end);
  if (cut) end = cut[0] > first ? cut[0] : cut[1];
  const pieces = [];
  let at = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    if (a > at) pieces.push([flat.slice(at, a), false]);
    pieces.push([flat.slice(Math.max(a, at), Math.min(b, end)), true]);
    at = Math.min(b, end);
  }
  if (at < end) pieces.push([flat.slice(at, end), false]);
  if (start > 0) pieces.unshift(['…', false]);
  if (end < flat.length) pieces.push(['…', false]);
  return pieces;
}

const FACETS = { category: 1, issuer: 2, year: 1, status: 1 };
// Field queries and the marks of their terms in the index.
const FIELDS = { 标题: '^', 文号: '#', 文件编号: '#', 索引号: '#', 编号: '#' };
const FIELD = /(标题|文件编号|文号|索引号|编号)[:：]\s*(\S+)/gu;
// The query's words without field names (标题:年度报告 → 年度报告).
export const withoutFields = (q) => q.replace(FIELD, (_, name, value) => ` ${value} `).trim();
// A query that may be part of a 文件编号 or 索引号: digits, brackets, 号 or 字.
const NUMBERISH = /[0-9０-９〔〕［］[\]【】号號字]/u;
// What a repealed or expired document's score counts for: enough to put a
// valid document first among equal matches, not above a better match (a
// title holding the query; 0.6 put the annual report, holding 政务公开工作要点
// in its body, above the three work plans titled with it).
const INVALID_WEIGHT = 0.9;

// Entries of a pack of texts at most this many bytes apart are read in one
// request (the bytes between are read too, and dropped; a wider gap
// saved little and added to the bytes a query reads).
const ENTRY_GAP = 1024;

// The k largest keys, largest first: one pass keeping a sorted window of k,
// instead of sorting every hit when a page shows ten.
function top(keys, k) {
  if (keys.length <= k * 8) return keys.slice().sort().reverse();
  const best = new Float64Array(k).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const x = keys[i];
    if (x <= best[k - 1]) continue;
    let j = k - 1;
    while (j > 0 && best[j - 1] < x) { best[j] = best[j - 1]; j--; }
    best[j] = x;
  }
  return best;
}

function binaryHas(sorted, x) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === x) return true;
    if (sorted[mid] < x) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

// The matches of a query's variants as one: every id any found, its best
// score; partial matches only when no variant matched whole. `found`: the
// matches kept, in variant order.
function merge(matches) {
  const whole = matches.filter((m) => !m.partial);
  const found = whole.length ? whole : matches.slice(0, 1);
  if (found.length === 1) return { ...found[0], found };
  const best = new Map();
  for (const m of found) m.ids.forEach((id, i) => best.set(id, Math.max(best.get(id) || 0, m.scores[i])));
  const ids = Uint32Array.from([...best.keys()].sort((a, b) => a - b));
  const union = (key) => new Set(found.flatMap((m) => [...(m[key] || m.ids)]));
  return { ids, scores: Float32Array.from(ids, (id) => best.get(id)), exact: union('exact'), numbered: union('numbered'), phrase: union('phrase'), partial: false, found };
}

// The search index of one site; load(path, [start, end]) resolves to the
// bytes of search/<path>, or to those from start to end when given.
export class SearchIndex {
  constructor(load) {
    this.load = load;
    this.cache = new Map();
  }

  get(path, kind = 'bin') {
    if (!this.cache.has(path)) {
      this.cache.set(path, this.load(path).then((b) => (kind === 'json' ? JSON.parse(decoder.decode(b)) : b)));
    }
    return this.cache.get(path);
  }

  // Bytes start..end of a file (postings and texts are read so, never whole).
  range(path, start, end) {
    const key = `${path}@${start}-${end}`;
    if (!this.cache.has(key)) this.cache.set(key, this.load(path, [start, end]));
    return this.cache.get(key);
  }

  manifest() { return this.get('manifest.json', 'json'); }

  // The folding table, fetched once, only when a query or a shown text
  // needs it: the index holds no traditional character, so a query
  // token it lacks may be one, and a shown document lacking a token the
  // index says it holds is written in them.
  folding() {
    this.folded ||= this.get('fold.txt').then((b) => setFold(decoder.decode(b)), () => {});
    return this.folded;
  }

  async shard(s) {
    const key = `shard:${s}`;
    if (!this.cache.has(key)) this.cache.set(key, this.get(`t/${s}.bin`).then(parseShard));
    return this.cache.get(key);
  }

  // The postings of one token, or null when no document has it (decoded once).
  postings(token) {
    const key = `postings:${token}`;
    if (!this.cache.has(key)) this.cache.set(key, this.decodeToken(token));
    return this.cache.get(key);
  }

  // A token's dictionary entry and shard, or undefined.
  async entry(token) {
    const m = await this.manifest();
    const s = fnv1a(token) % m.shards;
    const entry = (await this.shard(s)).get(token);
    return entry && { ...entry, s };
  }

  async decodeToken(token) {
    const m = await this.manifest();
    const entry = await this.entry(token);
    if (!entry) return null;
    const blob = entry.blob || (await this.range(`p/${entry.s}-${entry.pack}.pack`, entry.at, entry.at + entry.len));
    return { ...decodePostings(blob, entry.df), idf: idf(entry.df, m.documents) };
  }

  // The ids holding a trigram; true (unknown) when more than half of
  // over 32,768 documents hold it: a bitmap of over 4 KB that tells little.
  async holders(trigram) {
    const m = await this.manifest();
    const entry = await this.entry(trigram);
    return entry && ((entry.df * 2 > m.documents && m.documents > 32768) || (await this.postings(trigram)).ids);
  }

  // Folding in place if q has a token the index lacks.
  async foldFor(q) {
    if (!(await Promise.all(tokenize(q).map((t) => this.postings(t)))).every(Boolean)) await this.folding();
  }

  async exact(q) {
    if (!looksLikeKey(q)) return [];
    const m = await this.manifest();
    const key = normalizeKey(q);
    const table = await this.get(`k/${fnv1a(key) % m.key_shards}.json`, 'json');
    return table[key] || [];
  }

  // One value per document of a facet (see FACETS for the width; the
  // manifest's other facets are u16), and `more`: the further values of
  // documents holding several (id → values), from f/<facet>.x.bin.
  async column(facet) {
    const m = await this.manifest();
    const b = await this.get(`f/${facet}.bin`);
    const u16 = (x) => new Uint16Array(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));
    const col = (FACETS[facet] || 2) === 2 ? u16(b) : b;
    col.more = new Map();
    if ((m.extras || []).includes(facet)) {
      const x = await this.get(`f/${facet}.x.bin`);
      const n = new DataView(x.buffer, x.byteOffset).getUint32(0, true);
      const ids = new Uint32Array(x.buffer.slice(x.byteOffset + 4, x.byteOffset + 4 + n * 4));
      const values = u16(x.subarray(4 + n * 4, 4 + n * 6));
      for (let i = 0; i < n; i++) col.more.set(ids[i], [...(col.more.get(ids[i]) || []), values[i]]);
    }
    return col;
  }

  // The facets to filter by: the fixed four and the manifest's.
  async facets() {
    const m = await this.manifest();
    return [...Object.keys(FACETS), ...(m.facets || []).map((f) => f.name)];
  }

  // A document's metadata (first line of its entry in a pack of texts: the
  // pack's header of offsets read first) and indexed text.
  async document(id) {
    return (await this.documents([id]))[0];
  }

  // The documents of ids, as document(id) gives each. Entries of one pack
  // lying close together are read in one request: a page of results costs
  // about a request per pack, not one per document (over HTTP/1.1 a browser
  // sends six at a time to one server, and the rest wait their turn).
  async documents(ids) {
    const m = await this.manifest();
    const n = m.texts_per_pack;
    const packs = new Map();
    for (const id of new Set(ids)) packs.set(Math.floor(id / n), [...(packs.get(Math.floor(id / n)) || []), id]);
    const entries = new Map();
    await Promise.all([...packs].map(async ([k, list]) => {
      const path = `x/${k}.pack`;
      const h = await this.range(path, 0, 4 * (n + 1));
      const at = (j) => new DataView(h.buffer, h.byteOffset).getUint32(4 * j, true);
      const [start, end] = [(id) => at(id % n), (id) => at((id % n) + 1)];
      list.sort((a, b) => a - b);
      for (let i = 0; i < list.length;) {
        let j = i + 1;
        while (j < list.length && start(list[j]) - end(list[j - 1]) <= ENTRY_GAP) j++;
        const group = list.slice(i, j);
        const from = start(group[0]);
        const bytes = this.range(path, from, end(group[group.length - 1]));
        for (const id of group) entries.set(id, bytes.then((b) => b.subarray(start(id) - from, end(id) - from)));
        i = j;
      }
    }));
    return Promise.all(ids.map(async (id) => {
      const file = decoder.decode(await entries.get(id));
      const nl = file.indexOf('\n');
      const [title, url, date, category, issuer, status, docNumber, indexNumber, excerptAt, parts = []] = JSON.parse(file.slice(0, nl));
      const doc = {
        title, url, date, docNumber, indexNumber,
        category: m.categories[category][1],
        issuer: m.issuers[issuer][1],
        status: m.statuses[status][1],
        statusCode: m.statuses[status][0],
      };
      const text = file.slice(nl + 1);
      return { doc, text, excerptFrom: text.slice(excerptAt), parts };
    }));
  }

  // The ids published from..to (YYYY-MM-DD, either may be empty), as
  // [first, last]: ids go from the oldest, so a date range is an id range
  // (f/dates.bin: runs of days since 0001-01-01 and their counts).
  async dateSpan(from, to) {
    const b = await this.get('f/dates.bin');
    const day = (s) => Date.UTC(s.slice(0, 4), s.slice(5, 7) - 1, s.slice(8, 10)) / 864e5 + 719163;
    const [lo, hi] = [from ? day(from) : -Infinity, to ? day(to) : Infinity];
    const pos = { p: 0 };
    let [d, id, first, last] = [0, 0, Infinity, -1];
    while (pos.p < b.length) {
      d += varint(b, pos);
      const n = varint(b, pos);
      if (d >= lo && d <= hi) { first = Math.min(first, id); last = id + n - 1; }
      id += n;
    }
    return [first, last];
  }

  // Filter values (codes as in the URL) → column values.
  async filterValue(facet, value) {
    const m = await this.manifest();
    if (facet === 'year') return Number(value) - m.first_year;
    const list = { category: m.categories, issuer: m.issuers, status: m.statuses }[facet];
    if (list) return list.findIndex(([code]) => code === value);
    const extra = (m.facets || []).find((f) => f.name === facet);
    return extra ? extra.values.findIndex(([code]) => code === value) + 1 : -1;
  }

  // Matches of q: every token must match (AND); a score adds up each
  // token's IDF times its squared impact. Returns typed arrays sorted by id,
  // and the exact-key ids.
  async match(q) {
    await this.foldFor(q);
    const tokens = [...new Set(tokenize(q))];
    const tris = [...new Set(trigrams(q))];
    const [exact, lists, triLists] = await Promise.all([this.exact(q), Promise.all(tokens.map((t) => this.postings(t))), Promise.all(tris.map((t) => this.holders(t)))]);
    let ids = new Uint32Array(0);
    let scores = new Float32Array(0);
    let partial = false;
    const present = lists.filter(Boolean);
    if (present.length) {
      // Count and score per document in flat arrays, then keep the ids of
      // the shortest list that every token matched.
      present.sort((a, b) => a.ids.length - b.ids.length);
      const { documents } = await this.manifest();
      // Reused between queries: allocating them anew costs more than clearing.
      if (!this.count || this.count.length !== documents) {
        this.count = new Uint8Array(documents);
        this.sum = new Float32Array(documents);
      }
      const { count, sum } = this;
      count.fill(0);
      sum.fill(0);
      for (const list of present) {
        const { ids: li, impacts, idf: weight } = list;
        for (let i = 0; i < li.length; i++) { const id = li[i]; count[id]++; sum[id] += weight * impacts[i] * impacts[i]; }
      }
      const shortest = present[0].ids;
      ids = new Uint32Array(shortest.length);
      scores = new Float32Array(shortest.length);
      let n = 0;
      if (present.length === lists.length) {
        for (let i = 0; i < shortest.length; i++) {
          const id = shortest[i];
          if (count[id] === lists.length) { ids[n] = id; scores[n++] = sum[id]; }
        }
      }
      ids = ids.subarray(0, n);
      scores = scores.subarray(0, n);
      if (!n && tokens.length > 1) {
        // No document holds every piece: those holding the most of them,
        // marked partial, rather than nothing.
        let most = 0;
        for (let id = 0; id < count.length; id++) if (count[id] > most) most = count[id];
        const held = [];
        for (let id = 0; id < count.length; id++) if (count[id] === most) held.push(id);
        ids = Uint32Array.from(held);
        scores = Float32Array.from(held, (id) => sum[id]);
        partial = { held: most, of: tokens.length };
      }
    }
    // Documents holding every trigram of q hold it as written (a query
    // without one, or whose trigrams most documents hold, is taken as
    // held as written wherever its pieces are).
    let phrase = null;
    const known = triLists.filter((l) => l !== true).sort((a, b) => a.length - b.length);
    if (known.length && !partial) {
      phrase = new Set();
      if (known.every(Boolean)) {
        const [first, ...rest] = known;
        for (const id of first) if (rest.every((l) => binaryHas(l, id)) && binaryHas(ids, id)) phrase.add(id);
      }
    }
    const extra = exact.filter((id) => !binaryHas(ids, id));
    if (extra.length) {
      const all = [...ids, ...extra].sort((a, b) => a - b);
      const s = new Map(Array.from(ids, (id, i) => [id, scores[i]]));
      ids = Uint32Array.from(all);
      scores = Float32Array.from(all, (id) => s.get(id) || 0);
    }
    return { ids, scores, exact: new Set(exact), partial, phrase, numbered: await this.numbered(q) };
  }

  // What q may have been meant as (did you mean), when no document holds
  // all its pieces: the passage of the shown texts closest to it (one edit
  // in four characters), else, when pieces of it are in no document, q with the
  // one character they share replaced to make common title words
  // (words.txt). Only for a query of one run of letters.
  async suggest(q, texts) {
    const n = normalize(q);
    const chars = [...n];
    if (chars.length < 2 || !chars.every((c) => isHan(c.codePointAt(0)) || isWord(c))) return [];
    // A passage that two of the shown texts hold (one, if one is shown):
    // a typo's correction recurs, a chance likeness (公开年报: 公开申报) not.
    const norms = texts.map(normalize);
    const held = (w) => norms.filter((t) => t.includes(w)).length;
    const near = norms.map((t) => closest(t, n)).filter(([d, w]) => d > 0 && d <= Math.max(1, chars.length >> 2) && [...w].length > 1 && held(w) >= Math.min(2, texts.length));
    if (near.length) return [near.sort((x, y) => x[0] - y[0] || x[2] - y[2])[0][1]];
    const missing = [];
    for (let k = 0; k + 1 < chars.length; k++) if (!(await this.entry(chars[k] + chars[k + 1]))) missing.push(k);
    if (!missing.length) return [];
    const spots = [missing[0], missing[0] + 1].filter((i) => missing.every((k) => k === i || k + 1 === i));
    const words = decoder.decode(await this.get('words.txt')).split('\n');
    const out = [];
    for (const w of words) {
      for (const i of spots) {
        const [w0, w1] = [...w];
        for (const c of [i > 0 && w0 === chars[i - 1] && w1, i + 1 < chars.length && w1 === chars[i + 1] && w0]) {
          if (!c || c === chars[i]) continue;
          const s = chars.slice();
          s[i] = c;
          const text = s.join('');
          const near2 = [i - 1, i].filter((k) => k >= 0 && k + 1 < s.length).map((k) => s[k] + s[k + 1]);
          if (!out.includes(text) && (await Promise.all(near2.map((b) => this.entry(b)))).every(Boolean)) out.push(text);
          if (out.length === 3) return out;
        }
      }
    }
    return out;
  }

  // Documents whose 文件编号 or 索引号 holds every piece of a query that
  // looks like (part of) a number.
  numbered(q) { return NUMBERISH.test(q) ? this.marked('#', q) : new Set(); }

  // Documents whose field holds every piece of q, from the index's marked
  // terms: '#' + token for the numbers, '^' + token for the title.
  async marked(mark, q) {
    const tokens = [...new Set(tokenize(q))].map((t) => mark + t);
    const lists = await Promise.all(tokens.map((t) => this.postings(t)));
    if (!lists.length || !lists.every(Boolean)) return new Set();
    lists.sort((a, b) => a.ids.length - b.ids.length);
    const rest = lists.slice(1).map((l) => l.ids);
    return new Set(Array.from(lists[0].ids).filter((id) => rest.every((ids) => binaryHas(ids, id))));
  }

  // { total, results, counts? } for a query, filters { facet: code }, sort 'date' or relevance.
  async search({ q: asked, filters = {}, from = '', to = '', sort = '', page = 1, pageSize = 10, counts = false }) {
    if (!asked || !asked.trim()) return { total: 0, results: [] };
    // Field queries (标题:…, 文号:… / 索引号:…) narrow to documents whose
    // field holds their words; all words are searched and scored as usual.
    const fields = [...asked.matchAll(FIELD)].map(([, name, value]) => [FIELDS[name], value]);
    const q = fields.length ? withoutFields(asked) : asked;
    // Fetched while the query's pieces are, not after: what matching and
    // ranking read next (a failure shows where they are awaited).
    this.get('invalid.bin').catch(() => {});
    for (const t of new Set(trigrams(q))) this.holders(t).catch(() => {});
    await this.foldFor(asked);
    // The query and, for each synonym group (site.yaml) a word of which it
    // holds, the query with that word replaced by each other one.
    const variants = [q];
    for (const group of (await this.manifest()).synonyms || []) {
      const words = group.map(normalize);
      const hit = words.find((w) => normalize(q).includes(w));
      if (hit) for (const w of words) if (w !== hit) variants.push(normalize(q).replace(hit, w));
    }
    const [matches, invalidBits, within] = await Promise.all([
      Promise.all(variants.map(async (v) => ({ ...(await this.match(v)), v }))), this.get('invalid.bin'), Promise.all(fields.map(([mark, value]) => this.marked(mark, value))),
    ]);
    const { ids, scores, exact, partial, phrase, numbered, found } = merge(matches);
    // The variant a document was found by (its excerpt marks that).
    const by = (id) => (found.find((m) => binaryHas(m.ids, id)) || { v: q }).v;
    const all = await this.facets();
    const active = Object.entries(filters).filter(([f, v]) => v && all.includes(f));
    const columns = {};
    for (const f of counts ? all : active.map(([f]) => f)) columns[f] = await this.column(f);
    const wanted = {};
    for (const [f, v] of active) wanted[f] = await this.filterValue(f, v);
    const holds = (f, id, v) => columns[f][id] === v || (columns[f].more.get(id) || []).includes(v);
    const DAY = /^\d{4}-\d\d-\d\d$/;
    const [after, before] = DAY.test(from) || DAY.test(to) ? await this.dateSpan(DAY.test(from) && from, DAY.test(to) && to) : [0, Infinity];
    const passes = (id, skip) => id >= after && id <= before && active.every(([f]) => f === skip || holds(f, id, wanted[f]));
    // One number per hit, larger first: exact key, then a number holding
    // the query, then the query as written, then score (relevance
    // only, in 1/16 steps; 已废止 / 已失效 documents' scores weigh less,
    // a signal, not a rule), then the higher (newer) id.
    const keys = new Float64Array(ids.length);
    let total = 0;
    let written = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!passes(id)) continue;
      if (within.length && !within.every((set) => set.has(id))) continue;
      const held = !phrase || phrase.has(id);
      written += held;
      const group = exact.size && exact.has(id) ? 3 : numbered.has(id) ? 2 : held ? 1 : 0;
      const weight = ((invalidBits[id >> 3] >> (id & 7)) & 1) ? INVALID_WEIGHT : 1;
      const score = sort === 'date' ? 0 : Math.min(Math.round(scores[i] * weight * 16), 2 ** 24 - 1);
      keys[total++] = ((group * 2 ** 24 + score) * 2 ** 21) + id;
    }
    // A page shows at most pageSize results, whatever the page and count.
    const ranked = top(keys.subarray(0, total), page * pageSize);
    const shown = Array.from(ranked.subarray((page - 1) * pageSize, page * pageSize), (k) => k % 2 ** 21);
    const docs = await this.documents(shown);
    if (!partial && docs.some(({ text }, i) => {
      const norm = normalize(text);
      return !tokenize(by(shown[i])).every((t) => norm.includes(t));
    })) await this.folding();
    let results = docs.map(({ doc, text, excerptFrom, parts }, i) => {
      const id = shown[i];
      const v = by(id);
      const norm = normalize(text);
      const invalid = !!((invalidBits[id >> 3] >> (id & 7)) & 1);
      return { id, doc, exact: exact.has(id), numbered: numbered.has(id), phrase: phraseParts(v).every((p) => norm.includes(p)), excerpt: excerpt(excerptFrom, v), sections: sections(text, parts, v), invalid };
    });
    // True phrase matches first among the shown results (exact keys stay on top).
    if (sort !== 'date') results = results.map((r, i) => [r, i]).sort(([a, i], [b, j]) => (b.exact - a.exact) || (b.numbered - a.numbered) || (b.phrase - a.phrase) || i - j).map(([r]) => r);
    // pieces: the query's distinct tokens; written: how many results hold
    // every trigram of it (an upper bound of those holding it as written).
    const out = { total, pieces: new Set(tokenize(q)).size, written, results, partial, also: variants.slice(1) };
    if (partial || !ids.length) out.suggest = await this.suggest(q, docs.map((d) => d.text));
    if (counts) {
      out.counts = {};
      for (const f of all) {
        const c = new Map();
        const column = columns[f];
        for (const id of ids) {
          if (!passes(id, f)) continue;
          for (const v of [column[id], ...(column.more.get(id) || [])]) c.set(v, (c.get(v) || 0) + 1);
        }
        out.counts[f] = c;
      }
    }
    return out;
  }
}
