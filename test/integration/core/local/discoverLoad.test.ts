// The client's Discover path against the local Sentry's organization events endpoint: each issue's latest event id is
// the one the per-issue endpoint answers, and a workspace load of more issues than go one by one places them from
// Discover's frames with exactly the marks the per-issue path finds; an issue whose frames place nothing (its file is
// not in the workspace) falls back to its own event.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import type { LoadMemo } from '../../../../src/core/session/loadMemo';
import { loadWorkspaceIssues, type WorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
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
  const elsewhere = {
    event_id: crypto.randomUUID().replace(/-/g, ''),
    timestamp: clock / 1000 + 1,
    platform: 'node',
    release,
    exception: {
      values: [
        {
          type: 'TypeError',
          value: 'vendored',
          stacktrace: { frames: [{ filename: '/opt/vendor/lib.js', function: 'vendored', lineno: 7, in_app: true }] },
        },
      ],
    },
  };
  assert.equal((await send(server.port, { path: envelopePath('1'), body: eventEnvelope(elsewhere) })).status, 200);
});
after(async () => {
  await client.close();
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

async function load(memo: LoadMemo): Promise<WorkspaceIssues> {
  const loaded = await loadWorkspaceIssues(client, {
    org: 'local',
    project: '1',
    folder: { name: 'shop', path: workspace },
    release,
    env: {},
    log: silentLogger,
    memo,
  });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  return loaded.value;
}

const marksOf = (load: WorkspaceIssues): string[] =>
  load.index
    .allHits()
    .map(
      (hit) =>
        `${hit.issueId} ${hit.file}:${hit.line} ${hit.role}${hit.moved ? ' moved' : ''}${hit.stale ? ' stale' : ''}`,
    )
    .sort();

test("Discover gives each issue's latest event in the release, the event the per-issue endpoint answers", async () => {
  const issueIds = server.store.issues().map((issue) => issue.id);
  const latest = await client.latestEventIds('local', issueIds, { projectId: '1', query: `release:"${release}"` });
  assert.ok(latest.ok, latest.ok ? '' : latest.error.message);
  assert.equal(latest.value.size, issueIds.length);
  for (const id of issueIds) {
    const one = await client.latestEvent('local', id, { query: `release:"${release}"` });
    assert.ok(one.ok, one.ok ? '' : one.error.message);
    assert.equal(latest.value.get(id), one.value.id, `issue ${id}`);
  }
  const stacks = await client.eventStacks('local', [...latest.value.values()], { projectId: '1' });
  assert.ok(stacks.ok, stacks.ok ? '' : stacks.error.message);
  assert.equal(stacks.value.length, issueIds.length);
  assert.ok(stacks.value.every((row) => row.stacks.length === 1 && row.stacks[0]?.length === 1));
});

test('a load through Discover places the issues with the marks of the per-issue path, and the rest one by one', async () => {
  const oneByOne = await load({ discoverRefused: 'the per-issue path, to compare with' });
  assert.equal(oneByOne.framesOnly.size, 0);
  const memo: LoadMemo = {};
  const discover = await load(memo);
  assert.equal(memo.discoverRefused, undefined, 'the local Sentry answers the organization events endpoint');
  assert.equal(discover.issues.length, functions.length + 1);
  assert.deepEqual(discover.missing, []);
  assert.equal(discover.framesOnly.size, functions.length, 'every workspace issue is placed from Discover frames');
  const vendored =
    discover.issues.find((issue) => issue.title.includes('vendored')) ?? assert.fail('no vendored issue');
  assert.ok(discover.events.has(vendored.id), 'the issue Discover frames cannot place gets its own event');
  assert.deepEqual(marksOf(discover), marksOf(oneByOne));
  const marked = new Set(discover.index.allHits().map((hit) => hit.file));
  assert.deepEqual([...marked].sort(), functions.map((fn) => `${fn}.js`).sort());
});
