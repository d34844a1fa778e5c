// A generated corpus site (the gongkai-corpus crate in corpus/), shared by the
// Node and browser tests. cargo builds the generator the first time.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;

// Writes n documents generated with `seed` into the new folder `out`.
export function gencorpus(n, seed, out) {
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'gongkai-corpus', '--', '--docs', String(n), '--seed', String(seed), '--out', out], { cwd: repo, stdio: 'pipe' });
}
