// Proves the 24 h sparkline of hovers: one block per bucket, oldest first, quiet hours visibly below busy ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bucketTotal, textSparkline } from '../../../../src/core/format/textSparkline';
import '../../../support/propertyRuns';

test('draws one bar per bucket, scaled to the busiest', () => {
  assert.equal(
    textSparkline([
      [1, 0],
      [2, 7],
      [3, 14],
      [4, 28],
      [5, 56],
    ]),
    '▁▂▃▅█',
  );
});

test('orders buckets by time, whatever order the server sent', () => {
  assert.equal(
    textSparkline([
      [3, 10],
      [1, 0],
      [2, 5],
    ]),
    '▁▅█',
  );
});

test('lifts any bucket with an event above an empty one', () => {
  assert.equal(
    textSparkline([
      [1, 0],
      [2, 1],
      [3, 1000],
    ]),
    '▁▂█',
  );
});

test('draws a flat line for a quiet day and nothing for no buckets', () => {
  assert.equal(
    textSparkline([
      [1, 0],
      [2, 0],
      [3, 0],
    ]),
    '▁▁▁',
  );
  assert.equal(textSparkline([]), '');
});

test('takes Sentry buckets with extra fields and ignores bad counts', () => {
  assert.equal(
    textSparkline([
      [1, 4, 'extra'],
      [2, Number.NaN],
      [3, -1],
      [4, 8],
    ]),
    '▅▁▁█',
  );
});

test('always yields exactly one block character per bucket', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer(), fc.nat())), (buckets) => {
      const line = textSparkline(buckets);
      assert.equal([...line].length, buckets.length);
      assert.match(line, /^[▁▂▃▄▅▆▇█]*$/u);
    }),
  );
});

test('sums the events of the buckets', () => {
  assert.equal(
    bucketTotal([
      [1, 3],
      [2, 0],
      [3, 4],
    ]),
    7,
  );
});
