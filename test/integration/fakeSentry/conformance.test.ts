// Proves the fake Sentry answers agree with Sentry's published response schemas (openapi-subset.json).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  checkSchema,
  FakeSentry,
  JsonValue,
  loadExample,
  responseSchema,
  scenario,
  startFakeSentry,
} from '../../support/fakeSentry';
import { asArray, asObject } from '../../support/fakeSentry/json';
import { call, object, objects } from './request';

const org = '/api/0/organizations/{organization_id_or_slug}';
const v120 = encodeURIComponent(scenario.releases.v120);

function assertConforms(specPath: string, value: JsonValue | undefined, method: 'get' | 'put' = 'get'): void {
  assert.notEqual(value, undefined, 'the answer is JSON');
  const violations = checkSchema(responseSchema(method, specPath), value ?? null);
  assert.deepEqual(
    violations,
    [],
    `${method.toUpperCase()} ${specPath}:\n${violations.map((v) => `${v.path}: ${v.message}`).join('\n')}`,
  );
}

describe('fake Sentry answers conform to the OpenAPI response schemas', () => {
  let fake: FakeSentry;
  before(async () => {
    fake = await startFakeSentry();
  });
  after(async () => {
    await fake.close();
  });

  test('organization list', async () => {
    const reply = await call(fake, '/api/0/organizations/');
    assert.equal(reply.status, 200);
    assertConforms('/api/0/organizations/', reply.body);
  });

  test('project list', async () => {
    const reply = await call(fake, '/api/0/organizations/acme/projects/');
    assert.equal(objects(reply).length, 2);
    assertConforms(`${org}/projects/`, reply.body);
  });

  test('environments and members', async () => {
    assertConforms(`${org}/environments/`, (await call(fake, '/api/0/organizations/acme/environments/')).body);
    assertConforms(`${org}/members/`, (await call(fake, '/api/0/organizations/acme/members/')).body);
  });

  test('release list and one release (with a URL-encoded version)', async () => {
    const list = await call(fake, '/api/0/organizations/acme/releases/');
    assert.equal(objects(list).length, 3);
    assertConforms(`${org}/releases/`, list.body);
    const one = await call(fake, `/api/0/organizations/acme/releases/${v120}/`);
    assert.equal(one.status, 200);
    assertConforms(`${org}/releases/{version}/`, one.body);
  });

  test('issue list: all statuses, with release: (filtered set) and with an environment', async () => {
    for (const query of [
      '?query=',
      `?query=${encodeURIComponent(`release:"${scenario.releases.v120}"`)}`,
      '?environment=staging&groupStatsPeriod=14d',
    ]) {
      const reply = await call(fake, `/api/0/organizations/acme/issues/${query}`);
      assert.ok(objects(reply).length > 0, `issues for ${query}`);
      assertConforms(`${org}/issues/`, reply.body);
    }
  });

  test('issue details of every scenario issue', async () => {
    for (const issue of fake.data.issues) {
      const reply = await call(fake, `/api/0/organizations/acme/issues/${issue.id}/`);
      assertConforms(`${org}/issues/{issue_id}/`, reply.body);
    }
  });

  test('latest and recommended events of every scenario issue', async () => {
    for (const issue of fake.data.issues) {
      for (const which of ['latest', 'recommended']) {
        const reply = await call(fake, `/api/0/organizations/acme/issues/${issue.id}/events/${which}/`);
        assertConforms(`${org}/issues/{issue_id}/events/{event_id}/`, reply.body);
      }
    }
  });

  test("event frames (the local server's frame form) carry exactly the keys of a frame sentry.io sends", async () => {
    const keysOf = (frame: JsonValue | undefined): string[] => Object.keys(asObject(frame, 'frame')).sort();
    const framesOf = (event: JsonValue | undefined): JsonValue[] =>
      asArray(asObject(event, 'event')['entries'], 'entries')
        .map((entry) => asObject(entry, 'entry'))
        .filter((entry) => entry['type'] === 'exception')
        .flatMap((entry) => asArray(asObject(entry['data'], 'data')['values'], 'values'))
        .flatMap((value) =>
          asArray(asObject(asObject(value, 'value')['stacktrace'], 'stacktrace')['frames'], 'frames'),
        );
    const recorded = keysOf(framesOf(loadExample('sentry-mcp.event-javascript-cloudflare.json'))[0]);
    const frames = framesOf((await call(fake, '/api/0/organizations/acme/issues/1001/events/latest/')).body);
    assert.ok(frames.length > 0);
    for (const frame of frames) assert.deepEqual(keysOf(frame), recorded);
  });

  test('event list', async () => {
    assertConforms(
      `${org}/issues/{issue_id}/events/`,
      (await call(fake, '/api/0/organizations/acme/issues/1008/events/')).body,
    );
  });

  test('tag details', async () => {
    for (const key of ['release', 'environment', 'level']) {
      const reply = await call(fake, `/api/0/organizations/acme/issues/1001/tags/${key}/`);
      assertConforms(`${org}/issues/{issue_id}/tags/{key}/`, reply.body);
    }
  });

  test('the answer to an issue PUT', async () => {
    const reply = await call(fake, '/api/0/organizations/acme/issues/1002/', {
      method: 'PUT',
      body: { isBookmarked: true },
    });
    assert.equal(reply.status, 200);
    assertConforms(`${org}/issues/{issue_id}/`, reply.body, 'put');
  });
});

