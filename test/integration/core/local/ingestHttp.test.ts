// The local server's ingest over real HTTP on 127.0.0.1: envelope and store endpoints, DSN keys, compression, limits,
// CORS for localhost pages, and the Host and Origin checks that keep other sites out.
import assert from 'node:assert/strict';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type IngestChange, type LocalSentry } from '../../../../src/core/local/localSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';

const eventId = (n: number): string => n.toString(16).padStart(32, 'a');
const errorEvent = (n: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  event_id: eventId(n),
  platform: 'node',
  level: 'error',
  release: 'app@1.0.0',
  environment: 'dev',
  exception: {
    values: [
      {
        type: 'TypeError',
        value: `bad ${n}`,
        stacktrace: {
          frames: [{ filename: '/app/src/cart.js', function: 'checkout', lineno: 12, colno: 3, in_app: true }],
        },
      },
    ],
  },
  ...over,
});

describe('local ingest over HTTP', () => {
  let server: LocalSentry;
  const changes: IngestChange[] = [];

  before(async () => {
    server = await startLocalSentry({
      ingestLimits: {
        maxEventBytes: 64 * 1024,
        maxBodyBytes: 256 * 1024,
        maxDecompressedBytes: 256 * 1024,
        maxItems: 50,
      },
    });
    server.onDidIngest((change) => changes.push(change));
  });
  after(() => server.close());

  test('answers an envelope with the event id and stores the event', async () => {
    const answer = await send(server.port, { path: envelopePath('3'), body: eventEnvelope(errorEvent(1)) });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json(), { id: eventId(1) });
    assert.ok(
      server.store.issues().some((issue) => issue.projectId === '3' && issue.facts.title === 'TypeError: bad 1'),
    );
    assert.equal(server.store.project('3')?.slug, 'project-3', 'the project was created on first use');
  });

  test('tells listeners about a new issue, then about a new event of it', async () => {
    changes.length = 0;
    await send(server.port, { path: envelopePath('4'), body: eventEnvelope(errorEvent(2)) });
    await send(server.port, { path: envelopePath('4'), body: eventEnvelope(errorEvent(3)) });
    assert.deepEqual(
      changes.map((change) => [change.kind, change.projectId, change.eventId]),
      [
        ['newIssue', '4', eventId(2)],
        ['newEvent', '4', eventId(3)],
      ],
    );
    assert.equal(changes[0]?.issueId, changes[1]?.issueId);
  });

  test('takes the key from X-Sentry-Auth as well as from the query', async () => {
    const answer = await send(server.port, {
      path: '/api/5/envelope/',
      headers: { 'X-Sentry-Auth': 'Sentry sentry_version=7, sentry_client=test/1.0, sentry_key=abc' },
      body: eventEnvelope(errorEvent(4)),
    });
    assert.equal(answer.status, 200);
  });

  test('takes the key from the envelope header dsn (tunnels)', async () => {
    const body = `${JSON.stringify({ event_id: eventId(5), dsn: `http://pub@127.0.0.1:${server.port}/5` })}\n{"type":"event"}\n${JSON.stringify(errorEvent(5))}\n`;
    assert.equal((await send(server.port, { path: '/api/5/envelope/', body })).status, 200);
  });

  test('refuses a request without any DSN key with a 401', async () => {
    const answer = await send(server.port, { path: '/api/5/envelope/', body: eventEnvelope(errorEvent(6)) });
    assert.equal(answer.status, 401);
    assert.match(String((answer.json() as { detail: string }).detail), /sentry_key/);
  });

  test('accepts the store endpoint with a bare event, plain or base64 of deflate', async () => {
    const plain = await send(server.port, {
      path: '/api/6/store/?sentry_key=k',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(errorEvent(7)),
    });
    assert.deepEqual([plain.status, plain.json()], [200, { id: eventId(7) }]);
    const encoded = await send(server.port, {
      path: '/api/6/store/?sentry_key=k',
      body: deflateSync(JSON.stringify(errorEvent(8))).toString('base64'),
    });
    assert.deepEqual([encoded.status, encoded.json()], [200, { id: eventId(8) }]);
  });

  for (const [encoding, compress] of [
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const) {
    test(`decompresses a ${encoding} body`, async () => {
      const n = 100 + encoding.length;
      const answer = await send(server.port, {
        path: envelopePath('7'),
        headers: { 'Content-Encoding': encoding },
        body: compress(Buffer.from(eventEnvelope(errorEvent(n)))),
      });
      assert.deepEqual([answer.status, answer.json()], [200, { id: eventId(n) }]);
    });
  }

  test('refuses a zip bomb with a 413 before it fills memory', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    assert.ok(bomb.length < 256 * 1024, 'the compressed bomb passes the body limit');
    const answer = await send(server.port, {
      path: envelopePath('7'),
      headers: { 'Content-Encoding': 'gzip' },
      body: bomb,
    });
    assert.equal(answer.status, 413);
    assert.match(String((answer.json() as { detail: string }).detail), /decompressed body exceeds/);
  });

  test('refuses an unknown content encoding with a 415, and a corrupt gzip body with a 400', async () => {
    assert.equal(
      (await send(server.port, { path: envelopePath('7'), headers: { 'Content-Encoding': 'zstd' }, body: 'x' })).status,
      415,
    );
    assert.equal(
      (await send(server.port, { path: envelopePath('7'), headers: { 'Content-Encoding': 'gzip' }, body: 'not gzip' }))
        .status,
      400,
    );
  });

  test('refuses an oversized event with a 413 naming the limit', async () => {
    const answer = await send(server.port, {
      path: envelopePath('7'),
      body: eventEnvelope(errorEvent(9, { extra: { blob: 'x'.repeat(100 * 1024) } })),
    });
    assert.equal(answer.status, 413);
    assert.match(String((answer.json() as { detail: string }).detail), /limit is 65536/);
  });

  test('refuses an oversized body with a 413', async () => {
    const answer = await send(server.port, { path: envelopePath('7'), body: Buffer.alloc(300 * 1024, 0x20) });
    assert.equal(answer.status, 413);
  });

  test('accepts and counts transactions, sessions, client reports, attachments and unknown items without storing them', async () => {
    const before = server.store.eventCount;
    const items = [
      ['transaction', '{"type":"transaction","spans":[]}'],
      ['session', '{"sid":"x","status":"ok"}'],
      ['sessions', '{"aggregates":[]}'],
      ['client_report', '{"discarded_events":[]}'],
      ['attachment', 'raw bytes\nwith a newline'],
      ['brand_new_type', '{}'],
    ];
    const body = `{}\n${items.map(([type, payload]) => `${JSON.stringify({ type, length: Buffer.byteLength(payload ?? '') })}\n${payload}\n`).join('')}`;
    const counted = new Map(server.itemCounts());
    const answer = await send(server.port, { path: envelopePath('8'), body });
    assert.deepEqual([answer.status, answer.json()], [200, {}]);
    assert.equal(server.store.eventCount, before);
    for (const [type] of items)
      assert.equal(server.itemCounts().get(type ?? ''), (counted.get(type ?? '') ?? 0) + 1, `${type} counted`);
  });

  test('refuses a malformed envelope with a 400 and keeps serving', async () => {
    const answer = await send(server.port, { path: envelopePath('8'), body: '{}\n{"type":"event","length":999}\n{}' });
    assert.equal(answer.status, 400);
    assert.equal(
      (await send(server.port, { path: envelopePath('8'), body: eventEnvelope(errorEvent(10)) })).status,
      200,
    );
  });

  test('refuses a project id that is not a number with a 400', async () => {
    assert.equal(
      (await send(server.port, { path: '/api/abc/envelope/?sentry_key=k', body: eventEnvelope(errorEvent(11)) }))
        .status,
      400,
    );
  });

  test('refuses requests addressed to another host name (DNS rebinding) with a 403', async () => {
    const answer = await send(server.port, {
      path: envelopePath('1'),
      headers: { Host: `attacker.example:${server.port}` },
      body: eventEnvelope(errorEvent(12)),
    });
    assert.equal(answer.status, 403);
    assert.equal(
      (await send(server.port, { method: 'GET', path: '/api/0/organizations/', headers: { Host: 'evil.test' } }))
        .status,
      403,
    );
    assert.equal(
      (
        await send(server.port, {
          method: 'GET',
          path: '/api/0/organizations/',
          headers: { Host: `localhost:${server.port}` },
        })
      ).status,
      200,
    );
  });

  test('lets pages on localhost post events and read the answer (CORS), with a preflight', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await send(server.port, {
      method: 'OPTIONS',
      path: envelopePath('9'),
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-sentry-auth',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], origin);
    assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /x-sentry-auth/);
    const posted = await send(server.port, {
      path: envelopePath('9'),
      headers: { Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: eventEnvelope(errorEvent(13)),
    });
    assert.equal(posted.status, 200);
    assert.equal(posted.headers['access-control-allow-origin'], origin);
  });

  test('refuses pages of other sites, so they cannot plant events', async () => {
    const answer = await send(server.port, {
      path: envelopePath('9'),
      headers: { Origin: 'https://evil.example' },
      body: eventEnvelope(errorEvent(14)),
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers['access-control-allow-origin'], undefined);
    assert.equal(
      server.store.issues().some((issue) => issue.facts.title === 'TypeError: bad 14'),
      false,
    );
  });

  test('lists the issues of a project named by id or by slug', async () => {
    const byId = (
      await send(server.port, { method: 'GET', path: '/api/0/organizations/local/issues/?project=3' })
    ).json() as Array<{ project: { id: string } }>;
    const bySlug = (
      await send(server.port, { method: 'GET', path: '/api/0/organizations/local/issues/?project=project-3' })
    ).json() as Array<{ project: { id: string } }>;
    assert.ok(byId.length > 0);
    assert.deepEqual(bySlug, byId);
    assert.ok(byId.every((issue) => issue.project.id === '3'));
  });

  test('answers GET on an ingest path with 405 and unknown paths with 404', async () => {
    assert.equal((await send(server.port, { method: 'GET', path: envelopePath('9') })).status, 405);
    assert.equal((await send(server.port, { method: 'GET', path: '/nothing/here' })).status, 404);
  });
});
