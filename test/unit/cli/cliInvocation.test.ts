// Proves the command `serve` suggests runs from the user's shell as printed: npx, a global install, or node and the script.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliInvocation, shellWord } from '../../../src/cli/cliInvocation';

test('under npx (npm exec) it is npx sentry-insight', () => {
  assert.equal(
    cliInvocation({ env: { npm_command: 'exec' }, script: '/repo/node_modules/.bin/sentry-insight', cwd: '/repo' }),
    'npx sentry-insight',
  );
});

test('a bin link in node_modules/.bin is npx sentry-insight; one on the PATH elsewhere is sentry-insight', () => {
  assert.equal(
    cliInvocation({ env: {}, script: join('/repo', 'node_modules', '.bin', 'sentry-insight'), cwd: '/elsewhere' }),
    'npx sentry-insight',
  );
  assert.equal(cliInvocation({ env: {}, script: '/usr/local/bin/sentry-insight', cwd: '/repo' }), 'sentry-insight');
});

test('a plain node run names the script from the current folder, or by its absolute path from outside', () => {
  assert.equal(cliInvocation({ env: {}, script: '/repo/dist/cli.js', cwd: '/repo' }), 'node dist/cli.js');
  assert.equal(
    cliInvocation({ env: {}, script: '/repo/dist/cli.js', cwd: '/repo/examples/shop' }),
    'node /repo/dist/cli.js',
  );
});

test('paths with spaces or quotes become one shell word', () => {
  assert.equal(shellWord('/home/me/my repo'), `'/home/me/my repo'`);
  assert.equal(shellWord(`it's`), `'it'\\''s'`);
  assert.equal(shellWord('/plain/path-1.2'), '/plain/path-1.2');
});
