// Proves the issue panel's view model, built from real Sentry events: the exception chain and frames newest first,
// in-app emphasis and source context, breadcrumbs, tags, request and user with personal data redacted by default,
// actions narrowed to the backend's capabilities, and hostile event text kept as plain text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { glitchtipBackend, sentryBackend } from '../../../../src/core/api/backend';
import { stackOfEvent } from '../../../../src/core/api/eventSchema';
import { issueTagSchema } from '../../../../src/core/api/issueSchema';
import { buildIssueViewModel, type IssueViewInput } from '../../../../src/core/format/buildIssueViewModel';
import { frameKey, framesToLink, maxFramesPerException } from '../../../../src/core/format/exceptionView';
import { issueViewModelSchema, type IssueViewModel } from '../../../../src/core/format/issueViewModel';
import { hiddenValue } from '../../../../src/core/format/userDataView';
import {
  entryData,
  eventFixtures,
  fixedNow,
  fixtureEvent,
  fixtureIssue,
  fixtureTags,
  withEntry,
} from './panelFixtures';

function modelOf(input: Partial<IssueViewInput> = {}): IssueViewModel {
  const model = buildIssueViewModel({
    issue: fixtureIssue(),
    event: fixtureEvent('python'),
    tags: fixtureTags(),
    capabilities: sentryBackend.capabilities,
    showUserData: false,
    now: fixedNow,
    ...input,
  });
  // Whatever the host builds, the page's own check must accept.
  assert.equal(issueViewModelSchema.safeParse(model).success, true, 'the model fits the protocol schema');
  return model;
}

function exceptionsOf(model: IssueViewModel) {
  assert.ok(model.event, 'the model has an event');
  return model.event.exceptions;
}

