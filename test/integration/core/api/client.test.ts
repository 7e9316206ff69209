// Proves the API client against a fake Sentry over real HTTP on 127.0.0.1: pagination, every failure it must survive,
// rate limits and concurrency, the token's host rule, and GlitchTip's differences.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import { SentryClient, type SentryClientOptions } from '../../../../src/core/api/client';
import { RememberedServerFacts } from '../../../../src/core/api/serverFacts';
import { silentLogger } from '../../../../src/core/log';
import {
  addManyIssues,
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  startFakeSentry,
  withFakeSentry,
  type FakeSentry,
} from '../../../support/fakeSentry';

const fast = { baseDelayMs: 5, maxDelayMs: 20 };

function clientFor(fake: FakeSentry, overrides: Partial<SentryClientOptions> = {}): SentryClient {
  return SentryClient.create({
    baseUrl: fake.url,
    token: DEFAULT_TOKEN,
    log: silentLogger,
    retry: fast,
    timeoutMs: 20_000,
    backend: fake.flavour,
    ...overrides,
  });
}

const withFake = withFakeSentry;

describe('issue list', () => {
  test('follows every page through the Link cursor, including short and empty pages', async () => {
    const data = defaultScenario();
    const added = addManyIssues(data, 250, { projectId: scenario.projects.web.id, dropEvery: 3 });
    await withFake({ data, linkOrigin: 'https://acme.sentry.io' }, async (fake) => {
      const client = clientFor(fake);
      const pages: number[] = [];
      const issues = await client.issues(
        scenario.org,
        { projectId: scenario.projects.web.id, query: 'is:unresolved' },
        (page) => pages.push(page.length),
      );
      await client.close();
      assert.ok(issues.ok, !issues.ok ? issues.error.message : '');
      const ids = new Set(issues.value.map((issue) => issue.id));
      const kept = added.filter((issue) => !issue.droppedFromListPages);
      for (const issue of kept) assert.ok(ids.has(issue.id), `issue ${issue.id} missing`);
      assert.equal(ids.size, issues.value.length, 'no issue twice');
      assert.ok(pages.length >= 3, `expected several pages, got ${pages.join(',')}`);
      assert.ok(
        pages.some((size) => size < 100),
        'the fake made short pages',
      );
      // Every request went to the fake, although the Link header named another host.
      assert.ok(fake.requests.every((request) => request.hasAuthorization));
    });
  });

  test('sends the release query, environment, period and sort; counts come back as numbers', async () => {
    await withFake({}, async (fake) => {
      const client = clientFor(fake);
      const issues = await client.issues(scenario.org, {
        projectId: scenario.projects.web.id,
        query: `is:unresolved release:"${scenario.releases.v120}"`,
        environments: ['production'],
        statsPeriod: '14d',
        sort: 'freq',
      });
      await client.close();
      assert.ok(issues.ok);
      const request = fake.requestsTo(`/api/0/organizations/${scenario.org}/issues/`)[0];
      assert.deepEqual(request?.query.environment, ['production']);
      assert.deepEqual(request?.query.sort, ['freq']);
      assert.deepEqual(request?.query.statsPeriod, ['14d']);
      const cart = issues.value.find((issue) => issue.id === '1001');
      assert.equal(typeof cart?.count, 'number');
      assert.equal(cart?.filtered?.count, 25, 'production events of the release');
    });
  });
});

