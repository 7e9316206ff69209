// The store file changed by something else while the server runs: a read of a damaged event body reaches the API
// client as an answer that says what happened and what to do, not a bare "Internal Error", and the server goes on.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry } from '../../../../src/core/local/localSentry';
import { API_TOKEN_FILE } from '../../../../src/core/local/server/apiToken';
import { STORE_FILE } from '../../../../src/core/local/store/storeLog';
import { silentLogger } from '../../../../src/core/log';
import { envelopePath, eventEnvelope, send } from './localHttp';

const store = mkdtempSync(join(tmpdir(), 'store-changed-'));
after(() => rmSync(store, { recursive: true, force: true }));

const thrown = (n: number, message: string): Record<string, unknown> => ({
  event_id: n.toString(16).padStart(32, 'e'),
  platform: 'node',
  timestamp: 1_790_000_000 + n,
  exception: {
    values: [{ type: `Error${n}`, value: message, stacktrace: { frames: [{ filename: 'app.js', lineno: n }] } }],
  },
});

test('a body changed under the server is reported with the reason and the remedy; other events still load', async () => {
  const server = await startLocalSentry({ storeDirectory: store });
  const client = SentryClient.create({
    baseUrl: `http://127.0.0.1:${server.port}`,
    token: readFileSync(join(store, API_TOKEN_FILE), 'utf8').trim(),
    log: silentLogger,
    retry: { maxRetries: 0 },
  });
  try {
    for (const [n, message] of [
      [1, 'original text'],
      [2, 'untouched text'],
    ] as const) {
      const answer = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(thrown(n, message)) });
      assert.equal(answer.status, 200, answer.text);
    }
    const file = join(store, STORE_FILE);
    const bytes = readFileSync(file);
    bytes.write('tampered', bytes.indexOf('original'));
    writeFileSync(file, bytes);

    const issues = await client.issues('local', { query: '' });
    assert.ok(issues.ok, issues.ok ? '' : issues.error.message);
    const byType = (type: string) => issues.value.find((issue) => issue.metadata?.type === type)?.id ?? '';
    const damaged = await client.latestEvent('local', byType('Error1'));
    assert.ok(!damaged.ok);
    assert.match(damaged.error.message, /store file changed under the server.*Restart the server/);
    const intact = await client.latestEvent('local', byType('Error2'));
    assert.ok(intact.ok, intact.ok ? '' : intact.error.message);
  } finally {
    await client.close();
    await server.close();
  }
});