describe('exception chain', () => {
  test('shows the raising frame first: the last frame the API sends', () => {
    const [exception] = exceptionsOf(modelOf());
    assert.equal(exception?.type, 'ZeroDivisionError');
    assert.equal(exception?.value, 'division by zero');
    assert.deepEqual(
      exception?.frames.map((frame) => frame.function),
      ['get', 'dispatch', 'view', '_get_response', '_get_response', 'inner'],
    );
    assert.equal(exception?.frames[0]?.file, 'errors/views.py');
    assert.equal(exception?.frames[0]?.location, '18');
  });

  test('puts the thrown exception before its cause (the API sends the cause first)', () => {
    const event = fixtureEvent('python', (raw) => {
      const thrown = (entryData(raw, 'exception').values as unknown[])[0];
      const cause = {
        type: 'KeyError',
        value: "'user'",
        mechanism: { type: 'chained', handled: true },
        stacktrace: { frames: [] },
      };
      return withEntry(raw, 'exception', { values: [cause, thrown] });
    });
    const exceptions = exceptionsOf(modelOf({ event }));
    assert.deepEqual(
      exceptions.map((exception) => exception.type),
      ['ZeroDivisionError', 'KeyError'],
    );
    assert.deepEqual(
      exceptions.map((exception) => exception.handled),
      ['unhandled', 'handled'],
    );
    assert.deepEqual(
      exceptions.map((exception) => exception.mechanism),
      ['django', 'chained'],
    );
  });

  test('marks in-app frames and emphasises them; system frames are not', () => {
    const [inApp] = exceptionsOf(modelOf({ event: fixtureEvent('cloudflare') }));
    assert.deepEqual(
      inApp?.frames.map((frame) => [frame.function, frame.location, frame.inApp, frame.emphasised]),
      [
        ['Object.fetch', '19631:28', true, true],
        ['OAuthProviderImpl.fetch', '8029:24', true, true],
        ['(anonymous)', '7809:27', true, true],
      ],
    );
    const [system] = exceptionsOf(modelOf({ event: fixtureEvent('javascript') }));
    assert.ok(system && system.frames.length > 0);
    assert.ok(system.frames.every((frame) => !frame.inApp && !frame.emphasised));
  });

  test('marks exactly the frame line in the source context and opens the first frame with source', () => {
    const [exception] = exceptionsOf(modelOf());
    const top = exception?.frames[0];
    assert.equal(top?.context.length, 11);
    assert.deepEqual(
      top?.context.filter((line) => line.isErrorLine).map((line) => [line.line, line.text]),
      [[18, '        0/0']],
    );
    assert.deepEqual(
      exception?.frames.map((frame) => frame.expanded),
      [true, false, false, false, false, false],
    );
  });

  test('links frames that resolve to workspace files and emphasises them even outside the app', () => {
    const event = fixtureEvent('python');
    const [raising] = framesToLink(stackOfEvent(event));
    assert.ok(raising);
    const frameLinks = new Map([[frameKey(raising), { uri: 'file:///work/app/errors/views.py', line: 18 }]]);
    const [exception] = exceptionsOf(modelOf({ event, frameLinks }));
    assert.deepEqual(exception?.frames[0]?.link, { uri: 'file:///work/app/errors/views.py', line: 18 });
    assert.equal(exception?.frames[0]?.emphasised, true);
    assert.ok(exception?.frames.slice(1).every((frame) => frame.link === undefined && !frame.emphasised));
  });

  test('keeps the innermost frames of a very deep stack and counts the rest', () => {
    const event = fixtureEvent('cloudflare', (raw) => {
      const frames = Array.from({ length: maxFramesPerException + 50 }, (_, index) => ({
        function: `f${index}`,
        filename: 'a.js',
        lineNo: index + 1,
        inApp: true,
      }));
      return withEntry(raw, 'exception', {
        values: [{ type: 'RangeError', value: 'Maximum call stack size exceeded', stacktrace: { frames } }],
      });
    });
    const [exception] = exceptionsOf(modelOf({ event }));
    assert.equal(exception?.frames.length, maxFramesPerException);
    assert.equal(exception?.frames[0]?.function, `f${maxFramesPerException + 49}`);
    assert.equal(exception?.omittedFrames, 50);
  });

  test('shows the crashed thread of a message event, and its message, when there is no exception', () => {
    const event = fixtureEvent('python', (raw) => {
      const frames = (
        (entryData(raw, 'exception').values as Array<{ stacktrace: { frames: unknown[] } }>)[0]?.stacktrace.frames ?? []
      ).slice();
      const withoutException = {
        ...raw,
        entries: (raw.entries as Array<{ type: string }>).filter((entry) => entry.type !== 'exception'),
      };
      const withThread = withEntry(withoutException, 'threads', {
        values: [{ crashed: true, stacktrace: { frames } }],
      });
      return withEntry(withThread, 'message', { formatted: 'Payment failed for order 42' });
    });
    const model = modelOf({ event });
    assert.equal(model.event?.message, 'Payment failed for order 42');
    assert.deepEqual(
      model.event?.exceptions.map((exception) => [exception.kind, exception.frames[0]?.function]),
      [['stacktrace', 'get']],
    );
  });

  test('does not repeat the search text Sentry keeps as the message of an exception event', () => {
    assert.equal(modelOf().event?.message, undefined);
  });
});

describe('breadcrumbs', () => {
  test('lists them newest first with UTC time, category, level, message and data', () => {
    const model = modelOf({ event: fixtureEvent('javascript') });
    assert.deepEqual(
      model.event?.breadcrumbs.map((crumb) => [crumb.time, crumb.category, crumb.level, crumb.message]),
      [
        ['22:26:55.945', 'sentry.transaction', 'info', '7787a027f3fb46c985aaa2287b3f4d09'],
        ['22:26:55.619', 'xhr', 'info', ''],
        ['22:26:55.266', 'tracing', 'debug', '[Tracing] pushActivity: idleTransactionStarted#1'],
      ],
    );
    assert.equal(model.event?.breadcrumbs[1]?.data, 'url: /api/0/internal/health/, status_code: 200, method: GET');
  });

  test('reads ingest-style unix timestamps and skips crumbs that are not objects', () => {
    const event = fixtureEvent('python', (raw) =>
      withEntry(raw, 'breadcrumbs', {
        values: [{ timestamp: 1744550000.5, category: 'query', message: 'SELECT 1' }, 'junk', null],
      }),
    );
    assert.deepEqual(
      modelOf({ event }).event?.breadcrumbs.map((crumb) => [crumb.timestamp, crumb.category, crumb.level]),
      [['2025-04-13T13:13:20.500Z', 'query', 'info']],
    );
  });
});