describe('other endpoints', () => {
  test('releases newest first with a version search, one release by its URL-encoded version, tags, code mappings, members, teams', async () => {
    await withFake({}, async (fake) => {
      const client = clientFor(fake);
      const releases = await client.releases(scenario.org, { projectId: scenario.projects.web.id, query: 'shop@1.' });
      const one = await client.release(scenario.org, scenario.releases.v120);
      const missing = await client.release(scenario.org, 'shop@0.0.1');
      const tags = await client.issueTags(scenario.org, '1001', ['user', 'browser', 'release']);
      const mappings = await client.codeMappings(scenario.org, scenario.projects.api.id);
      const members = await client.members(scenario.org);
      const teams = await client.teams(scenario.org);
      await client.close();
      assert.ok(releases.ok && one.ok && tags.ok && mappings.ok && members.ok && teams.ok);
      assert.ok(teams.value.length > 0 && teams.value.every((team) => team.slug.length > 0));
      assert.deepEqual(
        releases.value.map((release) => release.version),
        [scenario.releases.v120, scenario.releases.v110, scenario.releases.v100],
      );
      assert.equal(one.value.version, scenario.releases.v120);
      assert.ok(
        fake.requests.some((request) =>
          request.path.endsWith(`/releases/${encodeURIComponent(scenario.releases.v120)}/`),
        ),
      );
      assert.ok(!missing.ok && missing.error.kind === 'notFound');
      assert.ok(tags.value.some((tag) => tag.key === 'release' && tag.topValues.length > 0));
      assert.deepEqual(
        mappings.value.map((mapping) => [mapping.stackRoot, mapping.sourceRoot]),
        [['app:///server/', 'server/']],
      );
      assert.ok(members.value.length >= 2);
    });
  });

  test('code mappings the token may not read are an empty list, not a failure', async () => {
    await withFake({}, async (fake) => {
      fake.inject({ path: `/api/0/organizations/${scenario.org}/code-mappings/`, status: 403 });
      const client = clientFor(fake);
      const mappings = await client.codeMappings(scenario.org, scenario.projects.api.id);
      await client.close();
      assert.ok(mappings.ok);
      assert.deepEqual(mappings.value, []);
    });
  });
});

