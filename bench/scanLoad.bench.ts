// Benchmark: a full `scan` of 400 issues against a fake Sentry (in its own process) that takes 15 ms per answer, loaded
// with the default bounded concurrency, against a baseline in the same run that loads one request at a time.
// Prints the speed-up ratio.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { silentLogger } from '../src/core/log';
import { scan } from '../src/core/scan/scan';
import { DEFAULT_TOKEN, scenario, scenarioSources } from '../test/support/fakeSentry';

async function timedScan(url: string, workspaceDir: string, maxConcurrency: number): Promise<{ ms: number; marks: number }> {
  const started = performance.now();
  const result = await scan({
    url,
    org: scenario.org,
    project: scenario.projects.web.slug,
    release: scenario.releases.v120,
    workspaceDir,
    env: { SENTRY_AUTH_TOKEN: DEFAULT_TOKEN },
    log: silentLogger,
    http: { maxConcurrency },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { ms: performance.now() - started, marks: result.value.index.hitCount };
}

async function main(): Promise<void> {
  const server = fork(join(__dirname, 'fakeSentryProcess.js'), { stdio: 'inherit' });
  const fake = await new Promise<{ url: string; issues: number }>((resolve) => server.once('message', (message) => resolve(message as { url: string; issues: number })));
  const workspace = mkdtempSync(join(tmpdir(), 'sentry-insight-bench-'));
  for (const [path, text] of Object.entries({ ...scenarioSources, 'src/bulk.ts': Array.from({ length: 80 }, (_, n) => `export const step${n} = ${n};`).join('\n') })) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  try {
    await timedScan(fake.url, workspace, 4); // warm-up: JIT, connection pools, file cache
    const baseline = await timedScan(fake.url, workspace, 1);
    const bounded = await timedScan(fake.url, workspace, 4);
    console.log(`scan of ${fake.issues} issues (${bounded.marks} marks), 15 ms per answer`);
    console.log(`  one request at a time (baseline): ${baseline.ms.toFixed(0)} ms`);
    console.log(`  default concurrency (4):          ${bounded.ms.toFixed(0)} ms`);
    console.log(`  speed-up ratio: ${(baseline.ms / bounded.ms).toFixed(2)}x (ideal 4x)`);
  } finally {
    server.disconnect();
    rmSync(workspace, { recursive: true, force: true });
  }
}

void main();