describe('user impact and header', () => {
  test('reads counts, dates, assignee, status and the permalink from the issue', () => {
    const model = modelOf();
    assert.deepEqual(model.header, {
      title: 'Error: Tool list_organizations is already registered',
      shortId: 'CLOUDFLARE-MCP-41',
      level: 'error',
      culprit: 'Object.fetch(index)',
      platform: 'javascript',
      project: 'CLOUDFLARE-MCP',
      status: { status: 'unresolved', substatus: 'ongoing', label: 'Ongoing' },
      assignee: 'Jane Developer',
      permalink: 'https://sentry-mcp-evals.sentry.io/issues/6507376925/',
      story: { kind: 'carried', headline: 'Carried over from an earlier release' },
    });
    assert.equal(model.impact.events, '25');
    assert.equal(model.impact.users, '1');
    assert.equal(model.impact.firstSeen?.iso, '2025-04-03T22:51:19.403Z');
    assert.equal(model.impact.lastSeen?.relative, '1 day ago');
  });

  test('charts the last 24 hours and the last 14 of the 30 daily buckets', () => {
    const charts = modelOf().impact.charts;
    assert.deepEqual(
      charts.map((chart) => [chart.id, chart.buckets.length, chart.total]),
      [
        ['24h', 25, '0 events'],
        ['14d', 14, '25 events'],
      ],
    );
    assert.equal(charts[1]?.buckets.at(-1)?.iso, '2025-04-13T00:00:00.000Z');
  });

  test("counts the events per environment from the tag distribution, else names the event's environment", () => {
    assert.deepEqual(modelOf().impact.environments, [
      { name: 'production', count: '20', percent: 80 },
      { name: 'staging', count: '5', percent: 20 },
    ]);
    assert.deepEqual(modelOf({ tags: [], event: fixtureEvent('smallJs') }).impact.environments, [
      { name: 'production' },
    ]);
  });

  test('orders environments by their events, most first', () => {
    const tags = [
      issueTagSchema.parse({
        key: 'environment',
        totalValues: 30,
        topValues: [
          { value: 'staging', count: 3 },
          { value: 'production', count: 27 },
        ],
      }),
    ];
    assert.deepEqual(
      modelOf({ tags }).impact.environments.map((env) => `${env.name} ${env.count}`),
      ['production 27', 'staging 3'],
    );
  });

  test("tells the issue's release story against the workspace release", () => {
    const release = 'shop@1.4.2';
    const fresh = fixtureIssue({ firstRelease: { version: release }, lastRelease: { version: release } });
    assert.deepEqual(modelOf({ issue: fresh, release }).header.story, {
      kind: 'new',
      headline: 'New in shop@1.4.2',
      releases: 'only seen in shop@1.4.2',
    });
    const regressed = fixtureIssue({
      substatus: 'regressed',
      firstRelease: { version: 'shop@1.0.0' },
      lastRelease: { version: release },
    });
    assert.deepEqual(modelOf({ issue: regressed, release }).header.story, {
      kind: 'regressed',
      headline: 'Regressed in shop@1.4.2',
      releases: 'first seen in shop@1.0.0 · last seen in shop@1.4.2',
    });
    const model = modelOf({ issue: regressed, release });
    assert.deepEqual([model.impact.firstRelease, model.impact.lastRelease], ['shop@1.0.0', release]);

    const resolvedNext = fixtureIssue({ status: 'resolved', statusDetails: { inNextRelease: true } });
    assert.equal(modelOf({ issue: resolvedNext, release }).header.story, undefined, 'the status badge already says it');
    const resolvedWithEvents = fixtureIssue({
      status: 'resolved',
      statusDetails: { inNextRelease: true },
      lastSeen: '2026-11-02T00:00:00Z',
      activity: [{ type: 'set_resolved_in_next_release', dateCreated: '2026-11-01T00:00:00Z' }],
    });
    assert.equal(
      modelOf({ issue: resolvedWithEvents, release }).header.story?.headline,
      'Resolved in the next release · events since',
    );
  });

  test('shows the release and environment of the event', () => {
    const model = modelOf({ event: fixtureEvent('javascript') });
    assert.equal(model.event?.release, 'b65bc521378269d3eaefdc964f8ef56621414943');
    assert.equal(model.event?.environment, 'prod');
  });

  test('lists the device contexts and puts well-known tags first', () => {
    const model = modelOf({ event: fixtureEvent('javascript') });
    assert.deepEqual(model.event?.contexts, [
      { key: 'browser', value: 'Chrome 83.0.4103' },
      { key: 'os', value: 'Windows 10' },
    ]);
    assert.deepEqual(
      model.event?.tags.slice(0, 3).map((tag) => tag.key),
      ['environment', 'level', 'handled'],
    );
  });

  test('prefers the editor-built link and never passes a link that is not a web address', () => {
    assert.equal(
      modelOf({ permalink: 'https://sentry.example/org/issues/1/' }).header.permalink,
      'https://sentry.example/org/issues/1/',
    );
    assert.equal(modelOf({ issue: fixtureIssue({ permalink: 'javascript:alert(1)' }) }).header.permalink, undefined);
    assert.equal(
      modelOf({ permalink: null }).header.permalink,
      undefined,
      'an issue without a page (the local Sentry) links nowhere',
    );
  });
});

