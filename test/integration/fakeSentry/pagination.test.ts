// Proves the fake pages like Sentry: keyset cursors, both Link rels always present, short pages, X-Hits, per_page lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addManyIssues,
  defaultScenario,
  emptyData,
  FakeSentry,
  FakeSentryData,
  organization,
  project,
  startFakeSentry,
} from '../../support/fakeSentry';
import { call, link, objects } from './request';

function bulkData(count: number, dropEvery?: number): FakeSentryData {
  const data = emptyData();
  data.organizations.push(organization({ id: '1', slug: 'acme' }));
  data.projects.push(project({ id: '101', slug: 'shop-web' }));
  addManyIssues(data, count, dropEvery === undefined ? {} : { dropEvery });
  return data;
}

async function withFake(
  data: FakeSentryData,
  run: (fake: FakeSentry) => Promise<void>,
  linkOrigin?: string,
): Promise<void> {
  const fake = await startFakeSentry(linkOrigin === undefined ? { data } : { data, linkOrigin });
  try {
    await run(fake);
  } finally {
    await fake.close();
  }
}

/** Follows next cursors (at most 50 pages) and returns every page's ids. */
async function walk(fake: FakeSentry, firstQuery: string): Promise<string[][]> {
  const pages: string[][] = [];
  let query = firstQuery;
  for (let n = 0; n < 50; n++) {
    const reply = await call(fake, `/api/0/organizations/acme/issues/?${query}`);
    assert.equal(reply.status, 200);
    pages.push(objects(reply).map((issue) => String(issue['id'])));
    const next = link(reply, 'next');
    if (!next.results) return pages;
    query = `${firstQuery}&cursor=${encodeURIComponent(next.cursor ?? '')}`;
  }
  assert.fail('pagination did not end within 50 pages');
}

