// Scrubbing at ingest, over real HTTP: an event carrying a password, a Bearer token, a card number, an e-mail, cookies,
// a token in the query and the client's IP is stored without any of them (not in memory, not in the store file), and
// comes back from the Web API and into the panel model as `[Filtered]`. Keeping IPs is a choice the server is given.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventSchema } from '../../../../src/core/api/eventSchema';
import { issueSchema } from '../../../../src/core/api/issueSchema';
import { sentryBackend } from '../../../../src/core/api/backend';
import { buildIssueViewModel } from '../../../../src/core/format/buildIssueViewModel';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { STORE_FILE } from '../../../../src/core/local/store/storeLog';
import { envelopePath, eventEnvelope, send } from './localHttp';

const SECRETS = [
  'hunter2',
  'sk_live_abcdef123456',
  '4111 1111 1111 1111',
  'ann@example.com',
  'sess-8d7f',
  'qtok-55',
  'xyz-private-key',
];

const sensitiveEvent = {
  event_id: 'f'.repeat(32),
  platform: 'node',
  exception: { values: [{ type: 'PaymentError', value: 'charge failed for card 4111 1111 1111 1111' }] },
  user: { id: '42', ip_address: '{{auto}}' },
  extra: { password: 'hunter2', config: { apiKey: 'xyz-private-key', region: 'eu' } },
  breadcrumbs: [{ category: 'mail', message: 'sent receipt to ann@example.com' }],
  request: {
    url: 'http://shop.example/pay?access_token=qtok-55&page=2',
    method: 'POST',
    headers: { Authorization: 'Bearer sk_live_abcdef123456', Cookie: 'sid=sess-8d7f', Accept: 'application/json' },
    cookies: { sid: 'sess-8d7f' },
    query_string: 'access_token=qtok-55&page=2',
  },
};

describe('scrubbing at ingest', () => {
  const storeDirectory = mkdtempSync(join(tmpdir(), 'local-scrub-'));
  let server: LocalSentry;
  before(async () => {
    server = await startLocalSentry({ storeDirectory });
  });
  after(async () => {
    await server.close();
    rmSync(storeDirectory, { recursive: true, force: true });
  });

  test('stores none of the sensitive values, and answers them as [Filtered]', async () => {
    const posted = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(sensitiveEvent) });
    assert.equal(posted.status, 200);
    const issueId = server.store.issues()[0]?.id ?? '';
    const latest = await send(server.port, {
      method: 'GET',
      path: `/api/0/organizations/local/issues/${issueId}/events/latest/`,
    });
    assert.equal(latest.status, 200);
    const issue = await send(server.port, { method: 'GET', path: `/api/0/organizations/local/issues/${issueId}/` });
    const stored = readFileSync(join(storeDirectory, STORE_FILE), 'utf8');
    for (const secret of SECRETS) {
      assert.ok(!latest.text.includes(secret), `the Web API event holds ${secret}`);
      assert.ok(!issue.text.includes(secret), `the Web API issue holds ${secret}`);
      assert.ok(!stored.includes(secret), `the store file holds ${secret}`);
    }
    const event = latest.json() as {
      entries: Array<{ type: string; data: Record<string, unknown> }>;
      context: Record<string, unknown>;
      user: { ip_address: unknown };
      tags: Array<{ key: string; value: string }>;
    };
    // The client's address (127.0.0.1 here, also the server's own host in permalinks) is not kept anywhere.
    assert.equal(event.user.ip_address, null);
    assert.ok(!event.tags.some((tag) => tag.value.startsWith('ip:')));
    assert.doesNotMatch(stored, /"ip_address":"127|ip:127/);
    const request = event.entries.find((entry) => entry.type === 'request')?.data ?? {};
    assert.deepEqual(
      (request['headers'] as Array<[string, string]>).find(([key]) => key === 'Authorization'),
      ['Authorization', '[Filtered]'],
    );
    assert.equal(request['url'], 'http://shop.example/pay?access_token=[Filtered]&page=2');
    assert.deepEqual(event.context, { password: '[Filtered]', config: { apiKey: '[Filtered]', region: 'eu' } });

    const model = buildIssueViewModel({
      issue: issueSchema.parse(issue.json()),
      event: eventSchema.parse(latest.json()),
      tags: [],
      capabilities: sentryBackend.capabilities,
      showUserData: true,
      now: Date.now(),
    });
    const text = JSON.stringify(model);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `the panel model holds ${secret}`);
    assert.match(text, /\[Filtered\]/);
  });

  test('keeps the client IP only when the server is told to', async () => {
    const keeping = await startLocalSentry({ scrubbing: { keepIpAddresses: true } });
    try {
      await send(keeping.port, { path: envelopePath('1'), body: eventEnvelope(sensitiveEvent) });
      const issueId = keeping.store.issues()[0]?.id ?? '';
      const latest = await send(keeping.port, {
        method: 'GET',
        path: `/api/0/organizations/local/issues/${issueId}/events/latest/`,
      });
      assert.equal((latest.json() as { user: { ip_address: string } }).user.ip_address, '127.0.0.1');
      assert.ok(!latest.text.includes('hunter2'), 'the other rules still apply');
    } finally {
      await keeping.close();
    }
  });
});
