// The folder session's load rules against the fake Sentry: at most one request per issue (stories from the lists,
// release facts only on demand), a refresh that asks only what moved, and a warm start from a cached snapshot.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { SentryClient } from '../../../../src/core/api/client';
import { silentLogger } from '../../../../src/core/log';
import { FolderSession, type SessionTarget } from '../../../../src/core/session/folderSession';
import { previousOfSnapshot, snapshotOf } from '../../../../src/core/state/snapshot';
import { storyOf } from '../../../../src/core/tracking/issueStory';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  scenarioSources,
  startFakeSentry,
  type FakeSentry,
} from '../../../support/fakeSentry';
import { writeWorkspace } from '../../../support/workspaceDir';

const { v110, v120 } = scenario.releases;
// requestsTo tests a RegExp on the path plus the query string.
const detailPath = /\/organizations\/acme\/issues\/\d+\/(\?|$)/;
const eventPath = /\/issues\/\d+\/events\/latest\/(\?|$)/;
const listPath = /\/organizations\/acme\/issues\/(\?|$)/;

let workspace: string;
before(() => {
  workspace = writeWorkspace();
});
after(() => rmSync(workspace, { recursive: true, force: true }));

describe('FolderSession over the fake Sentry', () => {
  let fake: FakeSentry;
  let client: SentryClient | undefined;
  const target = (): SessionTarget => ({
    org: scenario.org,
    project: scenario.projects.web.slug,
    folder: { name: 'ws', path: workspace },
    release: v120,
    env: {},
    log: silentLogger,
  });
  const count = (path: RegExp): number => fake.requestsTo(path, 'GET').length;
  const connect = (options: { retry?: { maxRetries: number; baseDelayMs: number } } = {}): SentryClient =>
    (client = SentryClient.create({ baseUrl: fake.url, token: DEFAULT_TOKEN, log: silentLogger, ...options }));

  before(async () => {
    fake = await startFakeSentry({ data: defaultScenario() });
  });
  afterEach(async () => {
    await client?.close();
    fake.clearFaults();
    fake.data = defaultScenario();
    fake.requests.length = 0;
  });
  after(() => fake.close());

  test('a load asks one latest event per issue and no details; the story comes from the lists', async () => {
    const session = new FolderSession(connect(), target());
    const loaded = await session.load();
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    const issues = loaded.value.issues;
    assert.equal(count(detailPath), 0, 'no issue details on the load path');
    assert.equal(count(eventPath), issues.length, 'one latest event per issue');
    const story = (id: string) =>
      storyOf(issues.find((issue) => issue.id === id) ?? assert.fail(`issue ${id} not listed`), v120);
    assert.deepEqual(story('1002'), { kind: 'new', firstRelease: v120 });
    assert.equal(story('1001').kind, 'carried');
    assert.equal(story('1001').firstRelease, undefined, 'a carried issue does not know where it started yet');
    assert.equal(story('1004').kind, 'regressed');
    assert.ok(loaded.value.index.hitCount > 0);
  });

  test('a carried issue is asked where it started once, on demand, and the next load keeps it', async () => {
    const session = new FolderSession(connect(), target());
    const loaded = await session.load();
    assert.ok(loaded.ok);
    const cart = loaded.value.issues.find((issue) => issue.id === '1001') ?? assert.fail('1001 not listed');
    const facts = await session.releaseFacts(cart);
    const again = await session.releaseFacts(cart);
    assert.ok(facts.ok && again.ok);
    assert.equal(facts.value.firstRelease?.version, v110);
    assert.equal(count(detailPath), 1, 'asked once');
    const reloaded = await session.load();
    assert.ok(reloaded.ok);
    assert.equal(reloaded.value.issues.find((issue) => issue.id === '1001')?.firstRelease?.version, v110);
    assert.equal(count(detailPath), 1);
  });

  test('a refresh with nothing changed asks the list pages alone; a moved issue gets one event request', async () => {
    const session = new FolderSession(connect(), target());
    const first = await session.load();
    assert.ok(first.ok);
    fake.requests.length = 0;
    const second = await session.load();
    assert.ok(second.ok);
    assert.ok(
      fake.requests.every((request) => listPath.test(request.path)),
      `only lists: ${fake.requests.map((request) => request.path).join(', ')}`,
    );
    assert.equal(second.value.index.hitCount, first.value.index.hitCount, 'the marks stay');
    assert.equal(second.value.unresolvedFrames, first.value.unresolvedFrames);

    const cart = fake.data.issues.find((issue) => issue.id === '1001') ?? assert.fail('no 1001');
    const row =
      cart.eventCounts.find((candidate) => candidate.release === v120 && candidate.environment === 'production') ??
      assert.fail('no row');
    row.lastSeen = cart.lastSeen = '2025-06-01T11:59:00Z';
    row.count += 1;
    cart.count += 1;
    fake.requests.length = 0;
    const third = await session.load();
    assert.ok(third.ok);
    assert.deepEqual(
      fake.requestsTo(eventPath, 'GET').map((request) => request.path),
      ['/api/0/organizations/acme/issues/1001/events/latest/'],
    );
    const hit = third.value.index.allHits().find((candidate) => candidate.issueId === '1001');
    assert.equal(hit?.lastSeen, '2025-06-01T11:59:00Z', 'the marks carry the new counts');
  });

  test('a warm start from the cached snapshot asks no latest event for unchanged issues', async () => {
    const cold = await new FolderSession(connect(), target()).load();
    assert.ok(cold.ok);
    const snapshot = snapshotOf(cold.value, {
      connection: { url: fake.url, org: scenario.org, project: scenario.projects.web.slug },
      folderPath: workspace,
      environments: [],
      now: new Date(),
    });
    const cached = JSON.parse(JSON.stringify(snapshot)) as typeof snapshot;
    fake.requests.length = 0;
    const warm = await new FolderSession(connect(), target(), previousOfSnapshot(cached)).load();
    assert.ok(warm.ok);
    assert.equal(count(eventPath), 0);
    assert.equal(warm.value.index.hitCount, cold.value.index.hitCount);
  });

  test("another release's cached load is not reused: every issue is asked again", async () => {
    const first = await new FolderSession(connect(), target()).load();
    assert.ok(first.ok);
    const snapshot = snapshotOf(first.value, {
      connection: { url: fake.url, org: scenario.org, project: scenario.projects.web.slug },
      folderPath: workspace,
      environments: [],
      now: new Date(),
    });
    fake.requests.length = 0;
    const other = await new FolderSession(
      connect(),
      target(),
      previousOfSnapshot({ ...snapshot, release: { version: v110, source: 'option' } }),
    ).load();
    assert.ok(other.ok);
    assert.equal(count(eventPath), other.value.issues.length);
  });

  test('an event the server is too busy to give makes the load incomplete, keeps the other marks, and the next load finishes it', async () => {
    const session = new FolderSession(connect({ retry: { maxRetries: 0, baseDelayMs: 1 } }), target());
    fake.inject({ path: '/api/0/organizations/acme/issues/1004/events/latest/', status: 503, times: 100 });
    const partial = await session.load();
    assert.ok(partial.ok, partial.ok ? '' : partial.error.message);
    assert.deepEqual(
      partial.value.missing.map((entry) => entry.issueId),
      ['1004'],
    );
    assert.equal(partial.value.missing[0]?.error.kind, 'server');
    assert.ok(!partial.value.index.allHits().some((hit) => hit.issueId === '1004'));
    assert.ok(
      partial.value.index.allHits().some((hit) => hit.issueId === '1001'),
      'the other issues keep their marks',
    );

    fake.clearFaults();
    fake.requests.length = 0;
    const finished = await session.load();
    assert.ok(finished.ok);
    assert.deepEqual(finished.value.missing, []);
    assert.deepEqual(
      fake.requestsTo(eventPath, 'GET').map((request) => request.path),
      ['/api/0/organizations/acme/issues/1004/events/latest/'],
      'only the missing issue is asked again',
    );
    assert.ok(finished.value.index.allHits().some((hit) => hit.issueId === '1004'));
  });

  test('an event that is gone (404) is skipped with a warning, not reported missing', async () => {
    const session = new FolderSession(connect(), target());
    fake.inject({ path: /\/issues\/1004\/events\/latest\//, status: 404, times: 2 });
    const loaded = await session.load();
    assert.ok(loaded.ok);
    assert.deepEqual(loaded.value.missing, []);
    assert.ok(loaded.value.warnings.some((warning) => warning.includes('No stack trace for')));
  });

  test("the open file's issues are asked before the rest, found by a stack.filename search", async () => {
    const session = new FolderSession(connect(), target());
    const partials: string[][] = [];
    const loaded = await session.load({
      openFiles: ['src/lib/format.ts'],
      onPartial: (partial) => partials.push(partial.index.allHits().map((hit) => hit.file)),
    });
    assert.ok(loaded.ok);
    const search = fake
      .requestsTo(listPath, 'GET')
      .find((request) => request.query['query']?.[0]?.includes('stack.filename:*format.ts'));
    assert.ok(search, 'a stack.filename search for the open file');
    const events = fake.requestsTo(eventPath, 'GET').map((request) => request.path);
    assert.equal(
      events[0],
      '/api/0/organizations/acme/issues/1004/events/latest/',
      `format.ts's issue first: ${events.join(', ')}`,
    );
    assert.ok(
      partials.some((files) => files.includes('src/lib/format.ts')),
      "the open file's marks are shown before the load ends",
    );
  });
});

test('GlitchTip: no details and no firstRelease query; its issues stay carried', async () => {
  const glitchtip = await startFakeSentry({ flavour: 'glitchtip', data: defaultScenario() });
  const detected = await SentryClient.detect({ baseUrl: glitchtip.url, token: DEFAULT_TOKEN, log: silentLogger });
  try {
    const session = new FolderSession(detected, {
      org: scenario.org,
      project: scenario.projects.web.id,
      folder: { name: 'ws', path: workspace },
      release: v120,
      env: {},
      log: silentLogger,
    });
    const loaded = await session.load({ openFiles: ['src/cart.ts'] });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    assert.ok(loaded.value.issues.length > 0);
    assert.equal(glitchtip.requestsTo(/\/api\/0\/issues\/\d+\/$/, 'GET').length, 0);
    assert.ok(
      glitchtip.requests.every((request) => !/firstRelease|stack\.filename/.test(request.query['query']?.[0] ?? '')),
    );
    assert.ok(loaded.value.issues.every((issue) => storyOf(issue, v120).kind !== 'new'));
    const facts = await session.releaseFacts(loaded.value.issues[0] ?? assert.fail('no issue'));
    assert.ok(facts.ok);
    assert.equal(glitchtip.requestsTo(/\/api\/0\/issues\/\d+\/$/, 'GET').length, 0);
  } finally {
    await detected.close();
    await glitchtip.close();
  }
});
