// The entries of a built index's packs of texts (search/x/<n>.pack: a header
// of offsets, then per document a JSON line of metadata and its indexed
// text), for tests and benchmarks that scan every text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// [id, entry] for every document, in id order.
export function entries(searchDir, packs = readdirSync(join(searchDir, 'x'))) {
  const { texts_per_pack: n } = JSON.parse(readFileSync(join(searchDir, 'manifest.json'), 'utf8'));
  const out = [];
  for (const f of packs) {
    const pack = readFileSync(join(searchDir, 'x', f));
    const first = Number(f.split('.')[0]) * n;
    for (let j = 0; j < n; j++) {
      const [a, b] = [pack.readUInt32LE(4 * j), pack.readUInt32LE(4 * j + 4)];
      if (a < b) out.push([first + j, pack.subarray(a, b).toString('utf8')]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}

// An entry's metadata line, parsed, and its text.
export const meta = (entry) => JSON.parse(entry.slice(0, entry.indexOf('\n')));
export const text = (entry) => entry.slice(entry.indexOf('\n') + 1);

// A loader for SearchIndex reading the files of searchDir.
export const loader = (searchDir) => async (p, range) => {
  const b = new Uint8Array(readFileSync(join(searchDir, p)));
  return range ? b.subarray(...range) : b;
};
