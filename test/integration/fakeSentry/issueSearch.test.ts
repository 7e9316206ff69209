// Proves the fake's issue search: the query parser, Sentry's filters (release, firstRelease, is, environment) and `filtered`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FakeSentry, IssueQueryError, parseIssueQuery, scenario, startFakeSentry } from '../../support/fakeSentry';
import { call, objects } from './request';

describe('parseIssueQuery', () => {
  test('reads quoted, bare and list values, negation and free text', () => {
    assert.deepEqual(
      parseIssueQuery(
        'release:"my-app@1.2.3+45" is:unresolved !is:ignored environment:[prod, "qa 2"] Cannot read "price of"',
      ),
      {
        filters: [
          { key: 'release', values: ['my-app@1.2.3+45'], negated: false },
          { key: 'is', values: ['unresolved'], negated: false },
          { key: 'is', values: ['ignored'], negated: true },
          { key: 'environment', values: ['prod', 'qa 2'], negated: false },
        ],
        text: ['Cannot', 'read', 'price of'],
      },
    );
  });

  test('keeps escaped quotes and colons inside values', () => {
    assert.deepEqual(
      parseIssueQuery('release:"a\\"b" url:http://x/y firstRelease:shop@1.0.0').filters.map(
        (filter) => filter.values[0],
      ),
      ['a"b', 'http://x/y', 'shop@1.0.0'],
    );
  });

  test('an empty query has no filters and no text', () => {
    assert.deepEqual(parseIssueQuery('   '), { filters: [], text: [] });
  });

  test('rejects an unterminated quote, an empty value and an unclosed list', () => {
    assert.throws(() => parseIssueQuery('release:"abc'), IssueQueryError);
    assert.throws(() => parseIssueQuery('release: x'), IssueQueryError);
    assert.throws(() => parseIssueQuery('release:[a, b'), IssueQueryError);
  });
});

describe('issue search on the fake server (Sentry)', () => {
  let fake: FakeSentry;
  const ids = async (query: string): Promise<string[]> => {
    const reply = await call(fake, `/api/0/organizations/acme/issues/${query}`);
    assert.equal(reply.status, 200, reply.text);
    return objects(reply)
      .map((issue) => String(issue['id']))
      .sort();
  };
  const q = (text: string): string => `?query=${encodeURIComponent(text)}`;
  before(async () => {
    fake = await startFakeSentry();
  });
  after(async () => {
    await fake.close();
  });

  test('without a query parameter lists unresolved issues; an empty query lists all', async () => {
    assert.deepEqual(await ids(''), ['1001', '1002', '1004', '1006', '1007', '1008', '1009', '1010']);
    assert.equal((await ids('?query=')).length, 10);
  });

  test('release: matches issues with events in that release and fills filtered from its counts', async () => {
    const reply = await call(fake, `/api/0/organizations/acme/issues/${q(`release:"${scenario.releases.v120}"`)}`);
    const byId = new Map(objects(reply).map((issue) => [issue['id'], issue]));
    assert.deepEqual([...byId.keys()].sort(), ['1001', '1002', '1004', '1005', '1006', '1007', '1008', '1009']);
    const cart = byId.get('1001');
    assert.deepEqual(cart?.['filtered'] && { ...(cart['filtered'] as object), stats: undefined }, {
      count: '28',
      userCount: 10,
      firstSeen: '2025-05-28T09:30:00Z',
      lastSeen: '2025-06-01T09:30:00Z',
      stats: undefined,
    });
    assert.equal(cart?.['count'], '68');
    assert.equal(cart?.['userCount'], 22);
  });

  test('an environment scopes count and filtered to that environment', async () => {
    const reply = await call(
      fake,
      `/api/0/organizations/acme/issues/${q(`release:${scenario.releases.v120}`)}&environment=production`,
    );
    const cart = objects(reply).find((issue) => issue['id'] === '1001');
    assert.equal(cart?.['count'], '65');
    assert.equal((cart?.['filtered'] as { count?: string }).count, '25');
    assert.deepEqual(await ids('?query=&environment=staging'), ['1001', '1007', '1008']);
  });

  test('filtered is null without a release: term', async () => {
    const reply = await call(
      fake,
      `/api/0/organizations/acme/issues/${q(`firstRelease:${scenario.releases.v120} is:unresolved`)}`,
    );
    assert.deepEqual(
      objects(reply).map((issue) => issue['filtered']),
      [null, null, null, null],
    );
  });

  test('firstRelease: matches issues new in that release', async () => {
    assert.deepEqual(await ids(q(`firstRelease:"${scenario.releases.v120}"`)), [
      '1002',
      '1005',
      '1007',
      '1008',
      '1009',
    ]);
    assert.deepEqual(await ids(q('firstRelease:latest')), ['1002', '1005', '1007', '1008', '1009']);
  });

  test('is: selects by status, archived meaning ignored, and can be negated', async () => {
    assert.deepEqual(await ids(q('is:resolved')), ['1003']);
    assert.deepEqual(await ids(q('is:archived')), ['1005']);
    assert.deepEqual(await ids(q('is:ignored')), ['1005']);
    assert.equal((await ids(q('!is:unresolved'))).length, 2);
  });

  test('free text matches the title', async () => {
    assert.deepEqual(await ids(q('payment DECLINED')), ['1003']);
  });

  test('project= narrows to projects of the organization and refuses others', async () => {
    assert.deepEqual(await ids('?query=&project=102'), ['1006', '1007', '1010']);
    assert.deepEqual(await ids('?query=&project=shop-api'), ['1006', '1007', '1010']);
    assert.equal((await call(fake, '/api/0/organizations/acme/issues/?project=999')).status, 403);
  });

  test('statsPeriod keeps issues last seen inside the window of the data clock', async () => {
    assert.equal((await ids('?query=&statsPeriod=14d')).includes('1010'), false);
    assert.equal((await ids('?query=&statsPeriod=30d')).includes('1010'), true);
    assert.equal((await call(fake, '/api/0/organizations/acme/issues/?statsPeriod=fortnight')).status, 400);
  });

  test('a malformed query or an unknown is: value is a 400 with a detail', async () => {
    const reply = await call(fake, `/api/0/organizations/acme/issues/${q('release:"oops')}`);
    assert.equal(reply.status, 400);
    assert.match(String((reply.body as { detail?: string }).detail), /unterminated quote/);
    assert.equal((await call(fake, `/api/0/organizations/acme/issues/${q('is:sleepy')}`)).status, 400);
  });

  test('group= returns exactly those issues', async () => {
    assert.deepEqual(await ids('?group=1003&group=1005'), ['1003', '1005']);
  });
});
