// 长者模式: switched by keyboard, larger text, remembered across pages,
// still free of axe violations; without JavaScript the switch is hidden.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildExample, serve, launch, watchedPage, axeViolations } from './site.mjs';

let server;
let browser;
before(async () => { server = await serve(buildExample()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const fontSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

test('the switch works by keyboard, enlarges the text and is remembered', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.origin}/index.html`);
  const normal = await fontSize(page);
  assert.equal(await page.getAttribute('#elder-toggle', 'aria-pressed'), 'false');
  // Reach the switch with the keyboard: Tab from the top of the page.
  let focused = '';
  for (let i = 0; i < 6 && focused !== 'elder-toggle'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(focused, 'elder-toggle', 'the switch is reachable by Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#elder-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('html', 'data-mode'), 'elder');
  const elder = await fontSize(page);
  assert.ok(elder >= normal * 1.2, `text grows: ${normal} → ${elder}`);
  const lineHeight = await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(lineHeight >= 1.5, `line spacing ${lineHeight}`);

  // Remembered on the next page, before anything is clicked.
  await page.goto(`${server.origin}/docs/0101-03-2017-000525.html`);
  assert.equal(await page.getAttribute('html', 'data-mode'), 'elder');
  assert.equal(await page.getAttribute('#elder-toggle', 'aria-pressed'), 'true');
  for (const path of ['index.html', 'docs/0101-03-2017-000525.html', 'column/mandatory.html', `search/index.html?q=${encodeURIComponent('政务公开')}`]) {
    await page.goto(`${server.origin}/${path}`);
    if (path.includes('?q=')) await page.waitForSelector('#search-results > li');
    assert.deepEqual(await axeViolations(page), [], `${path} in 长者模式`);
  }
  // And off again with Space.
  await page.focus('#elder-toggle');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('html', 'data-mode'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the switch is hidden and the page reads normally', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin, { javaScriptEnabled: false });
  await page.goto(`${server.origin}/index.html`);
  assert.equal(await page.isVisible('#elder-toggle'), false);
  assert.ok(await page.isVisible('main h1'));
  assert.deepEqual(problems, []);
  await context.close();
});
