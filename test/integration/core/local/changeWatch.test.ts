// A window that uses another window's local server learns of its new data: the server's change signal moves with
// every stored event and triage change, its stream names the issues each change touched, the watch reports each
// change, reconnects a bounded number of times when the stream breaks, says when the port is closed (so the window can
// take it over), and gives up quietly on a server without the stream. The signal is a read under the Web API's rules:
// loopback Host only, no web page, no CORS, and the token when the server wants it for reads.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import type { LocalChange } from '../../../../src/core/local/changeFeed';
import { localChangeStreamPath, localChangesPath } from '../../../../src/core/local/changeSignal';
import { watchLocalChanges } from '../../../../src/core/local/changeWatch';
import { startLocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { envelopePath, eventEnvelope, send } from './localHttp';

const event = (value: string) =>
  eventEnvelope({ platform: 'javascript', exception: { values: [{ type: 'TypeError', value }] } });

/** Resolves once `done()` holds; fails after `timeoutMs` (a bound on the wait, not a timing assertion). */
async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function versionOf(port: number): Promise<string> {
  // A fresh connection each time: a kept-alive one may belong to a server closed since.
  const answer = await send(port, { method: 'GET', path: localChangesPath, headers: { Connection: 'close' } });
  assert.equal(answer.status, 200, answer.text);
  return (answer.json() as { version: string }).version;
}

describe('the local server change signal', () => {
  test('moves with each stored event and triage change, and not with reads', async () => {
    const server = await startLocalSentry();
    try {
      const first = await versionOf(server.port);
      assert.equal(
        (await send(server.port, { method: 'GET', path: '/api/0/organizations/local/issues/?project=1' })).status,
        200,
      );
      assert.equal(await versionOf(server.port), first);
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('one') })).status, 200);
      const afterEvent = await versionOf(server.port);
      assert.notEqual(afterEvent, first);
      const [issue] = server.store.issues();
      const put = await send(server.port, {
        method: 'PUT',
        path: `/api/0/organizations/local/issues/${issue?.id ?? ''}/`,
        headers: { Authorization: `Bearer ${server.apiToken}` },
        body: JSON.stringify({ status: 'resolved' }),
      });
      assert.equal(put.status, 200, put.text);
      assert.notEqual(await versionOf(server.port), afterEvent);
    } finally {
      await server.close();
    }
  });

  test('answers programs only, as the Web API does: no foreign Host, no web page, no CORS', async () => {
    const server = await startLocalSentry();
    try {
      for (const path of [localChangesPath, localChangeStreamPath]) {
        const rebound = await send(server.port, {
          method: 'GET',
          path,
          headers: { Host: `attacker.example:${server.port}` },
        });
        assert.equal(rebound.status, 403);
        const pages: Record<string, string>[] = [
          { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' },
          { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' },
        ];
        for (const headers of pages) {
          const page = await send(server.port, { method: 'GET', path, headers });
          assert.equal(page.status, 403, `${path} ${JSON.stringify(headers)}`);
          assert.equal(page.headers['access-control-allow-origin'], undefined);
          assert.doesNotMatch(page.text, /version/);
        }
      }
      const preflight = await send(server.port, {
        method: 'OPTIONS',
        path: localChangesPath,
        headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' },
      });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      assert.equal((await send(server.port, { method: 'POST', path: localChangesPath, body: '{}' })).status, 401);
      assert.equal(
        (
          await send(server.port, {
            method: 'POST',
            path: localChangesPath,
            headers: { Authorization: `Bearer ${server.apiToken}` },
            body: '{}',
          })
        ).status,
        405,
      );
    } finally {
      await server.close();
    }
  });

  test('wants the token when the server wants it for reads', async () => {
    const server = await startLocalSentry({ tokenForReads: true });
    try {
      assert.equal((await send(server.port, { method: 'GET', path: localChangesPath })).status, 401);
      assert.equal((await send(server.port, { method: 'GET', path: localChangeStreamPath })).status, 401);
      const allowed = await send(server.port, {
        method: 'GET',
        path: localChangesPath,
        headers: { Authorization: `Bearer ${server.apiToken}` },
      });
      assert.equal(allowed.status, 200, allowed.text);
    } finally {
      await server.close();
    }
  });

  test("a restarted server never repeats its predecessor's version", async () => {
    const one = await startLocalSentry();
    const before = await versionOf(one.port);
    await one.close();
    const two = await startLocalSentry({ port: one.port });
    try {
      assert.notEqual(await versionOf(two.port), before);
    } finally {
      await two.close();
    }
  });
});

