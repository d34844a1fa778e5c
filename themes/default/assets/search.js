// The search page: reads the query from the URL, runs it on the static index
// and shows the results. Every text is set with textContent (never as HTML).
import { SearchIndex, withoutFields } from './gongkai-search.js';

const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const pager = document.getElementById('search-pager');
const filters = document.getElementById('search-filters');
// The filters are the form's selects that name a facet (data-facet).
const FACETS = [...form.querySelectorAll('select[data-facet]')].map((s) => s.name);
// 发布日期 from–to, as YYYY-MM-DD.
const DATES = ['from', 'to'];
const FIELDS = ['q', ...FACETS, ...DATES, 'sort'];
const PAGE = 10;
// Interface strings from the page (Chinese or English, as the site is).
const msg = JSON.parse(form.dataset.messages || '{}');
document.documentElement.classList.add('js');

const base = new URL(form.dataset.index, location.href);
const root = new URL(form.dataset.root, location.href);
const index = new SearchIndex(async (path, range) => {
  const r = await fetch(new URL(path, base), range ? { headers: { Range: `bytes=${range[0]}-${range[1] - 1}` } } : {});
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  const b = new Uint8Array(await r.arrayBuffer());
  // A server that ignores the range sends the whole file.
  return range && r.status !== 206 ? b.subarray(range[0], range[1]) : b;
});

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

function readUrl() {
  const p = new URLSearchParams(location.search);
  for (const f of FIELDS) form.elements[f].value = p.get(f) || '';
  if ([...FACETS, ...DATES, 'sort'].some((f) => p.get(f))) filters.open = true;
  return Math.max(1, parseInt(p.get('page'), 10) || 1);
}

function urlFor(page) {
  const p = new URLSearchParams();
  for (const f of FIELDS) if (form.elements[f].value) p.set(f, form.elements[f].value);
  if (page > 1) p.set('page', page);
  return `?${p}`;
}

function showCounts(counts, m) {
  const names = { category: m.categories, issuer: m.issuers, status: m.statuses };
  for (const f of m.facets || []) names[f.name] = [['', ''], ...f.values];
  for (const facet of FACETS) {
    for (const option of form.elements[facet].options) {
      if (!option.value) continue;
      option.dataset.name ??= option.textContent;
      const v = facet === 'year' ? Number(option.value) - m.first_year : names[facet].findIndex(([c]) => c === option.value);
      option.textContent = `${option.dataset.name}（${counts[facet].get(v) || 0}）`;
    }
  }
}

