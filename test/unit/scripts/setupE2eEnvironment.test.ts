// Proves .ci/setup-e2e.sh's nested installs do not see npm's npm_* variables when it runs under `npm run` (npm test,
// npm run demo): code-server's install script read Node 20 from npm_config_user_agent and refused to install.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const script = readFileSync(join(__dirname, '..', '..', '..', '..', '.ci', 'setup-e2e.sh'), 'utf8');

test("the setup script's opening lines leave no npm_* variable for what it runs", () => {
  // Everything before the first install step: the part that prepares the environment.
  const preamble = script.slice(0, script.indexOf('apt_packages='));
  const result = spawnSync('bash', ['-c', `${preamble.replace(/^cd .*$/m, '')}\nenv`], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64',
      npm_lifecycle_event: 'test',
      KEEP_ME: '1',
    },
  });
  assert.equal(result.status, 0, result.stderr);
  const names = result.stdout.split('\n').map((line) => line.split('=')[0]);
  assert.deepEqual(
    names.filter((name) => name?.startsWith('npm_')),
    [],
  );
  assert.ok(names.includes('KEEP_ME'), 'other variables stay');
});
