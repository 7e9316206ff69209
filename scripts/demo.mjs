// The README's main job, for now: builds the CLI, starts a Sentry-compatible server on 127.0.0.1 holding a small shop's
// issues, writes that shop's source files into a temp workspace, and runs `sentry-insight scan` on it, as a user would.
// (The embedded local server and the editor demo replace the test server here when they land.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['scripts/build.mjs']);
run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--outDir', 'out-demo']);
const require = createRequire(import.meta.url);
const { startFakeSentry, defaultScenario, scenario, scenarioSources, DEFAULT_TOKEN } = require('../out-demo/test/support/fakeSentry');

const fake = await startFakeSentry({ data: defaultScenario() });
const workspace = mkdtempSync(join(tmpdir(), 'sentry-insight-demo-'));
for (const [path, text] of Object.entries(scenarioSources)) {
  mkdirSync(dirname(join(workspace, path)), { recursive: true });
  writeFileSync(join(workspace, path), text);
}
writeFileSync(join(workspace, '.sentryclirc'), `[defaults]\nurl=${fake.url}\norg=${scenario.org}\n`);

function scan(project) {
  const args = ['dist/cli.js', 'scan', '--project', project, '--workspace', workspace];
  console.log(`\n$ SENTRY_AUTH_TOKEN=… SENTRY_RELEASE=${scenario.releases.v120} sentry-insight scan --project ${project} --workspace ${workspace}\n`);
  // Asynchronous, so that the server in this process keeps answering while the CLI runs.
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, SENTRY_AUTH_TOKEN: DEFAULT_TOKEN, SENTRY_RELEASE: scenario.releases.v120 } });
    child.on('close', resolve);
  });
}

try {
  for (const project of Object.values(scenario.projects)) await scan(project.slug);
} finally {
  await fake.close();
  rmSync(workspace, { recursive: true, force: true });
}