let run = 0;
async function search(page) {
  const mine = ++run;
  const started = performance.now();
  // data-ms marks a finished search (tests and benchmarks wait for it):
  // a search begun is not finished.
  delete status.dataset.ms;
  const q = form.elements.q.value.trim();
  list.replaceChildren();
  pager.replaceChildren();
  if (!q) { status.textContent = msg.prompt; return; }
  status.textContent = msg.searching;
  const filterValues = Object.fromEntries(FACETS.map((f) => [f, form.elements[f].value]));
  let res;
  try {
    res = await index.search({ q, filters: filterValues, from: form.elements.from.value, to: form.elements.to.value, sort: form.elements.sort.value, page, pageSize: PAGE, counts: filters.open });
  } catch (e) {
    status.textContent = msg.error;
    throw e;
  }
  if (mine !== run) return;
  document.title = `${q} - ${document.title.split(' - ').slice(-2).join(' - ')}`;
  const pages = Math.ceil(res.total / PAGE);
  const paging = pages > 1 ? msg.page.replace('{p}', page).replace('{t}', pages) : '';
  if (res.partial && res.total) {
    status.textContent = msg.partial.replace('{q}', q).replace('{n}', res.total).replace('{k}', res.partial.held).replace('{m}', res.partial.of) + paging;
  } else {
    // A query of several pieces counts the documents holding them all, and
    // says so; those holding it as written come first.
    const found = res.pieces > 1 ? msg.found_pieces.replace('{q}', q) + (res.written < res.total ? msg.written_first : '') : msg.found;
    // Synonyms searched too (site.yaml search.synonyms) are named.
    const also = res.also.length ? msg.also.replace('{s}', res.also.join('、')) : '';
    status.textContent = res.total ? `${found.replace('{n}', res.total)}${also}${paging}${msg.end}` : msg.none.replace('{q}', q) + also;
  }
  // Did you mean: the closest words of the index, each searched on a click.
  if (res.suggest?.length) {
    const links = res.suggest.flatMap((w, i) => [...(i ? ['、'] : []), el('a', { href: `?${new URLSearchParams({ q: w })}`, textContent: w, className: 'suggest' })]);
    status.append(' ', el('span', { id: 'search-suggest' }, msg.did_you_mean, ...links));
  }
  // Nothing (or only partial matches) under the filters: offer the same
  // query without them.
  if ((!res.total || res.partial) && [...FACETS, ...DATES].some((f) => form.elements[f].value)) {
    const p = new URLSearchParams({ q });
    if (form.elements.sort.value) p.set('sort', form.elements.sort.value);
    status.append(' ', el('a', { href: `?${p}`, textContent: msg.unfilter, id: 'search-unfilter' }));
  }
  if (res.counts) showCounts(res.counts, await index.manifest());
  list.start = (page - 1) * PAGE + 1;
  for (const r of res.results) {
    // The document opens with the query marked (?hl=, see site.js).
    const href = new URL(r.doc.url, root);
    href.searchParams.set('hl', withoutFields(q));
    const title = el('a', { href: href.href, textContent: r.doc.title });
    const badges = [];
    if (r.exact) badges.push(el('span', { className: 'badge badge-exact', textContent: msg.exact }));
    else if (res.partial) badges.push(el('span', { className: 'badge badge-partial', textContent: msg.partial_badge }));
    if (r.doc.statusCode !== 'valid') badges.push(el('span', { className: `badge badge-${r.doc.statusCode}`, textContent: r.doc.status }));
    const meta = el('span', { className: 'meta', textContent: [r.doc.date, r.doc.docNumber, r.doc.issuer, r.doc.category].filter(Boolean).join(' · ') });
    const excerpt = el('p', { className: 'excerpt' }, ...r.excerpt.map(([t, hit]) => (hit ? el('mark', { textContent: t }) : t)));
    // A long document's sections holding the query, each opened at its heading.
    const parts = r.sections.map(([heading, anchor]) => {
      const at = new URL(href);
      at.hash = anchor;
      return el('li', {}, el('a', { href: at.href, textContent: heading }));
    });
    const sections = parts.length ? [el('ul', { className: 'sections', ariaLabel: msg.sections }, ...parts)] : [];
    list.append(el('li', {}, title, ...badges, meta, excerpt, ...sections));
  }
  if (pages > 1) {
    const items = [];
    const link = (n, label, rel) => el('li', {}, el('a', { href: urlFor(n), textContent: label, ...(rel ? { rel } : {}), ...(n === page ? { ariaCurrent: 'page' } : {}) }));
    if (page > 1) items.push(link(page - 1, msg.prev, 'prev'));
    for (let n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) items.push(link(n, String(n)));
    if (page < pages) items.push(link(page + 1, msg.next, 'next'));
    pager.append(el('ul', {}, ...items));
  }
  // When the results were shown, from the page's navigation (for benchmarks).
  status.dataset.at = performance.now().toFixed(1);
  status.dataset.ms = (performance.now() - started).toFixed(1);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  history.pushState(null, '', urlFor(1));
  search(1);
});
form.addEventListener('change', (e) => {
  if (!e.target.matches('select, [type=date]') || !form.elements.q.value.trim()) return;
  history.pushState(null, '', urlFor(1));
  search(1);
});
filters.addEventListener('toggle', () => { if (filters.open && form.elements.q.value.trim()) search(readUrl()); });
// Links that stay on this page (pager, "without the filters", did you
// mean) search anew.
for (const [box, selector] of [[status, '#search-unfilter, .suggest'], [pager, 'a']]) {
  box.addEventListener('click', (e) => {
    const a = e.target.closest(selector);
    if (!a) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    search(readUrl());
    status.focus();
  });
}
window.addEventListener('popstate', () => search(readUrl()));
search(readUrl());
