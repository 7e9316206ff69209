// Proves the backoff between retries grows exponentially within its bounds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, defaultRetryPolicy } from '../../../../src/core/api/retryPolicy';

describe('backoffDelay', () => {
  test('grows exponentially between half and all of the ceiling, and is capped', () => {
    for (const attempt of [0, 1, 2, 3, 10]) {
      const ceiling = Math.min(defaultRetryPolicy.maxDelayMs, defaultRetryPolicy.baseDelayMs * 2 ** attempt);
      assert.equal(backoffDelay(defaultRetryPolicy, attempt, () => 0), ceiling / 2);
      assert.equal(backoffDelay(defaultRetryPolicy, attempt, () => 1), ceiling);
    }
  });
});
