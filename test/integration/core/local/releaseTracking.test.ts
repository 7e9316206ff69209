// Release tracking on the local Sentry, from events sent over HTTP across three releases: where each issue started,
// which came back after being resolved, and what a comparison of two releases lists, read through the same client
// and comparison as for real Sentry.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { loadWorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
import { storyOf } from '../../../../src/core/tracking/issueStory';
import { compareReleases, type ComparedIssue } from '../../../../src/core/tracking/releaseComparison';
import { envelopePath, eventEnvelope, send } from './localHttp';

const functions = ['checkout', 'payment', 'search', 'render'] as const;
type Failing = (typeof functions)[number];

let workspace: string;
let server: LocalSentry;
let client: SentryClient;
// Recent enough for the load's default 14-day window, a minute apart so the releases have an order.
let clock = Date.now() - 3_600_000;

before(async () => {
  workspace = realpathSync(mkdtempSync(join(tmpdir(), 'local-releases-')));
  for (const fn of functions)
    writeFileSync(join(workspace, `${fn}.js`), `function ${fn}() {\n  throw new Error("${fn} failed");\n}\n`);
  server = await startLocalSentry({ workspaceFolders: [{ name: 'shop', path: workspace }] });
  client = await SentryClient.detect({ baseUrl: server.url, token: server.apiToken, log: silentLogger });
  await sendThreeReleases();
});
after(async () => {
  await client.close();
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** One error from `fn`'s own file, in `release`, a minute after the previous one. */
async function fail(fn: Failing, release: string): Promise<void> {
  clock += 60_000;
  const event = {
    event_id: crypto.randomUUID().replace(/-/g, ''),
    timestamp: clock / 1000,
    platform: 'node',
    release,
    environment: 'production',
    user: { id: `user-${fn}` },
    exception: {
      values: [
        {
          type: 'Error',
          value: `${fn} failed`,
          stacktrace: {
            frames: [{ filename: join(workspace, `${fn}.js`), function: fn, lineno: 2, colno: 3, in_app: true }],
          },
        },
      ],
    },
  };
  const answer = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) });
  assert.equal(answer.status, 200, answer.text);
}

async function issueIdOf(fn: Failing): Promise<string> {
  const listed = await client.issues('local', { query: `${fn} failed` });
  assert.ok(listed.ok, listed.ok ? '' : listed.error.message);
  const found = listed.value.find((issue) => issue.title.includes(`${fn} failed`));
  assert.ok(found, `an issue for ${fn}`);
  return found.id;
}

const names = (entries: readonly ComparedIssue[]): string[] =>
  entries.map((entry) => entry.issue.title.replace(/^Error: | failed$/g, '')).sort();

async function sendThreeReleases(): Promise<void> {
  // 1.0.0: checkout and payment fail. 1.1.0: checkout again, search is new. Payment is resolved, then 1.2.0 brings it
  // back (a regression) along with a new render error; checkout and search have no events in 1.2.0.
  await fail('checkout', 'shop@1.0.0');
  await fail('payment', 'shop@1.0.0');
  await fail('checkout', 'shop@1.1.0');
  await fail('search', 'shop@1.1.0');
  const resolved = await client.updateIssue('local', await issueIdOf('payment'), { action: 'resolve' });
  assert.ok(resolved.ok, resolved.ok ? '' : resolved.error.message);
  await fail('payment', 'shop@1.2.0');
  await fail('render', 'shop@1.2.0');
}

test('compares a release with the one before it: new, regressed and gone', async () => {
  const projectId = '1';
  const compared = await compareReleases(client, { org: 'local', projectId, release: 'shop@1.2.0' });
  assert.ok(compared.ok, compared.ok ? '' : compared.error.message);
  assert.equal(compared.value.base, 'shop@1.1.0');
  assert.deepEqual(names(compared.value.new), ['render']);
  assert.deepEqual(names(compared.value.regressed), ['payment']);
  assert.deepEqual(names(compared.value.gone), ['checkout', 'search']);
  assert.deepEqual(compared.value.regressed[0]?.story, {
    kind: 'regressed',
    firstRelease: 'shop@1.0.0',
    lastRelease: 'shop@1.2.0',
  });
  assert.equal(compared.value.regressed[0]?.count, 1, 'events within 1.2.0 only');
});

test('compares with an explicit base', async () => {
  const compared = await compareReleases(client, {
    org: 'local',
    projectId: '1',
    release: 'shop@1.1.0',
    base: 'shop@1.0.0',
  });
  assert.ok(compared.ok, compared.ok ? '' : compared.error.message);
  assert.deepEqual(names(compared.value.new), ['search']);
  assert.deepEqual(names(compared.value.regressed), []);
  assert.deepEqual(names(compared.value.gone), ['payment']);
});

test("the workspace load tells each open issue's story in its release", async () => {
  const loaded = await loadWorkspaceIssues(client, {
    org: 'local',
    project: '1',
    folder: { name: 'shop', path: workspace },
    release: 'shop@1.2.0',
    env: {},
    log: silentLogger,
  });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
  const stories = Object.fromEntries(
    loaded.value.issues.map((issue) => [
      issue.title.replace(/^Error: | failed$/g, ''),
      storyOf(issue, 'shop@1.2.0').kind,
    ]),
  );
  assert.deepEqual(stories, { payment: 'regressed', render: 'new' });
});
