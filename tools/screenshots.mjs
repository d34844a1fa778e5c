// Screenshots of every page type at 375 and 1280 px, normal and 长者模式,
// for looking at the theme as a reader would.
// Usage: node tools/screenshots.mjs OUT_DIR   (builds the example site)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildExample, serve, launch } from '../tests/browser/site.mjs';

const out = process.argv[2] || 'screenshots';
mkdirSync(out, { recursive: true });
const pages = {
  home: 'index.html',
  document: 'docs/3504-15-2018-000001.html',
  expired: 'docs/0101-03-2017-000525.html',
  category: 'category/03/index.html',
  overview: 'issuer/index.html',
  mandatory: 'column/mandatory.html',
  guide: 'column/guide.html',
  abolished: 'abolished/index.html',
  search: `search/index.html?q=${encodeURIComponent('政务公开')}`,
};
const server = await serve(buildExample());
const browser = await launch();
for (const width of [375, 1280]) {
  for (const mode of ['normal', 'elder']) {
    const context = await browser.newContext({ viewport: { width, height: width === 375 ? 800 : 900 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    await page.evaluate((m) => localStorage.setItem('gongkai-elder', m === 'elder' ? '1' : '0'), mode);
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${server.origin}/${path}`);
      if (path.includes('?q=')) await page.waitForSelector('#search-results li');
      await page.screenshot({ path: join(out, `${name}-${width}-${mode}.png`), fullPage: false });
    }
    await context.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
