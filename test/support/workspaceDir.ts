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
