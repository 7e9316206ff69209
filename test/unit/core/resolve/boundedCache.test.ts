// The resolver's bounded least-recently-used cache.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedCache } from '../../../../src/core/resolve/boundedCache';

test('evicts the least recently used entry beyond the entry limit', () => {
  const cache = new BoundedCache<string, number>(2);
  cache.set('a', 1);
  cache.set('b', 2);
  cache.get('a');
  cache.set('c', 3);
  assert.deepEqual([cache.has('a'), cache.has('b'), cache.has('c')], [true, false, true]);
});

test('evicts by total weight and refuses a value heavier than the whole cache', () => {
  const cache = new BoundedCache<string, string>(10, 10);
  cache.set('a', 'aaaaaa', 6);
  cache.set('b', 'bbbbbb', 6);
  assert.deepEqual([cache.has('a'), cache.has('b')], [false, true]);
  cache.set('huge', 'x'.repeat(11), 11);
  assert.deepEqual([cache.has('huge'), cache.has('b'), cache.size], [false, true, 1]);
});
