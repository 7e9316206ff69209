// Proves the editor's folder resolution reads the user's ~/.sentryclirc as sentry-cli does, under the folder's own
// files and settings, keeps Workspace Trust (an untrusted folder's files never name the server, the user's file may),
// and leaves the local Sentry the default when a global sentry-cli login token is all there is.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { resolveConnection, type ResolvedConnection } from '../../../src/core/config';
import {
  folderConnectionInput,
  usesLocalSentryByDefault,
  type FolderResolutionContext,
} from '../../../src/editor/folderResolution';

const root = mkdtempSync(join(tmpdir(), 'sentry-insight-folder-'));
after(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
function folder(files: Record<string, string> = {}): string {
  count += 1;
  const dir = join(root, `d${count}`);
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const home = folder({
  '.sentryclirc':
    '[defaults]\nurl=https://sentry.home.example\norg=home-org\nproject=home-project\n[auth]\ntoken=home-token\n',
});
const loginOnlyHome = folder({ '.sentryclirc': '[auth]\ntoken=login-token\n' });
const workspaceRc = '[defaults]\nurl=https://sentry.checkout.example\norg=rc-org\n';

function resolve(
  settings: { url?: string; organization?: string; project?: string },
  context: Partial<FolderResolutionContext> & { folderPath: string },
): Promise<ResolvedConnection> {
  return resolveConnection(folderConnectionInput(settings, { env: {}, trusted: true, homeDir: home, ...context }));
}

describe("the editor's folder resolution", () => {
  test('fills what the folder does not name from ~/.sentryclirc: server, organization, project and token', async () => {
    const resolved = await resolve({}, { folderPath: folder() });
    assert.deepEqual(
      [resolved.url, resolved.org, resolved.project, resolved.token],
      ['https://sentry.home.example', 'home-org', 'home-project', 'home-token'],
    );
  });

  test("the folder's settings, the environment and its sentry-cli files win over ~/.sentryclirc, field by field", async () => {
    const resolved = await resolve(
      { project: 'setting-project' },
      { folderPath: folder({ '.sentryclirc': workspaceRc }), env: { SENTRY_AUTH_TOKEN: 'env-token' } },
    );
    assert.deepEqual(
      [resolved.url, resolved.org, resolved.project, resolved.token],
      ['https://sentry.checkout.example', 'rc-org', 'setting-project', 'env-token'],
    );
  });

  test("in an untrusted workspace the folder's file never names the server; the user's ~/.sentryclirc still does", async () => {
    const resolved = await resolve({}, { folderPath: folder({ '.sentryclirc': workspaceRc }), trusted: false });
    assert.equal(resolved.url, 'https://sentry.home.example');
    assert.equal(resolved.sources.url, '~/.sentryclirc');
    assert.ok(resolved.warnings.some((warning) => warning.includes('not trusted')));
  });

  test('without a home folder nothing but the folder is read', async () => {
    const resolved = await resolve({}, { folderPath: folder(), homeDir: undefined });
    assert.equal(resolved.sources.url, 'default');
    assert.equal(resolved.token, undefined);
  });
});

describe('the local Sentry as the zero-configuration default', () => {
  test('stays the default when a sentry-cli login token in ~/.sentryclirc is all there is', async () => {
    const resolved = await resolve({}, { folderPath: folder(), homeDir: loginOnlyHome });
    assert.equal(resolved.token, 'login-token');
    assert.equal(usesLocalSentryByDefault(resolved, undefined), true);
  });

  test('gives way to a server, organization or project that ~/.sentryclirc names, or to a token set for this session', async () => {
    assert.equal(usesLocalSentryByDefault(await resolve({}, { folderPath: folder() }), undefined), false);
    const loginOnly = { folderPath: folder(), homeDir: loginOnlyHome };
    assert.equal(
      usesLocalSentryByDefault(await resolve({}, { ...loginOnly, env: { SENTRY_AUTH_TOKEN: 'env-token' } }), undefined),
      false,
    );
    assert.equal(usesLocalSentryByDefault(await resolve({}, loginOnly), 'signed-in-token'), false);
    assert.equal(usesLocalSentryByDefault(await resolve({ project: 'p' }, loginOnly), undefined), false);
  });
});
