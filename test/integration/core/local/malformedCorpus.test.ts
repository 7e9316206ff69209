// Hostile input over HTTP: every file of the malformed-envelope corpus and fast-check-generated bodies, headers and
// encodings get a 2xx or 4xx, the server keeps answering, and its store and memory stay within their bounds.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { findRepoRoot } from '../../../support/fakeSentry/repoRoot';
import { envelopePath, eventEnvelope, send } from './localHttp';
import { propertyRuns } from '../../../support/propertyRuns';

const corpusDir = join(findRepoRoot(), 'test', 'fixtures', 'envelopes', 'malformed');
/** Framing that is valid, carrying an event whose odd fields are dropped: stored, as Relay would. */
const acceptedFiles = new Set(['exception-values-wrong-types.envelope', 'deeply-nested-object-event.envelope']);

describe('malformed envelopes over HTTP', () => {
  let server: LocalSentry;
  before(async () => {
    // Small caps, so that what the server may hold at once is far below what the bombs expand to.
    server = await startLocalSentry({
      storeLimits: { maxEvents: 50, maxEventsPerIssue: 10, maxIssues: 20 },
      ingestLimits: { maxBodyBytes: 2_000_000, maxDecompressedBytes: 2_000_000 },
    });
  });
  after(() => server.close());

  for (const name of readdirSync(corpusDir).sort()) {
    test(`${name}: ${acceptedFiles.has(name) ? 'stored' : 'refused with a 4xx'}`, async () => {
      const answer = await send(server.port, { path: envelopePath('1'), body: readFileSync(join(corpusDir, name)) });
      if (acceptedFiles.has(name)) assert.equal(answer.status, 200, answer.text);
      else assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status} ${answer.text}`);
      assert.equal(typeof (answer.json() as object), 'object', 'the answer is JSON');
    });
  }

  test('fuzzed bodies, headers, encodings and paths all get a 2xx or 4xx, with the store and memory bounded', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
      fc.json().map((json) => `{}\n{"type":"event"}\n${json}\n`),
      fc
        .record({
          message: fc.string(),
          level: fc.string(),
          tags: fc.dictionary(fc.string(), fc.string()),
          fingerprint: fc.array(fc.string()),
        })
        .map((event) => eventEnvelope(event)),
      fc
        .array(
          fc.tuple(
            fc.constantFrom('event', 'session', 'attachment', 'x'),
            fc.string(),
            fc.option(fc.integer({ min: -5, max: 300 })),
          ),
          { maxLength: 5 },
        )
        .map(
          (items) =>
            `{}\n${items.map(([type, payload, length]) => `${JSON.stringify(length === null ? { type } : { type, length })}\n${payload}\n`).join('')}`,
        ),
    );
    const encoding = fc.constantFrom(undefined, 'gzip', 'deflate', 'br', 'identity', 'compress');
    const path = fc.oneof(
      fc.constant(envelopePath('2')),
      fc.constant('/api/2/store/?sentry_key=k'),
      fc.constant('/api/2/envelope/'),
      fc.string().map((text) => `/api/${encodeURIComponent(text)}/envelope/?sentry_key=k`),
    );
    await fc.assert(
      fc.asyncProperty(body, encoding, path, fc.boolean(), async (content, contentEncoding, target, compress) => {
        const bytes = Buffer.from(content);
        const sent = compress && contentEncoding === 'gzip' ? gzipSync(bytes) : bytes;
        const headers: Record<string, string> =
          contentEncoding === undefined ? {} : { 'Content-Encoding': contentEncoding };
        const answer = await send(server.port, { path: target, headers, body: sent });
        assert.ok(answer.status >= 200 && answer.status < 500, `${answer.status} ${answer.text}`);
      }),
      { numRuns: propertyRuns(400) },
    );
    assert.ok(server.store.eventCount <= 50);
    assert.ok(server.store.issues().length <= 20);
    const alive = await send(server.port, { method: 'GET', path: '/api/0/' });
    assert.equal(alive.status, 200);
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    assert.ok(grownMb < 200, `heap grew by ${grownMb.toFixed(0)} MB`);
  });

  test('many zip bombs in a row leave memory bounded (they would expand to 1 GB)', async () => {
    const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024, 0x41));
    const heapBefore = process.memoryUsage().heapUsed;
    for (let round = 0; round < 10; round++) {
      const answer = await send(server.port, {
        path: envelopePath('2'),
        headers: { 'Content-Encoding': 'gzip' },
        body: bomb,
      });
      assert.equal(answer.status, 413);
    }
    // At most 2 MB per refused bomb can have been buffered, collected or not.
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    assert.ok(grownMb < 150, `heap grew by ${grownMb.toFixed(0)} MB`);
  });
});