describe('the schema checker', () => {
  let fake: FakeSentry;
  before(async () => {
    fake = await startFakeSentry();
  });
  after(async () => {
    await fake.close();
  });

  test('reports an issue list item that lacks a required field', async () => {
    const item = objects(await call(fake, '/api/0/organizations/acme/issues/'))[0] ?? {};
    delete item['count'];
    const violations = checkSchema(responseSchema('get', `${org}/issues/`), [item]);
    assert.deepEqual(violations, [{ path: '$[0]', message: 'missing required property "count"' }]);
  });

  test('reports an event whose eventID has the wrong type', async () => {
    const event = object(await call(fake, '/api/0/organizations/acme/issues/1001/events/latest/'));
    event['eventID'] = 42;
    const violations = checkSchema(responseSchema('get', `${org}/issues/{issue_id}/events/{event_id}/`), event);
    assert.deepEqual(violations, [{ path: '$.eventID', message: 'expected string, got integer' }]);
  });

  test('reports null where the schema is not nullable, and accepts it where it is', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string', nullable: true } },
      required: ['a'],
    };
    assert.deepEqual(checkSchema(schema, { a: null, b: null }), [{ path: '$.a', message: 'null is not allowed' }]);
  });

  test('checks enums, type lists, items and anyOf branches', () => {
    assert.equal(checkSchema({ enum: ['x', null], type: 'string' }, 'y').length, 1);
    assert.deepEqual(checkSchema({ enum: ['x', null], type: 'string' }, null), []);
    assert.deepEqual(checkSchema({ type: ['string', 'integer'] }, 3), []);
    assert.equal(checkSchema({ type: 'array', items: { type: 'integer' } }, [1, 'two']).length, 1);
    assert.deepEqual(checkSchema({ anyOf: [{ type: 'string' }, { type: 'object', required: ['k'] }] }, { k: 1 }), []);
    assert.equal(checkSchema({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, true).length, 1);
  });

  test('allows extra properties but checks them against a schema-valued additionalProperties', () => {
    assert.deepEqual(checkSchema({ type: 'object', properties: {} }, { anything: 1 }), []);
    assert.equal(checkSchema({ type: 'object', additionalProperties: { type: 'string' } }, { k: 1 }).length, 1);
  });

  test('refuses to judge a schema with a keyword it does not know', () => {
    assert.equal(
      checkSchema({ type: 'string', pattern: '^a' }, 'b')[0]?.message,
      'unsupported schema keywords: pattern',
    );
  });
});
