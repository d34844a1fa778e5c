// Shared by the browser tests: build a site, serve it on 127.0.0.1 with a
// record of every request (or with nginx and docs/nginx.conf), launch
// Debian's chromium through playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gencorpus } from '../js/corpus.mjs';

export const repo = new URL('../../', import.meta.url).pathname;
const require = createRequire(join(repo, 'tools/package.json'));
const { chromium } = require('playwright-core');

export const bin = process.env.GONGKAI_BIN || ['target/debug/gongkai', 'target/release/gongkai'].map((p) => join(repo, p)).find(existsSync);

// Copies the example site out of the repository and builds it; returns public/.
export function buildExample() {
  return buildCopy(repo, ['site.yaml', 'content', 'themes']);
}

// Copies a test fixture site (tests/fixtures/<name>) and builds it; returns public/.
export function buildFixture(name) {
  return buildCopy(join(repo, 'tests/fixtures', name), ['site.yaml', 'content']);
}

// A generated corpus site of n documents (tests/js/corpus.mjs); returns public/.
export function buildCorpus(n) {
  const site = join(mkdtempSync(join(tmpdir(), 'gongkai-corpus-')), 'site');
  gencorpus(n, 5, site);
  execFileSync(bin, ['build', '--root', site], { stdio: 'pipe' });
  return join(site, 'public');
}

// The annual-report fixture with its 2025 report drafted by `gongkai report`
// and published (prose written, draft removed); returns { site: public/, page }.
export function buildReport() {
  if (!bin) throw new Error('build gongkai first (cargo build), or set GONGKAI_BIN');
  const site = mkdtempSync(join(tmpdir(), 'gongkai-report-'));
  cpSync(join(repo, 'tests/fixtures/report'), site, { recursive: true });
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1769904000', GONGKAI_LANG: 'en' };
  execFileSync(bin, ['report', '--root', site, '--year', '2025'], { stdio: 'pipe', env });
  const name = readdirSync(join(site, 'content')).find((f) => readFileSync(join(site, 'content', f), 'utf8').includes('```年报 2025'));
  const file = join(site, 'content', name);
  const text = readFileSync(file, 'utf8').split('\n').filter((l) => l !== 'draft: true').map((l) => (l.startsWith('【待填写') ? '本机关依法做好政府信息公开工作。' : l));
  writeFileSync(file, text.join('\n'));
  execFileSync(bin, ['build', '--root', site], { stdio: 'pipe', env });
  return { site: join(site, 'public'), page: `docs/${name.replace(/\.md$/, '.html')}` };
}

// A portal of two members made from the example site's build: one shown
// as links to the member's pages, one copied (pages: copy); returns
// { site: public/, link, copy } with a document page of each.
export function buildPortal() {
  const member = buildExample();
  const root = mkdtempSync(join(tmpdir(), 'gongkai-portal-'));
  const yaml = readFileSync(join(repo, 'site.yaml'), 'utf8')
    .replace(/^title: .*$/m, 'title: 某省政务公开门户')
    .replace(/^base_url: .*$/m, 'base_url: https://www.example.gov.cn/');
  writeFileSync(
    join(root, 'site.yaml'),
    `${yaml}\nsources:\n  - { name: 甲市人民政府, level: 市, code: jia, folder: ${JSON.stringify(member)} }\n  - { name: 乙县人民政府, level: 县, code: yi, folder: ${JSON.stringify(member)}, pages: copy }\n`,
  );
  for (const p of ['content', 'themes']) cpSync(join(repo, p), join(root, p), { recursive: true });
  execFileSync(bin, ['build', '--root', root], { stdio: 'pipe', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  const site = join(root, 'public');
  const docs = readdirSync(join(site, 'docs')).filter((f) => f.endsWith('.html'));
  return { site, link: `docs/${docs.find((f) => f.startsWith('jia-'))}`, copy: `docs/${docs.find((f) => f.startsWith('yi-'))}` };
}

function buildCopy(from, parts) {
  if (!bin) throw new Error('build gongkai first (cargo build), or set GONGKAI_BIN');
  const site = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
  for (const p of parts) cpSync(join(from, p), join(site, p), { recursive: true });
  execFileSync(bin, ['build', '--root', site], { stdio: 'pipe', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  return join(site, 'public');
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's violations on the open page (injected with evaluate, so the
// page's Content-Security-Policy does not block it).
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };

// Serves dir (under `prefix`, e.g. '/zwgk', to host it in a sub-path;
// with `ranges: false`, every request gets the whole file, as from a
// server that ignores ranges); `requests` records [path, status, bytes]
// of each request.
export async function serve(dir, prefix = '', { ranges = true } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (prefix) {
      if (!path.startsWith(`${prefix}/`)) {
        requests.push([path, 404, 0]);
        res.writeHead(404).end('outside the sub-path');
        return;
      }
      path = path.slice(prefix.length);
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      requests.push([path, 404, 0]);
      res.writeHead(404).end('not found');
      return;
    }
    let body = readFileSync(file);
    const type = TYPES[extname(file)] || 'application/octet-stream';
    // A single byte range, as static servers answer it (the search reads
    // its packs so), unless this server is to ignore ranges.
    const range = ranges && /^bytes=(\d+)-(\d*)$/.exec(req.headers.range || '');
    if (range && Number(range[1]) < body.length) {
      const [start, end] = [Number(range[1]), Math.min(body.length, range[2] ? Number(range[2]) + 1 : body.length)];
      const total = body.length;
      body = body.subarray(start, end);
      requests.push([path, 206, body.length]);
      res.writeHead(206, { 'content-type': type, 'content-length': body.length, 'content-range': `bytes ${start}-${end - 1}/${total}` });
      res.end(body);
      return;
    }
    requests.push([path, 200, body.length]);
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => { server.close(); server.closeAllConnections(); } };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// A page that fails the test on console errors, failed or external requests.
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  // A request cut short by navigating away is not a fault of the site (a 404
  // still shows as a console error).
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`external: ${r.url()}`); });
  return { page, problems, context };
}

export const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
const mimeTypes = ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types'].find(existsSync);
// Debian's libnginx-mod-http-brotli-static (CI installs it): serves the .br copies.
export const brotliModule = ['/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'].find(existsSync);

async function freePort() {
  const s = createNetServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}

// nginx serving the folder `www` under `prefix` ('/zwgk/' as in the
// documented configuration, or '/') with docs/nginx.conf, its files and
// logs in `dir`; resolves once it answers. `server.kill()` stops it.
export async function startNginx(dir, www, { prefix = '/zwgk/', brotli = false } = {}) {
  const port = await freePort();
  const useBrotli = brotli && brotliModule;
  const block = readFileSync(join(repo, 'docs/nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
    .replace('location /zwgk/ {', `location ${prefix} {`)
    .replace('alias /var/www/zwgk/;', `alias ${www}/;`)
    .replace('# brotli_static on;', useBrotli ? 'brotli_static on;' : '# brotli_static on;');
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, [
    useBrotli ? `load_module ${brotliModule};` : '',
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log;`,
    'events { worker_connections 64; }',
    'http {',
    `  include ${mimeTypes};`,
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    block,
    '}',
  ].join('\n'));
  execFileSync(nginx, ['-t', '-q', '-p', dir, '-c', conf], { stdio: 'pipe' });
  const server = spawn(nginx, ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try { await fetch(`${origin}${prefix}`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return { origin, server };
}