describe('triage actions', () => {
  test('offers every action on Sentry', () => {
    assert.deepEqual(modelOf().actions, ['resolve', 'resolveInNextRelease', 'unresolve', 'archive', 'assignToMe']);
  });

  test('hides what GlitchTip cannot do, and its user counts', () => {
    const model = modelOf({ capabilities: glitchtipBackend.capabilities });
    assert.deepEqual(model.actions, ['resolve', 'unresolve', 'archive']);
    assert.equal(model.impact.users, undefined);
  });

  test('offers only what every backend can do while the backend is unknown', () => {
    assert.deepEqual(modelOf({ capabilities: undefined }).actions, ['resolve', 'unresolve', 'archive']);
  });
});

describe('personal data', () => {
  const pii = ['test@example.com', '142.255.29.14', 'id:1'];

  test('hides the user, the user tag and client addresses by default, so they never reach the page', () => {
    const model = modelOf({ event: fixtureEvent('jsWithContext') });
    assert.deepEqual(model.event?.user, {
      redacted: true,
      fields: [
        { key: 'ID', value: hiddenValue },
        { key: 'E-mail', value: hiddenValue },
        { key: 'IP address', value: hiddenValue },
      ],
    });
    assert.equal(model.event?.tags.find((tag) => tag.key === 'user')?.value, hiddenValue);
    const text = JSON.stringify(model);
    for (const value of pii) assert.ok(!text.includes(value), `${value} must not be in the model`);
  });

  test('shows them when the user data setting is on', () => {
    const model = modelOf({ event: fixtureEvent('jsWithContext'), showUserData: true });
    assert.equal(model.userDataShown, true);
    assert.deepEqual(
      model.event?.user?.fields.map((field) => field.value),
      ['1', 'test@example.com', '142.255.29.14'],
    );
    const text = JSON.stringify(model);
    for (const value of pii) assert.ok(text.includes(value), `${value} is shown`);
  });

  test('hides the top values of user tags in the distributions', () => {
    const tags = [
      issueTagSchema.parse({
        key: 'user',
        name: 'User',
        totalValues: 3,
        topValues: [{ value: 'email:jane@example.com', name: 'jane@example.com', count: 3 }],
      }),
    ];
    assert.deepEqual(modelOf({ tags }).impact.distributions[0]?.values, [
      { value: hiddenValue, count: '3', percent: 100 },
    ]);
  });
});

