// Proves relative times in hovers read naturally and depend only on the clock they are given.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeAgo } from '../../../../src/core/format/timeAgo';

const now = Date.parse('2025-04-12T12:00:00Z');

test('names the largest whole unit that has passed', () => {
  assert.equal(timeAgo('2025-04-12T11:59:30Z', now), 'just now');
  assert.equal(timeAgo('2025-04-12T11:59:00Z', now), '1 minute ago');
  assert.equal(timeAgo('2025-04-12T11:25:00Z', now), '35 minutes ago');
  assert.equal(timeAgo('2025-04-12T11:00:00Z', now), '1 hour ago');
  assert.equal(timeAgo('2025-04-11T13:00:00Z', now), '23 hours ago');
  assert.equal(timeAgo('2025-04-11T12:00:00Z', now), '1 day ago');
  assert.equal(timeAgo('2025-04-03T22:51:19.403000Z', now), '8 days ago');
  assert.equal(timeAgo('2025-02-01T12:00:00Z', now), '2 months ago');
  assert.equal(timeAgo('2023-04-01T12:00:00Z', now), '2 years ago');
});

test('reads a time slightly in the future (clock skew) as just now', () => {
  assert.equal(timeAgo('2025-04-12T12:05:00Z', now), 'just now');
});

test('gives nothing for a missing or unparseable time', () => {
  assert.equal(timeAgo(undefined, now), undefined);
  assert.equal(timeAgo('', now), undefined);
  assert.equal(timeAgo('yesterday', now), undefined);
});

test('depends on the injected clock, not the machine clock', () => {
  assert.equal(timeAgo('2025-04-12T12:00:00Z', now + 3 * 3_600_000), '3 hours ago');
});
