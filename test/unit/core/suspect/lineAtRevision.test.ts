// Proves how today's line is followed back to its place in an older revision through `git diff -U0` hunk headers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineAtRevision } from '../../../../src/core/suspect/lineAtRevision';

const diff = [
  'diff --git a/src/cart.ts b/src/cart.ts',
  '--- a/src/cart.ts',
  '+++ b/src/cart.ts',
  '@@ -2,0 +3,2 @@ header',
  '+a',
  '+b',
  '@@ -10,3 +12,1 @@',
  '-x',
  '-y',
  '-z',
  '+w',
  '@@ -20 +19,0 @@',
  '-gone',
].join('\n');

test('a line before every change is where it was', () => {
  assert.deepEqual(lineAtRevision(diff, 2), { line: 2, changedSince: false });
  assert.deepEqual(lineAtRevision('', 40), { line: 40, changedSince: false });
});

test('a line added since has no place in the revision', () => {
  assert.equal(lineAtRevision(diff, 3), undefined);
  assert.equal(lineAtRevision(diff, 4), undefined);
});

test('lines after an addition or a removal move by the lines added or removed', () => {
  assert.deepEqual(lineAtRevision(diff, 5), { line: 3, changedSince: false });
  assert.deepEqual(lineAtRevision(diff, 13), { line: 13, changedSince: false });
  // Line 20 of the revision was removed: today's 19 is the revision's 21.
  assert.deepEqual(lineAtRevision(diff, 19), { line: 19, changedSince: false });
  assert.deepEqual(lineAtRevision(diff, 20), { line: 21, changedSince: false });
});

test('a rewritten line is the line it replaced, flagged as changed since', () => {
  assert.deepEqual(lineAtRevision(diff, 12), { line: 10, changedSince: true });
});
