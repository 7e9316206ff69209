// Proves the minimum gap between two alert notifications.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlertPacing } from '../../../../src/core/alerts/alertPacing';

test('the first alert shows at once; the next waits out the gap from the one before', () => {
  const pacing = new AlertPacing(60_000);
  assert.equal(pacing.delayAt(1_000), 0);
  pacing.shownAt(1_000);
  assert.equal(pacing.delayAt(31_000), 30_000);
  assert.equal(pacing.delayAt(61_000), 0);
  assert.equal(pacing.delayAt(90_000), 0);
});
