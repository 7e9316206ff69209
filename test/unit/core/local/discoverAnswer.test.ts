// The organization events table both the local server and the test fake Sentry answer with: rows keyed by the fields
// asked, aggregates grouped by the other fields, searches over columns and tags, sorting by a selected field, and
// Sentry's 400 (never a 500) for what this server does not answer; the validate endpoint's item-by-item verdicts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AnswerNow } from '../../../../src/core/local/api/apiAnswer';
import { discoverAnswer } from '../../../../src/core/local/api/discoverAnswer';
import type { DiscoverEvent } from '../../../../src/core/local/api/discoverEvent';
import { discoverValidation } from '../../../../src/core/local/api/discoverValidation';

function discoverEvent(n: number, issueId: string): DiscoverEvent {
  return {
    eventId: `e${n}`,
    issueId,
    shortId: `SHOP-${issueId}`,
    projectId: '1',
    projectSlug: 'shop',
    timestamp: Date.UTC(2025, 5, 1, 12, n),
    level: 'error',
    release: 'shop@1.0.0',
    environment: n % 2 === 0 ? 'production' : 'staging',
    transaction: null,
    tags: [['browser', n % 2 === 0 ? 'Chrome 120' : 'Firefox 121']],
    details: () => {
      detailReads.add(`e${n}`);
      return Promise.resolve({
        title: `TypeError: boom ${issueId}`,
        message: '',
        culprit: null,
        location: null,
        platform: 'node',
        type: 'error',
        traceId: null,
        user: { id: `u${n % 3}`, email: null, username: null, ip: null },
        exceptions: [
          { type: 'RangeError', value: 'cause', mechanism: 'generic', handled: true, frames: [frame('a.js', 1)] },
          { type: 'TypeError', value: 'boom', mechanism: 'onerror', handled: false, frames: [frame('b.js', 2)] },
        ],
      });
    },
  };
}

/** Which events' details a query read. */
const detailReads = new Set<string>();

const frame = (filename: string, lineNo: number) => ({
  filename,
  absPath: `/app/${filename}`,
  module: null,
  function: 'f',
  lineNo,
  colNo: null,
  inApp: true,
});

const events = [1, 2, 3, 4, 5].map((n) => discoverEvent(n, n <= 3 ? '10' : '20'));
const tagKeys = new Set(['browser']);

interface Table {
  data: Array<Record<string, unknown>>;
  meta: { fields: Record<string, string> };
}

async function table(params: string): Promise<Table> {
  const answer = await discoverAnswer(events, {
    query: new URLSearchParams(params),
    origin: 'http://127.0.0.1:8963',
    path: '/api/0/organizations/local/events/',
    tagKeys,
  });
  assert.equal(answer.status, 200);
  return answer.body as Table;
}

async function refusal(params: string): Promise<string> {
  try {
    await table(params);
  } catch (error) {
    assert.ok(error instanceof AnswerNow);
    assert.equal(error.answer.status, 400);
    return error.message;
  }
  return assert.fail(`${params} was answered`);
}

