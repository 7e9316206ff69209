// Proves the fake's issue endpoints: details, events, tags, triage PUTs, code mappings and region mode.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  FakeSentry,
  scenario,
  startFakeSentry,
  WRONG_REGION_HEADER,
} from '../../support/fakeSentry';
import { call, object, objects } from './request';

const base = '/api/0/organizations/acme/issues';

describe('issue details, events and tags (Sentry)', () => {
  let fake: FakeSentry;
  before(async () => {
    fake = await startFakeSentry();
  });
  after(async () => {
    await fake.close();
  });

  test('details carry release summaries, counts as in real Sentry and 24h+30d stats', async () => {
    const issue = object(await call(fake, `${base}/1001/`));
    assert.equal(issue['count'], '68');
    assert.equal(issue['userCount'], 22);
    assert.deepEqual((issue['firstRelease'] as { version?: string }).version, scenario.releases.v110);
    assert.deepEqual((issue['lastRelease'] as { version?: string }).version, scenario.releases.v120);
    assert.deepEqual(Object.keys(issue['stats'] as object), ['24h', '30d']);
  });

  test("an issue is also found by its short id; an unknown one is a 404 with Sentry's detail", async () => {
    const shortId = fake.data.issues[0]?.shortId ?? '';
    assert.equal(object(await call(fake, `${base}/${shortId}/`))['id'], '1001');
    const missing = await call(fake, `${base}/424242/`);
    assert.deepEqual([missing.status, missing.body], [404, { detail: 'The requested resource does not exist' }]);
  });

  test('the latest event has exception, breadcrumbs and request entries with full frames, crash site last', async () => {
    const event = object(await call(fake, `${base}/1001/events/latest/`));
    const entries = event['entries'] as Array<{
      type: string;
      data: { values: Array<{ stacktrace: { frames: Array<Record<string, unknown>> } }> };
    }>;
    assert.deepEqual(
      entries.map((entry) => entry.type),
      ['exception', 'breadcrumbs', 'request'],
    );
    const frames = entries[0]?.data.values[0]?.stacktrace.frames ?? [];
    const crash = frames[frames.length - 1] ?? {};
    assert.deepEqual(
      {
        filename: crash['filename'],
        absPath: crash['absPath'],
        module: crash['module'],
        function: crash['function'],
        inApp: crash['inApp'],
      },
      {
        filename: './src/cart.ts',
        absPath: 'webpack://shop/./src/cart.ts',
        module: 'src/cart',
        function: 'Array.reduce',
        inApp: true,
      },
    );
    const context = crash['context'] as Array<[number, string]>;
    assert.ok(context.some(([line, text]) => line === crash['lineNo'] && text.includes('line.item.price')));
    assert.equal((event['release'] as { version?: string }).version, scenario.releases.v120);
    assert.ok(
      (event['tags'] as Array<{ key: string; value: string }>).some(
        (tag) => tag.key === 'environment' && tag.value === 'production',
      ),
    );
  });

  test("environment= and query=release: pick the matching event; none matching is Sentry's 404", async () => {
    const staging = object(await call(fake, `${base}/1008/events/latest/?environment=staging`));
    assert.equal(staging['eventID'], fake.data.issues.find((issue) => issue.id === '1008')?.events[1]?.eventID);
    const none = await call(fake, `${base}/1008/events/recommended/?query=${encodeURIComponent('release:shop@1.0.0')}`);
    assert.deepEqual(
      [none.status, none.body],
      [404, { detail: 'No matching event found, try changing the environments, date range, or query.' }],
    );
  });

  test('tags ?key= returns the asked keys with at most limit top values', async () => {
    const tags = objects(await call(fake, `${base}/1001/tags/?key=release&key=environment&limit=1`));
    assert.deepEqual(
      tags.map((tag) => [tag['key'], (tag['topValues'] as unknown[]).length]),
      [
        ['environment', 1],
        ['release', 1],
      ],
    );
    const release = tags.find((tag) => tag['key'] === 'release');
    assert.equal((release?.['topValues'] as Array<{ value: string }>)[0]?.value, scenario.releases.v110);
  });

  test('the top-level /api/0/issues/ paths answer 410 like a sentry.io brownout', async () => {
    const reply = await call(fake, '/api/0/issues/1001/');
    assert.deepEqual([reply.status, reply.body], [410, { message: 'This API no longer exists.' }]);
  });

  test("a release is found by its URL-encoded version; an unknown one is a 404 with Sentry's detail", async () => {
    const found = object(
      await call(fake, `/api/0/organizations/acme/releases/${encodeURIComponent(scenario.releases.v120)}/`),
    );
    assert.deepEqual([found['version'], found['newGroups']], [scenario.releases.v120, 5]);
    const missing = await call(fake, '/api/0/organizations/acme/releases/shop%402.0.0/');
    assert.deepEqual([missing.status, missing.body], [404, { detail: 'The requested resource does not exist' }]);
  });

  test('code mappings filter by project; GlitchTip-only /api/settings/ is a 404', async () => {
    const mappings = objects(await call(fake, '/api/0/organizations/acme/code-mappings/?project=101'));
    assert.deepEqual(
      mappings.map((mapping) => [mapping['stackRoot'], mapping['sourceRoot'], mapping['automaticallyGenerated']]),
      [['./src/', 'src/', false]],
    );
    assert.equal((await call(fake, '/api/settings/', { token: null })).status, 404);
  });
});

