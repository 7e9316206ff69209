// Proves how long the client waits before retrying: server-stated waits first, then bounded exponential backoff.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, defaultRetryPolicy, rateLimitWaitMs } from '../../../src/core/api/retryPolicy';

describe('rateLimitWaitMs', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');

  test('reads Retry-After in seconds', () => {
    assert.equal(rateLimitWaitMs({ 'retry-after': '3' }, now), 3000);
  });

  test('reads Retry-After as an HTTP date', () => {
    assert.equal(rateLimitWaitMs({ 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' }, now), 5000);
  });

  test("falls back to Sentry's X-Sentry-Rate-Limit-Reset epoch seconds", () => {
    assert.equal(rateLimitWaitMs({ 'x-sentry-rate-limit-reset': String(now / 1000 + 2) }, now), 2000);
  });

  test('never negative, and undefined when the server does not say', () => {
    assert.equal(rateLimitWaitMs({ 'x-sentry-rate-limit-reset': String(now / 1000 - 10) }, now), 0);
    assert.equal(rateLimitWaitMs({}, now), undefined);
    assert.equal(rateLimitWaitMs({ 'retry-after': 'soon' }, now), undefined);
  });
});

describe('backoffDelay', () => {
  test('grows exponentially between half and all of the ceiling, and is capped', () => {
    for (const attempt of [0, 1, 2, 3, 10]) {
      const ceiling = Math.min(defaultRetryPolicy.maxDelayMs, defaultRetryPolicy.baseDelayMs * 2 ** attempt);
      assert.equal(backoffDelay(defaultRetryPolicy, attempt, () => 0), ceiling / 2);
      assert.equal(backoffDelay(defaultRetryPolicy, attempt, () => 1), ceiling);
    }
  });
});
