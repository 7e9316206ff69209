// Proves batched work runs once, after events stop, with every item added meanwhile (clock mocked, nothing timed).
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { DebouncedBatch } from '../../../src/editor/debouncedBatch';

test('runs once after the last addition, with all items', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const runs: string[][] = [];
    const batch = new DebouncedBatch<string>((items) => runs.push([...items].sort()));
    batch.add(['a'], 150);
    mock.timers.tick(100);
    batch.add(['b', 'a'], 150);
    mock.timers.tick(100);
    assert.deepEqual(runs, []);
    mock.timers.tick(50);
    assert.deepEqual(runs, [['a', 'b']]);
    mock.timers.tick(1000);
    assert.equal(runs.length, 1);
  } finally {
    mock.timers.reset();
  }
});

test('runs nothing for an empty addition or after disposal', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let runs = 0;
    const batch = new DebouncedBatch<string>(() => runs++);
    batch.add([], 10);
    mock.timers.tick(20);
    batch.add(['a'], 10);
    batch.dispose();
    mock.timers.tick(20);
    assert.equal(runs, 0);
  } finally {
    mock.timers.reset();
  }
});
