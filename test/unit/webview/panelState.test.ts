// Proves the page's state: a triage action shows its new status at once, a refusal puts the old status back with a
// message, a success clears the pending action, and stale or doubled actions change nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { glitchtipBackend, sentryBackend } from '../../../src/core/api/backend';
import type { BackendCapabilities } from '../../../src/core/api/backend';
import { buildIssueViewModel } from '../../../src/core/format/buildIssueViewModel';
import {
  afterHostMessage,
  initialPanelState,
  shownActions,
  shownHeader,
  startTriage,
  type PanelState,
} from '../../../src/webview/panelState';
import { fixedNow, fixtureEvent, fixtureIssue, fixtureTags } from '../core/format/panelFixtures';

function loaded(
  status: Record<string, unknown> = {},
  capabilities: BackendCapabilities = sentryBackend.capabilities,
): PanelState {
  const model = buildIssueViewModel({
    issue: fixtureIssue(status),
    event: fixtureEvent('python'),
    tags: fixtureTags(),
    capabilities,
    showUserData: false,
    now: fixedNow,
  });
  return afterHostMessage(initialPanelState, { type: 'issue', model });
}

function started(
  state: PanelState,
  ...args: Parameters<typeof startTriage> extends [PanelState, ...infer Rest] ? Rest : never
): PanelState {
  const next = startTriage(state, ...args);
  assert.ok(next, 'the action starts');
  return next;
}

describe('panel state', () => {
  test('starts loading and shows the issue when it arrives', () => {
    assert.equal(initialPanelState.loading, true);
    const state = loaded();
    assert.equal(state.loading, false);
    assert.equal(shownHeader(state)?.status.label, 'Ongoing');
    assert.deepEqual(shownActions(state), ['resolve', 'resolveInNextRelease', 'archive', 'assignToMe']);
  });

  test('shows the new status at once while the server has not answered', () => {
    const state = started(loaded(), 'resolve', 'r1');
    assert.equal(shownHeader(state)?.status.label, 'Resolved');
    assert.deepEqual(shownActions(state), ['unresolve', 'archive', 'assignToMe']);
    assert.equal(
      shownHeader(started(loaded(), 'resolveInNextRelease', 'r1'))?.status.label,
      'Resolved in the next release',
    );
    assert.equal(shownHeader(started(loaded(), 'archive', 'r1'))?.status.label, 'Archived until escalating');
    assert.equal(shownHeader(started(loaded(), 'assignToMe', 'r1'))?.assignee, 'You');
  });

  test('rolls back with a message when the server refuses', () => {
    const refused = afterHostMessage(started(loaded(), 'resolve', 'r1'), {
      type: 'triageResult',
      requestId: 'r1',
      ok: false,
      message: 'You do not have permission.',
    });
    assert.equal(refused.pending, undefined);
    assert.equal(shownHeader(refused)?.status.label, 'Ongoing');
    assert.match(refused.notice ?? '', /^Resolve failed: You do not have permission\. The issue is shown as it was\.$/);
    assert.match(
      afterHostMessage(started(loaded(), 'archive', 'r2'), { type: 'triageResult', requestId: 'r2', ok: false })
        .notice ?? '',
      /did not accept/,
    );
  });

  test('keeps the confirmed status the host sends, and clears an old refusal on the next action', () => {
    const pending = started(
      afterHostMessage(started(loaded(), 'archive', 'r0'), { type: 'triageResult', requestId: 'r0', ok: false }),
      'resolve',
      'r1',
    );
    assert.equal(pending.notice, undefined);
    const confirmedModel = afterHostMessage(pending, {
      type: 'issue',
      model: loaded({ status: 'resolved', substatus: null }).model!,
    });
    const done = afterHostMessage(confirmedModel, { type: 'triageResult', requestId: 'r1', ok: true });
    assert.equal(done.pending, undefined);
    assert.equal(done.notice, undefined);
    assert.equal(shownHeader(done)?.status.label, 'Resolved');
  });

  test('ignores replies to other requests and a second action while one is in flight', () => {
    const pending = started(loaded(), 'resolve', 'r1');
    assert.equal(afterHostMessage(pending, { type: 'triageResult', requestId: 'old', ok: false }), pending);
    assert.equal(startTriage(pending, 'archive', 'r2'), undefined);
  });

  test('refuses actions the backend cannot do and actions before the issue arrived', () => {
    assert.equal(startTriage(loaded({}, glitchtipBackend.capabilities), 'assignToMe', 'r1'), undefined);
    assert.equal(startTriage(initialPanelState, 'resolve', 'r1'), undefined);
  });

  test('keeps the issue on screen while reloading and after a failed reload', () => {
    const reloading = afterHostMessage(loaded(), { type: 'loading' });
    assert.equal(reloading.loading, true);
    assert.ok(reloading.model);
    const failed = afterHostMessage(reloading, { type: 'error', message: 'Sentry answered 503.' });
    assert.deepEqual([failed.loading, failed.error, failed.model !== undefined], [false, 'Sentry answered 503.', true]);
  });
});
