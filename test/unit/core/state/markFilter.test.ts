// Proves the "new in this release" filter of the line marks: only issues first seen in the workspace's release pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { showsIssue } from '../../../../src/core/state/markFilter';
import { issue } from './snapshotFixtures';

const release = 'shop@1.2.0';
const fresh = issue({ firstRelease: { version: release } });
const inherited = issue({ firstRelease: { version: 'shop@1.1.0' } });
const regressed = issue({ firstRelease: { version: release }, substatus: 'regressed' });

test('"all" shows every issue, even one the store lost', () => {
  assert.equal(showsIssue('all', inherited, release), true);
  assert.equal(showsIssue('all', undefined, undefined), true);
});

test('"newInRelease" shows only issues first seen in the release', () => {
  assert.equal(showsIssue('newInRelease', fresh, release), true);
  assert.equal(showsIssue('newInRelease', inherited, release), false);
  assert.equal(showsIssue('newInRelease', regressed, release), false, 'a regression is not new');
  assert.equal(showsIssue('newInRelease', fresh, undefined), false, 'without a release nothing is new');
  assert.equal(showsIssue('newInRelease', undefined, release), false);
});
