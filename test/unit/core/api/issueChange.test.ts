// Proves triage sends the bodies Sentry's own UI sends, and that GlitchTip is only asked for what it supports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { glitchtipBackend, sentryBackend } from '../../../../src/core/api/backend';
import { bodyOf, canApply } from '../../../../src/core/api/issueChange';

const sentry = sentryBackend.capabilities;

test('Sentry bodies for each triage action', () => {
  assert.deepEqual(bodyOf({ action: 'resolve' }, sentry), { status: 'resolved', statusDetails: {} });
  assert.deepEqual(bodyOf({ action: 'resolveInNextRelease' }, sentry), {
    status: 'resolved',
    statusDetails: { inNextRelease: true },
  });
  assert.deepEqual(bodyOf({ action: 'resolveInRelease', release: 'shop@1.2.3' }, sentry), {
    status: 'resolved',
    statusDetails: { inRelease: 'shop@1.2.3' },
  });
  assert.deepEqual(bodyOf({ action: 'unresolve' }, sentry), {
    status: 'unresolved',
    statusDetails: {},
    substatus: 'ongoing',
  });
  assert.deepEqual(bodyOf({ action: 'archive', until: 'escalating' }, sentry), {
    status: 'ignored',
    statusDetails: {},
    substatus: 'archived_until_escalating',
  });
  assert.deepEqual(bodyOf({ action: 'archive', until: 'forever' }, sentry), {
    status: 'ignored',
    statusDetails: {},
    substatus: 'archived_forever',
  });
  assert.deepEqual(bodyOf({ action: 'archiveFor', minutes: 60 }, sentry), {
    status: 'ignored',
    substatus: 'archived_until_condition_met',
    statusDetails: { ignoreDuration: 60 },
  });
  assert.deepEqual(bodyOf({ action: 'assign', assignee: 'user:42' }, sentry), { assignedTo: 'user:42' });
  assert.deepEqual(bodyOf({ action: 'unassign' }, sentry), { assignedTo: '' });
  assert.deepEqual(bodyOf({ action: 'bookmark', bookmarked: true }, sentry), { isBookmarked: true });
});

test('GlitchTip gets status-only bodies and hides the actions it silently ignores', () => {
  const glitchtip = glitchtipBackend.capabilities;
  assert.deepEqual(bodyOf({ action: 'resolve' }, glitchtip), { status: 'resolved' });
  assert.deepEqual(bodyOf({ action: 'archive', until: 'escalating' }, glitchtip), { status: 'ignored' });
  for (const action of ['resolveInNextRelease', 'resolveInRelease', 'assign', 'bookmark', 'archiveFor'] as const)
    assert.equal(canApply(action, glitchtip), false, action);
  for (const action of ['resolve', 'unresolve', 'archive'] as const)
    assert.equal(canApply(action, glitchtip), true, action);
});
