// Proves what the waits between retries look like: they double from the base, are never longer than the cap, and
// spread randomly over the upper half of each step so clients retrying together do not hit the server together.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, defaultRetryPolicy } from '../../../../src/core/api/retryPolicy';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
const shortest = () => 0;
const longest = () => 1;

describe('backoffDelay', () => {
  test('the longest wait doubles with each attempt from the base until the cap', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(policy, attempt, longest)),
      [100, 200, 400, 800, 1_000, 1_000],
    );
  });

  test('the shortest wait is half the longest, so a retry never comes at once', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(policy, attempt, shortest)),
      [50, 100, 200, 400, 500, 500],
    );
  });

  test('the random draw spreads the wait between those bounds', () => {
    const waits = [0, 0.25, 0.5, 0.75, 0.999].map((draw) => backoffDelay(policy, 2, () => draw));
    assert.deepEqual(waits, [200, 250, 300, 350, 400]);
  });

  test('by default the first retry waits 150 to 300 ms and no wait is longer than 8 s', () => {
    assert.equal(backoffDelay(defaultRetryPolicy, 0, shortest), 150);
    assert.equal(backoffDelay(defaultRetryPolicy, 0, longest), 300);
    for (let attempt = 0; attempt < 40; attempt++)
      assert.ok(backoffDelay(defaultRetryPolicy, attempt, longest) <= 8_000);
  });
});