describe('issue list pagination (Sentry)', () => {
  test('walks 250 issues in pages of 100, each issue exactly once, newest first', async () => {
    await withFake(bulkData(250), async (fake) => {
      const pages = await walk(fake, 'limit=100');
      assert.deepEqual(
        pages.map((page) => page.length),
        [100, 100, 50],
      );
      const ids = pages.flat();
      assert.equal(new Set(ids).size, 250);
      assert.deepEqual(ids.slice(0, 2), ['2001', '2002']);
    });
  });

  test('sends both links in the exact Sentry format, without the old cursor in the URL', async () => {
    await withFake(bulkData(30), async (fake) => {
      const first = await call(fake, '/api/0/organizations/acme/issues/?query=is%3Aunresolved&limit=10');
      const next = link(first, 'next');
      const second = await call(
        fake,
        `/api/0/organizations/acme/issues/?query=is%3Aunresolved&limit=10&cursor=${next.cursor}`,
      );
      const base = `${fake.url}/api/0/organizations/acme/issues/?query=is%3Aunresolved&limit=10`;
      const header = second.headers.get('link') ?? '';
      const pattern =
        /^<([^>]+)&cursor=(\d+:\d+:1)>; rel="previous"; results="true"; cursor="\2", <([^>]+)&cursor=(\d+:\d+:0)>; rel="next"; results="true"; cursor="\4"$/;
      const match = pattern.exec(header);
      assert.ok(match, header);
      assert.equal(match[1], base);
      assert.equal(match[3], base);
      assert.equal(link(first, 'previous').results, false);
    });
  });

  test('the previous cursor returns the page before', async () => {
    await withFake(bulkData(30), async (fake) => {
      const first = await call(fake, '/api/0/organizations/acme/issues/?limit=10');
      const second = await call(
        fake,
        `/api/0/organizations/acme/issues/?limit=10&cursor=${link(first, 'next').cursor}`,
      );
      const back = await call(
        fake,
        `/api/0/organizations/acme/issues/?limit=10&cursor=${link(second, 'previous').cursor}`,
      );
      assert.deepEqual(
        objects(back).map((issue) => issue['id']),
        objects(first).map((issue) => issue['id']),
      );
    });
  });

  test('puts linkOrigin in Link URLs while the cursor still works against the server', async () => {
    await withFake(
      bulkData(15),
      async (fake) => {
        const first = await call(fake, '/api/0/organizations/acme/issues/?limit=10');
        const next = link(first, 'next');
        assert.ok(next.url.startsWith('https://acme.sentry.io/api/0/organizations/acme/issues/?'), next.url);
        const second = await call(fake, `/api/0/organizations/acme/issues/?limit=10&cursor=${next.cursor}`);
        assert.equal(objects(second).length, 5);
      },
      'https://acme.sentry.io',
    );
  });

  test('dropped rows make short and empty pages while results="true", as Sentry does', async () => {
    const data = bulkData(30);
    data.issues.slice(10, 20).forEach((issue) => (issue.droppedFromListPages = true));
    data.issues[2]!.droppedFromListPages = true;
    await withFake(data, async (fake) => {
      const pages = await walk(fake, 'limit=10');
      assert.deepEqual(
        pages.map((page) => page.length),
        [9, 0, 10],
      );
      const first = await call(fake, '/api/0/organizations/acme/issues/?limit=10');
      assert.equal(first.headers.get('x-hits'), '30');
    });
  });

  test('keeps pages disjoint when many issues share one lastSeen', async () => {
    const data = bulkData(40);
    data.issues.forEach((issue) => (issue.lastSeen = '2025-06-01T10:00:00Z'));
    await withFake(data, async (fake) => {
      const ids = (await walk(fake, 'limit=7')).flat();
      assert.equal(ids.length, 40);
      assert.equal(new Set(ids).size, 40);
    });
  });

  test('caps X-Hits at X-Max-Hits (1000)', async () => {
    await withFake(bulkData(1005), async (fake) => {
      const reply = await call(fake, '/api/0/organizations/acme/issues/?limit=1');
      assert.equal(reply.headers.get('x-hits'), '1000');
      assert.equal(reply.headers.get('x-max-hits'), '1000');
    });
  });

  test('answers 400 to a limit above 100 and to a malformed cursor', async () => {
    await withFake(bulkData(3), async (fake) => {
      assert.equal((await call(fake, '/api/0/organizations/acme/issues/?limit=101')).status, 400);
      const bad = await call(fake, '/api/0/organizations/acme/issues/?cursor=abc');
      assert.deepEqual([bad.status, bad.body], [400, { detail: 'Invalid cursor parameter.' }]);
    });
  });

  test('sorts by events (freq), users (user) and first seen (new)', async () => {
    await withFake(defaultScenario(), async (fake) => {
      const first = async (sort: string): Promise<unknown> =>
        objects(await call(fake, `/api/0/organizations/acme/issues/?query=&sort=${sort}`))[0]?.['id'];
      assert.equal(await first('freq'), '1008');
      assert.equal(await first('user'), '1008');
      assert.equal(await first('new'), '1007');
      assert.equal((await call(fake, '/api/0/organizations/acme/issues/?sort=last_seen')).status, 400);
    });
  });
});

describe('per_page lists (Sentry)', () => {
  test('pages releases newest first with page-number cursors', async () => {
    await withFake(defaultScenario(), async (fake) => {
      const first = await call(fake, '/api/0/organizations/acme/releases/?per_page=2');
      assert.deepEqual(
        objects(first).map((release) => release['version']),
        ['shop@1.2.0+45', 'shop@1.1.0'],
      );
      const next = link(first, 'next');
      assert.deepEqual([next.results, next.cursor], [true, '2:1:0']);
      const second = await call(fake, `/api/0/organizations/acme/releases/?per_page=2&cursor=${next.cursor}`);
      assert.deepEqual(
        objects(second).map((release) => release['version']),
        ['shop@1.0.0'],
      );
      assert.equal(link(second, 'next').results, false);
      assert.equal(link(second, 'previous').results, true);
    });
  });

  test('filters releases by project and by a case-insensitive substring', async () => {
    await withFake(defaultScenario(), async (fake) => {
      const found = await call(fake, '/api/0/organizations/acme/releases/?project=101&query=SHOP%401.1');
      assert.deepEqual(
        objects(found).map((release) => release['version']),
        ['shop@1.1.0'],
      );
      assert.deepEqual(objects(await call(fake, '/api/0/organizations/acme/releases/?project=999')), []);
    });
  });
});
