// The real @sentry/node SDK sends to the local server; the Web API, read through SentryClient and the same load the
// editor and `scan` use, marks each error at the line it was raised with the right grouping, event and user counts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { loadWorkspaceIssues, type WorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
import { envelopePath, eventEnvelope, send } from './localHttp';
import { raisedLines, runSdkApp, writeSdkWorkspace, type SdkWorkspace } from './sdkApp';

const PROJECT = '7';

describe('@sentry/node against the local server', () => {
  let workspace: SdkWorkspace;
  let storeDir: string;
  let server: LocalSentry;
  let client: SentryClient;

  before(async () => {
    workspace = writeSdkWorkspace();
    storeDir = mkdtempSync(join(tmpdir(), 'local-sdk-store-'));
    server = await startLocalSentry({
      storeDirectory: storeDir,
      workspaceFolders: [{ name: 'shop', path: workspace.path }],
    });
    const run = await runSdkApp(workspace.path, server.dsn(PROJECT, 'anykey'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^flushed$/m, 'the SDK delivered every event');
    client = await SentryClient.detect({ baseUrl: server.url, token: server.apiToken, log: silentLogger });
  });
  after(async () => {
    await client.close();
    await server.close();
    workspace.remove();
    rmSync(storeDir, { recursive: true, force: true });
  });

  function load(): Promise<WorkspaceIssues> {
    return loadWorkspaceIssues(client, {
      org: 'local',
      project: PROJECT,
      folder: { name: 'shop', path: workspace.path },
      env: {},
      log: silentLogger,
    }).then((loaded) => {
      if (!loaded.ok) throw new Error(loaded.error.message);
      return loaded.value;
    });
  }

  const hitAt = (loaded: WorkspaceIssues, file: string, line: number) =>
    loaded.index.allHits().find((hit) => hit.file === file && hit.line === line && hit.role === 'raised');

  test('looks like Sentry to the client: a token check, the local organization and the DSN’s project', async () => {
    assert.equal(client.backend.kind, 'sentry');
    assert.ok((await client.tokenInfo()).ok);
    const orgs = await client.organizations();
    assert.deepEqual(orgs.ok && orgs.value.map((org) => org.slug), ['local']);
    const projects = await client.projects('local');
    assert.ok(projects.ok && projects.value.some((project) => project.id === PROJECT));
  });

  test('marks each error at the line it was raised, with its event and user counts', async () => {
    const loaded = await load();
    assert.deepEqual(
      loaded.release,
      { version: 'shop@1.2.3', source: 'package.json' },
      'the release of the events is found from package.json',
    );
    const cart = hitAt(loaded, 'src/cart.js', raisedLines.cart);
    assert.ok(
      cart,
      `a mark at src/cart.js:${raisedLines.cart}; marks: ${JSON.stringify(loaded.index.allHits().map((hit) => `${hit.file}:${hit.line}`))}`,
    );
    assert.deepEqual([cart.count, cart.userCount], [3, 2]);
    const orders = hitAt(loaded, 'src/orders.js', raisedLines.orders);
    assert.ok(orders);
    assert.deepEqual([orders.count, orders.userCount], [1, 1]);
    assert.equal(loaded.unresolvedFrames, 0);
  });

  test('groups the three cart errors into one issue and the same type from other code into another', async () => {
    const loaded = await load();
    const typeErrors = loaded.issues.filter((issue) => issue.metadata?.type === 'TypeError');
    assert.equal(typeErrors.length, 2);
    const cart = typeErrors.find((issue) => issue.title.startsWith('TypeError: cart'));
    assert.equal(cart?.count, 3);
    assert.equal(cart?.filtered?.count, 3, 'counts within the release come as `filtered`');
    assert.match(cart?.culprit ?? '', /^computeTotal\(/);
  });

  test('shows the latest event with camelCase frames and source context, filtered by environment and release', async () => {
    const loaded = await load();
    const cart = loaded.issues.find((issue) => issue.title.startsWith('TypeError: cart'));
    assert.ok(cart);
    const event = await client.latestEvent('local', cart.id, {
      environments: ['development'],
      query: 'release:"shop@1.2.3"',
    });
    assert.ok(event.ok);
    const exception = event.value.entries.find((entry) => entry.type === 'exception')?.data as {
      values: Array<{ stacktrace: { frames: Array<Record<string, unknown>> } }>;
    };
    const frames = exception.values[0]?.stacktrace.frames ?? [];
    const raised = frames[frames.length - 1];
    assert.equal(raised?.['lineNo'], raisedLines.cart);
    assert.equal(raised?.['inApp'], true);
    assert.deepEqual(
      (raised?.['context'] as Array<[number, string]>).find(([line]) => line === raisedLines.cart)?.[1],
      '    throw new TypeError(`cart ${cart.id} is empty`);',
    );
    const none = await client.latestEvent('local', cart.id, { environments: ['production'] });
    assert.ok(!none.ok && none.error.kind === 'notFound');
  });

  test('answers the user tag with distinct users and the release list with the events’ release', async () => {
    const loaded = await load();
    const cart = loaded.issues.find((issue) => issue.title.startsWith('TypeError: cart'));
    assert.ok(cart);
    const tags = await client.issueTags('local', cart.id, ['user', 'environment']);
    assert.ok(tags.ok);
    const user = tags.value.find((tag) => tag.key === 'user');
    assert.deepEqual(
      [user?.uniqueValues, user?.topValues.map((value) => [value.value, value.count])],
      [
        2,
        [
          ['id:u1', 2],
          ['id:u2', 1],
        ],
      ],
    );
    const releases = await client.releases('local', { projectId: PROJECT });
    assert.deepEqual(releases.ok && releases.value.map((release) => release.version), ['shop@1.2.3']);
  });

  test('applies triage: resolve hides the issue from the unresolved list, unresolve brings it back; assign and bookmark stick', async () => {
    const loaded = await load();
    const orders = loaded.issues.find((issue) => issue.title.startsWith('TypeError: order'));
    assert.ok(orders);
    assert.ok((await client.updateIssue('local', orders.id, { action: 'resolve' })).ok);
    const unresolved = await client.issues('local', { projectId: PROJECT, query: 'is:unresolved' });
    assert.ok(unresolved.ok && !unresolved.value.some((issue) => issue.id === orders.id));
    assert.ok((await client.updateIssue('local', orders.id, { action: 'unresolve' })).ok);
    assert.ok((await client.updateIssue('local', orders.id, { action: 'assign', assignee: 'user:1' })).ok);
    assert.ok((await client.updateIssue('local', orders.id, { action: 'bookmark', bookmarked: true })).ok);
    assert.ok((await client.updateIssue('local', orders.id, { action: 'archive', until: 'forever' })).ok);
    const detail = await client.issue('local', orders.id);
    assert.ok(detail.ok);
    assert.deepEqual(
      [detail.value.status, detail.value.substatus, detail.value.assignedTo?.id, detail.value.isBookmarked],
      ['ignored', 'archived_forever', '1', true],
    );
    assert.ok((await client.updateIssue('local', orders.id, { action: 'unresolve' })).ok);
  });

  test('pages through more than one page of issues with the Link cursor', async () => {
    const many = '8';
    for (let index = 0; index < 105; index++) {
      const answer = await send(server.port, {
        path: envelopePath(many),
        body: eventEnvelope({ message: `distinct ${index}`, fingerprint: [`group-${index}`] }),
      });
      assert.equal(answer.status, 200);
    }
    const pages: number[] = [];
    const issues = await client.issues('local', { projectId: many, query: 'is:unresolved' }, (page) =>
      pages.push(page.length),
    );
    assert.ok(issues.ok);
    assert.equal(new Set(issues.value.map((issue) => issue.id)).size, 105);
    assert.deepEqual(pages, [100, 5]);
  });

  test('keeps everything after a restart from its store directory', async () => {
    const before = await load();
    await client.close();
    await server.close();
    server = await startLocalSentry({
      storeDirectory: storeDir,
      workspaceFolders: [{ name: 'shop', path: workspace.path }],
    });
    client = await SentryClient.detect({ baseUrl: server.url, token: server.apiToken, log: silentLogger });
    const after = await load();
    const summary = (loaded: WorkspaceIssues) =>
      loaded.issues.map((issue) => [issue.id, issue.count, issue.userCount, issue.status]).sort();
    assert.deepEqual(summary(after), summary(before));
    assert.ok(hitAt(after, 'src/cart.js', raisedLines.cart));
  });

  test('records an uncaught exception as unhandled, marked at the line that raised it', async () => {
    const before = await load();
    const run = await runSdkApp(workspace.path, server.dsn(PROJECT), 'crash');
    assert.notEqual(run.code, 0, 'the app crashed');
    const loaded = await load();
    // Raised from a timer instead of main(): another call path, so another issue, as Sentry groups it.
    const added = loaded.issues.filter((issue) => !before.issues.some((known) => known.id === issue.id));
    assert.equal(added.length, 1);
    const crash = loaded.index.allHits().find((hit) => hit.issueId === added[0]?.id && hit.role === 'raised');
    assert.deepEqual([crash?.file, crash?.line, crash?.count], ['src/cart.js', raisedLines.cart, 1]);
    assert.equal(added[0]?.isUnhandled, true);
    const latest = await client.latestEvent('local', added[0]?.id ?? '');
    assert.ok(latest.ok && latest.value.tags.some((tag) => tag.key === 'handled' && tag.value === 'no'));
  });
});
