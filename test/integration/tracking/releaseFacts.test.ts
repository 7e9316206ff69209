// Where each issue started comes from its details, one request per issue; a refresh asks again only for issues with new
// events since the previous load, and GlitchTip, which does not record it, is never asked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SentryClient } from '../../../src/core/api/client';
import { silentLogger } from '../../../src/core/log';
import { loadWorkspaceIssues, type LoadTarget } from '../../../src/core/scan/loadWorkspaceIssues';
import { DEFAULT_TOKEN, defaultScenario, scenario, startFakeSentry, type FakeSentry } from '../../support/fakeSentry';

let fake: FakeSentry;
let client: SentryClient;

before(async () => {
  fake = await startFakeSentry({ data: defaultScenario() });
  client = SentryClient.create({ baseUrl: fake.url, token: DEFAULT_TOKEN, log: silentLogger });
});
after(async () => {
  await client.close();
  await fake.close();
});

const target: LoadTarget = { org: scenario.org, project: scenario.projects.web.slug, folder: { name: 'ws', path: '/nonexistent-workspace' }, release: scenario.releases.v120, env: {}, log: silentLogger };
const detailRequests = () => fake.requestsTo(/\/organizations\/acme\/issues\/\d+\/$/, 'GET').length;

test('a first load asks each issue for its releases; the next asks only the issue that has new events', async () => {
  const first = await loadWorkspaceIssues(client, target);
  assert.ok(first.ok, first.ok ? '' : first.error.message);
  const issues = first.value.issues;
  assert.equal(detailRequests(), issues.length, 'one detail per listed issue');
  assert.equal(issues.find((issue) => issue.id === '1001')?.firstRelease?.version, scenario.releases.v110);

  const cart = fake.data.issues.find((issue) => issue.id === '1001');
  assert.ok(cart);
  cart.lastSeen = '2025-06-01T11:59:00Z';
  const before = detailRequests();
  const second = await loadWorkspaceIssues(client, { ...target, previousIssues: issues });
  assert.ok(second.ok, second.ok ? '' : second.error.message);
  assert.equal(detailRequests() - before, 1, 'only the issue whose lastSeen moved');
  const again = second.value.issues.find((issue) => issue.id === '1002');
  assert.equal(again?.firstRelease?.version, scenario.releases.v120, 'facts carried over from the previous load');
});

test('GlitchTip is not asked: its issues have no release facts and stay carried', async () => {
  const glitchtip = await startFakeSentry({ flavour: 'glitchtip', data: defaultScenario() });
  const detected = await SentryClient.detect({ baseUrl: glitchtip.url, token: DEFAULT_TOKEN, log: silentLogger });
  try {
    assert.equal(detected.backend.kind, 'glitchtip');
    const loaded = await loadWorkspaceIssues(detected, { ...target, project: scenario.projects.web.id });
    assert.ok(loaded.ok, loaded.ok ? '' : loaded.error.message);
    assert.ok(loaded.value.issues.length > 0);
    assert.equal(glitchtip.requestsTo(/\/api\/0\/issues\/\d+\/$/, 'GET').length, 0);
    assert.ok(loaded.value.issues.every((issue) => issue.firstRelease === undefined));
  } finally {
    await detected.close();
    await glitchtip.close();
  }
});
