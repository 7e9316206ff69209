// Hostile events over real HTTP: huge exception values and deep nesting are trimmed as Relay trims them, so the store
// file, a restart and an issue list page stay small, and the event is kept (never a 500).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { STORE_FILE } from '../../../../src/core/local/store/storeLog';
import { envelopePath, eventEnvelope, send } from './localHttp';

const EVENTS = 40;
const eventId = (n: number): string => n.toString(16).padStart(32, 'b');

/** JSON text of a string inside `depth` arrays (JSON.stringify itself cannot write that deep). */
const nestedJson = (depth: number): string => `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;

describe('bounded events over HTTP', () => {
  const storeDirectory = mkdtempSync(join(tmpdir(), 'local-bounded-'));
  let server: LocalSentry;
  before(async () => {
    server = await startLocalSentry({ storeDirectory });
  });
  after(async () => {
    await server.close();
    rmSync(storeDirectory, { recursive: true, force: true });
  });

  test('stores events with 900 KB exception values in a few KB each, with _meta saying what was cut', async () => {
    for (let n = 1; n <= EVENTS; n++) {
      const event = {
        event_id: eventId(n),
        platform: 'node',
        exception: { values: [{ type: `Error${n}`, value: `${n} `.padEnd(900_000, 'v') }] },
      };
      const answer = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) });
      assert.equal(answer.status, 200, answer.text);
    }
    const size = statSync(join(storeDirectory, STORE_FILE)).size;
    assert.ok(size < EVENTS * 40_000, `the store file holds ${size} bytes for ${EVENTS} events`);

    const list = await send(server.port, {
      method: 'GET',
      path: '/api/0/organizations/local/issues/?project=1&limit=100',
    });
    assert.equal(list.status, 200);
    assert.equal((list.json() as unknown[]).length, EVENTS);
    assert.ok(
      Buffer.byteLength(list.text) < EVENTS * 8_000,
      `an issue list page of ${Buffer.byteLength(list.text)} bytes`,
    );

    const issueId = server.store.issues()[0]?.id ?? '';
    const latest = (
      await send(server.port, { method: 'GET', path: `/api/0/organizations/local/issues/${issueId}/events/latest/` })
    ).json() as { entries: Array<{ type: string; data: { values: Array<{ value: string }> } }>; _meta: unknown };
    const value = latest.entries.find((entry) => entry.type === 'exception')?.data.values[0]?.value ?? '';
    assert.equal(value.length, 8192);
    assert.deepEqual(latest._meta, {
      entries: {
        '0': { data: { values: { '0': { value: { '': { len: 900_000, rem: [['!limit', 's', 8189, 8192]] } } } } } },
      },
    });
  });

  test('keeps an event nesting 5,000 levels inside request headers, cookies and query string', async () => {
    const deep = nestedJson(5_000);
    const event = `{"event_id":"${eventId(999)}","platform":"node","message":"deeply nested request","request":{"url":"http://app.test/","headers":{"X-Deep":${deep}},"cookies":{"session":${deep}},"query_string":[["q",${deep}]]}}`;
    const answer = await send(server.port, {
      path: '/api/1/store/?sentry_key=k',
      headers: { 'Content-Type': 'application/json' },
      body: event,
    });
    assert.equal(answer.status, 200, answer.text);
    assert.ok(server.store.issues().some((issue) => issue.facts.title === 'deeply nested request'));
  });
});
