// Event processing against the published pairs of SDK payload and Web API answer: keys camelCased where
// sentry-api-notes §4 says (top level, frames, exceptions), context lines folded, request and breadcrumbs converted,
// tags and user derived.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { processEvent } from '../../../../src/core/local/process/eventProcessor';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { exceptionValues, processWith } from './localTestSupport';

type Json = Record<string, unknown>;

function fixture(folder: 'envelopes/sdk-ingest' | 'sentry-api', name: string): Json {
  return JSON.parse(readFileSync(join(findRepoRoot(), 'test', 'fixtures', folder, name), 'utf8')) as Json;
}

function entry(event: Json, type: string): Json | undefined {
  return (event['entries'] as Array<{ type: string; data: Json }>).find((candidate) => candidate.type === type)?.data;
}

function framesOf(event: Json): Json[] {
  const values = (entry(event, 'exception')?.['values'] ?? []) as Array<{ stacktrace: { frames: Json[] } }>;
  return values[0]?.stacktrace.frames ?? [];
}

const pick = (frame: Json, keys: readonly string[]): Json => Object.fromEntries(keys.map((key) => [key, frame[key]]));

describe('processing the Python SDK example', () => {
  const sdk = fixture('envelopes/sdk-ingest', 'sdk-ingest.python_zero_division.json');
  const api = fixture('sentry-api', 'oss-sentry-22.event-api.python_zero_division.json');

  test('converts frames to the API form: camelCase keys and context pairs, as Sentry answered', async () => {
    const processed = await processWith(sdk);
    const keys = ['filename', 'absPath', 'module', 'function', 'lineNo', 'colNo', 'context', 'vars'];
    assert.deepEqual(
      framesOf(processed.body as Json).map((frame) => pick(frame, keys)),
      framesOf(api).map((frame) => pick(frame, keys)),
    );
  });

  test('marks site-packages frames as not in-app whatever the SDK said', async () => {
    const frames = framesOf((await processWith(sdk)).body as Json);
    assert.deepEqual(
      frames.map((frame) => frame['inApp']),
      [false, false, false, false, false, true],
    );
  });

  test('titles the issue as Sentry did and keeps the exception keys it keeps', async () => {
    const processed = await processWith(sdk);
    assert.equal(processed.title, api['title']);
    assert.equal(processed.culprit, api['culprit']);
    const value = exceptionValues(processed)[0] as unknown as Json;
    const expected = (entry(api, 'exception')?.['values'] as Json[])[0] ?? {};
    assert.deepEqual(
      pick(value, ['type', 'value', 'module', 'threadId', 'mechanism']),
      pick(expected, ['type', 'value', 'module', 'threadId', 'mechanism']),
    );
    assert.equal(value['rawStacktrace'], null);
  });

  test('converts the request: sorted header pairs, query pairs, env', async () => {
    const request = entry((await processWith(sdk)).body as Json, 'request');
    const expected = entry(api, 'request') ?? {};
    assert.deepEqual(
      pick(request ?? {}, ['url', 'method', 'query', 'headers', 'env', 'inferredContentType']),
      pick(expected, ['url', 'method', 'query', 'headers', 'env', 'inferredContentType']),
    );
  });

  test('keeps contexts as sent (snake_case inside) and turns extra into context', async () => {
    const body = (await processWith(sdk)).body as Json;
    assert.deepEqual((body['contexts'] as Json)['trace'], (sdk['contexts'] as Json)['trace']);
    assert.deepEqual(body['context'], api['context']);
    assert.deepEqual(body['packages'], sdk['modules']);
  });
});

