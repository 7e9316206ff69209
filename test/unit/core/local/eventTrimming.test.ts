// Stored events are trimmed as Relay trims them at ingest: strings to their field's cap, databags to their depth and
// byte budget, stacks to 250 frames; every cut is noted in `_meta`. Deep nesting anywhere is trimmed, never refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { trimEventBody } from '../../../../src/core/local/process/eventTrimming';
import { exceptionValues, processWith } from './localTestSupport';

type Json = Record<string, unknown>;

function entry(body: Json, type: string): Json | undefined {
  return (body['entries'] as Array<{ type: string; data: Json }>).find((candidate) => candidate.type === type)?.data;
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

const meta = (body: Json, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], body['_meta']);

describe('trimming stored events', () => {
  test('cuts a 1 MB exception value to 8,192 characters and notes its length in _meta', async () => {
    const processed = await processWith({ exception: { values: [{ type: 'Error', value: 'x'.repeat(1_000_000) }] } });
    const value = exceptionValues(processed)[0]?.value ?? '';
    assert.equal(value.length, 8192);
    assert.ok(value.endsWith('...'));
    assert.deepEqual(meta(processed.body, 'entries', '0', 'data', 'values', '0', 'value', ''), {
      len: 1_000_000,
      rem: [['!limit', 's', 8189, 8192]],
    });
    assert.ok((processed.body['size'] as number) < 20_000, `stored size ${String(processed.body['size'])}`);
    assert.ok(JSON.stringify(processed.metadata).length < 3_000, 'the issue metadata is capped too');
  });

  test('bounds breadcrumb data to 2 KB, extra to 256 KB, and keeps at most 100 breadcrumbs', async () => {
    const crumbs = Array.from({ length: 300 }, (_, index) => ({
      message: `crumb ${index}`,
      data: { blob: 'b'.repeat(10_000), list: Array.from({ length: 500 }, (__, at) => at) },
    }));
    const processed = await processWith({
      message: 'hello',
      breadcrumbs: { values: crumbs },
      extra: { big: 'e'.repeat(900_000) },
    });
    const values = (entry(processed.body, 'breadcrumbs')?.['values'] ?? []) as Json[];
    assert.equal(values.length, 100);
    assert.equal(values[99]?.['message'], 'crumb 299', 'the newest breadcrumbs are kept');
    for (const crumb of values)
      assert.ok(JSON.stringify(crumb['data']).length <= 2_200, 'each breadcrumb data bag is about 2 KB at most');
    const extra = JSON.stringify(processed.body['context']);
    assert.ok(extra.length <= 262_144 + 100, `extra is ${extra.length} characters`);
  });

  test('keeps the last 250 frames and the vars of at most 50', async () => {
    const frames = Array.from({ length: 1_000 }, (_, index) => ({
      filename: `f${index}.js`,
      function: `fn${index}`,
      lineno: index + 1,
      in_app: true,
      vars: { index },
    }));
    const processed = await processWith({
      exception: { values: [{ type: 'RangeError', value: 'deep', stacktrace: { frames } }] },
    });
    const kept = exceptionValues(processed)[0]?.stacktrace?.frames ?? [];
    assert.equal(kept.length, 250);
    assert.equal(kept[249]?.['filename'], 'f999.js', 'the crashing frame is kept');
    assert.equal(kept.filter((frame) => frame['vars'] !== null).length, 50);
    assert.deepEqual(meta(processed.body, 'entries', '0', 'data', 'values', '0', 'stacktrace', 'frames', ''), {
      len: 1_000,
    });
  });

  test('keeps an event whose request headers, cookies and query nest 5,000 levels deep', async () => {
    const deep = nested(5_000, 'bottom');
    const processed = await processWith({
      message: 'nested',
      request: {
        url: 'http://app.test/x',
        headers: { 'X-Deep': deep, Accept: 'text/html' },
        cookies: { session: deep },
        query_string: [['q', deep]],
      },
      extra: { deep },
      contexts: { app: { deep } },
    });
    const request = entry(processed.body, 'request') ?? {};
    assert.ok(JSON.stringify(request).length < 10_000);
    assert.deepEqual(
      (request['headers'] as Array<[string, string]>).find(([key]) => key === 'Accept'),
      ['Accept', 'text/html'],
    );
    assert.ok(JSON.stringify(processed.body).length < 50_000);
  });

  test("turns a container at a bag's last level into its JSON text, as Relay does", () => {
    const body = { context: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } };
    const trimmed = trimEventBody(body);
    assert.equal(
      JSON.stringify(trimmed['context']),
      JSON.stringify({ a: { b: { c: { d: { e: { f: '{"g":1}' } } } } } }),
    );
  });
});