describe('Discover table', () => {
  test('rows keyed by the fields asked, with their types, frames aligned over all exceptions', async () => {
    detailReads.clear();
    const answer = await table(
      'dataset=errors&field=id&field=issue&field=stack.filename&field=stack.stack_level&query=id:e1',
    );
    assert.deepEqual(answer.data, [
      { id: 'e1', issue: 'SHOP-10', 'stack.filename': ['a.js', 'b.js'], 'stack.stack_level': [0, 1] },
    ]);
    assert.deepEqual(answer.meta.fields, {
      id: 'string',
      issue: 'string',
      'stack.filename': 'array',
      'stack.stack_level': 'array',
    });
    assert.deepEqual([...detailReads], ['e1'], 'only the event the record-level terms keep has its details read');
  });

  test('aggregates group by the other fields and sort by a selected one', async () => {
    const answer = await table(
      'dataset=errors&field=issue.id&field=count()&field=latest_event()&field=count_unique(user)&sort=-count()',
    );
    assert.deepEqual(answer.data, [
      { 'issue.id': 10, 'count()': 3, 'latest_event()': 'e3', 'count_unique(user)': 3 },
      { 'issue.id': 20, 'count()': 2, 'latest_event()': 'e5', 'count_unique(user)': 2 },
    ]);
    detailReads.clear();
    const newest = await table('dataset=errors&field=id&field=timestamp&sort=-timestamp&per_page=2');
    assert.equal(detailReads.size, 0, 'no column of a -timestamp page of ids needs the body');
    assert.deepEqual(
      newest.data.map((row) => [row['id'], row['timestamp']]),
      [
        ['e5', '2025-06-01T12:05:00+00:00'],
        ['e4', '2025-06-01T12:04:00+00:00'],
      ],
    );
  });

  test('searches columns, arrays, tags, negations, has: and words, and the environment parameter', async () => {
    const ids = async (params: string): Promise<unknown[]> =>
      (await table(`dataset=errors&field=id&${params}`)).data.map((row) => row['id']);
    assert.deepEqual(await ids('query=error.type:RangeError issue.id:20'), ['e4', 'e5']);
    assert.deepEqual(await ids('query=browser:Chrome*'), ['e2', 'e4']);
    assert.deepEqual(await ids('query=!tags[browser]:Chrome*'), ['e1', 'e3', 'e5']);
    assert.deepEqual(await ids('query=boom 20'), ['e4', 'e5']);
    assert.deepEqual(await ids('query=!has:transaction issue.id:[10,20] id:[e1,e5]'), ['e1', 'e5']);
    assert.deepEqual(await ids('environment=staging&query=issue.id:10'), ['e1', 'e3']);
  });

  test("what this server does not answer is Sentry's 400 saying what", async () => {
    assert.match(await refusal('dataset=errors&field=transaction.duration'), /Unknown field: transaction\.duration/);
    assert.match(await refusal('dataset=errors&field=p95()'), /p95 is not a valid function/);
    assert.match(await refusal('dataset=errors&field=count_unique(stack.filename)'), /count_unique can count/);
    assert.match(await refusal('dataset=spans&field=id'), /dataset must be one of errors, discover/);
    assert.match(await refusal('dataset=errors'), /No columns selected/);
    assert.match(await refusal('dataset=errors&field=id&sort=-timestamp'), /not selected/);
    assert.match(await refusal('dataset=errors&field=id&query=timestamp:>2025-01-01'), /Comparisons/);
    assert.match(await refusal('dataset=errors&field=id&query=span.op:db'), /cannot be searched by span\.op/);
    assert.match(
      await refusal(`dataset=errors&${Array.from({ length: 21 }, (_, n) => `field=id${n}`).join('&')}`),
      /20/,
    );
  });

  test('validate answers each item with its verdict, as Sentry shapes it', () => {
    const verdict = discoverValidation(
      new URLSearchParams('dataset=errors&field=title&field=count()&field=nope&query=level:error&orderby=-count()'),
      tagKeys,
    );
    assert.equal(verdict['valid'], false);
    assert.deepEqual(verdict['field'], [
      { name: 'title', valid: true, error: null, attrType: 'string' },
      { name: 'count()', valid: true, error: null, attrType: 'number' },
      {
        name: 'nope',
        valid: false,
        error: "Unknown field: nope. This server answers error events' fields and their tags.",
        attrType: null,
      },
    ]);
    assert.deepEqual(verdict['query'], { valid: true, error: null, fields: [] });
    assert.deepEqual(verdict['orderby'], [{ name: '-count()', valid: true, error: null, attrType: 'number' }]);
    const good = discoverValidation(new URLSearchParams('dataset=errors&field=title&orderby=title'), tagKeys);
    assert.equal(good['valid'], true);
  });
});
