// Proves a folder's session treats a missing project as "no issues yet" only on the embedded local Sentry, decided by
// the connection's flag: a self-hosted Sentry on a loopback address with a mistyped project reads "not found".
// And that the key a folder keeps its session (and assistant workspace) by survives the fresh connection of each load.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../src/core/api/client';
import { silentLogger } from '../../../src/core/log';
import { FolderSession } from '../../../src/core/session/folderSession';
import { sessionKeyOf, sessionTargetOf } from '../../../src/editor/sessionTarget';
import { DEFAULT_TOKEN, defaultScenario, scenario, startFakeSentry, type FakeSentry } from '../../support/fakeSentry';
import { writeWorkspace } from '../../support/workspaceDir';

describe('session target of a loopback server', () => {
  let fake: FakeSentry;
  let client: SentryClient;
  let workspace: string;
  before(async () => {
    workspace = writeWorkspace();
    fake = await startFakeSentry({ data: defaultScenario() });
    client = SentryClient.create({ baseUrl: fake.url, token: DEFAULT_TOKEN, log: silentLogger });
  });
  after(async () => {
    await client.close();
    await fake.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  const load = (embedded: boolean) => {
    assert.match(
      fake.url,
      /^http:\/\/127\.0\.0\.1:/,
      'the fake listens on loopback, like a self-hosted Sentry on localhost:9000',
    );
    const connection = {
      key: { url: fake.url, org: scenario.org, project: 'mistyped-project' },
      environments: [],
      pathMappings: [],
      embedded,
    };
    return new FolderSession(
      client,
      sessionTargetOf(connection, { name: 'ws', path: workspace }, undefined, silentLogger, {}),
    ).load();
  };

  test('a self-hosted Sentry on loopback with a mistyped project answers "not found"', async () => {
    const loaded = await load(false);
    assert.ok(!loaded.ok, 'the load must fail');
    assert.equal(loaded.error.kind, 'notFound');
  });

  test('the embedded local Sentry without the project yet shows no issues', async () => {
    const loaded = await load(true);
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    assert.equal(loaded.value.issues.length, 0);
  });
});

test("each load's fresh connection keeps the folder's session key; a changed setting or period changes it", () => {
  const connectionOf = (release?: string, environments: string[] = ['production']) => ({
    key: { url: 'https://sentry.example.com', org: 'acme', project: 'shop-web' },
    ...(release ? { release } : {}),
    environments,
    pathMappings: [{ stackRoot: 'app:///', sourceRoot: 'src/' }],
  });
  const key = sessionKeyOf(connectionOf('shop@1.0.0'), '14d');
  assert.equal(sessionKeyOf(connectionOf('shop@1.0.0'), '14d'), key, 'another object with the same settings');
  assert.notEqual(sessionKeyOf(connectionOf('shop@1.0.1'), '14d'), key, 'another release setting');
  assert.notEqual(sessionKeyOf(connectionOf(undefined), '14d'), key, 'release detection instead of a setting');
  assert.notEqual(sessionKeyOf(connectionOf('shop@1.0.0', ['staging']), '14d'), key, 'other environments');
  assert.notEqual(sessionKeyOf(connectionOf('shop@1.0.0'), '24h'), key, 'another period');
});
