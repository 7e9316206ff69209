// The local Web API answers programs on this machine, never web pages: a browser's cross-site or same-site request, a
// preflight and a foreign Host are refused without CORS headers, changes need the per-install token (kept beside the
// store, owner-only), and `tokenForReads` makes reads need it too. Ingest still takes events from a localhost page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { API_TOKEN_FILE, loadOrCreateApiToken } from '../../../../src/core/local/server/apiToken';
import { envelopePath, eventEnvelope, send } from './localHttp';

const ISSUES = '/api/0/organizations/local/issues/?project=1&query=';

describe('who may use the local Web API', () => {
  const storeDirectory = mkdtempSync(join(tmpdir(), 'local-exposure-'));
  let server: LocalSentry;
  let issueId: string;
  before(async () => {
    server = await startLocalSentry({ storeDirectory });
    await send(server.port, {
      path: envelopePath('1'),
      body: eventEnvelope({ event_id: 'c'.repeat(32), message: 'private' }),
    });
    issueId = server.store.issues()[0]?.id ?? '';
  });
  after(async () => {
    await server.close();
    rmSync(storeDirectory, { recursive: true, force: true });
  });

  test('answers a program on this machine (no Origin), and a user typing the address (Sec-Fetch-Site: none)', async () => {
    assert.equal((await send(server.port, { method: 'GET', path: ISSUES })).status, 200);
    assert.equal(
      (await send(server.port, { method: 'GET', path: ISSUES, headers: { 'Sec-Fetch-Site': 'none' } })).status,
      200,
    );
  });

  for (const [name, headers] of [
    ['a page on another localhost port', { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' }],
    ['a page on a *.localhost name', { Origin: 'http://evil.localhost:8080', 'Sec-Fetch-Site': 'cross-site' }],
    ['a page of another site', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }],
    ['a no-cors request without Origin', { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }],
  ] as const) {
    test(`refuses ${name} without any CORS header`, async () => {
      const read = await send(server.port, { method: 'GET', path: ISSUES, headers });
      assert.equal(read.status, 403);
      assert.equal(read.headers['access-control-allow-origin'], undefined);
      assert.doesNotMatch(read.text, /private/);
      const change = await send(server.port, {
        method: 'PUT',
        path: `/api/0/organizations/local/issues/${issueId}/`,
        headers: { ...headers, 'Content-Type': 'application/json', Authorization: `Bearer ${server.apiToken}` },
        body: '{"status":"resolved"}',
      });
      assert.equal(change.status, 403, 'not even with the token: a page must not be able to use it');
    });
  }

  test('refuses a preflight to the Web API, with no CORS header', async () => {
    const preflight = await send(server.port, {
      method: 'OPTIONS',
      path: `/api/0/organizations/local/issues/${issueId}/`,
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.equal(preflight.headers['access-control-allow-methods'], undefined);
  });

  test('refuses a foreign Host (DNS rebinding)', async () => {
    const rebound = await send(server.port, {
      method: 'GET',
      path: ISSUES,
      headers: { Host: `attacker.example:${server.port}` },
    });
    assert.equal(rebound.status, 403);
  });

  test('changes need the per-install token, kept owner-only beside the store', async () => {
    const path = `/api/0/organizations/local/issues/${issueId}/`;
    const anonymous = await send(server.port, {
      method: 'PUT',
      path,
      headers: { 'Content-Type': 'application/json' },
      body: '{"status":"resolved"}',
    });
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.text, new RegExp(API_TOKEN_FILE));
    assert.match(anonymous.text, /credentials were not provided/);
    const wrong = await send(server.port, {
      method: 'PUT',
      path,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${'0'.repeat(64)}` },
      body: '{"status":"resolved"}',
    });
    assert.equal(wrong.status, 401);
    assert.match(wrong.text, /Invalid token: it is not this local Sentry's/);
    assert.equal(server.store.issue(issueId)?.status, 'unresolved');
    const allowed = await send(server.port, {
      method: 'PUT',
      path,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.apiToken}` },
      body: '{"status":"resolved"}',
    });
    assert.equal(allowed.status, 200);
    assert.equal(server.apiTokenFile, join(storeDirectory, API_TOKEN_FILE));
    if (process.platform !== 'win32') assert.equal(statSync(server.apiTokenFile).mode & 0o777, 0o600);
  });

  test('a restart finds the same token beside the store; another store has another', async () => {
    assert.equal((await loadOrCreateApiToken(storeDirectory)).token, server.apiToken);
    const other = mkdtempSync(join(tmpdir(), 'local-exposure-other-'));
    try {
      assert.notEqual((await loadOrCreateApiToken(other)).token, server.apiToken);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('ingest still takes events from a page on localhost, with CORS', async () => {
    const posted = await send(server.port, {
      path: envelopePath('1'),
      headers: { Origin: 'http://localhost:5173', 'Content-Type': 'text/plain;charset=UTF-8' },
      body: eventEnvelope({ event_id: 'd'.repeat(32), message: 'from a page' }),
    });
    assert.equal(posted.status, 200);
    assert.equal(posted.headers['access-control-allow-origin'], 'http://localhost:5173');
  });
});

describe('a local Sentry whose reads need the token too', () => {
  let server: LocalSentry;
  before(async () => {
    server = await startLocalSentry({ apiToken: 'a-token-given-on-the-command-line', tokenForReads: true });
  });
  after(() => server.close());

  test('refuses reads without it and answers them with it', async () => {
    assert.equal((await send(server.port, { method: 'GET', path: ISSUES })).status, 401);
    assert.equal(
      (
        await send(server.port, {
          method: 'GET',
          path: ISSUES,
          headers: { Authorization: 'Bearer a-token-given-on-the-command-line' },
        })
      ).status,
      200,
    );
    assert.equal(server.apiTokenFile, undefined);
  });
});
