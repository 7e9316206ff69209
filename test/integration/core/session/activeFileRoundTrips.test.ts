// The active file's marks within 3 round trips of activation whatever N is (issue 10): counted on the fake Sentry as the
// longest chain of requests each begun after the one before was answered, up to the partial result that first shows
// every issue the full load marks in that file. Project and release, then the lists (the first page, the new issues
// and the open file's `stack.filename:` search) beside the code mappings, then the open file's latest events.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { silentLogger } from '../../../../src/core/log';
import { FolderSession } from '../../../../src/core/session/folderSession';
import { addManyIssues, DEFAULT_TOKEN, defaultScenario, scenario, startFakeSentry } from '../../../support/fakeSentry';
import { roundTripsUntil, sharedNow } from '../../../support/roundTrips';
import { bulkSources, writeWorkspace } from '../../../support/workspaceDir';

const activeFile = 'src/lib/format.ts';
const pageSize = 100;
// Long enough that requests sent together overlap on the server even on a busy machine: the count is of round trips
// one after another, and requests that go together must not look sequential because the client was slow to send
// (at 100 ms, a full suite on two busy cores once sent the release check after the project's answer: 4).
const answerDelayMs = 250;

let workspace: string;
before(() => {
  workspace = writeWorkspace(bulkSources);
});
after(() => rmSync(workspace, { recursive: true, force: true }));

interface Measured {
  readonly depth: number;
  readonly chain: string;
  readonly listPages: number;
}

interface Setup {
  readonly extraIssues: number;
  readonly discover: boolean;
  /** Files in other visible editors, after the active one: each is a search of its own. */
  readonly otherOpenFiles?: readonly string[];
  /** False for a server that sends no rate-limit headers (self-hosted without limits): the client starts at 4 at a time. */
  readonly announcesLimits?: boolean;
}

/** Loads the folder with the active file open; the round trips before the first partial result with all its marks. */
async function roundTripsToActiveMarks(setup: Setup): Promise<Measured> {
  const { extraIssues, discover } = setup;
  const data = defaultScenario();
  // The bulk issues are more frequent than the scenario's: the active file's issue sorts onto the list's last page.
  addManyIssues(data, extraIssues, { projectId: scenario.projects.web.id, release: scenario.releases.v120 });
  const fake = await startFakeSentry({
    data,
    discover,
    responseDelayMs: answerDelayMs,
    rateLimit: setup.announcesLimits === false ? false : { limit: 1000, remaining: 999, concurrentLimit: 25 },
  });
  const client = SentryClient.create({ baseUrl: fake.url, token: DEFAULT_TOKEN, log: silentLogger });
  try {
    const session = new FolderSession(client, {
      org: scenario.org,
      project: scenario.projects.web.slug,
      folder: { name: 'ws', path: workspace },
      release: scenario.releases.v120,
      env: {},
      log: silentLogger,
    });
    const partials: { at: number; issueIds: Set<string> }[] = [];
    const onActiveFile = (hits: readonly { file: string; issueId: string }[]): Set<string> =>
      new Set(hits.filter((hit) => hit.file === activeFile).map((hit) => hit.issueId));
    const loaded = await session.load({
      openFiles: [activeFile, ...(setup.otherOpenFiles ?? [])],
      onPartial: (partial) => partials.push({ at: sharedNow(), issueIds: onActiveFile(partial.index.allHits()) }),
    });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    const expected = onActiveFile(loaded.value.index.allHits());
    assert.ok(expected.size > 0, 'the full load marks the active file');
    const painted = partials.find((partial) => [...expected].every((id) => partial.issueIds.has(id)));
    assert.ok(painted, "a partial result shows all the active file's marks before the load ends");
    const spans = fake.requests.flatMap((request) =>
      request.endedAt === undefined
        ? []
        : [{ startedAt: request.startedAt, endedAt: request.endedAt, label: `${request.path}${request.search}` }],
    );
    const trips = roundTripsUntil(spans, painted.at);
    const listPages = fake
      .requestsTo(/\/organizations\/acme\/issues\/\?/, 'GET')
      .filter((request) => !/firstRelease|stack\.filename/.test(request.query['query']?.[0] ?? '')).length;
    return {
      depth: trips.depth,
      chain: trips.chain.map((span) => decodeURIComponent(span.label)).join(' -> '),
      listPages,
    };
  } finally {
    await client.close();
    await fake.close();
  }
}

describe("round trips to the active file's marks", () => {
  for (const discover of [true, false])
    for (const extraIssues of [0, 3 * pageSize])
      test(`${extraIssues} more issues, ${discover ? 'with' : 'without'} the organization events endpoint: at most 3`, async () => {
        const measured = await roundTripsToActiveMarks({ extraIssues, discover });
        assert.ok(measured.depth <= 3, `${measured.depth} round trips one after another: ${measured.chain}`);
        assert.ok(measured.depth >= 3, `project, lists and events cannot take fewer: ${measured.chain}`);
        if (extraIssues > 0)
          assert.ok(measured.listPages > 3, `the list has more pages (${measured.listPages}) than 3`);
      });

  test('four more open files on a server that announces no limits: still 3 for the active one', async () => {
    const measured = await roundTripsToActiveMarks({
      // Two list pages: the active file's issue is on the second, so only its search finds it early.
      extraIssues: pageSize,
      discover: false,
      otherOpenFiles: ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/d.ts'],
      announcesLimits: false,
    });
    assert.ok(measured.depth <= 3, `${measured.depth} round trips one after another: ${measured.chain}`);
  });
});
