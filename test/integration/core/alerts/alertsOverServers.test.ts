// Alerts over real HTTP, as the editor gets them: folders loaded from the fake Sentry and from the embedded local
// Sentry go through the alert policy refresh after refresh. Each alert fires once, honours its cool-down and mutes,
// and a regression, a burst of events and a new issue touching the workspace are told the same way on both servers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { emptyAlertMemory, withMuted, type AlertMemory } from '../../../../src/core/alerts/alertMemory';
import { alertKey } from '../../../../src/core/alerts/qualifyingIssues';
import { decideAlert, type AlertDecision } from '../../../../src/core/alerts/alertPolicy';
import { defaultAlertSettings, type AlertSettings } from '../../../../src/core/alerts/alertSettings';
import { SentryClient } from '../../../../src/core/api/client';
import { startLocalSentry, type LocalSentry } from '../../../../src/core/local/localSentry';
import { silentLogger } from '../../../../src/core/log';
import { loadWorkspaceIssues } from '../../../../src/core/session/loadWorkspaceIssues';
import { snapshotOf } from '../../../../src/core/state/snapshot';
import {
  DEFAULT_TOKEN,
  defaultScenario,
  scenario,
  scenarioSources,
  startFakeSentry,
  type FakeSentry,
} from '../../../support/fakeSentry';
import { writeWorkspace } from '../../../support/workspaceDir';
import { envelopePath, eventEnvelope, send } from '../local/localHttp';

const hour = 3_600_000;

/** One folder's load and the policy over it, carrying the memory from refresh to refresh as the editor does. */
class RefreshLoop {
  memory: AlertMemory = emptyAlertMemory;

  constructor(
    private readonly client: SentryClient,
    private readonly target: { org: string; project: string; release: string; workspace: string },
    private readonly settings: AlertSettings = defaultAlertSettings,
  ) {}

  async refresh(now: Date): Promise<AlertDecision> {
    const { org, project, release, workspace } = this.target;
    const loaded = await loadWorkspaceIssues(this.client, {
      org,
      project,
      release,
      folder: { name: 'ws', path: workspace },
      env: {},
      log: silentLogger,
    });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    const snapshot = snapshotOf(loaded.value, {
      connection: { url: 'http://127.0.0.1', org, project },
      folderPath: workspace,
      environments: [],
      now,
    });
    const decision = decideAlert({ folders: [snapshot], settings: this.settings, memory: this.memory, now });
    this.memory = decision.memory;
    return decision;
  }
}

describe('alerts over the fake Sentry', () => {
  let fake: FakeSentry;
  let workspace: string;
  let client: SentryClient;
  let loop: RefreshLoop;
  const { v120 } = scenario.releases;
  const dataNow = (): Date => new Date(fake.data.now);
  const titleOf = (id: string): string => fake.data.issues.find((issue) => issue.id === id)?.title ?? id;

  before(async () => {
    fake = await startFakeSentry({ data: defaultScenario() });
    workspace = writeWorkspace(scenarioSources);
    client = await SentryClient.detect({ baseUrl: fake.url, token: DEFAULT_TOKEN, log: silentLogger });
    loop = new RefreshLoop(client, {
      org: scenario.org,
      project: scenario.projects.web.slug,
      release: v120,
      workspace,
    });
  });
  after(async () => {
    await client.close();
    await fake.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the first refresh sums up the regression, the burst and the new issue touching the workspace in one notification', async () => {
    const decision = await loop.refresh(dataNow());
    // 1004 regressed; 1008 had 310 production events in the hour before the data clock (and is new); 1002 is new in
    // 1.2.0 and raised in src/cart.ts; 1009 is new too but none of its frames is in the workspace.
    assert.deepEqual(
      decision.alert?.issues.map((issue) => [issue.issueId, issue.reasons]),
      [
        ['1004', ['regressed']],
        ['1008', ['eventsPerHour', 'newInRelease']],
        ['1002', ['newInRelease']],
      ],
    );
    assert.equal(
      decision.alert?.text,
      `Sentry (${v120}): 1 regression, 1 issue with more than 100 events in the last hour and 1 new issue touching this workspace: ${['1004', '1008', '1002'].map((id) => `"${titleOf(id)}"`).join('; ')}`,
    );
    assert.equal(decision.alert?.issues[1]?.eventsLastHour, 310);
  });

  test('fires once: the next refresh shows nothing while the three cool down', async () => {
    const decision = await loop.refresh(dataNow());
    assert.equal(decision.alert, undefined);
    assert.deepEqual(decision.held, { muted: 0, coolingDown: 3 });
  });

  test('an issue that regresses alerts on its own at the next refresh, then not again', async () => {
    const cart = fake.data.issues.find((issue) => issue.id === '1001');
    assert.ok(cart);
    cart.substatus = 'regressed';
    const decision = await loop.refresh(dataNow());
    assert.equal(decision.alert?.text, `Sentry: ${cart.shortId} regressed in ${v120}: ${cart.title}`);
    assert.equal((await loop.refresh(dataNow())).alert, undefined);
  });

  test('after the cool-down, a muted issue stays silent while an unmuted one with new events alerts again', async () => {
    loop.memory = withMuted(loop.memory, [alertKey({ url: 'http://127.0.0.1', org: scenario.org }, '1001')]);
    fake.data.now = new Date(Date.parse(fake.data.now) + 25 * hour).toISOString();
    for (const id of ['1001', '1004']) {
      const issue = fake.data.issues.find((candidate) => candidate.id === id);
      assert.ok(issue);
      issue.lastSeen = new Date(Date.parse(fake.data.now) - 2 * hour).toISOString();
    }
    const decision = await loop.refresh(dataNow());
    assert.deepEqual(
      decision.alert?.issues.map((issue) => issue.issueId),
      ['1004'],
    );
    // 1008 and 1002 had no events since their alert; 1001 is muted.
    assert.deepEqual(decision.held, { muted: 1, coolingDown: 2 });
  });
});