describe('failures', () => {
  test('401: says the token is invalid, without the token', async () => {
    await withFake({}, async (fake) => {
      const client = clientFor(fake, { token: 'sntryu_wrong_secret_value' });
      const answer = await client.projects(scenario.org);
      await client.close();
      assert.ok(!answer.ok);
      assert.equal(answer.error.kind, 'unauthorized');
      assert.match(answer.error.message, /invalid, expired or revoked/);
      assert.doesNotMatch(answer.error.message, /wrong_secret/);
    });
  });

  test('403: names the missing scope', async () => {
    await withFake({ tokens: { [DEFAULT_TOKEN]: ['org:read', 'project:read'] } }, async (fake) => {
      const client = clientFor(fake);
      const answer = await client.issues(scenario.org, { query: 'is:unresolved' });
      await client.close();
      assert.ok(!answer.ok);
      assert.equal(answer.error.kind, 'forbidden');
      assert.match(answer.error.message, /event:read/);
    });
  });

  test('404: names the organization or the issue', async () => {
    await withFake({}, async (fake) => {
      const client = clientFor(fake);
      const org = await client.projects('no-such-org');
      const issue = await client.issue(scenario.org, '999999');
      await client.close();
      assert.ok(!org.ok && org.error.kind === 'notFound' && /no-such-org/.test(org.error.message));
      assert.ok(!issue.ok && issue.error.kind === 'notFound' && /999999/.test(issue.error.message));
    });
  });

  test('429 with Retry-After: waits and retries, then succeeds', async () => {
    await withFake({}, async (fake) => {
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/projects/`,
        status: 429,
        headers: { 'Retry-After': '1' },
        times: 1,
      });
      const client = clientFor(fake);
      const started = Date.now();
      const answer = await client.projects(scenario.org);
      await client.close();
      assert.ok(answer.ok);
      assert.equal(fake.requestsTo(`/api/0/organizations/${scenario.org}/projects/`).length, 2);
      assert.ok(Date.now() - started >= 900, 'honoured Retry-After');
    });
  });

  test('429 with only X-Sentry-Rate-Limit-Reset: waits until the reset, then succeeds', async () => {
    await withFake({}, async (fake) => {
      const reset = Math.ceil(Date.now() / 1000) + 1;
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/projects/`,
        status: 429,
        headers: { 'X-Sentry-Rate-Limit-Reset': String(reset), 'X-Sentry-Rate-Limit-Remaining': '0' },
        times: 1,
      });
      const client = clientFor(fake);
      const answer = await client.projects(scenario.org);
      await client.close();
      assert.ok(answer.ok);
      assert.ok(Date.now() >= reset * 1000 - 50, 'waited for the reset');
    });
  });

  test('429 asking for a long wait is not retried; the message says when to try again', async () => {
    await withFake({}, async (fake) => {
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/projects/`,
        status: 429,
        headers: { 'Retry-After': '600' },
        times: 1,
      });
      const client = clientFor(fake);
      const answer = await client.projects(scenario.org);
      await client.close();
      assert.ok(!answer.ok);
      assert.equal(answer.error.kind, 'rateLimited');
      assert.match(answer.error.message, /Try again in 600 s/);
    });
  });

  test('5xx: retried with backoff, then succeeds; a lasting 5xx fails after a bounded number of tries', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/projects/`;
      fake.inject({ path, status: 502, times: 2 });
      const client = clientFor(fake);
      assert.ok((await client.projects(scenario.org)).ok);
      assert.equal(fake.requestsTo(path).length, 3);
      fake.inject({ path, status: 500, times: 100 });
      const failed = await client.projects(scenario.org);
      await client.close();
      assert.ok(!failed.ok);
      assert.equal(failed.error.kind, 'server');
      assert.match(failed.error.message, /internal error \(500\)/);
      assert.equal(fake.requestsTo(path).length, 3 + 4, 'first try and three retries');
    });
  });

  test('a timeout is reported without asking again; dropped connections are retried, then reported', async () => {
    await withFake({}, async (fake) => {
      const path = `/api/0/organizations/${scenario.org}/projects/`;
      fake.inject({ path, delayMs: 60_000, times: 100 });
      const impatient = clientFor(fake, { timeoutMs: 200, retry: { ...fast, maxRetries: 1 } });
      const slow = await impatient.projects(scenario.org);
      await impatient.close();
      // The timed-out attempt may not even have reached a busy fake.
      const timedOut = fake.requestsTo(path).length;
      assert.ok(timedOut <= 1, 'a timeout is not retried');
      fake.clearFaults();
      fake.inject({ path, destroySocket: true, times: 100 });
      const client = clientFor(fake, { retry: { ...fast, maxRetries: 1 } });
      const dropped = await client.projects(scenario.org);
      await client.close();
      assert.equal(fake.requestsTo(path).length - timedOut, 2, 'a dropped connection is retried');
      assert.ok(!slow.ok && slow.error.kind === 'timeout', !slow.ok ? slow.error.kind : '');
      assert.match(slow.ok ? '' : slow.error.message, /did not answer within/);
      assert.ok(!dropped.ok && dropped.error.kind === 'network', !dropped.ok ? dropped.error.kind : '');
    });
  });

  test('malformed JSON and a schema-breaking body are reported with what broke', async () => {
    await withFake({}, async (fake) => {
      const client = clientFor(fake);
      fake.inject({ path: `/api/0/organizations/${scenario.org}/projects/`, status: 200, body: '{"oops": ' });
      const malformed = await client.projects(scenario.org);
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/issues/1001/`,
        status: 200,
        body: JSON.stringify({
          id: '1001',
          shortId: 'X-1',
          title: 't',
          status: 'unresolved',
          project: { id: '1' },
          count: { many: true },
        }),
      });
      const broken = await client.issue(scenario.org, '1001');
      await client.close();
      assert.ok(!malformed.ok && malformed.error.kind === 'malformed');
      assert.ok(!broken.ok && broken.error.kind === 'schema');
      assert.match(broken.ok ? '' : broken.error.message, /count/);
    });
  });

  test('an unreachable server is a network error with a hint', async () => {
    const port = await freePort();
    const client = SentryClient.create({
      baseUrl: `http://127.0.0.1:${port}`,
      token: DEFAULT_TOKEN,
      log: silentLogger,
      retry: { ...fast, maxRetries: 1 },
    });
    const answer = await client.organizations();
    await client.close();
    assert.ok(!answer.ok);
    assert.equal(answer.error.kind, 'network');
    assert.match(answer.error.message, /connection refused/);
  });
});

describe('rate limits and concurrency', () => {
  test('respects X-Sentry-Rate-Limit-ConcurrentLimit: never more requests in flight than the server allows', async () => {
    const data = defaultScenario();
    await withFake(
      { data, rateLimit: { concurrentLimit: 2 }, concurrencyLimit: 2, responseDelayMs: 20 },
      async (fake) => {
        const client = clientFor(fake, { maxConcurrency: 8 });
        assert.ok((await client.projects(scenario.org)).ok, 'first answer teaches the limit');
        const ids = data.issues.map((issue) => issue.id);
        const answers = await Promise.all(ids.map((id) => client.issue(scenario.org, id)));
        await client.close();
        assert.ok(answers.every((answer) => answer.ok));
        assert.ok(fake.maxConcurrency <= 2, `max in flight ${fake.maxConcurrency}`);
        assert.equal(fake.requests.filter((request) => request.status === 429).length, 0);
      },
    );
  });

  test('loads in parallel up to the bound, not one request after another', async () => {
    const data = defaultScenario();
    await withFake({ data, rateLimit: false, responseDelayMs: 150 }, async (fake) => {
      const client = clientFor(fake, { maxConcurrency: 4 });
      await Promise.all(data.issues.map((issue) => client.issue(scenario.org, issue.id)));
      await client.close();
      assert.equal(fake.maxConcurrency, 4);
    });
  });
});

