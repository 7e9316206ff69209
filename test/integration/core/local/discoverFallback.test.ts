// The local Sentry has no organization events endpoint (Discover): the client's query is refused, and a workspace load
// of more issues than go one by one without Discover still marks every issue, through the per-issue path.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { loadWorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
import { envelopePath, eventEnvelope, send } from './localHttp';

const functions = Array.from({ length: 24 }, (_, n) => `step${n}`);
const release = 'shop@3.0.0';
let workspace: string;
let server: LocalSentry;
let client: SentryClient;

before(async () => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-discover-')));
  for (const fn of functions)
    writeFileSync(join(workspace, `${fn}.js`), `function ${fn}() {\n  throw new Error("${fn} failed");\n}\n`);
  server = await startLocalSentry({ workspaceFolders: [{ name: 'shop', path: workspace }] });
  client = await SentryClient.detect({ baseUrl: server.url, token: server.apiToken, log: silentLogger });
  let clock = Date.now() - 3_600_000;
  for (const fn of functions) {
    clock += 1000;
    const frames = [{ filename: join(workspace, `${fn}.js`), function: fn, lineno: 2, colno: 3, in_app: true }];
    const event = {
      event_id: crypto.randomUUID().replace(/-/g, ''),
      timestamp: clock / 1000,
      platform: 'node',
      release,
      exception: { values: [{ type: 'Error', value: `${fn} failed`, stacktrace: { frames } }] },
    };
    const answer = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) });
    assert.equal(answer.status, 200, answer.text);
  }
});
after(async () => {
  await client.close();
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

test('the local Sentry refuses a Discover query, and a load of its issues marks every one through the per-issue path', async () => {
  const refused = await client.latestEventIds('local', ['1'], { projectId: '1' });
  assert.ok(!refused.ok, 'no organization events endpoint');
  const loaded = await loadWorkspaceIssues(client, {
    org: 'local',
    project: '1',
    folder: { name: 'shop', path: workspace },
    release,
    env: {},
    log: silentLogger,
    memo: {},
  });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  assert.equal(loaded.value.issues.length, functions.length);
  assert.deepEqual(loaded.value.missing, []);
  assert.equal(loaded.value.framesOnly.size, 0);
  const marked = new Set(loaded.value.index.allHits().map((hit) => hit.file));
  assert.deepEqual([...marked].sort(), functions.map((fn) => `${fn}.js`).sort());
});
