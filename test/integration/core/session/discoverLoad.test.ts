// The folder session beyond the open files: where the server answers the organization events endpoint, a hundred
// issues' latest frames come in two requests, with the same marks the one-by-one load finds; the open files' issues keep
// their own latest event; a server without the endpoint or refusing the query gets the one-by-one load, and nothing
// is dropped on the way.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { silentLogger } from '../../../../src/core/log';
import { FolderSession, type SessionTarget } from '../../../../src/core/session/folderSession';
import type { WorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
import {
  addManyIssues,
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  startFakeSentry,
  type FakeSentry,
  type FakeSentryOptions,
} from '../../../support/fakeSentry';
import { bulkSources, writeWorkspace } from '../../../support/workspaceDir';

const { v120 } = scenario.releases;
const discoverPath = /\/organizations\/acme\/events\/(\?|$)/;
const eventPath = /\/issues\/\d+\/events\/latest\/(\?|$)/;
const bulkCount = 150;

let workspace: string;
before(() => {
  workspace = writeWorkspace(bulkSources);
});
after(() => rmSync(workspace, { recursive: true, force: true }));

function bulkData() {
  const data = defaultScenario();
  addManyIssues(data, bulkCount, { projectId: scenario.projects.web.id, release: v120 });
  return data;
}

const target = (): SessionTarget => ({
  org: scenario.org,
  project: scenario.projects.web.slug,
  folder: { name: 'ws', path: workspace },
  release: v120,
  env: {},
  log: silentLogger,
});

async function withSession<T>(
  options: FakeSentryOptions,
  run: (session: FolderSession, fake: FakeSentry) => Promise<T>,
  retry = { maxRetries: 0, baseDelayMs: 1 },
): Promise<T> {
  const fake = await startFakeSentry({ data: bulkData(), ...options });
  const client = SentryClient.create({
    baseUrl: fake.url,
    token: DEFAULT_TOKEN,
    log: silentLogger,
    retry,
    backend: fake.flavour,
  });
  try {
    return await run(new FolderSession(client, target()), fake);
  } finally {
    await client.close();
    await fake.close();
  }
}

async function loaded(session: FolderSession, openFiles: string[] = []): Promise<WorkspaceIssues> {
  const answer = await session.load({ openFiles });
  assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
  return answer.value;
}

const marksOf = (load: WorkspaceIssues): string[] =>
  load.index
    .allHits()
    .map((hit) => `${hit.issueId} ${hit.file}:${hit.line} ${hit.role}`)
    .sort();

/** The marks the one-by-one load finds (a server without Discover). */
let oneByOne: string[];
before(async () => {
  oneByOne = await withSession({ discover: false }, async (session) => marksOf(await loaded(session)));
});

describe('folder session with the organization events endpoint', () => {
  test("beyond the open file, a hundred issues' frames come in two requests, with the marks the one-by-one load finds", async () => {
    await withSession({}, async (session, fake) => {
      const load = await loaded(session, ['src/lib/format.ts']);
      assert.deepEqual(marksOf(load), oneByOne);
      assert.deepEqual(load.missing, []);
      const discover = fake.requestsTo(discoverPath, 'GET').length;
      const perIssue = fake.requestsTo(eventPath, 'GET').length;
      assert.ok(discover > 0 && discover <= 2 * Math.ceil(load.issues.length / 100), `${discover} Discover requests`);
      assert.ok(
        perIssue < 20,
        `only the open file's issues and the few Discover cannot place go one by one: ${perIssue}`,
      );
      assert.ok(load.framesOnly.size >= bulkCount, 'the bulk issues are placed from frames');
      // The open file's issue keeps its own latest event (context lines, drift); frames-only issues have none.
      assert.ok(fake.requestsTo(/\/issues\/1004\/events\/latest\//, 'GET').length === 1);
      assert.ok(load.events.has('1004') && !load.framesOnly.has('1004'));
      for (const id of load.framesOnly) assert.equal(load.events.has(id), false);
      const placed = load.index.allHits().filter((hit) => load.framesOnly.has(hit.issueId));
      assert.ok(
        placed.every((hit) => !hit.moved && !hit.stale),
        'no context: lines are placed as recorded',
      );
    });
  });

  test("a refresh that opens a frames-only issue's file asks that issue's own event; the others stay as they were", async () => {
    await withSession({}, async (session, fake) => {
      const cold = await loaded(session);
      fake.requests.length = 0;
      const refreshed = await loaded(session, ['src/bulk.ts']);
      assert.deepEqual(marksOf(refreshed), marksOf(cold));
      assert.equal(fake.requestsTo(discoverPath, 'GET').length, 0);
      const inBulk = new Set(
        refreshed.index
          .allHits()
          .filter((hit) => hit.file === 'src/bulk.ts')
          .map((hit) => hit.issueId),
      );
      assert.equal(inBulk.size, bulkCount);
      for (const id of inBulk)
        assert.ok(refreshed.events.has(id) && !refreshed.framesOnly.has(id), `issue ${id} has its event now`);
      assert.equal(fake.requestsTo(eventPath, 'GET').length, bulkCount, "the open file's issues, nothing else");
      assert.equal(refreshed.framesOnly.size, cold.framesOnly.size - bulkCount);
    });
  });

  for (const status of [400, 403, 404]) {
    test(`a server that refuses the endpoint (${status}) gets the one-by-one load, and is not asked again`, async () => {
      await withSession({}, async (session, fake) => {
        fake.inject({ path: `/api/0/organizations/${scenario.org}/events/`, status, times: 100 });
        const load = await loaded(session);
        assert.deepEqual(marksOf(load), oneByOne);
        assert.deepEqual(load.missing, []);
        assert.equal(load.framesOnly.size, 0);
        // The hundreds already under way when the refusal came meet it too; none after.
        assert.ok(
          fake.requestsTo(discoverPath, 'GET').length <= Math.ceil(load.issues.length / 100),
          'one refusal ends the tries',
        );
        for (const issue of fake.data.issues.slice(-40)) issue.lastSeen = '2025-06-01T11:59:00Z';
        fake.requests.length = 0;
        await loaded(session);
        assert.equal(fake.requestsTo(discoverPath, 'GET').length, 0, 'the session remembers the refusal');
        assert.ok(fake.requestsTo(eventPath, 'GET').length >= 40);
      });
    });
  }

  test('without the endpoint at all (self-hosted without Discover) and on GlitchTip, every mark still comes one by one', async () => {
    await withSession({ discover: false }, async (session, fake) => {
      const load = await loaded(session);
      assert.deepEqual(marksOf(load), oneByOne);
      assert.ok(fake.requestsTo(discoverPath, 'GET').length <= Math.ceil(load.issues.length / 100));
    });
    await withSession({ flavour: 'glitchtip' }, async (session, fake) => {
      const load = await loaded(session);
      assert.ok(load.index.allHits().filter((hit) => hit.file === 'src/bulk.ts').length >= bulkCount);
      assert.equal(
        fake.requestsTo(/\/events\/(\?|$)/, 'GET').filter((request) => !/\/issues\//.test(request.path)).length,
        0,
        'GlitchTip is never asked',
      );
    });
  });

  test('a busy Discover falls back one by one and is tried again later; an issue nobody answers is reported missing', async () => {
    await withSession({}, async (session, fake) => {
      fake.inject({ path: `/api/0/organizations/${scenario.org}/events/`, status: 503, times: 100 });
      const gone = fake.data.issues[fake.data.issues.length - 1] ?? assert.fail('no issue');
      fake.inject({
        path: `/api/0/organizations/${scenario.org}/issues/${gone.id}/events/latest/`,
        status: 503,
        times: 100,
      });
      const load = await loaded(session);
      assert.deepEqual(
        load.missing.map((entry) => entry.issueId),
        [gone.id],
      );
      assert.deepEqual(
        marksOf(load),
        oneByOne.filter((mark) => !mark.startsWith(`${gone.id} `)),
      );
      fake.clearFaults();
      for (const issue of fake.data.issues.slice(-40)) issue.lastSeen = '2025-06-01T11:59:00Z';
      fake.requests.length = 0;
      const next = await loaded(session);
      assert.ok(fake.requestsTo(discoverPath, 'GET').length > 0, 'a busy server is asked again');
      assert.deepEqual(next.missing, []);
      assert.deepEqual(marksOf(next), oneByOne);
    });
  });

  test('an issue Discover has no row for (its latest event outside the period) gets its own event', async () => {
    await withSession({}, async (session, fake) => {
      const old = fake.data.issues[fake.data.issues.length - 1] ?? assert.fail('no issue');
      for (const event of old.events) event.dateCreated = '2024-01-01T00:00:00Z';
      const load = await loaded(session);
      assert.ok(!load.framesOnly.has(old.id));
      assert.ok(load.events.has(old.id), 'asked one by one');
      assert.ok(load.index.allHits().some((hit) => hit.issueId === old.id));
    });
  });
});