describe('triage PUTs (Sentry)', () => {
  let fake: FakeSentry;
  before(async () => {
    fake = await startFakeSentry();
  });
  after(async () => {
    await fake.close();
  });
  const put = (id: string, body: unknown) => call(fake, `${base}/${id}/`, { method: 'PUT', body });

  test('resolve applies, answers the updated issue, is recorded and leaves the default list', async () => {
    const reply = await put('1002', { status: 'resolved', statusDetails: {} });
    assert.deepEqual([reply.status, object(reply)['status'], object(reply)['substatus']], [200, 'resolved', null]);
    assert.deepEqual(fake.issueUpdates.at(-1), { issueId: '1002', body: { status: 'resolved', statusDetails: {} } });
    const recorded = fake.requestsTo(`${base}/1002/`, 'PUT')[0];
    assert.deepEqual(recorded?.json, { status: 'resolved', statusDetails: {} });
    assert.equal(
      objects(await call(fake, `${base}/`)).some((issue) => issue['id'] === '1002'),
      false,
    );
  });

  test('resolve in next release, archive forever and unresolve set status, substatus and statusDetails', async () => {
    assert.deepEqual(
      object(await put('1004', { status: 'resolved', statusDetails: { inNextRelease: true } }))['statusDetails'],
      { inNextRelease: true },
    );
    const archived = object(await put('1004', { status: 'ignored', statusDetails: {}, substatus: 'archived_forever' }));
    assert.deepEqual([archived['status'], archived['substatus']], ['ignored', 'archived_forever']);
    const reopened = object(await put('1004', { status: 'unresolved', statusDetails: {}, substatus: 'ongoing' }));
    assert.deepEqual([reopened['status'], reopened['substatus']], ['unresolved', 'ongoing']);
    const inLatest = object(await put('1004', { status: 'resolved', statusDetails: { inRelease: 'latest' } }));
    assert.deepEqual(inLatest['statusDetails'], { inRelease: scenario.releases.v120 });
  });

  test('assigns to a member by user id or e-mail, unassigns with "", refuses strangers', async () => {
    const assigned = object(await put('1006', { assignedTo: `user:${scenario.members.penguin.userId}` }));
    assert.deepEqual(assigned['assignedTo'], {
      type: 'user',
      id: scenario.members.penguin.userId,
      name: 'Sir Penguin',
      email: 'sirpenguin@antarcticarocks.com',
    });
    assert.equal(
      (object(await put('1006', { assignedTo: 'jane@example.com' }))['assignedTo'] as { name?: string }).name,
      'Jane Developer',
    );
    assert.equal(object(await put('1006', { assignedTo: '' }))['assignedTo'], null);
    assert.equal((await put('1006', { assignedTo: 'user:999' })).status, 400);
  });

  test('bookmarks; rejects an unknown status and a body that is not JSON', async () => {
    assert.equal(object(await put('1007', { isBookmarked: true }))['isBookmarked'], true);
    assert.equal((await put('1007', { status: 'fixed' })).status, 400);
    const notJson = await fetch(`${fake.url}${base}/1007/`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` },
      body: '{',
    });
    assert.equal(notJson.status, 400);
  });
});

describe('region mode', () => {
  test("the control server answers the org's issue calls 404 with a marker; the region server serves them", async () => {
    const data = defaultScenario();
    const control = await startFakeSentry({ data });
    const region = await startFakeSentry({ data });
    try {
      data.organizations[0]!.regionUrl = region.url;
      const org = objects(await call(control, '/api/0/organizations/'))[0];
      assert.equal((org?.['links'] as { regionUrl?: string }).regionUrl, region.url);
      const wrong = await call(control, `${base}/`);
      assert.deepEqual([wrong.status, wrong.headers.get(WRONG_REGION_HEADER.toLowerCase())], [404, region.url]);
      assert.equal((await call(control, `${base}/1001/events/latest/`)).status, 404);
      assert.equal((await call(region, `${base}/`)).status, 200);
      assert.equal((await call(region, `${base}/1001/tags/`)).status, 200);
    } finally {
      await control.close();
      await region.close();
    }
  });
});
