// Proves what the client reads from an answer about the server's limits: headers, Retry-After and Sentry's 429 texts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rateLimitFacts, refusalFacts } from '../../../../src/core/api/rateLimitFacts';

const now = Date.parse('2026-11-25T10:00:00Z');

describe('rateLimitFacts', () => {
  test('reads the five X-Sentry-Rate-Limit headers, the reset as epoch ms', () => {
    const facts = rateLimitFacts({
      'x-sentry-rate-limit-limit': '40',
      'x-sentry-rate-limit-remaining': '0',
      'x-sentry-rate-limit-reset': String(now / 1000 + 1),
      'x-sentry-rate-limit-concurrentlimit': '15',
      'x-sentry-rate-limit-concurrentremaining': '3',
    });
    assert.deepEqual(facts, {
      limit: 40,
      remaining: 0,
      resetAtMs: now + 1000,
      concurrentLimit: 15,
      concurrentRemaining: 3,
    });
  });

  test('absent or nonsense headers are unknown, not zero', () => {
    assert.deepEqual(
      rateLimitFacts({ 'x-sentry-rate-limit-limit': 'many', 'x-sentry-rate-limit-concurrentlimit': '0' }),
      {
        limit: undefined,
        remaining: undefined,
        resetAtMs: undefined,
        concurrentLimit: undefined,
        concurrentRemaining: undefined,
      },
    );
  });
});

describe('refusalFacts', () => {
  test("Sentry's bare JSON string names the limit and the window", () => {
    const facts = refusalFacts(
      {},
      JSON.stringify('You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds'),
      now,
    );
    assert.equal(facts.limit, 40);
    assert.equal(facts.windowMs, 1000);
    assert.equal(facts.concurrency, false);
    assert.equal(facts.retryAfterMs, undefined);
  });

  test('the concurrency text is a concurrency refusal with its limit', () => {
    const facts = refusalFacts(
      {},
      JSON.stringify({
        detail: 'You are attempting to go above the allowed concurrency for this endpoint. Concurrency limit is 15',
      }),
      now,
    );
    assert.equal(facts.concurrency, true);
    assert.equal(facts.concurrentLimit, 15);
  });

  test('Retry-After in seconds and as an HTTP date; never negative', () => {
    assert.equal(refusalFacts({ 'retry-after': '3' }, '', now).retryAfterMs, 3000);
    assert.equal(refusalFacts({ 'retry-after': 'Wed, 25 Nov 2026 10:00:05 GMT' }, '', now).retryAfterMs, 5000);
    assert.equal(refusalFacts({ 'retry-after': 'Wed, 25 Nov 2026 09:00:00 GMT' }, '', now).retryAfterMs, 0);
    assert.equal(refusalFacts({ 'retry-after': 'soon' }, '', now).retryAfterMs, undefined);
  });

  test("GlitchTip's {message} body says nothing about windows", () => {
    const facts = refusalFacts({ 'retry-after': '1' }, JSON.stringify({ message: 'Please retry later' }), now);
    assert.equal(facts.limit, undefined);
    assert.equal(facts.windowMs, undefined);
    assert.equal(facts.concurrency, false);
  });
});
