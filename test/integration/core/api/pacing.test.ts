// Proves the client works at the server's pace over real HTTP: it schedules into fixed rate-limit windows (with and
// without Sentry's headers), rises to the announced concurrency, loses no request to 429s, gives up only when no
// window admits anything or a deadline passes, and bounds endless lists and stalled answers. Counts, never times.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SentryClient, type SentryClientOptions } from '../../../../src/core/api/client';
import { deadlineSignal } from '../../../../src/core/api/deadline';
import { isServerBusy } from '../../../../src/core/api/errors';
import { silentLogger, type Logger } from '../../../../src/core/log';
import {
  addManyIssues,
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  sentryIoWindows,
  withFakeSentry,
  type FakeSentry,
  type RateWindowRule,
} from '../../../support/fakeSentry';

const fast = { baseDelayMs: 5, maxDelayMs: 20 };
const eventsPath = /\/issues\/[^/]+\/events\//;

function clientFor(fake: FakeSentry, overrides: Partial<SentryClientOptions> = {}): SentryClient {
  return SentryClient.create({
    baseUrl: fake.url,
    token: DEFAULT_TOKEN,
    log: silentLogger,
    retry: fast,
    backend: fake.flavour,
    ...overrides,
  });
}

const withFake = withFakeSentry;

function manyIssues(count: number): { data: ReturnType<typeof defaultScenario>; ids: string[] } {
  const data = defaultScenario();
  const ids = addManyIssues(data, count, { projectId: scenario.projects.web.id }).map((issue) => issue.id);
  return { data, ids };
}

function eventWindow(limit: number): RateWindowRule {
  return { name: 'issueEvents', path: eventsPath, limit, seconds: 1 };
}

