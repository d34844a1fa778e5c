// The Nu HTML Checker (vnu-jar, Java) finds no error in any generated page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildExample, buildFixture, buildCorpus, buildReport, buildPortal, repo } from './site.mjs';

const require = createRequire(join(repo, 'tools/package.json'));
const vnu = require.resolve('vnu-jar/build/dist/vnu.jar');

function validate(dir) {
  const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--skip-non-html', dir], { encoding: 'utf8' });
  return { status: run.status, report: `${run.stdout}${run.stderr}`.trim() };
}

test('every page of the example, rules, annual-report, generated and portal sites is valid HTML', () => {
  const sites = [buildExample(), buildFixture('rules'), buildFixture('model'), buildReport().site, buildCorpus(150), buildPortal().site];
  for (const site of sites) {
    const { status, report } = validate(site);
    assert.equal(report, '', `${site}:\n${report}`);
    assert.equal(status, 0);
  }
});

test('the checker itself reports an invalid page', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-vnu-'));
  writeFileSync(join(dir, 'bad.html'), '<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><p><div>x</p></body></html>');
  const { status, report } = validate(dir);
  assert.notEqual(status, 0);
  assert.match(report, /error/i);
});
