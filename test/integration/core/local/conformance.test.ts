// The local server's Web API answers against Sentry's published response schemas (test/fixtures/sentry-api/
// openapi-subset.json), so that anything written for Sentry reads them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { checkSchema, responseSchema, type JsonValue } from '../../../support/fakeSentry';
import { envelopePath, eventEnvelope, send } from './localHttp';

const org = '/api/0/organizations/{organization_id_or_slug}';

function assertConforms(specPath: string, value: unknown, method: 'get' | 'put' = 'get'): void {
  const violations = checkSchema(responseSchema(method, specPath), value as JsonValue);
  assert.deepEqual(
    violations,
    [],
    `${method.toUpperCase()} ${specPath}:\n${violations.map((violation) => `${violation.path}: ${violation.message}`).join('\n')}`,
  );
}

describe('local Web API answers conform to the OpenAPI response schemas', () => {
  let server: LocalSentry;
  const get = async (path: string): Promise<unknown> => {
    const answer = await send(server.port, { method: 'GET', path });
    assert.equal(answer.status, 200, `${path}: ${answer.text}`);
    return answer.json();
  };
  let issueIds: string[] = [];

  before(async () => {
    server = await startLocalSentry();
    const events = [
      {
        release: 'shop@1.2.3',
        environment: 'production',
        user: { id: '1' },
        exception: {
          values: [
            {
              type: 'TypeError',
              value: 'a',
              stacktrace: { frames: [{ filename: 'src/a.js', function: 'a', lineno: 1, colno: 2 }] },
              mechanism: { type: 'generic', handled: false },
            },
          ],
        },
      },
      {
        release: 'shop@1.2.4',
        environment: 'staging',
        user: { email: 'b@example.com' },
        message: 'Timeout after 30 s',
        tags: { route: '/checkout' },
      },
      {
        platform: 'python',
        exception: { values: [{ type: 'ZeroDivisionError', value: 'division by zero' }] },
        request: { url: 'http://localhost/x', headers: { Accept: '*/*' } },
        breadcrumbs: [{ timestamp: 1, message: 'hi' }],
      },
    ];
    for (const event of events)
      assert.equal(
        (
          await send(server.port, {
            path: envelopePath('3'),
            body: eventEnvelope({ platform: 'javascript', ...event }),
          })
        ).status,
        200,
      );
    issueIds = server.store.issues().map((issue) => issue.id);
  });
  after(() => server.close());

  test('organizations, projects, environments and members', async () => {
    assertConforms('/api/0/organizations/', await get('/api/0/organizations/'));
    assertConforms(`${org}/projects/`, await get('/api/0/organizations/local/projects/'));
    assertConforms(`${org}/environments/`, await get('/api/0/organizations/local/environments/'));
    assertConforms(`${org}/members/`, await get('/api/0/organizations/local/members/'));
  });

  test('one organization, one project (every field the schema requires), teams and project teams', async () => {
    assertConforms(`${org}/`, await get('/api/0/organizations/local/'));
    assertConforms(
      '/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/',
      await get('/api/0/projects/local/3/'),
    );
    assertConforms(`${org}/teams/`, await get('/api/0/organizations/local/teams/'));
    assertConforms(
      '/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/teams/',
      await get('/api/0/projects/local/3/teams/'),
    );
  });

  test("a project's events, one event by id, and the short-id and event-id lookups", async () => {
    const project = '/api/0/projects/{organization_id_or_slug}/{project_id_or_slug}';
    const events = await get('/api/0/projects/local/3/events/');
    assertConforms(`${project}/events/`, events);
    const eventId = (events as { id: string }[])[0]?.id ?? assert.fail('no events listed');
    assertConforms(`${project}/events/{event_id}/`, await get(`/api/0/projects/local/3/events/${eventId}/`));
    assertConforms(`${org}/eventids/{event_id}/`, await get(`/api/0/organizations/local/eventids/${eventId}/`));
    const shortId =
      ((await get('/api/0/organizations/local/issues/')) as { shortId: string }[])[0]?.shortId ??
      assert.fail('no issue');
    assertConforms(`${org}/shortids/{issue_id}/`, await get(`/api/0/organizations/local/shortids/${shortId}/`));
    // Not the project's issue list: its schema wants `filename` in an exception's metadata, which Sentry itself leaves
    // out when no frame names a file (the ZeroDivisionError here).
  });

  test('the release list and one release', async () => {
    assertConforms(`${org}/releases/`, await get('/api/0/organizations/local/releases/'));
    assertConforms(
      `${org}/releases/{version}/`,
      await get(`/api/0/organizations/local/releases/${encodeURIComponent('shop@1.2.3')}/`),
    );
  });

  test('the issue list carries derivedData with every field the schema requires (issue 12)', async () => {
    const list = (await get('/api/0/organizations/local/issues/?query=')) as {
      derivedData?: Record<string, unknown>;
    }[];
    for (const item of list)
      assert.deepEqual(Object.keys(item.derivedData ?? {}).sort(), [
        'blocker',
        'hasOpenFixPr',
        'hasRootCause',
        'isAssigned',
        'lastCompletedAutofixStep',
        'lastProgressedAt',
        'progress',
        'status',
        'viewCount',
      ]);
  });

  test('the issue list, plain, under release: and under an environment', async () => {
    for (const query of [
      '?query=',
      `?query=${encodeURIComponent('release:"shop@1.2.3"')}`,
      '?environment=staging&groupStatsPeriod=14d',
    ]) {
      const list = await get(`/api/0/organizations/local/issues/${query}`);
      assert.ok(Array.isArray(list) && list.length > 0, query);
      assertConforms(`${org}/issues/`, list);
    }
  });

  test('issue details, latest events, event lists and tag details', async () => {
    for (const id of issueIds) {
      assertConforms(`${org}/issues/{issue_id}/`, await get(`/api/0/organizations/local/issues/${id}/`));
      assertConforms(
        `${org}/issues/{issue_id}/events/{event_id}/`,
        await get(`/api/0/organizations/local/issues/${id}/events/latest/`),
      );
      assertConforms(`${org}/issues/{issue_id}/events/`, await get(`/api/0/organizations/local/issues/${id}/events/`));
      assertConforms(
        `${org}/issues/{issue_id}/tags/{key}/`,
        await get(`/api/0/organizations/local/issues/${id}/tags/level/`),
      );
    }
  });

  test('the answer to an issue PUT', async () => {
    const answer = await send(server.port, {
      method: 'PUT',
      path: `/api/0/organizations/local/issues/${issueIds[0]}/`,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.apiToken}` },
      body: JSON.stringify({ isBookmarked: true }),
    });
    assert.equal(answer.status, 200);
    assertConforms(`${org}/issues/{issue_id}/`, answer.json(), 'put');
  });

  test('refuses a PUT body that is not a valid update with a 400, and an unknown issue with a 404', async () => {
    const bad = await send(server.port, {
      method: 'PUT',
      path: `/api/0/organizations/local/issues/${issueIds[0]}/`,
      headers: { Authorization: `Bearer ${server.apiToken}` },
      body: '{"status":"sleeping"}',
    });
    assert.equal(bad.status, 400);
    assert.equal(
      (await send(server.port, { method: 'GET', path: '/api/0/organizations/local/issues/999999/' })).status,
      404,
    );
    assert.equal(
      (await send(server.port, { method: 'GET', path: '/api/0/organizations/elsewhere/issues/' })).status,
      404,
    );
  });
});
