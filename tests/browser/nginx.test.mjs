// The site deployed by `gongkai deploy` into a folder and served by a real
// nginx with the configuration the README documents (docs/nginx.conf):
// `nginx -t` accepts it, the search works through it in chromium, the
// headers and types are right and the deploy's record is not served.
// Skipped where nginx is not installed (CI installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, repo, launch, watchedPage, nginx, brotliModule, startNginx } from './site.mjs';

let browser;
let server;
let origin;
before(async () => {
  if (!nginx) return;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill();
});

test('the deployed site served by nginx with the documented configuration', { skip: !nginx && 'nginx is not installed' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-nginx-'));
  // nginx's workers (nobody, when run as root) read the site: open the folders.
  chmodSync(dir, 0o755);
  const site = join(dir, 'site');
  const www = join(dir, 'www');
  for (const p of ['site.yaml', 'content']) cpSync(join(repo, p), join(site, p), { recursive: true });
  writeFileSync(join(site, 'site.yaml'), `${readFileSync(join(site, 'site.yaml'), 'utf8')}deploy:\n  targets:\n    - { name: web, precompress: true, folder: "${www}" }\n`);
  execFileSync(bin, ['build', '--root', site], { stdio: 'pipe' });
  execFileSync(bin, ['deploy', '--root', site], { stdio: 'pipe' });
  execFileSync('chmod', ['-R', 'a+rX', www]);

  ({ origin, server } = await startNginx(dir, www, { prefix: '/zwgk/', brotli: true }));

  const home = await fetch(`${origin}/zwgk/`);
  assert.equal(home.status, 200);
  assert.equal(home.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(home.headers.get('content-security-policy') || '', /default-src 'self'/);
  assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
  const types = {
    '/zwgk/search/manifest.json': /^application\/json; charset=utf-8$/,
    '/zwgk/search/t/0.bin': /^application\/octet-stream$/,
    '/zwgk/search/x/0.pack': /^application\/octet-stream$/,
    '/zwgk/catalogue.csv': /^text\/csv; charset=utf-8$/,
    '/zwgk/assets/search.js': /^application\/javascript; charset=utf-8$/,
  };
  for (const [path, type] of Object.entries(types)) {
    const r = await fetch(`${origin}${path}`);
    assert.equal(r.status, 200, path);
    assert.match(r.headers.get('content-type'), type, path);
  }
  // The packs are read by byte range, even from a browser accepting gzip:
  // the answer is the bytes asked for, not compressed.
  const whole = new Uint8Array(await (await fetch(`${origin}/zwgk/search/x/0.pack`)).arrayBuffer());
  const part = await fetch(`${origin}/zwgk/search/x/0.pack`, { headers: { range: 'bytes=4-11', 'accept-encoding': 'gzip, br' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-encoding'), null);
  assert.deepEqual(new Uint8Array(await part.arrayBuffer()), whole.subarray(4, 12));
  // Pages revalidate; assets named by their content are kept a year, and
  // carry the security headers too.
  assert.equal(home.headers.get('cache-control'), 'no-cache');
  const homeHtml = await (await fetch(`${origin}/zwgk/index.html`)).text();
  const style = homeHtml.match(/href="(assets\/style\.[0-9a-f]{8}\.css)"/)?.[1];
  assert.ok(style, 'the home page links the fingerprinted stylesheet');
  const css = await fetch(`${origin}/zwgk/${style}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(css.status, 200);
  assert.equal(css.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.equal(css.headers.get('content-encoding'), 'gzip', 'gzip_static in the nested location too');
  // gzip_static sends the deploy's precompressed copy (its length, not chunks).
  const gz = await fetch(`${origin}/zwgk/search/manifest.json`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  assert.equal(Number(gz.headers.get('content-length')), statSync(join(www, 'search/manifest.json.gz')).size);
  assert.deepEqual(await gz.json(), JSON.parse(readFileSync(join(www, 'search/manifest.json'), 'utf8')));
  if (brotliModule) {
    const br = await fetch(`${origin}/zwgk/index.html`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(Number(br.headers.get('content-length')), statSync(join(www, 'index.html.br')).size);
    assert.equal(await br.text(), readFileSync(join(www, 'index.html'), 'utf8'));
  }
  for (const hidden of ['/zwgk/.gongkai-deploy', '/zwgk/.gongkai-output']) {
    assert.equal((await fetch(`${origin}${hidden}`)).status, 404, hidden);
  }

  // The search, as a reader uses it, through nginx.
  const { page, problems, context } = await watchedPage(browser, origin);
  await page.goto(`${origin}/zwgk/search/index.html`);
  await page.fill('#search-q', '政务公开');
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(() => document.getElementById('search-status').dataset.ms);
  assert.match(await page.textContent('#search-status'), /^找到 5 件/);
  assert.equal(await page.$$eval('#search-results > li', (l) => l.length), 5);
  assert.deepEqual(problems, []);
  await context.close();
});
