// Spotlight's protocol on the local server: the real @sentry/node SDK set up for Spotlight through `SENTRY_SPOTLIGHT`
// (alone, or beside another Sentry's DSN) delivers its errors to `/stream`, which stores them like the DSN's; raw
// posts prove the browser side (preflight, text/plain), compression, the project of the envelope's DSN and refusals.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { bodyFields } from '../../../../src/core/local/store/eventBody';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { eventEnvelope, send } from './localHttp';
import { raisedLines, runSdkApp, writeSdkWorkspace, type SdkWorkspace } from './sdkApp';

const titles = (server: LocalSentry, projectId: string): string[] =>
  server.store
    .issues()
    .filter((issue) => issue.projectId === projectId)
    .map((issue) => issue.facts.title)
    .sort();

/** A browser error raised in `fn`: each function is another issue. */
const errorEvent = (n: number, fn: string): Record<string, unknown> => ({
  event_id: n.toString(16).padStart(32, 'b'),
  platform: 'javascript',
  exception: {
    values: [
      {
        type: 'Error',
        value: `spot ${n}`,
        stacktrace: { frames: [{ filename: 'http://localhost:5173/src/main.js', function: fn, lineno: 3, colno: 1 }] },
      },
    ],
  },
});

describe('Spotlight /stream on the local server', () => {
  let workspace: SdkWorkspace;
  let server: LocalSentry;

  before(async () => {
    workspace = writeSdkWorkspace();
    server = await startLocalSentry({ workspaceFolders: [{ name: 'shop', path: workspace.path }] });
  });
  after(async () => {
    await server.close();
    workspace.remove();
  });

  test('stores the errors of an app that has SENTRY_SPOTLIGHT and no DSN, on the lines that raised them', async () => {
    const run = await runSdkApp(workspace.path, '', 'handled', { SENTRY_SPOTLIGHT: `${server.url}/stream` });
    assert.equal(run.code, 0, run.stderr);
    // The SDK sends the three cart errors at once: the issue's title is that of whichever arrived first.
    assert.deepEqual(
      titles(server, '1').map((title) => title.replace(/cart \d/, 'cart N')),
      ['TypeError: cart N is empty', 'TypeError: order 9 has no address'],
    );
    const cart = server.store.issues().find((issue) => issue.facts.title.startsWith('TypeError: cart'));
    assert.equal(cart?.count, 3);
    const event = server.store.eventsOf(cart?.id ?? '')[0];
    const frames = (
      bodyFields(event === undefined ? '{}' : await server.store.bodyText(event))['entries'] as Array<{
        type: string;
        data: { values: Array<{ stacktrace: { frames: Array<{ lineNo: number; filename: string }> } }> };
      }>
    ).find((entry) => entry.type === 'exception')?.data.values[0]?.stacktrace.frames;
    const raised = frames?.[frames.length - 1];
    assert.deepEqual([raised?.filename.endsWith('/src/cart.js'), raised?.lineNo], [true, raisedLines.cart]);
    assert.equal(event?.release, 'shop@1.2.3');
  });

  test('also receives the events of an app that has a DSN of another Sentry as well', async () => {
    const count = (): number =>
      server.store.issues().find((issue) => issue.projectId === '1' && issue.facts.title.startsWith('TypeError: cart'))
        ?.count ?? 0;
    const before = count();
    // A DSN of an unreachable Sentry: the SDK still sends every envelope to Spotlight too.
    const run = await runSdkApp(workspace.path, 'http://key@127.0.0.1:9/42', 'handled', {
      SENTRY_SPOTLIGHT: `${server.url}/stream`,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(count(), before + 3);
  });

  test('stores an envelope that names its DSN in the DSN’s project', async () => {
    const envelope = eventEnvelope(errorEvent(4, 'tunnelled')).replace(
      /^\{/,
      '{"dsn":"https://abc@o1.ingest.sentry.io/4509",',
    );
    const posted = await send(server.port, {
      path: '/stream',
      headers: { 'Content-Type': 'application/x-sentry-envelope' },
      body: envelope,
    });
    assert.equal(posted.status, 200);
    assert.deepEqual(titles(server, '4509'), ['Error: spot 4']);
  });

  test('lets a localhost page post with a preflight and text/plain, and reads the answer (CORS)', async () => {
    const origin = 'http://localhost:5173';
    const preflight = await send(server.port, {
      method: 'OPTIONS',
      path: '/stream',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], origin);
    const posted = await send(server.port, {
      path: '/stream',
      headers: { Origin: origin, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: eventEnvelope(errorEvent(1, 'click')),
    });
    assert.equal(posted.status, 200);
    assert.equal(posted.headers['access-control-allow-origin'], origin);
    assert.ok(titles(server, '1').includes('Error: spot 1'));
  });

  test('decompresses a gzip body', async () => {
    const posted = await send(server.port, {
      path: '/stream',
      headers: { 'Content-Type': 'application/x-sentry-envelope', 'Content-Encoding': 'gzip' },
      body: gzipSync(eventEnvelope(errorEvent(2, 'load'))),
    });
    assert.equal(posted.status, 200);
    assert.ok(titles(server, '1').includes('Error: spot 2'));
  });

  test('refuses other sites’ pages, malformed envelopes and GET', async () => {
    const foreign = await send(server.port, {
      path: '/stream',
      headers: { Origin: 'https://evil.example' },
      body: eventEnvelope(errorEvent(3, 'planted')),
    });
    assert.equal(foreign.status, 403);
    assert.ok(!titles(server, '1').includes('Error: spot 3'));
    const malformed = await send(server.port, { path: '/stream', body: 'not an envelope' });
    assert.equal(malformed.status, 400);
    assert.match((malformed.json() as { detail: string }).detail, /envelope/);
    assert.equal((await send(server.port, { method: 'GET', path: '/stream' })).status, 405);
  });
});