describe('pacing into rate-limit windows', () => {
  test('bare-string 429s without headers: every event loads, and few requests go into a closed window', async () => {
    const { data, ids } = manyIssues(24);
    const limit = 6;
    await withFake({ data, rateLimit: false, rateWindows: [eventWindow(limit)] }, async (fake) => {
      const client = clientFor(fake);
      const events = await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
      await client.close();
      assert.deepEqual(
        events.filter((event) => !event.ok).map((event) => (event.ok ? '' : event.error.message)),
        [],
        'no request lost',
      );
      const refused = fake.windowCounts.refused['issueEvents'] ?? 0;
      const windows = Math.ceil(ids.length / limit) + 1;
      // The first 429 teaches the limit and window; afterwards a refusal only happens at a window's edge.
      assert.ok(refused <= 4 + windows, `${refused} requests were sent into a closed window`);
      assert.equal(fake.windowCounts.admitted['issueEvents'], ids.length);
    });
  });

  test("with Sentry's headers the client stays inside the windows", async () => {
    const { data, ids } = manyIssues(30);
    await withFake(
      { data, rateWindows: [eventWindow(10)], rateLimit: { concurrentLimit: 15 }, responseDelayMs: 20 },
      async (fake) => {
        const client = clientFor(fake);
        const events = await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
        await client.close();
        assert.ok(
          events.every((event) => event.ok),
          'no request lost',
        );
        const refused = fake.windowCounts.refused['issueEvents'] ?? 0;
        assert.ok(refused <= 3, `${refused} requests were sent into a closed window`);
      },
    );
  });

  test("sentry.io's windows for list, details and events at once: each class keeps its own pace, nothing is lost", async () => {
    const { data, ids } = manyIssues(45);
    await withFake(
      { data, rateWindows: sentryIoWindows, rateLimit: { concurrentLimit: 15 }, responseDelayMs: 20 },
      async (fake) => {
        const client = clientFor(fake);
        const [list, events, details] = await Promise.all([
          client.issues(scenario.org, { projectId: scenario.projects.web.id, query: 'is:unresolved' }),
          Promise.all(ids.map((id) => client.latestEvent(scenario.org, id))),
          Promise.all(ids.slice(0, 10).map((id) => client.issue(scenario.org, id))),
        ]);
        await client.close();
        assert.ok(
          list.ok && events.every((event) => event.ok) && details.every((detail) => detail.ok),
          'no request lost',
        );
        const refused = Object.values(fake.windowCounts.refused).reduce((sum, count) => sum + count, 0);
        assert.ok(refused <= 6, `${refused} requests were sent into a closed window`);
        assert.equal(fake.windowCounts.admitted['issueEvents'], ids.length);
      },
    );
  });

  test("GlitchTip's 429 with Retry-After: waits for it, loses nothing", async () => {
    const { data, ids } = manyIssues(12);
    await withFake(
      {
        data,
        flavour: 'glitchtip',
        rateWindows: [{ name: 'issueEvents', path: eventsPath, limit: 5, seconds: 1 }],
        retryAfterSeconds: 1,
      },
      async (fake) => {
        const client = clientFor(fake);
        const events = await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
        await client.close();
        assert.ok(
          events.every((event) => event.ok),
          'no request lost',
        );
        // After a refusal one probe goes first, so each closed window costs at most the requests then in flight.
        assert.ok(
          (fake.windowCounts.refused['issueEvents'] ?? 0) <= 4 * 3,
          `refused ${fake.windowCounts.refused['issueEvents']}`,
        );
      },
    );
  });

  test('a Retry-After given as an HTTP date is honoured', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/projects/`;
      fake.inject({ path, status: 429, headers: { 'Retry-After': new Date(Date.now() + 1000).toUTCString() } });
      const client = clientFor(fake);
      const answer = await client.projects(scenario.org);
      await client.close();
      assert.ok(answer.ok);
      assert.equal(fake.requestsTo(path).length, 2);
    });
  });
});

describe('concurrency', () => {
  test('rises to the concurrency the server announces (15), and no further', async () => {
    const { data, ids } = manyIssues(60);
    // Answers slow enough that requests overlap even on a busy machine.
    await withFake(
      {
        data,
        rateLimit: { concurrentLimit: 15, limit: 10_000, remaining: 9_999 },
        concurrencyLimit: 15,
        responseDelayMs: 200,
      },
      async (fake) => {
        const client = clientFor(fake);
        const events = await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
        await client.close();
        assert.ok(events.every((event) => event.ok));
        assert.equal(fake.maxConcurrency, 15);
        assert.equal(fake.requests.filter((request) => request.status === 429).length, 0);
      },
    );
  });

  test('stays at 4 where the server announces nothing, as self-hosted Sentry', async () => {
    const { data, ids } = manyIssues(20);
    await withFake({ data, rateLimit: false, responseDelayMs: 100 }, async (fake) => {
      const client = clientFor(fake);
      await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
      await client.close();
      assert.equal(fake.maxConcurrency, 4);
    });
  });

  test('a concurrency 429 narrows the gate instead of failing the request', async () => {
    const { data, ids } = manyIssues(30);
    // The server announces 10 but lets only 3 in at once (other clients share the limit).
    await withFake(
      {
        data,
        rateLimit: { concurrentLimit: 10, limit: 10_000, remaining: 9_999 },
        concurrencyLimit: 3,
        responseDelayMs: 20,
      },
      async (fake) => {
        const client = clientFor(fake);
        const events = await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
        await client.close();
        assert.ok(
          events.every((event) => event.ok),
          'no request lost',
        );
        const refused = fake.requests.filter((request) => request.status === 429).length;
        assert.ok(refused < ids.length, `${refused} concurrency refusals for ${ids.length} requests`);
      },
    );
  });
});

describe('giving up', () => {
  test('when no window admits anything, requests fail as rate-limited after a bounded number of tries', async () => {
    await withFake({}, async (fake) => {
      fake.inject({
        path: eventsPath,
        status: 429,
        body: JSON.stringify('Slow down'),
        times: Number.POSITIVE_INFINITY,
      });
      const maxIdleWindows = 2;
      const client = clientFor(fake, { retry: { ...fast, maxIdleWindows } });
      const ids = ['1001', '1002', '1003', '1004', '1005', '1006'];
      const events = await Promise.all(ids.map((id) => client.latestEvent(scenario.org, id)));
      await client.close();
      for (const event of events) {
        assert.ok(!event.ok && event.error.kind === 'rateLimited', event.ok ? 'loaded' : event.error.kind);
        assert.ok(isServerBusy(event.error));
        assert.match(event.error.message, /rate-limiting/);
      }
      // Each window the server keeps closed costs at most the requests in flight (4) when it reopens.
      const sent = fake.requestsTo(eventsPath).length;
      assert.ok(sent <= (maxIdleWindows + 1) * 4 + ids.length, `${sent} requests for ${ids.length} refused events`);
    });
  });

  test('a deadline ends the wait for a window that opens too late, without sending again', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/issues/1001/events/latest/`;
      fake.inject({ path, status: 429, headers: { 'Retry-After': '30' } });
      const client = clientFor(fake);
      const event = await client.latestEvent(scenario.org, '1001', { signal: deadlineSignal(5_000) });
      await client.close();
      assert.ok(!event.ok && event.error.kind === 'deadline', event.ok ? 'loaded' : event.error.kind);
      assert.match(event.error.message, /next window opens in 30 s/);
      assert.equal(fake.requestsTo(path).length, 1);
    });
  });

  test('a deadline ends a request the server holds, as a deadline, not a cancel', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/issues/1001/`;
      fake.inject({ path, delayMs: 60_000 });
      const client = clientFor(fake, { timeoutMs: 60_000 });
      const issue = await client.issue(scenario.org, '1001', deadlineSignal(300));
      await client.close();
      assert.ok(!issue.ok && issue.error.kind === 'deadline', issue.ok ? 'loaded' : issue.error.kind);
      assert.ok(isServerBusy(issue.error));
      assert.match(issue.error.message, /did not finish within/);
    });
  });
});

describe('stalled servers', () => {
  test('a server that never answers fails once, naming the wait', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/projects/`;
      fake.inject({ path, delayMs: 60_000, times: 10 });
      const client = clientFor(fake, { timeoutMs: 300 });
      const answer = await client.projects(scenario.org);
      await client.close();
      assert.ok(!answer.ok && answer.error.kind === 'timeout', answer.ok ? 'loaded' : answer.error.kind);
      assert.match(answer.error.message, /did not answer within 1 s/);
      // The attempt may not even reach a busy fake before the client gives up on it.
      assert.ok(fake.requestsTo(path).length <= 1, 'a stalled server is not asked again at once');
    });
  });

  test('a body that never ends fails with a typed timeout', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/issues/1001/`;
      fake.inject({ path, endlessBody: true, times: 10 });
      const client = clientFor(fake, { bodyTimeoutMs: 300 });
      const issue = await client.issue(scenario.org, '1001');
      await client.close();
      assert.ok(!issue.ok && issue.error.kind === 'timeout', issue.ok ? 'loaded' : issue.error.kind);
      assert.match(issue.error.message, /did not finish sending its answer/);
      assert.equal(fake.requestsTo(path).length, 1, 'a stalled body is not asked for again at once');
    });
  });

  test('an answer larger than the size bound is refused unread', async () => {
    const { data } = manyIssues(150);
    await withFake({ data }, async (fake) => {
      const client = clientFor(fake, { maxResponseBytes: 10_000 });
      const answer = await client.issues(scenario.org, { query: 'is:unresolved' });
      await client.close();
      assert.ok(!answer.ok && answer.error.kind === 'malformed');
      assert.match(answer.error.message, /larger than 10000 bytes/);
    });
  });
});

describe('endless lists', () => {
  test('a server whose every page has a new cursor but the same issues stops at the first repeated page, without duplicates', async () => {
    const { data } = manyIssues(120);
    await withFake({ data }, async (fake) => {
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/issues/`,
        endlessCursor: true,
        times: Number.POSITIVE_INFINITY,
      });
      const warnings: string[] = [];
      const truncated: string[] = [];
      const client = clientFor(fake, {
        log: { ...silentLogger, warn: (message: string) => warnings.push(message) } satisfies Logger,
      });
      const issues = await client.issues(scenario.org, {
        query: 'is:unresolved',
        maxIssues: 1_000,
        onTruncated: (message) => truncated.push(message),
      });
      await client.close();
      assert.ok(issues.ok);
      assert.equal(new Set(issues.value.map((issue) => issue.id)).size, issues.value.length, 'no issue twice');
      assert.equal(issues.value.length, 100, 'the first page, once');
      assert.equal(fake.requestsTo(`/api/0/organizations/${scenario.org}/issues/`).length, 2);
      assert.equal(truncated.length, 1);
      assert.match(truncated[0] ?? '', /cursors loop/);
      assert.equal(warnings.length, 1, 'a looping server is worth a warning');
    });
  });

  test('endless empty pages stop at the page bound with a warning', async () => {
    await withFake({}, async (fake) => {
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/issues/`,
        endlessCursor: true,
        times: Number.POSITIVE_INFINITY,
      });
      const warnings: string[] = [];
      const client = clientFor(fake, { log: { ...silentLogger, warn: (message: string) => warnings.push(message) } });
      const issues = await client.issues(scenario.org, {
        query: 'is:unresolved release:"no-such-release"',
        maxIssues: 200,
      });
      await client.close();
      assert.ok(issues.ok);
      assert.equal(issues.value.length, 0);
      const pages = fake.requestsTo(`/api/0/organizations/${scenario.org}/issues/`).length;
      assert.ok(pages > 2 && pages <= 2 + 20, `${pages} pages`);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', /kept sending more pages/);
    });
  });
});