describe('request', () => {
  const hostileRequest = {
    method: 'POST',
    url: 'https://shop.example/checkout',
    query: [
      ['page', '2'],
      ['access_token', 'qtok'],
    ],
    headers: [
      ['Authorization', 'Bearer sekrit'],
      ['Cookie', 'session=abc'],
      ['X-Forwarded-For', '203.0.113.9'],
      ['X-Api-Key', 'k-123'],
      ['Accept', 'text/html'],
    ],
    cookies: [
      ['session', 'abc'],
      ['theme', 'dark'],
    ],
    data: { card: '4111 1111 1111 1111', note: 'mail me at ann@example.com', plan: 'gold' },
  };

  function requestModel(showUserData: boolean): IssueViewModel {
    return modelOf({ event: fixtureEvent('python', (raw) => withEntry(raw, 'request', hostileRequest)), showUserData });
  }

  test('never shows credentials, even with user data on', () => {
    for (const showUserData of [false, true]) {
      const model = requestModel(showUserData);
      const text = JSON.stringify(model);
      for (const secret of ['sekrit', 'session=abc', 'k-123', 'qtok'])
        assert.ok(!text.includes(secret), `${secret} must not be in the model`);
      assert.equal(model.event?.request?.cookies, '2 cookies (values not shown)');
      assert.deepEqual(
        model.event?.request?.headers.find((header) => header.key === 'Accept'),
        { key: 'Accept', value: 'text/html' },
      );
    }
  });

  test('hides the client address and the body unless user data is on', () => {
    const off = requestModel(false).event?.request;
    assert.equal(off?.headers.find((header) => header.key === 'X-Forwarded-For')?.value, hiddenValue);
    assert.equal(off?.body, hiddenValue);
    const on = requestModel(true).event?.request;
    assert.equal(on?.headers.find((header) => header.key === 'X-Forwarded-For')?.value, '203.0.113.9');
    // Card numbers and e-mails in a hosted Sentry's event are filtered as the local server filters them at ingest.
    assert.equal(on?.body, '{"card":"[Filtered]","note":"mail me at [Filtered]","plan":"gold"}');
  });

  test('shows the URL and query without their values unless user data is on', () => {
    const withQuery = (showUserData: boolean): IssueViewModel =>
      modelOf({
        event: fixtureEvent('python', (raw) =>
          withEntry(raw, 'request', { url: 'https://shop.example/find?q=shoes&size=42', query: [['q', 'shoes']] }),
        ),
        showUserData,
      });
    const off = withQuery(false).event?.request;
    assert.equal(off?.url, 'https://shop.example/find?q=[Filtered]&size=[Filtered]');
    assert.deepEqual(off?.query, [{ key: 'q', value: '[Filtered]' }]);
    const on = withQuery(true).event?.request;
    assert.equal(on?.url, 'https://shop.example/find?q=shoes&size=42');
    assert.deepEqual(on?.query, [{ key: 'q', value: 'shoes' }]);
  });

  test('filters breadcrumb data: sensitive names, tokens in text, query values of URLs', () => {
    const crumbs = {
      values: [
        {
          type: 'http',
          category: 'fetch',
          message: 'called with Bearer abcdefghijklmnop',
          data: { url: 'https://api.example/v1?api_key=k-999&page=3', password: 'hunter2', status_code: 200 },
          timestamp: 1_700_000_000,
        },
      ],
    };
    const model = modelOf({ event: fixtureEvent('python', (raw) => withEntry(raw, 'breadcrumbs', crumbs)) });
    const crumb = model.event?.breadcrumbs[0];
    assert.equal(crumb?.message, 'called with Bearer [Filtered]');
    assert.equal(
      crumb?.data,
      'url: https://api.example/v1?api_key=[Filtered]&page=[Filtered], password: [Filtered], status_code: 200',
    );
    const text = JSON.stringify(model);
    for (const secret of ['k-999', 'hunter2', 'abcdefghijklmnop'])
      assert.ok(!text.includes(secret), `${secret} must not be in the model`);
  });

  test('reads a request that has only a URL', () => {
    const model = modelOf({
      event: fixtureEvent('python', (raw) => withEntry(raw, 'request', { url: 'https://shop.example/' })),
    });
    assert.deepEqual(model.event?.request, {
      method: undefined,
      url: 'https://shop.example/',
      query: [],
      headers: [],
      cookies: undefined,
      body: undefined,
    });
  });

  test('reads the real request of a Django event', () => {
    const request = modelOf().event?.request;
    assert.equal(request?.method, 'GET');
    assert.equal(request?.url, 'http://localhost:8001/divide-zero/');
    assert.deepEqual(request?.query, [
      { key: 'foo', value: '[Filtered]' },
      { key: 'foo', value: '[Filtered]' },
      { key: 'lol', value: '[Filtered]' },
    ]);
  });
});

