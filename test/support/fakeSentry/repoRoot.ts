// Finds the repository root (the folder holding package.json) from wherever the compiled test runs.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Compiled tests run from `<outdir>/test/...` and the output folder has no package.json, so walking up finds the checkout.
export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fake Sentry: no package.json above ${start}`);
    dir = parent;
  }
}

export function sentryApiFixturesDir(): string {
  return join(findRepoRoot(), 'test', 'fixtures', 'sentry-api');
}
