// gongkai serve in chromium: an open page reloads itself after a change is
// rebuilt; a broken change shows its errors over the last good page, and
// fixing it reloads the page again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, launch, watchedPage } from './site.mjs';

// The test reads the English line `serving http://…`.
process.env.GONGKAI_LANG = 'en';

let server;
let browser;
let site;
let origin;

before(async () => {
  site = join(mkdtempSync(join(tmpdir(), 'gongkai-serve-')), 'site');
  execFileSync(bin, ['new', site], { stdio: 'pipe' });
  server = spawn(bin, ['serve', '--port', '0', '--root', site], { stdio: ['ignore', 'pipe', 'ignore'] });
  origin = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    server.on('exit', () => reject(new Error(`serve exited: ${seen}`)));
  });
  browser = await launch();
});
after(async () => { await browser?.close(); server?.kill(); });

const edit = (file, from, to) => {
  const path = join(site, 'content', file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
};

test('the page reloads after a rebuild and shows a failed build over the last good page', async () => {
  const { page, problems } = await watchedPage(browser, origin);
  const file = '0001-01-2026-000001.md';
  // Edit only once the page follows the builds (the poll is race-free from
  // then on: it compares build numbers).
  const listening = () => page.waitForSelector('html[data-gongkai-build]', { state: 'attached' });
  await page.goto(`${origin}/docs/0001-01-2026-000001.html`);
  await listening();

  edit(file, '## 主要职责', '## 主要职责和内设机构');
  await page.waitForFunction(() => document.querySelector('main h2')?.textContent.includes('主要职责和内设机构'), null, { timeout: 20000 });

  await listening();
  edit(file, 'date: 2026-01-05', 'date: 2026-13-05');
  const overlay = page.locator('#gongkai-errors[role=alert]');
  await overlay.waitFor({ timeout: 20000 });
  const text = await overlay.textContent();
  assert.match(text, /^gongkai: the last change did not build; this is the last good site\./);
  assert.match(text, /content\/0001-01-2026-000001\.md:6: date:/);
  assert.match(text, /\^{10}/, 'the caret under the bad date');
  assert.ok(await page.locator('main h2', { hasText: '主要职责和内设机构' }).count(), 'the last good page is still there under the overlay');

  edit(file, 'date: 2026-13-05', 'date: 2026-01-06');
  await page.waitForFunction(() => !document.getElementById('gongkai-errors') && document.body.textContent.includes('2026-01-06'), null, { timeout: 20000 });
  assert.deepEqual(problems, []);
});