describe('alerts over the embedded local Sentry', () => {
  let workspace: string;
  let server: LocalSentry;
  let client: SentryClient;
  let loop: RefreshLoop;
  const release = 'app@1.0.0';

  before(async () => {
    workspace = writeWorkspace({
      'cart.js': 'function total() {\n  throw new Error("cart total failed");\n}\n',
      'search.js': 'function search() {\n  throw new Error("search failed");\n}\n',
    });
    server = await startLocalSentry({ workspaceFolders: [{ name: 'ws', path: workspace }] });
    client = await SentryClient.detect({ baseUrl: server.url, token: server.apiToken, log: silentLogger });
    loop = new RefreshLoop(
      client,
      { org: 'local', project: '1', release, workspace },
      { ...defaultAlertSettings, eventsPerHourThreshold: 3 },
    );
  });
  after(async () => {
    await client.close();
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** The issue the first test alerts about, which the next one resolves. */
  let cart: string | undefined;

  async function fail(file: string, fn: string, message: string): Promise<void> {
    const frames = [{ filename: join(workspace, file), function: fn, lineno: 2, colno: 3, in_app: true }];
    const event = {
      event_id: crypto.randomUUID().replace(/-/g, ''),
      platform: 'node',
      release,
      exception: { values: [{ type: 'Error', value: message, stacktrace: { frames } }] },
    };
    const answer = await send(server.port, { path: envelopePath('1'), body: eventEnvelope(event) });
    assert.equal(answer.status, 200, answer.text);
  }

  test('a new issue raised in a workspace file alerts once', async () => {
    await fail('cart.js', 'total', 'cart total failed');
    const decision = await loop.refresh(new Date());
    assert.match(
      decision.alert?.text ?? '',
      new RegExp(`^Sentry: \\S+ is new in ${release} and touches this workspace: Error: cart total failed$`),
    );
    cart = decision.alert?.issues[0]?.issueId;
    assert.equal((await loop.refresh(new Date())).alert, undefined);
  });

  test('resolved, then back: a regression alerts', async () => {
    assert.ok(cart, 'the cart issue alerted in the test before');
    const resolved = await client.updateIssue('local', cart, { action: 'resolve' });
    assert.ok(resolved.ok);
    await fail('cart.js', 'total', 'cart total failed');
    const decision = await loop.refresh(new Date());
    assert.deepEqual(
      decision.alert?.issues.map((issue) => [issue.issueId, issue.reasons]),
      [[cart, ['regressed']]],
    );
    assert.equal((await loop.refresh(new Date())).alert, undefined);
  });

  test('more events in the last hour than the threshold alert, and a mute silences the issue', async () => {
    for (let count = 0; count < 4; count++) await fail('search.js', 'search', 'search failed');
    const decision = await loop.refresh(new Date());
    const [alerted] = decision.alert?.issues ?? [];
    assert.deepEqual(alerted?.reasons, ['eventsPerHour', 'newInRelease']);
    assert.match(
      decision.alert?.text ?? '',
      new RegExp(
        `^Sentry: \\S+ had 4 events in the last hour, is new in ${release} and touches this workspace: Error: search failed$`,
      ),
    );
    loop.memory = withMuted(loop.memory, [alerted?.key ?? '']);
    for (let count = 0; count < 4; count++) await fail('search.js', 'search', 'search failed');
    const later = await loop.refresh(new Date(Date.now() + 25 * hour));
    assert.equal(later.alert, undefined);
    assert.equal(later.held.muted, 1);
  });
});
