// Ingest trims and scrubs a stored body in one walk: the result must be exactly what scrubbing the whole body and then
// trimming it gave, for every scrubbing option, on hand-made bodies that reach every scrubbing and trimming rule and
// on random ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { trimEventBody } from '../../../../src/core/local/process/eventTrimming';
import { scrubEventBody, type EventScrubOptions } from '../../../../src/core/privacy/scrubEvent';
import { propertyRuns } from '../../../support/propertyRuns';

type Json = Record<string, unknown>;

const optionSets: ReadonlyArray<EventScrubOptions> = [
  {},
  { keepIpAddresses: true },
  { allQueryValues: true },
  { extraSensitiveKeys: ['order'], safeKeys: ['session_id'] },
];

function assertOneWalkEqualsTwo(body: Json, label: string): void {
  const before = JSON.stringify(body);
  for (const options of optionSets) {
    const twoWalks = trimEventBody(scrubEventBody(body, options));
    assert.deepEqual(trimEventBody(body, options), twoWalks, `${label}, options ${JSON.stringify(options)}`);
  }
  assert.equal(JSON.stringify(body), before, `${label}: the input is left as it was`);
}

function frame(index: number): Json {
  return {
    filename: `src/file${index}.ts`,
    absPath: `/work/app/src/file${index}.ts`,
    function: `fn${index}`,
    lineNo: index + 1,
    colNo: 3,
    inApp: index % 3 !== 0,
    context: [[index + 1, `const token = "sk_live_${'a'.repeat(20)}"; // mail me at dev${index}@example.com`]],
    vars: {
      password: 'hunter2',
      order_id: `order-${index}`,
      nested: { deeper: { deepest: { end: 'x'.repeat(300) } } },
    },
  };
}

/** A Web API body that touches every rule: sensitive names, the user, cookies, tags, pairs, URLs, bags, frames. */
function handMadeBody(): Json {
  return {
    id: 'a'.repeat(32),
    title: `TypeError: card 4111 1111 1111 1111 and ${'t'.repeat(2_000)}`,
    message: 'Bearer abcdefghijklmnop failed for someone@example.com',
    culprit: 'c'.repeat(300),
    tags: [
      { key: 'user', value: 'ip:10.0.0.1' },
      { key: 'url', value: 'https://user:pw@example.com/?token=abc&q=1' },
      { key: 'api_key', value: 'k' },
    ],
    user: { id: 'u1', ip_address: '10.0.0.1', email: 'u@example.com', data: { password: 'p', note: 'x@y.io' } },
    contexts: {
      browser: { name: 'Chrome', session: { id: 's' }, deep: { a: { b: { c: { d: { e: { f: { g: 'h' } } } } } } } },
      app: { secret: { nested: ['list', { value: 'v' }] }, blob: 'b'.repeat(9_000) },
    },
    context: Object.fromEntries(
      Array.from({ length: 400 }, (_, index) => [
        index % 7 === 0 ? `password${index}` : `k${index}`,
        'v'.repeat(index * 3),
      ]),
    ),
    sdk: { name: 'sentry.javascript.node', integrations: Array.from({ length: 200 }, (_, index) => `i${index}`) },
    packages: {},
    entries: [
      {
        type: 'exception',
        data: {
          values: [
            {
              type: 'Error',
              value: 'failed with auth=abc',
              mechanism: { type: 'onerror', data: { cookie: 'c=1', list: [[1, [2, [3, [4, [5, [6]]]]]]] } },
              stacktrace: { frames: Array.from({ length: 260 }, (_, index) => frame(index)) },
              rawStacktrace: { frames: Array.from({ length: 60 }, (_, index) => frame(index)) },
            },
          ],
        },
      },
      {
        type: 'request',
        data: {
          url: 'https://admin:secret@example.com/checkout?session_id=1&order=2&plain=3',
          method: 'POST',
          headers: [
            ['X-Forwarded-For', '10.0.0.2'],
            ['Authorization', 'Bearer abcdefghijk'],
            ['Referer', 'https://example.com/?token=t'],
            ['Accept', 'text/html'],
          ],
          cookies: [['sid', 'abc']],
          query: [
            ['order', '42'],
            ['page', '2'],
          ],
          data: { password: 'p', items: [{ name: 'n', card: '4111111111111111' }] },
          env: { REMOTE_ADDR: '10.0.0.3', SECRET_KEY: 'k' },
        },
      },
      {
        type: 'breadcrumbs',
        data: { values: [{ message: 'GET https://a:b@host/x', data: { to: '/next?token=1', user: { id: 'u' } } }] },
      },
    ],
    _meta: {},
    size: 0,
  };
}

const KEYS = [
  'user',
  'cookies',
  'tags',
  'frames',
  'vars',
  'context',
  'contexts',
  'entries',
  'data',
  'values',
  'headers',
  'query',
  'url',
  'to',
  'password',
  'token',
  'session_id',
  'order',
  'id',
  'filename',
  'value',
  'message',
  'title',
  'sdk',
  'env',
  'ip_address',
  'key',
  'mechanism',
  'lock',
  '_meta',
  'plain',
];
const TEXTS = [
  '',
  'short',
  'someone@example.com',
  '4111 1111 1111 1111',
  'Bearer abcdefghijklmnop',
  'https://u:p@h/?token=1&a=2',
  '/path?session=1',
  'ip:10.0.0.1',
  'x'.repeat(300),
  'y'.repeat(9_000),
];

/** Bodies built from the keys and texts the rules look for, with lists of pairs as headers and queries come. */
const { value: bodyValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 9 },
    fc.constantFrom(...TEXTS),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.constantFrom(null, true),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 5 }),
    fc.array(tie('value'), { maxLength: 15 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5, noNullPrototype: true }),
  ),
}));
const randomBody = fc.record({
  entries: bodyValue,
  contexts: bodyValue,
  context: bodyValue,
  user: bodyValue,
  tags: bodyValue,
  message: bodyValue,
  _meta: fc.constant({}),
  size: fc.constant(0),
});

describe('trimming and scrubbing in one walk', () => {
  test('equals scrubbing, then trimming, on a body that reaches every rule', () => {
    const body = handMadeBody();
    const before = JSON.stringify(body);
    assertOneWalkEqualsTwo(body, 'hand-made body');
    // Unscrubbed, the frames the walk slims are the input's own until it copies them.
    trimEventBody(body);
    assert.equal(JSON.stringify(body), before, 'the input is left as it was');
    // The case is not vacuous: both scrubbing and trimming changed the body.
    const stored = JSON.stringify(trimEventBody(body, {}));
    assert.ok(stored.includes('[Filtered]') && !stored.includes('hunter2') && stored.includes('!limit'));
  });

  test('equals scrubbing, then trimming, on random bodies', () => {
    fc.assert(
      fc.property(randomBody, (body) => assertOneWalkEqualsTwo(body, 'random body')),
      { numRuns: propertyRuns(400) },
    );
  });
});
