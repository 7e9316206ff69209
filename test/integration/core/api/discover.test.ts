// The organization events endpoint (Discover) through the client against the fake Sentry over real HTTP: each issue's
// latest event id in one aggregate request, those events' frames in one more, the same frames the per-issue latest
// event carries; what a server without the endpoint answers; the fake's pages and its rate window.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { stackOfEvent } from '../../../../src/core/api/eventSchema';
import { silentLogger } from '../../../../src/core/log';
import { quoteSearchValue } from '../../../../src/core/scan/searchQuoting';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  event,
  exception,
  scenario,
  sentryIoWindows,
  withFakeSentry,
  type FakeSentry,
} from '../../../support/fakeSentry';

const { web } = scenario.projects;
const releaseQuery = `release:${quoteSearchValue(scenario.releases.v120)}`;
const eventsPath = `/api/0/organizations/${scenario.org}/events/`;

function clientFor(fake: FakeSentry): SentryClient {
  return SentryClient.create({
    baseUrl: fake.url,
    token: DEFAULT_TOKEN,
    log: silentLogger,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    backend: fake.flavour,
  });
}

const webIssueIds = (): string[] =>
  defaultScenario()
    .issues.filter((issue) => issue.projectId === web.id)
    .map((issue) => issue.id);

describe('organization events (Discover)', () => {
  test("gives each issue's latest event id in the release, the same event the per-issue endpoint answers", async () => {
    await withFakeSentry({}, async (fake) => {
      const client = clientFor(fake);
      const ids = webIssueIds();
      const latest = await client.latestEventIds(scenario.org, ids, {
        projectId: web.id,
        query: releaseQuery,
        statsPeriod: '90d',
      });
      assert.ok(latest.ok, latest.ok ? '' : latest.error.message);
      assert.ok(latest.value.size > 0);
      for (const id of ids) {
        const one = await client.latestEvent(scenario.org, id, { query: releaseQuery });
        if (one.ok) assert.equal(latest.value.get(id), one.value.id, `issue ${id}`);
        else assert.equal(latest.value.has(id), false, `issue ${id} has no event in the release`);
      }
      await client.close();
      const request = fake.requestsTo(eventsPath)[0];
      assert.deepEqual(request?.query.dataset, ['errors']);
      assert.deepEqual(request?.query.field, ['issue.id', 'latest_event()']);
      assert.deepEqual(request?.query.project, [web.id]);
      assert.match(request?.query.query?.[0] ?? '', /^issue\.id:\[[\d,]+\] release:"shop@1\.2\.0\+45"$/);
    });
  });

  test("carries each event's frames, per exception and aligned, as the per-issue event has them (without context)", async () => {
    const data = defaultScenario();
    const cart = data.issues.find((issue) => issue.id === '1001') ?? assert.fail('issue 1001');
    const cause = exception({
      type: 'RangeError',
      frames: [
        { filename: './src/a.ts', lineNo: 3, function: 'a' },
        { filename: './src/b.ts', lineNo: 4, function: 'b', inApp: false },
      ],
    });
    cart.events.push(
      event({
        dateCreated: '2025-06-01T11:00:00Z',
        exceptions: [cause, exception({ frames: [{ filename: './src/c.ts', lineNo: 5, function: 'c' }] })],
      }),
    );
    await withFakeSentry({ data }, async (fake) => {
      const client = clientFor(fake);
      const latest = await client.latestEventIds(scenario.org, webIssueIds(), {
        projectId: web.id,
        statsPeriod: '90d',
      });
      assert.ok(latest.ok);
      const stacks = await client.eventStacks(scenario.org, [...latest.value.values()], {
        projectId: web.id,
        statsPeriod: '90d',
      });
      assert.ok(stacks.ok, stacks.ok ? '' : stacks.error.message);
      assert.equal(stacks.value.length, latest.value.size, 'one row per event');
      let chained = 0;
      for (const row of stacks.value) {
        const one = await client.latestEvent(scenario.org, row.issueId);
        assert.ok(one.ok);
        assert.equal(row.eventId, one.value.id);
        const expected = stackOfEvent(one.value).exceptions.map((exception) =>
          (exception.stacktrace?.frames ?? []).map(({ filename, absPath, function: fn, lineNo, colNo, inApp }) => ({
            filename,
            absPath,
            function: fn,
            lineNo,
            colNo,
            inApp,
          })),
        );
        const got = row.stacks.map((frames) =>
          frames.map(({ filename, absPath, function: fn, lineNo, colNo, inApp }) => ({
            filename,
            absPath,
            function: fn,
            lineNo,
            colNo,
            inApp,
          })),
        );
        assert.deepEqual(
          got,
          expected.filter((frames) => frames.length > 0),
          `issue ${row.issueId}`,
        );
        assert.ok(
          row.stacks.flat().every((frame) => frame.context?.length === 0),
          'Discover has no source context',
        );
        if (row.stacks.length > 1) chained++;
      }
      assert.ok(chained > 0, 'the scenario has a chained exception');
      await client.close();
    });
  });

  test('a server without the endpoint answers notFound; GlitchTip is not asked at all; a bad query is a 400 error', async () => {
    await withFakeSentry({ discover: false }, async (fake) => {
      const client = clientFor(fake);
      const answer = await client.latestEventIds(scenario.org, ['1001'], { projectId: web.id });
      await client.close();
      assert.ok(!answer.ok);
      assert.equal(answer.error.kind, 'notFound');
    });
    await withFakeSentry({ flavour: 'glitchtip' }, async (fake) => {
      const client = clientFor(fake);
      const answer = await client.eventStacks(scenario.org, ['a'], { projectId: web.id });
      await client.close();
      assert.ok(!answer.ok);
      assert.equal(answer.error.kind, 'unsupported');
      assert.equal(fake.requests.length, 0);
    });
    await withFakeSentry({}, async (fake) => {
      const client = clientFor(fake);
      const answer = await client.latestEventIds(scenario.org, ['1001'], { projectId: web.id, query: 'bogus.key:1' });
      await client.close();
      assert.ok(!answer.ok);
      assert.equal(answer.error.status, 400);
    });
  });

  test('the fake pages its rows with the Link cursor and counts the endpoint in its own 30/s window', async () => {
    await withFakeSentry({ rateWindows: sentryIoWindows }, async (fake) => {
      const url = (cursor?: string): string =>
        `${fake.url}${eventsPath}?dataset=errors&field=id&field=issue.id&project=${web.id}&per_page=2${cursor ? `&cursor=${cursor}` : ''}`;
      const headers = { Authorization: `Bearer ${DEFAULT_TOKEN}` };
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const answer = await fetch(url(cursor), { headers });
        assert.equal(answer.status, 200);
        const body = (await answer.json()) as { data: Array<{ id: string }>; meta: { fields: Record<string, string> } };
        assert.deepEqual(body.meta.fields, { id: 'string', 'issue.id': 'integer' });
        for (const row of body.data) seen.add(row.id);
        const next = /<[^>]*>; rel="next"; results="true"; cursor="([^"]+)"/.exec(answer.headers.get('link') ?? '');
        if (!next) break;
        cursor = next[1];
      }
      const events = defaultScenario()
        .issues.filter((issue) => issue.projectId === web.id)
        .flatMap((issue) => issue.events);
      assert.equal(seen.size, events.length, 'every event once over the pages');
      assert.ok((fake.windowCounts.admitted['organizationEvents'] ?? 0) > 1);
      assert.equal(fake.windowCounts.admitted['lists'] ?? 0, 0, 'not counted with the lists');
    });
  });
});
