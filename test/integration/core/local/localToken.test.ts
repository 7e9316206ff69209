// A local Sentry that another process serves: the editor finds its token among the store folders it knows (offering
// each to the API index, whose scopes say whether it allows changes), and a client without it is told, on a 401, to
// use the server's own token from its local-api-token file rather than to make a Sentry auth token.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { loadOrCreateApiToken } from '../../../../src/core/local/server/apiToken';
import { findLocalApiToken } from '../../../../src/core/local/server/localTokenFinder';
import { silentLogger } from '../../../../src/core/log';
import { envelopePath, eventEnvelope, send } from './localHttp';

describe("a local Sentry's token, seen from another process", () => {
  const root = mkdtempSync(join(tmpdir(), 'local-token-'));
  const serveStore = join(root, 'serve-store');
  const windowStore = join(root, 'window-store');
  let server: LocalSentry;
  let issueId: string;
  before(async () => {
    server = await startLocalSentry({ storeDirectory: serveStore });
    mkdirSync(windowStore);
    await loadOrCreateApiToken(windowStore);
    await send(server.port, { path: envelopePath('1'), body: eventEnvelope({ message: 'checkout failed' }) });
    issueId = server.store.issues()[0]?.id ?? '';
  });
  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the API index grants write scopes only with the server token', async () => {
    const scopes = async (headers: Record<string, string>) =>
      ((await send(server.port, { method: 'GET', path: '/api/0/', headers })).json() as { auth: { scopes: string[] } })
        .auth.scopes;
    assert.ok(!(await scopes({})).includes('event:write'));
    assert.ok((await scopes({})).includes('event:read'));
    assert.ok(!(await scopes({ Authorization: `Bearer ${'0'.repeat(64)}` })).includes('event:write'));
    assert.ok((await scopes({ Authorization: `Bearer ${server.apiToken}` })).includes('event:write'));
  });

  test("finds the token of the store that serves, skipping another store's and a missing one", async () => {
    assert.equal(
      await findLocalApiToken(server.url, [windowStore, join(root, 'missing'), serveStore]),
      server.apiToken,
    );
    assert.equal(await findLocalApiToken(server.url, [windowStore, join(root, 'missing')]), undefined);
  });

  test('finds nothing where nothing listens', async () => {
    const gone = await startLocalSentry({ storeDirectory: join(root, 'gone') });
    const url = gone.url;
    await gone.close();
    assert.equal(await findLocalApiToken(url, [join(root, 'gone')]), undefined);
  });

  test('finds the token of a server that wants it for reads too', async () => {
    const strict = await startLocalSentry({ storeDirectory: join(root, 'strict'), tokenForReads: true });
    try {
      assert.equal(await findLocalApiToken(strict.url, [windowStore, join(root, 'strict')]), strict.apiToken);
    } finally {
      await strict.close();
    }
  });

  test("a triage with another store's token is told to use the local server's own token, not a Sentry auth token", async () => {
    const other = (await loadOrCreateApiToken(windowStore)).token;
    const client = await SentryClient.detect({ baseUrl: server.url, token: other, log: silentLogger });
    try {
      const answer = await client.updateIssue('local', issueId, { action: 'resolve' });
      assert.equal(answer.ok, false);
      if (answer.ok) return;
      assert.equal(answer.error.kind, 'unauthorized');
      assert.match(answer.error.message, /^The local Sentry at http:\/\/127\.0\.0\.1:\d+ needs its own token/);
      assert.match(answer.error.message, /local-api-token/);
      assert.match(answer.error.message, /Sentry: Sign In/);
      assert.doesNotMatch(answer.error.message, /rejected|expired or revoked|auth-tokens/);
      assert.equal(server.store.issue(issueId)?.status, 'unresolved');
    } finally {
      await client.close();
    }
  });

  test('the same triage with the found token resolves the issue', async () => {
    const token = await findLocalApiToken(server.url, [windowStore, serveStore]);
    const client = await SentryClient.detect({ baseUrl: server.url, token, log: silentLogger });
    try {
      const answer = await client.updateIssue('local', issueId, { action: 'resolve' });
      assert.equal(answer.ok, true, answer.ok ? '' : answer.error.message);
      assert.equal(server.store.issue(issueId)?.status, 'resolved');
    } finally {
      await client.close();
    }
  });
});
