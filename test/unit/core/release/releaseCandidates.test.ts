// Proves the candidate list keeps the order option, SENTRY_RELEASE, git HEAD, package.json, without invalid or repeated versions.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Logger } from '../../../../src/core/log';
import { releaseCandidates, type ReleaseCandidate } from '../../../../src/core/release';

const root = mkdtempSync(join(tmpdir(), 'sentry-insight-candidates-'));
after(() => rmSync(root, { recursive: true, force: true }));

const sha = '9fceb02d0ae598e95dc970b74767f19372d61af8';

let count = 0;
function workspace(files: Record<string, string> = {}): string {
  count += 1;
  const dir = join(root, `ws${count}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const gitFiles = { '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${sha}\n` };

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = (): void => undefined;
  return {
    warnings,
    trace: ignore,
    debug: ignore,
    info: ignore,
    error: ignore,
    warn: (message) => warnings.push(message),
  };
}

describe('releaseCandidates', () => {
  test('lists option, SENTRY_RELEASE, git HEAD and package.json in that order', async () => {
    const dir = workspace({ ...gitFiles, 'package.json': JSON.stringify({ name: 'web', version: '1.4.0' }) });
    const candidates = await releaseCandidates({
      explicit: 'chosen',
      env: { SENTRY_RELEASE: 'from-env' },
      workspaceDir: dir,
    });
    assert.deepEqual(candidates, [
      { version: 'chosen', source: 'option' },
      { version: 'from-env', source: 'env' },
      { version: sha, source: 'git' },
      { version: 'web@1.4.0', source: 'package.json' },
    ] satisfies ReleaseCandidate[]);
  });

  test('keeps the first source of a repeated version', async () => {
    const dir = workspace(gitFiles);
    const candidates = await releaseCandidates({
      explicit: ` ${sha} `,
      env: { SENTRY_RELEASE: sha },
      workspaceDir: dir,
    });
    assert.deepEqual(candidates, [{ version: sha, source: 'option' }]);
  });

  test('skips blank values and trims the others', async () => {
    const candidates = await releaseCandidates({
      explicit: '  ',
      env: { SENTRY_RELEASE: ' 2.0.0\n' },
      workspaceDir: workspace(),
    });
    assert.deepEqual(candidates, [{ version: '2.0.0', source: 'env' }]);
  });

  test('drops versions Sentry cannot hold and says why', async () => {
    const logger = recordingLogger();
    const candidates = await releaseCandidates({
      explicit: 'feature/login',
      env: { SENTRY_RELEASE: 'latest' },
      workspaceDir: workspace({ 'package.json': JSON.stringify({ name: 'web', version: 'x'.repeat(200) }) }),
      logger,
    });
    assert.deepEqual(candidates, []);
    assert.equal(logger.warnings.length, 3);
  });

  test('turns a scoped package name into name@version without the scope', async () => {
    const dir = workspace({ 'package.json': JSON.stringify({ name: '@acme/web', version: '3.1.0' }) });
    assert.deepEqual(await releaseCandidates({ env: {}, workspaceDir: dir }), [
      { version: 'web@3.1.0', source: 'package.json' },
    ]);
  });

  test('reads a package.json with a BOM', async () => {
    const dir = workspace({ 'package.json': `\uFEFF${JSON.stringify({ name: 'web', version: '1.0.0' })}` });
    assert.deepEqual(await releaseCandidates({ env: {}, workspaceDir: dir }), [
      { version: 'web@1.0.0', source: 'package.json' },
    ]);
  });

  test('tolerates a missing, broken or incomplete package.json', async () => {
    for (const text of [undefined, '{ "name": "web", ', '[]', 'null', '{"name":"web"}', '{"name":"web","version":3}']) {
      const dir = workspace(text === undefined ? {} : { 'package.json': text });
      assert.deepEqual(await releaseCandidates({ env: {}, workspaceDir: dir }), [], String(text));
    }
  });

  test('gives no git candidate outside a repository', async () => {
    const candidates = await releaseCandidates({
      env: {},
      workspaceDir: workspace({ 'package.json': '{"name":"a","version":"1"}' }),
    });
    assert.deepEqual(
      candidates.map((candidate) => candidate.source),
      ['package.json'],
    );
  });
});