describe('processing the browser SDK examples', () => {
  const sdk = fixture('envelopes/sdk-ingest', 'sdk-ingest.js_error_with_context.json');
  const api = fixture('sentry-api', 'oss-sentry-22.event-api.js_error_with_context.json');

  test('converts breadcrumbs: ISO timestamps, `log` level as info, default type, keys as sent', async () => {
    const crumbs = (entry((await processWith(sdk)).body as Json, 'breadcrumbs')?.['values'] ?? []) as Json[];
    const sent = sdk['breadcrumbs'] as Json[];
    assert.equal(crumbs.length, sent.length);
    assert.deepEqual(crumbs[0], {
      type: 'default',
      category: 'console',
      level: 'info',
      message: 'Angular is running in development mode. Call enableProdMode() to enable production mode.',
      data: {
        arguments: ['Angular is running in development mode. Call enableProdMode() to enable production mode.'],
        logger: 'console',
      },
      event_id: null,
      timestamp: '2020-09-07T18:46:32.881Z',
    });
    assert.equal(crumbs[3]?.['event_id'], '35f2ef9d299c4fe18747318105e2c42a');
    assert.deepEqual((crumbs[2]?.['data'] as Json)['status_code'], 200);
  });

  test('keeps the user with snake_case fields and derives the user tag from its id', async () => {
    const processed = await processWith(sdk);
    const user = (processed.body as Json)['user'] as Json;
    assert.deepEqual(
      pick(user, ['id', 'email', 'username', 'name']),
      pick(api['user'] as Json, ['id', 'email', 'username', 'name']),
    );
    assert.equal(processed.userKey, 'id:1');
    assert.ok(processed.tags.some(([key, value]) => key === 'user' && value === 'id:1'));
  });

  test('converts frame keys of a browser frame as Sentry did', async () => {
    const frame = framesOf((await processWith(sdk)).body as Json)[0] ?? {};
    const expected = framesOf(api)[0] ?? {};
    assert.deepEqual(
      pick(frame, ['function', 'lineNo', 'colNo', 'context']),
      pick(expected, ['function', 'lineNo', 'colNo', 'context']),
    );
    assert.equal(frame['filename'], 'http://localhost:4201/polyfills.js');
    assert.equal((await processWith(sdk)).title, api['title']);
  });

  test('derives the tags Sentry derived: environment, release, handled, mechanism, level, and the SDK tags as Python prints them', async () => {
    const source = fixture('envelopes/sdk-ingest', 'sdk-ingest.small_js_error_source.json');
    const expected = fixture('sentry-api', 'oss-sentry-22.event-api.small_js_error_source.json');
    const tags = new Map((await processWith(source)).tags);
    for (const key of ['environment', 'release', 'handled', 'mechanism', 'level', 'skippedNormalization']) {
      const wanted = (expected['tags'] as Array<{ key: string; value: string }>).find((tag) => tag.key === key)?.value;
      assert.equal(tags.get(key), wanted, key);
    }
  });
});

describe('processing odd payloads', () => {
  const context = { receivedAt: Date.parse('2026-05-01T12:00:00Z') };

  test('refuses payloads that are not objects with a 400', async () => {
    for (const payload of [null, [], 'event', 42]) {
      const result = await processEvent(payload, context);
      assert.ok(!result.ok);
      assert.equal(result.error.status, 400);
    }
  });

  test('replaces a malformed event id and a timestamp from the future', async () => {
    const result = await processEvent(
      { event_id: 'not-an-id', timestamp: Date.parse('2030-01-01T00:00:00Z') / 1000, message: 'x' },
      context,
    );
    assert.ok(result.ok);
    assert.match(result.value.eventId, /^[0-9a-f]{32}$/);
    assert.equal(result.value.timestamp, context.receivedAt);
  });

  test('accepts dashed event ids and ISO timestamps', async () => {
    const result = await processEvent(
      { event_id: '9EC79C33-EC99-42AB-8353-589FCB2E04DC', timestamp: '2026-04-30T10:00:00Z', message: 'x' },
      context,
    );
    assert.ok(result.ok);
    assert.equal(result.value.eventId, '9ec79c33ec9942ab8353589fcb2e04dc');
    assert.equal(result.value.timestamp, Date.parse('2026-04-30T10:00:00Z'));
  });

  test('survives fields of every wrong type', async () => {
    const result = await processEvent(
      {
        exception: { values: [{ type: 5, stacktrace: { frames: 'nope' } }, 7, null] },
        tags: [[1, 2], 'x'],
        user: 'bob',
        timestamp: 'yesterday',
        level: {},
        breadcrumbs: 'no',
        request: [],
      },
      context,
    );
    assert.ok(result.ok);
    assert.equal(result.value.level, 'error');
  });

  test('bounds deeply nested free-form data', async () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 500; level++) deep = { next: deep };
    const result = await processEvent({ message: 'deep', extra: { deep } }, context);
    assert.ok(result.ok);
    assert.ok(JSON.stringify(result.value.body).length < 10_000);
  });

  test('fills `{{auto}}` IP addresses from the sender only when IP addresses are kept', async () => {
    const kept = await processEvent(
      { message: 'x', user: { ip_address: '{{auto}}' } },
      { ...context, clientIp: '127.0.0.1', scrubbing: { keepIpAddresses: true } },
    );
    assert.ok(kept.ok);
    assert.equal(kept.value.userKey, 'ip:127.0.0.1');
    const scrubbed = await processEvent(
      { message: 'x', user: { ip_address: '{{auto}}' } },
      { ...context, clientIp: '127.0.0.1' },
    );
    assert.ok(scrubbed.ok);
    assert.equal(scrubbed.value.userKey, undefined, 'by default no client IP is stored, not even as a user key');
    assert.doesNotMatch(JSON.stringify(scrubbed.value.body), /127\.0\.0\.1/);
  });
});

describe('the stored body text', () => {
  test('is the body serialized, its size the length of its JSON with a size of 0', async () => {
    const sdk = fixture('envelopes/sdk-ingest', 'sdk-ingest.python_zero_division.json');
    const processed = await processWith(sdk);
    assert.equal(processed.bodyJson, JSON.stringify(processed.body));
    const size = processed.body['size'];
    assert.equal(size, JSON.stringify({ ...processed.body, size: 0 }).length);
    assert.ok(typeof size === 'number' && size > 1_000, `size ${String(size)}`);
  });
});
