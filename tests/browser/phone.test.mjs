// On a phone (375 × 812): a document's title and its first metadata rows are
// on the first screen, also in 长者模式; the navigation shows that it
// scrolls; 长者模式 enlarges the chart's labels, and table headers keep
// their words whole. Screenshots go to $SCREENSHOTS when it is set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildExample, serve, launch, watchedPage, axeViolations } from './site.mjs';

let server;
let browser;
before(async () => { server = await serve(buildExample()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 };
const DOC = 'docs/0101-03-2017-000525.html';

async function phonePage(elder) {
  const watched = await watchedPage(browser, server.origin, PHONE);
  if (elder) await watched.context.addInitScript(() => window.localStorage.setItem('gongkai-elder', '1'));
  return watched;
}

async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: join(process.env.SCREENSHOTS, `${name}.png`) });
}

for (const elder of [false, true]) {
  const mode = elder ? '长者模式' : 'normal';
  test(`phone, ${mode}: the title and the first metadata rows are on the first screen`, async () => {
    const { page, problems, context } = await phonePage(elder);
    await page.goto(`${server.origin}/${DOC}`);
    assert.equal(await page.getAttribute('html', 'data-mode'), elder ? 'elder' : null);
    await page.evaluate(() => document.fonts.ready);
    const at = await page.evaluate(() => ({
      title: document.querySelector('h1').getBoundingClientRect().bottom,
      rows: [...document.querySelectorAll('.doc-meta tr')].slice(0, 2).map((tr) => tr.getBoundingClientRect().bottom),
      height: window.innerHeight,
    }));
    assert.ok(at.title <= at.height, `title ends at ${at.title} px`);
    for (const row of at.rows) assert.ok(row <= at.height, `a first metadata row ends at ${row} px`);
    assert.deepEqual(await axeViolations(page), [], `${DOC}, ${mode}`);
    await shot(page, `document-375-${elder ? 'elder' : 'normal'}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('phone, 长者模式: the navigation row scrolls and shows it', async () => {
  const { page, context } = await phonePage(true);
  await page.goto(`${server.origin}/index.html`);
  const nav = await page.evaluate(() => {
    const n = document.querySelector('.nav');
    const style = getComputedStyle(n);
    return { scrolls: n.scrollWidth > n.clientWidth, overflow: style.overflowX, background: style.backgroundImage, attachment: style.backgroundAttachment };
  });
  assert.ok(nav.scrolls, 'more entries than fit');
  assert.equal(nav.overflow, 'auto');
  // The edge glows stay with the box (scroll), the covers move with the entries (local).
  assert.match(nav.background, /radial-gradient/);
  assert.match(nav.attachment, /local.*scroll/);
  // Every entry is reachable: the last one scrolls into view and can be clicked.
  const last = page.locator('.nav li:last-child a');
  await last.scrollIntoViewIfNeeded();
  assert.ok(await last.isVisible());
  await context.close();
});

test('phone, 长者模式: chart labels grow and table headers keep their words', async () => {
  const label = async (elder) => {
    const { page, context } = await phonePage(elder);
    await page.goto(`${server.origin}/statistics/index.html`);
    await page.evaluate(() => document.fonts.ready);
    const sizes = await page.evaluate(() => ({
      label: [...document.querySelectorAll('.chart text')].map((t) => t.getBoundingClientRect().height),
      headers: [...document.querySelectorAll('table th')].map((th) => {
        const style = getComputedStyle(th);
        const lines = th.getBoundingClientRect().height / parseFloat(style.lineHeight);
        return { text: th.textContent, lines, chars: th.textContent.trim().length };
      }),
    }));
    if (elder) await shot(page, 'statistics-375-elder');
    await context.close();
    return sizes;
  };
  const normal = await label(false);
  const elder = await label(true);
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  assert.ok(median(elder.label) >= median(normal.label) * 1.3, `labels ${median(normal.label)} → ${median(elder.label)}`);
  for (const h of elder.headers) {
    // One character per line would take as many lines as characters.
    assert.ok(h.chars < 3 || h.lines < 2.5, `header ${h.text} takes ${h.lines.toFixed(1)} lines`);
  }
});
