// A window that uses another window's local server learns of its new data: the server's change signal moves with
// every stored event and triage change, the watch reports each move, says when the port is closed (so the window can
// take it over), and gives up quietly on a server without the signal. The signal is a read under the Web API's rules:
// loopback Host only, no web page, no CORS, and the token when the server wants it for reads.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { localChangesPath } from '../../../../src/core/local/changeSignal';
import { watchLocalChanges } from '../../../../src/core/local/changeWatch';
import { startLocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { envelopePath, eventEnvelope, send } from './localHttp';

const event = (value: string) => eventEnvelope({ platform: 'javascript', exception: { values: [{ type: 'TypeError', value }] } });

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
      assert.equal((await send(server.port, { method: 'GET', path: '/api/0/organizations/local/issues/?project=1' })).status, 200);
      assert.equal(await versionOf(server.port), first);
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('one') })).status, 200);
      const afterEvent = await versionOf(server.port);
      assert.notEqual(afterEvent, first);
      const [issue] = server.store.issues();
      const put = await send(server.port, { method: 'PUT', path: `/api/0/organizations/local/issues/${issue?.id ?? ''}/`, headers: { Authorization: `Bearer ${server.apiToken}` }, body: JSON.stringify({ status: 'resolved' }) });
      assert.equal(put.status, 200, put.text);
      assert.notEqual(await versionOf(server.port), afterEvent);
    } finally {
      await server.close();
    }
  });

  test('answers programs only, as the Web API does: no foreign Host, no web page, no CORS', async () => {
    const server = await startLocalSentry();
    try {
      const rebound = await send(server.port, { method: 'GET', path: localChangesPath, headers: { Host: `attacker.example:${server.port}` } });
      assert.equal(rebound.status, 403);
      const pages: Record<string, string>[] = [{ Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' }, { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }];
      for (const headers of pages) {
        const page = await send(server.port, { method: 'GET', path: localChangesPath, headers });
        assert.equal(page.status, 403, JSON.stringify(headers));
        assert.equal(page.headers['access-control-allow-origin'], undefined);
        assert.doesNotMatch(page.text, /version/);
      }
      const preflight = await send(server.port, { method: 'OPTIONS', path: localChangesPath, headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' } });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      assert.equal((await send(server.port, { method: 'POST', path: localChangesPath, body: '{}' })).status, 401);
      assert.equal((await send(server.port, { method: 'POST', path: localChangesPath, headers: { Authorization: `Bearer ${server.apiToken}` }, body: '{}' })).status, 405);
    } finally {
      await server.close();
    }
  });

  test('wants the token when the server wants it for reads', async () => {
    const server = await startLocalSentry({ tokenForReads: true });
    try {
      assert.equal((await send(server.port, { method: 'GET', path: localChangesPath })).status, 401);
      const allowed = await send(server.port, { method: 'GET', path: localChangesPath, headers: { Authorization: `Bearer ${server.apiToken}` } });
      assert.equal(allowed.status, 200, allowed.text);
    } finally {
      await server.close();
    }
  });

  test('a restarted server never repeats its predecessor\'s version', async () => {
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

describe('watchLocalChanges', () => {
  test('reports new events at another process\'s server, then that its port closed', async () => {
    const server = await startLocalSentry();
    let changes = 0;
    let gone = false;
    const watch = watchLocalChanges({ url: server.url, intervalMs: 20, log: silentLogger, onChange: () => changes++, onGone: () => (gone = true) });
    try {
      // The first reading is the baseline: nothing is reported for what was there before.
      await watch.ready;
      assert.equal(changes, 0);
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('one') })).status, 200);
      await until('a reported change', () => changes >= 1);
      const seen = changes;
      assert.equal((await send(server.port, { path: envelopePath('1'), body: event('two') })).status, 200);
      await until('a second reported change', () => changes > seen);
      await server.close();
      await until('the closed port to be reported', () => gone);
    } finally {
      watch.dispose();
      await server.close().catch(() => undefined);
    }
  });

  test('sends the token to a server that wants it for reads, and says what is missing without one', async () => {
    const server = await startLocalSentry({ tokenForReads: true });
    let changes = 0;
    const withToken = watchLocalChanges({ url: server.url, token: server.apiToken, intervalMs: 20, log: silentLogger, onChange: () => changes++, onGone: () => undefined });
    const logged: string[] = [];
    const without = watchLocalChanges({ url: server.url, intervalMs: 20, log: { ...silentLogger, info: (message) => logged.push(message) }, onChange: () => changes++, onGone: () => undefined });
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

  test('stops quietly at a server without the signal, and tells no change', async () => {
    let requests = 0;
    const other = createServer((_request, response) => {
      requests++;
      response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"detail":"The requested resource does not exist"}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const logged: string[] = [];
    let events = 0;
    const watch = watchLocalChanges({ url, intervalMs: 10, log: { ...silentLogger, info: (message) => logged.push(message) }, onChange: () => events++, onGone: () => events++ });
    try {
      await until('the watch to give up', () => logged.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(requests, 1);
      assert.equal(events, 0);
      assert.match(logged[0] ?? '', /does not announce new events/);
    } finally {
      watch.dispose();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  test('keeps trying while answers fail, without reporting a change or a closed port', async () => {
    let requests = 0;
    const broken = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(requests % 2 === 0 ? 'not json' : '{"nothing":1}');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    let events = 0;
    const watch = watchLocalChanges({ url: `http://127.0.0.1:${(broken.address() as AddressInfo).port}`, intervalMs: 10, log: silentLogger, onChange: () => events++, onGone: () => events++ });
    try {
      await until('several reads', () => requests >= 4);
      assert.equal(events, 0);
    } finally {
      watch.dispose();
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});
