// Proves how statuses and levels read, and which statuses leave the line marks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { levelKind, strongerLevel } from '../../../../src/core/format/issueLevel';
import { isClosedStatus, statusLabel } from '../../../../src/core/format/issueStatus';

test('counts resolved, archived and deleted issues as closed, others as open', () => {
  for (const status of ['resolved', 'ignored', 'muted', 'pending_deletion'])
    assert.equal(isClosedStatus(status), true, status);
  for (const status of ['unresolved', 'reprocessing', 'pending_merge', undefined])
    assert.equal(isClosedStatus(status), false, String(status));
});

test('names Sentry substatuses as its UI does', () => {
  assert.equal(statusLabel({ status: 'unresolved', substatus: 'ongoing' }), 'ongoing');
  assert.equal(statusLabel({ status: 'unresolved', substatus: 'regressed' }), 'regressed');
  assert.equal(statusLabel({ status: 'unresolved' }), 'unresolved');
  assert.equal(statusLabel({ status: 'ignored', substatus: 'archived_until_escalating' }), 'archived until escalating');
  assert.equal(statusLabel({ status: 'ignored', substatus: 'archived_forever' }), 'archived forever');
  assert.equal(statusLabel({ status: 'ignored' }), 'archived');
});

test('says how an issue was resolved', () => {
  assert.equal(statusLabel({ status: 'resolved', statusDetails: {} }), 'resolved');
  assert.equal(
    statusLabel({ status: 'resolved', statusDetails: { inNextRelease: true } }),
    'resolved in the next release',
  );
  assert.equal(
    statusLabel({ status: 'resolved', statusDetails: { inRelease: 'shop@1.4.0' } }),
    'resolved in shop@1.4.0',
  );
});

test('shows unknown statuses in words', () => {
  assert.equal(statusLabel({ status: 'pending_merge' }), 'pending merge');
});

test('folds levels into error, warning and info', () => {
  assert.equal(levelKind('fatal'), 'error');
  assert.equal(levelKind('error'), 'error');
  assert.equal(levelKind('Warning'), 'warning');
  assert.equal(levelKind('info'), 'info');
  assert.equal(levelKind('debug'), 'info');
  assert.equal(levelKind('sample'), 'info');
  assert.equal(strongerLevel('info', 'warning'), 'warning');
  assert.equal(strongerLevel('error', 'warning'), 'error');
});
