// The JS tokenizer twin against the vectors the Rust tokenizer is tested with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tokenize, trigrams, normalizeKey, fnv1a, decodePostings, idf, setFold } from '../../themes/default/assets/gongkai-search.js';

const vectors = JSON.parse(readFileSync(new URL('../search-vectors.json', import.meta.url), 'utf8'));
// The folding table the Rust tokenizer compiles in (a built site serves it as search/fold.txt).
setFold(readFileSync(new URL('../../src/search/fold.txt', import.meta.url), 'utf8'));

test('tokens match the shared vectors', () => {
  for (const c of vectors.tokens) {
    assert.deepEqual(tokenize(c.text, 'index'), c.index, `index tokens of ${c.text}`);
    assert.deepEqual(tokenize(c.text, 'query'), c.query, `query tokens of ${c.text}`);
    assert.deepEqual(trigrams(c.text), c.trigrams, `trigrams of ${c.text}`);
  }
});

test('keys and hashes match the shared vectors', () => {
  for (const [raw, key] of vectors.keys) assert.equal(normalizeKey(raw), key, raw);
  for (const [text, hash] of vectors.hashes) assert.equal(fnv1a(text), hash, text);
});

test('postings decode both encodings', () => {
  // ids 3, 200 as varint deltas (3, 197 in two bytes), impacts 1 and 15.
  const sparse = decodePostings(Uint8Array.from([0, 3, 197, 1, 0xf1]), 2);
  assert.deepEqual([...sparse.ids], [3, 200]);
  assert.deepEqual([...sparse.impacts], [1, 15]);
  // A bitmap of 2 bytes with ids 0, 9, 15; impacts 2, 3, 4.
  const dense = decodePostings(Uint8Array.from([1, 2, 0b1, 0b10000010, 0x32, 0x04]), 3);
  assert.deepEqual([...dense.ids], [0, 9, 15]);
  assert.deepEqual([...dense.impacts], [2, 3, 4]);
  // Coarse: the same ids; impact sums 9 in the title (doc 9) and 4 for the
  // two others, so their mean 2.
  const coarse = decodePostings(Uint8Array.from([3, 2, 0b1, 0b10000010, 9, 4, 1, 9]), 3);
  assert.deepEqual([...coarse.ids], [0, 9, 15]);
  assert.deepEqual([...coarse.impacts], [2, 9, 2]);
});

test('rarer terms weigh more', () => {
  assert.ok(idf(1, 1000) > idf(10, 1000));
  assert.ok(idf(999, 1000) > 0, 'a term in almost every document still counts a little');
});
