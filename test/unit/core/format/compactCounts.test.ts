// Proves the short count phrases of tree rows and the status bar: `1.2k events · 87 users`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactCount, compactEventsAndUsers } from '../../../../src/core/format/compactCounts';
import { describeAge } from '../../../../src/core/format/dataAge';
import { shortReleaseName } from '../../../../src/core/format/releaseName';

test('counts get at most three significant figures and a lower-case k', () => {
  assert.deepEqual([0, 87, 999, 1000, 1234, 12_345, 999_950, 1_234_567].map(compactCount), [
    '0',
    '87',
    '999',
    '1k',
    '1.2k',
    '12k',
    '1M',
    '1.2M',
  ]);
});

test('phrases agree in number and leave users out where the server does not count them', () => {
  assert.equal(compactEventsAndUsers(1234, 87), '1.2k events · 87 users');
  assert.equal(compactEventsAndUsers(1, 1), '1 event · 1 user');
  assert.equal(compactEventsAndUsers(5, 0, false), '5 events');
});

test('ages read in the largest whole unit', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  assert.equal(describeAge('2026-01-10T11:59:30Z', now), 'just now');
  assert.equal(describeAge('2026-01-10T11:59:00Z', now), '1 minute ago');
  assert.equal(describeAge('2026-01-10T09:00:00Z', now), '3 hours ago');
  assert.equal(describeAge('2026-01-08T11:00:00Z', now), '2 days ago');
  assert.equal(describeAge('2024-05-30T08:00:00Z', now), 'on 2024-05-30', 'a date once days stop meaning much');
  assert.equal(describeAge('yesterday', now), undefined);
});

test('release names shorten git SHAs and very long versions', () => {
  assert.equal(shortReleaseName('0123456789abcdef0123456789abcdef01234567'), '0123456');
  assert.equal(shortReleaseName('shop@1.2.3'), 'shop@1.2.3');
  assert.equal(shortReleaseName('x'.repeat(40)), `${'x'.repeat(31)}…`);
});
