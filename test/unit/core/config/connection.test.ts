// Proves resolveConnection picks each field from the right place, reads sentry-cli files tolerantly and keeps untrusted files from redirecting requests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { resolveConnection, type ConnectionInput, type ResolvedConnection } from '../../../../src/core/config';
import { makeOrgToken } from './orgTokenFixture';

const root = mkdtempSync(join(tmpdir(), 'sentry-insight-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

let folderCount = 0;
function workspace(files: Record<string, string | Uint8Array> = {}): string {
  folderCount += 1;
  const dir = join(root, `ws${folderCount}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

async function resolve(partial: Partial<ConnectionInput> & { workspaceDir: string }): Promise<ResolvedConnection> {
  return resolveConnection({ explicit: {}, env: {}, trusted: true, ...partial });
}

function assertNoSecret(result: ResolvedConnection, secret: string): void {
  for (const warning of result.warnings) assert.ok(!warning.includes(secret), `a warning leaks the token: ${warning}`);
}

const rc = '[defaults]\nurl=https://rc.example.com\norg=rc-org\nproject=rc-project\n[auth]\ntoken=rc-token\n';
const properties =
  'defaults.url=https://props.example.com\ndefaults.org=props-org\ndefaults.project=props-project\nauth.token=props-token\n';
const env = {
  SENTRY_URL: 'https://env.example.com',
  SENTRY_ORG: 'env-org',
  SENTRY_PROJECT: 'env-project',
  SENTRY_AUTH_TOKEN: 'env-token',
};
const explicit = {
  url: 'https://option.example.com',
  org: 'option-org',
  project: 'option-project',
  token: 'option-token',
};

describe('resolveConnection precedence', () => {
  test('defaults the URL to https://sentry.io and leaves the rest unset when nothing is configured', async () => {
    const result = await resolve({ workspaceDir: workspace() });
    assert.equal(result.url, 'https://sentry.io');
    assert.deepEqual(result.sources, { url: 'default', org: undefined, project: undefined, token: undefined });
    assert.equal(result.org ?? result.project ?? result.token, undefined);
    assert.deepEqual(result.warnings, []);
  });

  for (const field of ['url', 'org', 'project', 'token'] as const) {
    test(`${field}: option beats env beats .sentryclirc beats sentry.properties`, async () => {
      const both = workspace({ '.sentryclirc': rc, 'sentry.properties': properties });
      const onlyProperties = workspace({ 'sentry.properties': properties });
      const value = async (
        input: Partial<ConnectionInput>,
        dir: string,
      ): Promise<[string | undefined, string | undefined]> => {
        const result = await resolve({ ...input, workspaceDir: dir });
        return [result[field], result.sources[field]];
      };
      assert.deepEqual(await value({ explicit, env }, both), [explicit[field], 'option']);
      assert.deepEqual(await value({ env }, both), [
        env[`SENTRY_${({ url: 'URL', org: 'ORG', project: 'PROJECT', token: 'AUTH_TOKEN' } as const)[field]}`],
        'env',
      ]);
      assert.deepEqual(await value({}, both), [
        `${field === 'url' ? 'https://rc.example.com' : `rc-${field}`}`,
        '.sentryclirc',
      ]);
      assert.deepEqual(await value({}, onlyProperties), [
        `${field === 'url' ? 'https://props.example.com' : `props-${field}`}`,
        'sentry.properties',
      ]);
    });
  }

  test('takes each field from the first place that has it, independently', async () => {
    const dir = workspace({
      '.sentryclirc': '[defaults]\nproject=rc-project\n',
      'sentry.properties': 'auth.token=props-token\n',
    });
    const result = await resolve({
      workspaceDir: dir,
      explicit: { url: 'https://option.example.com' },
      env: { SENTRY_ORG: 'env-org' },
    });
    assert.deepEqual(
      [result.url, result.org, result.project, result.token],
      ['https://option.example.com', 'env-org', 'rc-project', 'props-token'],
    );
    assert.deepEqual(result.sources, {
      url: 'option',
      org: 'env',
      project: '.sentryclirc',
      token: 'sentry.properties',
    });
  });

  test('treats blank options and environment variables as unset', async () => {
    const dir = workspace({ '.sentryclirc': rc });
    const result = await resolve({
      workspaceDir: dir,
      explicit: { org: '', project: '   ' },
      env: { SENTRY_ORG: '', SENTRY_AUTH_TOKEN: ' ' },
    });
    assert.deepEqual([result.org, result.project, result.token], ['rc-org', 'rc-project', 'rc-token']);
  });

  test('trims whitespace around values from every source', async () => {
    const result = await resolve({
      workspaceDir: workspace(),
      explicit: { org: '  acme ' },
      env: { SENTRY_AUTH_TOKEN: ' tok\n' },
    });
    assert.equal(result.org, 'acme');
    assert.equal(result.token, 'tok');
  });
});

describe('resolveConnection reading sentry-cli files', () => {
  test('reads a .sentryclirc with BOM, CRLF, comments, quotes and unknown keys', async () => {
    const text =
      '\uFEFF# made by hand\r\n[defaults]\r\nurl = "https://sentry.example.com/api/0/"\r\n; old org\r\norg = acme  # current\r\nvcs_remote=upstream\r\n[auth]\r\ntoken=\'tok-rc\'\r\n[http]\r\nverify_ssl=false\r\n';
    const result = await resolve({ workspaceDir: workspace({ '.sentryclirc': text }) });
    assert.deepEqual([result.url, result.org, result.token], ['https://sentry.example.com', 'acme', 'tok-rc']);
    assert.deepEqual(result.warnings, []);
  });

  test('reads a .sentryclirc saved as UTF-16 by Windows PowerShell', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[defaults]\r\norg=acme\r\n', 'utf16le')]);
    const result = await resolve({ workspaceDir: workspace({ '.sentryclirc': bytes }) });
    assert.equal(result.org, 'acme');
  });

  test('reads a sentry.properties with escapes, comments, continuations and odd separators', async () => {
    const text =
      '# Generated by the Sentry wizard\r\n! bang comment\r\ndefaults.url=https\\://sentry.example.com/\r\ndefaults.org : acme\r\ndefaults.project   web\\\r\n    app\r\nauth.token="tok-props"\r\ncli.executable=node_modules/@sentry/cli/bin/sentry-cli\r\n';
    const result = await resolve({ workspaceDir: workspace({ 'sentry.properties': text }) });
    assert.deepEqual(
      [result.url, result.org, result.project, result.token],
      ['https://sentry.example.com', 'acme', 'webapp', 'tok-props'],
    );
    assert.deepEqual(result.warnings, []);
  });

  test('skips a binary .sentryclirc with a warning and still reads sentry.properties', async () => {
    const binary = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x5b, 0x64]);
    const dir = workspace({ '.sentryclirc': binary, 'sentry.properties': 'defaults.org=acme\n' });
    const result = await resolve({ workspaceDir: dir });
    assert.equal(result.org, 'acme');
    assert.equal(result.warnings.length, 1);
    assert.match(result.warnings[0] ?? '', /\.sentryclirc.*binary/);
  });

  test('skips a file that is not UTF-8 with a warning', async () => {
    const latin1 = Uint8Array.from([...Buffer.from('defaults.org=caf'), 0xe9, 0xff, 0xfe, 0x0a]);
    const result = await resolve({ workspaceDir: workspace({ 'sentry.properties': latin1 }) });
    assert.equal(result.org, undefined);
    assert.match(result.warnings.join('\n'), /sentry\.properties.*not UTF-8/);
  });

  test('skips a .sentryclirc that is a folder with a warning instead of throwing', async () => {
    const dir = workspace();
    mkdirSync(join(dir, '.sentryclirc'));
    const result = await resolve({ workspaceDir: dir });
    assert.equal(result.url, 'https://sentry.io');
    assert.match(result.warnings.join('\n'), /\.sentryclirc.*not a regular file/);
  });

  test('names unreadable lines without quoting them, and uses the lines it can read', async () => {
    const text = '[auth]\nsecret-token-on-a-broken-line\ntoken=good-token\n[defaults]\norg=acme\n';
    const result = await resolve({ workspaceDir: workspace({ '.sentryclirc': text }) });
    assert.equal(result.token, 'good-token');
    assert.equal(result.org, 'acme');
    assert.match(result.warnings.join('\n'), /line 2 of .*\.sentryclirc/);
    assertNoSecret(result, 'secret-token-on-a-broken-line');
  });

  test('does not fail when the workspace folder does not exist', async () => {
    const result = await resolve({ workspaceDir: join(root, 'missing-folder') });
    assert.equal(result.url, 'https://sentry.io');
    assert.deepEqual(result.warnings, []);
  });
});

describe('resolveConnection URL safety', () => {
  test('ignores the url of workspace files in an untrusted workspace but keeps their other fields', async () => {
    const dir = workspace({ '.sentryclirc': rc, 'sentry.properties': properties });
    const result = await resolve({ workspaceDir: dir, trusted: false });
    assert.equal(result.url, 'https://sentry.io');
    assert.equal(result.sources.url, 'default');
    assert.deepEqual([result.org, result.project, result.token], ['rc-org', 'rc-project', 'rc-token']);
    assert.equal(result.warnings.filter((warning) => /not trusted/.test(warning)).length, 2);
  });

  test('uses the same file url once the workspace is trusted', async () => {
    const result = await resolve({ workspaceDir: workspace({ '.sentryclirc': rc }), trusted: true });
    assert.equal(result.url, 'https://rc.example.com');
    assert.deepEqual(result.warnings, []);
  });

  test('keeps the environment url in an untrusted workspace without a warning', async () => {
    const result = await resolve({
      workspaceDir: workspace(),
      trusted: false,
      env: { SENTRY_URL: 'https://env.example.com/' },
    });
    assert.equal(result.url, 'https://env.example.com');
    assert.deepEqual(result.warnings, []);
  });

  test('skips an invalid url with a warning and falls through to the next source', async () => {
    const result = await resolve({
      workspaceDir: workspace(),
      explicit: { url: 'ftp://sentry.example.com' },
      env: { SENTRY_URL: 'https://env.example.com/api/0' },
    });
    assert.equal(result.url, 'https://env.example.com');
    assert.equal(result.sources.url, 'env');
    assert.match(result.warnings.join('\n'), /settings.*ftp:/);
  });

  test('does not repeat a password written into a url', async () => {
    const result = await resolve({
      workspaceDir: workspace(),
      env: { SENTRY_URL: 'https://me:hunter2@sentry.example.com' },
    });
    assert.equal(result.url, 'https://sentry.io');
    assert.equal(result.warnings.length, 1);
    assertNoSecret(result, 'hunter2');
  });
});

describe('resolveConnection with an organization auth token', () => {
  const orgToken = makeOrgToken({
    iat: 1700000000,
    url: 'https://sentry.io',
    region_url: 'https://us.sentry.io',
    org: 'token-org',
  });

  test('warns that it cannot read issues and asks for a user token with the needed scopes', async () => {
    const result = await resolve({
      workspaceDir: workspace(),
      env: { SENTRY_AUTH_TOKEN: orgToken, SENTRY_ORG: 'acme' },
    });
    const warning = result.warnings.find((text) => /organization auth token/.test(text));
    assert.ok(warning, 'expected an org token warning');
    assert.match(warning, /cannot read issues/);
    assert.match(warning, /user auth token/);
    for (const scope of ['org:read', 'project:read', 'event:read', 'event:write'])
      assert.ok(warning.includes(scope), scope);
    assert.match(warning, /SENTRY_AUTH_TOKEN/);
    assert.equal(result.token, orgToken);
    assertNoSecret(result, orgToken.slice(7, 20));
  });

  test('keeps an organization set elsewhere', async () => {
    const result = await resolve({
      workspaceDir: workspace({ '.sentryclirc': `[auth]\ntoken=${orgToken}\n` }),
      explicit: { org: 'acme' },
    });
    assert.equal(result.org, 'acme');
    assert.equal(result.sources.org, 'option');
    assert.equal(result.warnings.length, 1);
  });

  test('uses the organization inside the token when none is set, and says so', async () => {
    const result = await resolve({ workspaceDir: workspace({ 'sentry.properties': `auth.token=${orgToken}\n` }) });
    assert.equal(result.org, 'token-org');
    assert.equal(result.sources.org, 'org token');
    assert.equal(result.warnings.length, 2);
    assert.match(result.warnings[1] ?? '', /token-org/);
    assertNoSecret(result, orgToken.slice(7, 20));
  });

  test('does not warn about a user auth token', async () => {
    const result = await resolve({
      workspaceDir: workspace(),
      env: { SENTRY_AUTH_TOKEN: `sntryu_${'ab'.repeat(32)}` },
    });
    assert.deepEqual(result.warnings, []);
  });
});

describe("the user's ~/.sentryclirc", () => {
  const globalRc =
    '[defaults]\nurl=https://home.example.com\norg=home-org\nproject=home-project\n[auth]\ntoken=home-token\n';

  test('fills every field nothing else sets, as sentry-cli reads it under the project', async () => {
    const home = workspace({ '.sentryclirc': globalRc });
    const result = await resolve({ workspaceDir: workspace(), homeDir: home });
    assert.deepEqual(
      [result.url, result.org, result.project, result.token],
      ['https://home.example.com', 'home-org', 'home-project', 'home-token'],
    );
    assert.deepEqual(result.sources, {
      url: '~/.sentryclirc',
      org: '~/.sentryclirc',
      project: '~/.sentryclirc',
      token: '~/.sentryclirc',
    });
  });

  test('loses field by field to the option, the environment and both workspace files', async () => {
    const home = workspace({ '.sentryclirc': globalRc });
    const dir = workspace({
      '.sentryclirc': '[defaults]\nproject=rc-project\n',
      'sentry.properties': 'defaults.org=props-org\n',
    });
    const result = await resolve({ workspaceDir: dir, homeDir: home, env: { SENTRY_AUTH_TOKEN: 'env-token' } });
    assert.deepEqual(
      [result.url, result.org, result.project, result.token],
      ['https://home.example.com', 'props-org', 'rc-project', 'env-token'],
    );
  });

  test('is not read without a home folder', async () => {
    const result = await resolve({ workspaceDir: workspace() });
    assert.equal(result.sources.url, 'default');
  });

  test("keeps its URL in an untrusted workspace: it is the user's own file, not the workspace's", async () => {
    const home = workspace({ '.sentryclirc': globalRc });
    const result = await resolve({ workspaceDir: workspace({ '.sentryclirc': rc }), homeDir: home, trusted: false });
    assert.equal(result.url, 'https://home.example.com');
  });
});

describe('an unusable server URL', () => {
  test('is reported with its source instead of silently becoming https://sentry.io', async () => {
    for (const [input, source] of [
      [{ explicit: { url: 'not-a-url' } }, 'option'],
      [{ env: { SENTRY_URL: 'ftp://x' } }, 'env'],
    ] as const) {
      const result = await resolve({ ...input, workspaceDir: workspace() });
      assert.equal(result.invalidUrl?.source, source);
      assert.ok(result.invalidUrl?.reason);
    }
  });

  test('from the first layer that sets one, even when a later layer has a good one', async () => {
    const result = await resolve({ explicit: { url: 'not-a-url' }, workspaceDir: workspace({ '.sentryclirc': rc }) });
    assert.equal(result.invalidUrl?.source, 'option');
  });

  test('is absent when every URL set is usable', async () => {
    const result = await resolve({ env, workspaceDir: workspace({ '.sentryclirc': rc }) });
    assert.equal(result.invalidUrl, undefined);
  });
});

describe("ignoring the workspace files (the CLI's --no-checkout-config)", () => {
  test('reads no field of .sentryclirc or sentry.properties, nor warns about them', async () => {
    const dir = workspace({ '.sentryclirc': `${rc}broken line\n`, 'sentry.properties': properties });
    const result = await resolve({ workspaceDir: dir, ignoreWorkspaceFiles: true });
    assert.deepEqual(result.sources, { url: 'default', org: undefined, project: undefined, token: undefined });
    assert.equal(result.url, 'https://sentry.io');
    assert.deepEqual(result.warnings, []);
  });

  test('still reads the option, the environment and ~/.sentryclirc', async () => {
    const home = workspace({ '.sentryclirc': '[defaults]\nurl=https://home.example.com\norg=home-org\n' });
    const dir = workspace({ '.sentryclirc': rc, 'sentry.properties': properties });
    const result = await resolve({
      workspaceDir: dir,
      homeDir: home,
      ignoreWorkspaceFiles: true,
      explicit: { project: 'option-project' },
      env: { SENTRY_AUTH_TOKEN: 'env-token' },
    });
    assert.deepEqual(
      [result.url, result.org, result.project, result.token],
      ['https://home.example.com', 'home-org', 'option-project', 'env-token'],
    );
    assert.deepEqual(result.sources, { url: '~/.sentryclirc', org: '~/.sentryclirc', project: 'option', token: 'env' });
  });
});
