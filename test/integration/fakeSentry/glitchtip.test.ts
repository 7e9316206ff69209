// Proves the fake's GlitchTip flavour: its paths, shapes, sort names, status-only triage, pagination and errors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addManyIssues,
  defaultScenario,
  FakeSentry,
  FakeSentryOptions,
  startFakeSentry,
} from '../../support/fakeSentry';
import { call, link, object, objects } from './request';

const issues = '/api/0/organizations/acme/issues/';

async function withGlitchtip(options: FakeSentryOptions, run: (fake: FakeSentry) => Promise<void>): Promise<void> {
  const fake = await startFakeSentry({ flavour: 'glitchtip', ...options });
  try {
    await run(fake);
  } finally {
    await fake.close();
  }
}

describe('GlitchTip flavour', () => {
  test('GET /api/settings/ answers its version without a token', async () => {
    await withGlitchtip({ glitchtipVersion: '4.2.1' }, async (fake) => {
      const reply = await call(fake, '/api/settings/', { token: null });
      assert.equal(object(reply)['version'], '4.2.1');
    });
  });

  test('organizations carry no links.regionUrl', async () => {
    await withGlitchtip({}, async (fake) => {
      const orgs = objects(await call(fake, '/api/0/organizations/'));
      assert.deepEqual([orgs.length, 'links' in (orgs[0] ?? {})], [1, false]);
    });
  });

  test('issue detail, events and tags live only at /api/0/issues/{id}/...', async () => {
    await withGlitchtip({}, async (fake) => {
      // That path exists for PUT only, so django-ninja refuses the GET with 405.
      assert.equal((await call(fake, `${issues}1001/`)).status, 405);
      assert.equal((await call(fake, `${issues}1001/events/latest/`)).status, 404);
      const issue = object(await call(fake, '/api/0/issues/1001/'));
      assert.deepEqual(
        [issue['userCount'], issue['count'], 'filtered' in issue, 'firstRelease' in issue, issue['userReportCount']],
        [0, '68', false, false, 0],
      );
      const event = object(await call(fake, '/api/0/issues/1001/events/latest/'));
      assert.deepEqual(['release' in event, typeof event['projectID']], [false, 'number']);
      assert.equal((await call(fake, '/api/0/issues/1001/events/recommended/')).status, 404);
      const tags = objects(await call(fake, '/api/0/issues/1001/tags/?key=release'));
      assert.deepEqual(Object.keys((tags[0]?.['topValues'] as object[])[0] ?? {}), ['key', 'name', 'value', 'count']);
    });
  });

  test("the list has no default query, takes GlitchTip sort names and answers 422 to Sentry's", async () => {
    await withGlitchtip({}, async (fake) => {
      assert.equal(objects(await call(fake, issues)).length, 10);
      assert.equal(objects(await call(fake, `${issues}?sort=-count`))[0]?.['id'], '1008');
      assert.equal(objects(await call(fake, `${issues}?sort=first_seen`))[0]?.['id'], '1010');
      assert.equal((await call(fake, `${issues}?sort=freq`)).status, 422);
      assert.equal((await call(fake, `${issues}?project=shop-web`)).status, 422);
      const inRelease = objects(
        await call(fake, `${issues}?query=${encodeURIComponent('release:"shop@1.2.0+45" is:unresolved')}`),
      );
      assert.equal(inRelease.length, 7);
      assert.deepEqual(
        objects(await call(fake, `${issues}?query=${encodeURIComponent('firstRelease:shop@1.2.0+45')}`)),
        [],
      );
    });
  });

  test("pages by 50 with base64 cursors in a {'...'}-wrapped Link; the last next link has no cursor", async () => {
    const data = defaultScenario();
    addManyIssues(data, 110);
    await withGlitchtip({ data }, async (fake) => {
      const seen: string[] = [];
      let path = issues;
      for (let n = 0; n < 10; n++) {
        const reply = await call(fake, path);
        seen.push(...objects(reply).map((issue) => String(issue['id'])));
        const header = reply.headers.get('link') ?? '';
        assert.ok(header.startsWith("{'<") && header.endsWith("'}"), header);
        const next = link(reply, 'next');
        if (!next.results) {
          assert.equal(next.cursor, undefined);
          assert.ok(!/rel="next"; results="false"; cursor=/.test(header));
          break;
        }
        assert.match(next.cursor ?? '', /^cD0/);
        path = `${issues}?cursor=${next.cursor}`;
      }
      assert.equal(seen.length, 120);
      assert.equal(new Set(seen).size, 120);
    });
  });

  test('PUT honours only status', async () => {
    await withGlitchtip({}, async (fake) => {
      const reply = await call(fake, '/api/0/issues/1002/', {
        method: 'PUT',
        body: { status: 'resolved', assignedTo: 'user:12345', isBookmarked: true },
      });
      assert.equal(object(reply)['status'], 'resolved');
      const stored = fake.data.issues.find((issue) => issue.id === '1002');
      assert.deepEqual([stored?.status, stored?.assignedTo, stored?.isBookmarked], ['resolved', null, false]);
      assert.equal((await call(fake, `${issues}1003/`, { method: 'PUT', body: { status: 'unresolved' } })).status, 200);
    });
  });

  test('errors: 401 Unauthorized, 429 with Retry-After, no Sentry rate-limit headers', async () => {
    await withGlitchtip({ retryAfterSeconds: 7 }, async (fake) => {
      const denied = await call(fake, issues, { token: null });
      assert.deepEqual([denied.status, denied.body], [401, { detail: 'Unauthorized' }]);
      fake.inject({ path: issues, status: 429 });
      const limited = await call(fake, issues);
      assert.deepEqual(
        [limited.status, limited.body, limited.headers.get('retry-after')],
        [429, { message: 'Please retry later' }, '7'],
      );
      assert.equal(limited.headers.get('x-sentry-rate-limit-limit'), null);
    });
  });
});
