// A temporary workspace folder holding the given files (the fake Sentry's scenario sources by default), for tests
// that load issues onto real files. Its real path, so that paths compare equal to the resolver's.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scenarioSources } from './fakeSentry';

export function writeWorkspace(
  files: Readonly<Record<string, string>> = scenarioSources,
  prefix = 'sentry-insight-ws-',
): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The scenario's sources and `src/bulk.ts`, the file whose lines 10 to 59 the frames of `addManyIssues` point into. */
export const bulkSources: Readonly<Record<string, string>> = {
  ...scenarioSources,
  'src/bulk.ts': Array.from({ length: 70 }, (_, line) => `export const bulk${line} = ${line};`).join('\n'),
};
