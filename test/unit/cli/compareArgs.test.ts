// Proves `--fail-on` parsing and the categories that fail a release gate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../../../src/cli/args';
import { parseFailOn } from '../../../src/cli/compareCommand';
import { failingCategories } from '../../../src/cli/compareOutput';
import type { WorkspaceComparison } from '../../../src/cli/compareWorkspace';

test('reads comma-separated and repeated categories, without repeats', () => {
  assert.deepEqual(parseFailOn(['new,regressed', 'new', ' gone ']), ['new', 'regressed', 'gone']);
  assert.deepEqual(parseFailOn([]), []);
});

test('rejects a category that does not exist', () => {
  assert.throws(
    () => parseFailOn(['new,fixed']),
    (error: unknown) => error instanceof UsageError && /fixed/.test(error.message),
  );
});

test('a gate fails only on the named categories that hold issues', () => {
  const entry = { issue: {} as never, story: { kind: 'new' as const }, count: 1, userCount: 1 };
  const comparison: WorkspaceComparison = {
    release: 'r2',
    base: 'r1',
    releaseSource: 'option',
    new: [entry],
    regressed: [],
    gone: [entry],
    warnings: [],
  };
  assert.deepEqual(failingCategories(comparison, ['new', 'regressed']), ['new']);
  assert.deepEqual(failingCategories(comparison, ['regressed']), []);
  assert.deepEqual(failingCategories(comparison, ['gone', 'new']), ['gone', 'new']);
});
