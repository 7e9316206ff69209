// Live updates without reloads, end to end in the core: the local server's change stream names the issues an event or
// a triage touched, and the folder session asks only those again (one search, one search for the new ones, a latest
// event for each that moved), resolving frames with the folder's one file index, never walking the folder again.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import type { LocalChange } from '../../../../src/core/local/changeFeed';
import { watchLocalChanges, type ChangeWatch } from '../../../../src/core/local/changeWatch';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { WatchedFileIndex } from '../../../../src/core/resolve/watchedFileIndex';
import { FolderSession } from '../../../../src/core/session/folderSession';
import { envelopePath, eventEnvelope, send } from '../local/localHttp';
import { writeWorkspace } from '../../../support/workspaceDir';

const release = 'shop@1.0.0';
const files = {
  'src/cart.js': 'function add(item) {\n  throw new TypeError("no price");\n}\n',
  'src/pay.js': 'function pay(order) {\n  throw new Error("declined");\n}\n',
};

let workspace: string;
let server: LocalSentry;
let proxy: Server;
const requests: string[] = [];

/** Forwards to the local server and records each request's method, path and query: the test counts what was asked. */
function startProxy(target: number): Promise<Server> {
  const forward = createServer((incoming, outgoing) => {
    requests.push(`${incoming.method ?? ''} ${incoming.url ?? ''}`);
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: `127.0.0.1:${target}` },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  return new Promise((resolve) => forward.listen(0, '127.0.0.1', () => resolve(forward)));
}

function errorIn(file: string, fn: string, message: string): string {
  const frame = { filename: join(workspace, file), function: fn, lineno: 2, colno: 3, in_app: true };
  return eventEnvelope({
    platform: 'node',
    release,
    exception: { values: [{ type: 'TypeError', value: message, stacktrace: { frames: [frame] } }] },
  });
}

async function until<T>(what: string, found: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

before(async () => {
  workspace = writeWorkspace(files, 'changed-issues-');
  server = await startLocalSentry({ workspaceFolders: [{ name: 'ws', path: workspace }] });
  proxy = await startProxy(server.port);
});
after(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await server.close();
  rmSync(workspace, { recursive: true, force: true });
});

test('an event and a triage reach the session as the issues they touched, and only those are asked again', async () => {
  assert.equal(
    (await send(server.port, { path: envelopePath('1'), body: errorIn('src/cart.js', 'add', 'no price') })).status,
    200,
  );
  assert.equal(
    (await send(server.port, { path: envelopePath('1'), body: errorIn('src/pay.js', 'pay', 'declined') })).status,
    200,
  );
  const client = SentryClient.create({
    baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    token: server.apiToken,
    log: silentLogger,
  });
  const index = new WatchedFileIndex({ name: 'ws', path: workspace }, silentLogger);
  const session = new FolderSession(client, {
    org: 'local',
    project: '1',
    folder: { name: 'ws', path: workspace },
    release,
    env: {},
    log: silentLogger,
    projectMayNotExistYet: true,
    files: () => index.index(),
  });
  const changes: LocalChange[] = [];
  let watch: ChangeWatch | undefined;
  try {
    const first = await session.load();
    assert.ok(first.ok, first.ok ? '' : first.error.message);
    assert.equal(first.value.issues.length, 2);
    const cart = first.value.issues.find((issue) => issue.title.includes('no price')) ?? assert.fail('cart issue');
    const pay = first.value.issues.find((issue) => issue.title.includes('declined')) ?? assert.fail('pay issue');
    watch = watchLocalChanges({
      url: server.url,
      log: silentLogger,
      onChange: (change) => changes.push(change),
      onGone: () => undefined,
    });
    await watch.ready;

    // Another event of the cart issue.
    requests.length = 0;
    assert.equal(
      (await send(server.port, { path: envelopePath('1'), body: errorIn('src/cart.js', 'add', 'no price') })).status,
      200,
    );
    const change = await until('the change', () => changes[0]);
    assert.deepEqual(change.issueIds, [cart.id]);
    const updated = await session.update(change.issueIds ?? []);
    assert.ok(updated?.ok, updated?.ok === false ? updated.error.message : 'no update');
    assert.deepEqual(
      requests.map((line) => line.replace(/\?.*$/, '')),
      [
        'GET /api/0/organizations/local/issues/',
        'GET /api/0/organizations/local/issues/',
        `GET /api/0/organizations/local/issues/${cart.id}/events/latest/`,
      ].sort(),
      requests.join('\n'),
    );
    assert.ok(
      requests.every(
        (line) => !line.includes('/issues/?') || decodeURIComponent(line).includes(`issue.id:[${cart.id}]`),
      ),
      requests.join('\n'),
    );
    const issues = updated.value.issues;
    assert.equal(issues.find((issue) => issue.id === cart.id)?.count, 2);
    assert.equal(
      issues.find((issue) => issue.id === pay.id),
      first.value.issues.find((issue) => issue.id === pay.id),
      'the other issue is the one already loaded',
    );
    const marks = (file: string) =>
      updated.value.index.hitsInFile(workspace, file).map(([line, hits]) => [line, hits.map((hit) => hit.count)]);
    assert.deepEqual(marks('src/cart.js'), [[2, [2]]]);
    assert.deepEqual(marks('src/pay.js'), [[2, [1]]]);

    // Resolved elsewhere (another window, sentry-cli): it leaves the list; no event is asked.
    requests.length = 0;
    const put = await send(server.port, {
      method: 'PUT',
      path: `/api/0/organizations/local/issues/${pay.id}/`,
      headers: { Authorization: `Bearer ${server.apiToken}` },
      body: JSON.stringify({ status: 'resolved' }),
    });
    assert.equal(put.status, 200, put.text);
    const triage = await until('the triage', () => changes[1]);
    const afterTriage = await session.update(triage.issueIds ?? []);
    assert.ok(afterTriage?.ok);
    assert.deepEqual(
      afterTriage.value.issues.map((issue) => issue.id),
      [cart.id],
    );
    assert.equal(requests.filter((line) => line.includes('/events/')).length, 0, requests.join('\n'));
    assert.equal(requests.length, 2, requests.join('\n'));
    assert.equal(index.wholeWalks, 1, 'the folder was walked once, by the first load');
  } finally {
    watch?.dispose();
    await client.close();
  }
});