/** A server that answers the stream path with `answer` for the n-th request (from 1), counting requests. */
async function streamServer(
  answer: (n: number, response: import('node:http').ServerResponse) => void,
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server = createServer((_request, response) => answer(++requests, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const fastRetry = { firstDelayMs: 5, maxDelayMs: 20, maxFailures: 3 };

describe('watchLocalChanges', () => {
  test('reports each stored event and triage with the issue it touched, then that its port closed', async () => {
    const server = await startLocalSentry();
    const changes: LocalChange[] = [];
    let gone = false;
    const watch = watchLocalChanges({
      url: server.url,
      log: silentLogger,
      onChange: (change) => changes.push(change),
      onGone: () => (gone = true),
    });
    try {
      // The first version is the baseline: nothing is reported for what was there before.
      await watch.ready;
      assert.equal(changes.length, 0);
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('one') })).status, 200);
      await until('a reported change', () => changes.length >= 1);
      const first = server.store.issues()[0]?.id ?? '';
      assert.deepEqual(changes, [{ issueIds: [first] }]);
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('two') })).status, 200);
      await until('a second reported change', () => changes.length >= 2);
      const second = server.store.issues().find((issue) => issue.id !== first)?.id ?? '';
      assert.deepEqual(changes[1], { issueIds: [second] });
      const put = await send(server.port, {
        method: 'PUT',
        path: `/api/0/organizations/local/issues/${first}/`,
        headers: { Authorization: `Bearer ${server.apiToken}` },
        body: JSON.stringify({ status: 'resolved' }),
      });
      assert.equal(put.status, 200, put.text);
      await until('the triage reported', () => changes.length >= 3);
      assert.deepEqual(changes[2], { issueIds: [first] });
      await server.close();
      await until('the closed port to be reported', () => gone);
    } finally {
      watch.dispose();
      await server.close().catch(() => undefined);
    }
  });

  test("reports an event's first release as a change of releases (a window detects its release again)", async () => {
    const server = await startLocalSentry();
    const changes: LocalChange[] = [];
    const watch = watchLocalChanges({
      url: server.url,
      log: silentLogger,
      onChange: (change) => changes.push(change),
      onGone: () => undefined,
    });
    const inRelease = (value: string, release: string) =>
      eventEnvelope({ platform: 'javascript', release, exception: { values: [{ type: 'TypeError', value }] } });
    try {
      await watch.ready;
      for (const [value, release] of [
        ['one', 'shop@1.4.2'],
        ['one', 'shop@1.4.2'],
        ['two', 'shop@1.4.2'],
        ['two', 'shop@1.4.3'],
      ] as const) {
        const before = changes.length;
        assert.equal(
          (await send(server.port, { path: envelopePath('1'), body: inRelease(value, release) })).status,
          200,
        );
        await until(`the change of ${value} in ${release}`, () => changes.length > before);
      }
      const [one, two] = ['one', 'two'].map(
        (value) => server.store.issues().find((issue) => issue.facts.title.includes(value))?.id ?? '',
      );
      assert.deepEqual(changes, [
        { issueIds: undefined },
        { issueIds: [one] },
        { issueIds: [two] },
        { issueIds: undefined },
      ]);
    } finally {
      watch.dispose();
      await server.close();
    }
  });

  test('sends the token to a server that wants it for reads, and says what is missing without one', async () => {
    const server = await startLocalSentry({ tokenForReads: true });
    let changes = 0;
    const withToken = watchLocalChanges({
      url: server.url,
      token: server.apiToken,
      log: silentLogger,
      onChange: () => changes++,
      onGone: () => undefined,
    });
    const logged: string[] = [];
    const without = watchLocalChanges({
      url: server.url,
      log: { ...silentLogger, info: (message) => logged.push(message) },
      onChange: () => changes++,
      onGone: () => undefined,
    });
    try {
      await withToken.ready;
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('one') })).status, 200);
      await until('a reported change', () => changes >= 1);
      await until('the tokenless watch to give up', () => logged.length > 0);
      assert.match(logged[0] ?? '', /HTTP 401.*token/);
    } finally {
      withToken.dispose();
      without.dispose();
      await server.close();
    }
  });

  test('stops quietly at a server without the stream, and tells no change', async () => {
    const other = await streamServer((_n, response) =>
      response
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end('{"detail":"The requested resource does not exist"}'),
    );
    const logged: string[] = [];
    let events = 0;
    const watch = watchLocalChanges({
      url: other.url,
      retry: fastRetry,
      log: { ...silentLogger, info: (message) => logged.push(message) },
      onChange: () => events++,
      onGone: () => events++,
    });
    try {
      await until('the watch to give up', () => logged.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(other.requests(), 1);
      assert.equal(events, 0);
      assert.match(logged[0] ?? '', /does not announce new events/);
    } finally {
      watch.dispose();
      await other.close();
    }
  });

  test('reconnects a bounded number of times to a stream that keeps breaking, then says so, reporting nothing else', async () => {
    // Every answer breaks at once: a 500, garbage, a stream closed before its first message.
    const broken = await streamServer((n, response) => {
      if (n % 3 === 0) response.writeHead(500).end();
      else if (n % 3 === 1) response.writeHead(200, { 'Content-Type': 'text/event-stream' }).end('data: not json\n\n');
      else response.writeHead(200, { 'Content-Type': 'text/event-stream' }).end();
    });
    const warned: string[] = [];
    let events = 0;
    const watch = watchLocalChanges({
      url: broken.url,
      retry: fastRetry,
      log: { ...silentLogger, warn: (message) => warned.push(message) },
      onChange: () => events++,
      onGone: () => events++,
    });
    try {
      await until('the watch to give up', () => warned.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(broken.requests(), fastRetry.maxFailures + 1);
      assert.equal(events, 0);
      assert.match(warned[0] ?? '', /stopped announcing new events .*3 times in a row.*Sentry: Refresh/);
    } finally {
      watch.dispose();
      await broken.close();
    }
  });

  test('after a broken stream, a version that moved meanwhile is reported as a change of anything', async () => {
    // The first connection gives its version and breaks; the second finds a later one: changes were missed.
    const flaky = await streamServer((n, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (n === 1) response.end(sse('version', { version: 'a:1' }));
      else response.write(sse('version', { version: 'a:5' }) + sse('change', { version: 'a:6', issueIds: ['7'] }));
    });
    const changes: LocalChange[] = [];
    const watch = watchLocalChanges({
      url: flaky.url,
      retry: fastRetry,
      log: silentLogger,
      onChange: (change) => changes.push(change),
      onGone: () => undefined,
    });
    try {
      await until('two reported changes', () => changes.length >= 2);
      assert.deepEqual(changes, [{ issueIds: undefined }, { issueIds: ['7'] }]);
      assert.equal(flaky.requests(), 2);
    } finally {
      watch.dispose();
      await flaky.close();
    }
  });

  test('a stream that falls silent is dropped and opened again', async () => {
    const silent = await streamServer((n, response) => {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(sse('version', { version: `a:${n}` }));
    });
    const changes: LocalChange[] = [];
    const watch = watchLocalChanges({
      url: silent.url,
      retry: fastRetry,
      stallMs: 50,
      log: silentLogger,
      onChange: (change) => changes.push(change),
      onGone: () => undefined,
    });
    try {
      await until('a reconnection', () => silent.requests() >= 2 && changes.length >= 1);
      assert.deepEqual(changes[0], { issueIds: undefined });
    } finally {
      watch.dispose();
      await silent.close();
    }
  });
});