describe('hosts and backends', () => {
  test('a region URL on another host is not followed, so the token never goes there', async () => {
    const data = defaultScenario();
    await withFake({ data }, async (region) => {
      await withFake({ data }, async (main) => {
        const org = data.organizations[0];
        assert.ok(org);
        org.regionUrl = region.url;
        const client = clientFor(main);
        await client.organizations();
        await client.issues(scenario.org, { query: 'is:unresolved' });
        await client.close();
        assert.equal(region.requests.filter((request) => request.hasAuthorization).length, 0);
      });
    });
  });

  test('GlitchTip is detected and served from its top-level issue paths', async () => {
    await withFake({ flavour: 'glitchtip' }, async (fake) => {
      const client = await SentryClient.detect({
        baseUrl: fake.url,
        token: DEFAULT_TOKEN,
        log: silentLogger,
        retry: fast,
      });
      assert.equal(client.backend.kind, 'glitchtip');
      const issues = await client.issues(scenario.org, {
        projectId: scenario.projects.web.id,
        query: 'is:unresolved',
        sort: 'freq',
      });
      assert.ok(issues.ok, !issues.ok ? issues.error.message : '');
      const first = issues.value[0];
      assert.ok(first);
      const detail = await client.issue(scenario.org, first.id);
      const event = await client.latestEvent(scenario.org, first.id);
      const assign = await client.updateIssue(scenario.org, first.id, { action: 'assign', assignee: 'user:1' });
      const resolve = await client.updateIssue(scenario.org, first.id, { action: 'resolve' });
      await client.close();
      assert.ok(detail.ok && event.ok, 'detail and event load');
      assert.ok(fake.requestsTo(`/api/0/issues/${first.id}/`).length > 0, 'top-level issue path');
      assert.ok(!assign.ok && assign.error.kind === 'unsupported');
      assert.ok(resolve.ok);
      assert.deepEqual(fake.issueUpdates.at(-1)?.body, { status: 'resolved' });
    });
  });

  test('a server answered once is remembered, so the next start sends no probe before its first request', async () => {
    await withFake({ flavour: 'glitchtip' }, async (fake) => {
      const facts = new RememberedServerFacts();
      const options = { baseUrl: fake.url, token: DEFAULT_TOKEN, log: silentLogger, retry: fast, facts };
      const first = await SentryClient.detect(options);
      await first.close();
      const probes = () => fake.requestsTo('/api/settings/').length;
      assert.equal(probes(), 1);
      assert.equal(facts.backendOf(fake.url), 'glitchtip');
      const started = fake.requests.length;
      const next = await SentryClient.detect(options);
      assert.equal(next.backend.kind, 'glitchtip', 'known before any request');
      assert.equal(fake.requests.length, started, 'nothing was awaited');
      await next.close();
    });
  });

  test('a server that could not be reached is not remembered as anything', async () => {
    const facts = new RememberedServerFacts();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const client = await SentryClient.detect({ baseUrl, token: DEFAULT_TOKEN, log: silentLogger, retry: fast, facts });
    await client.close();
    assert.equal(facts.backendOf(baseUrl), undefined);
  });

  test('Sentry is detected as Sentry, and a resolve reaches it as the right PUT', async () => {
    await withFake({}, async (fake) => {
      const client = await SentryClient.detect({
        baseUrl: fake.url,
        token: DEFAULT_TOKEN,
        log: silentLogger,
        retry: fast,
      });
      assert.equal(client.backend.kind, 'sentry');
      const answer = await client.updateIssue(scenario.org, '1001', { action: 'resolveInNextRelease' });
      await client.close();
      assert.ok(answer.ok);
      const put = fake.requests.find((request) => request.method === 'PUT');
      assert.equal(put?.path, `/api/0/organizations/${scenario.org}/issues/1001/`);
      assert.deepEqual(put?.json, { status: 'resolved', statusDetails: { inNextRelease: true } });
      assert.equal(put?.authorization, `Bearer ${DEFAULT_TOKEN}`);
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