describe('hostile event text', () => {
  test('keeps markup as literal text and makes bidi overrides visible', () => {
    const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const event = fixtureEvent('cloudflare', (raw) =>
      withEntry(raw, 'exception', {
        values: [
          {
            type: markup,
            value: `admin\u202E}:\u2066 ${markup}`,
            stacktrace: { frames: [{ function: markup, filename: markup, lineNo: 1, context: [[1, markup]] }] },
          },
        ],
      }),
    );
    const model = modelOf({ issue: fixtureIssue({ title: markup }), event });
    const [exception] = exceptionsOf(model);
    assert.equal(model.header.title, markup);
    assert.equal(exception?.type, markup);
    assert.equal(exception?.value, `admin\uFFFD}:\uFFFD ${markup}`);
    assert.equal(exception?.frames[0]?.function, markup);
    assert.equal(exception?.frames[0]?.context[0]?.text, markup);
  });

  test('bounds very long values', () => {
    const model = modelOf({ issue: fixtureIssue({ title: 'x'.repeat(100_000) }) });
    assert.ok(model.header.title.length <= 1000);
    assert.ok(model.header.title.endsWith('…'));
  });

  test('builds a valid model for every real event', () => {
    for (const name of Object.keys(eventFixtures) as Array<keyof typeof eventFixtures>) {
      for (const showUserData of [false, true]) modelOf({ event: fixtureEvent(name), showUserData });
    }
    modelOf({ event: undefined, tags: [] });
  });
});

describe('frame variables', () => {
  test("shows each frame's vars as rows, nested rows after their parent, scrubbed, with _meta trimming as a note", () => {
    const event = fixtureEvent('python', (raw) => {
      const thrown = (
        entryData(raw, 'exception').values as Array<{ stacktrace: { frames: Array<Record<string, unknown>> } }>
      )[0];
      const frames = thrown?.stacktrace.frames ?? [];
      const last = frames.length - 1;
      frames[last] = {
        ...frames[last],
        vars: { cart: { items: ["'A1'", "'B2'"], api_key: "'sk_live_1'" }, total: '0' },
      };
      const exceptionEntry = (raw.entries as Array<{ type: string }>).findIndex((entry) => entry.type === 'exception');
      const varsMeta = { cart: { items: { '': { len: 30 } } } };
      const meta = {
        entries: {
          [exceptionEntry]: { data: { values: { 0: { stacktrace: { frames: { [last]: { vars: varsMeta } } } } } } },
        },
      };
      return { ...raw, _meta: meta };
    });
    const [exception] = exceptionsOf(modelOf({ event }));
    const raising = exception?.frames[0];
    assert.equal(raising?.expanded, true);
    assert.deepEqual(
      raising?.variables?.map((row) => [
        row.id,
        row.parent ?? null,
        row.depth,
        row.name,
        row.value,
        row.expandable,
        row.note ?? null,
      ]),
      [
        ['v0', null, 0, 'cart', '{2 keys}', true, null],
        ['v0.0', 'v0', 1, 'items', '[30 items]', true, '2 of 30 items sent'],
        ['v0.0.0', 'v0.0', 2, '0', "'A1'", false, null],
        ['v0.0.1', 'v0.0', 2, '1', "'B2'", false, null],
        ['v0.1', 'v0', 1, 'api_key', '[Filtered]', false, 'hidden: sensitive name'],
        ['v1', null, 0, 'total', '0', false, null],
      ],
    );
  });

  test('the real Python event carries vars on every frame, and frames without vars have none', () => {
    const [exception] = exceptionsOf(modelOf());
    assert.ok(exception?.frames.every((frame) => (frame.variables?.length ?? 0) > 0));
    const [jsException] = exceptionsOf(modelOf({ event: fixtureEvent('javascript') }));
    assert.ok(jsException?.frames.every((frame) => frame.variables === undefined));
  });
});
