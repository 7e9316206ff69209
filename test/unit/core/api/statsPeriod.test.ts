// Proves the `statsPeriod` reader accepts Sentry's periods and refuses everything else before it is sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStatsPeriod } from '../../../../src/core/api/statsPeriod';

test('reads a whole number and a unit of s, m, h, d or w', () => {
  assert.deepEqual(parseStatsPeriod('24h'), { ok: true, value: 24 * 3_600_000 });
  assert.deepEqual(parseStatsPeriod('14d'), { ok: true, value: 14 * 86_400_000 });
  assert.deepEqual(parseStatsPeriod('2w'), { ok: true, value: 2 * 604_800_000 });
  assert.deepEqual(parseStatsPeriod('30m'), { ok: true, value: 30 * 60_000 });
  assert.deepEqual(parseStatsPeriod('90s'), { ok: true, value: 90_000 });
});

test('refuses words, missing or unknown units, zero, signs and fractions, saying how to write one', () => {
  for (const bad of ['banana', '14', 'd', '14y', '0d', '-1d', '1.5h', '14 d x', '']) {
    const parsed = parseStatsPeriod(bad);
    assert.equal(parsed.ok, false, bad);
    if (!parsed.ok) assert.match(parsed.error, /24h, 14d or 90d/);
  }
});
