// Proves the pieces of the suspect commit that need no repository: reading git blame's porcelain output, which names a
// release may have as a revision (never an option), and the sentence the hover shows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { suspectCommitText } from '../../../../src/core/format/suspectCommitText';
import { parseBlamePorcelain } from '../../../../src/core/suspect/blamePorcelain';
import { releaseRevisionCandidates, type SuspectCommit } from '../../../../src/core/suspect/suspectCommit';

const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const porcelain = [
  `${sha} 21 21 1`,
  'author Jane Doe',
  'author-mail <jane@example.com>',
  'author-time 1764547200',
  'author-tz +0000',
  'committer Jane Doe',
  'committer-mail <jane@example.com>',
  'committer-time 1764547200',
  'committer-tz +0000',
  'summary Price from catalog',
  'filename src/cart.ts',
  '\t  return lines.reduce((sum, line) => sum + line.item.price * line.quantity, 0);',
  '',
].join('\n');

describe('git blame porcelain', () => {
  test('reads the commit, author, author time and summary of the blamed line', () => {
    assert.deepEqual(parseBlamePorcelain(porcelain), {
      sha,
      author: 'Jane Doe',
      authorTime: 1764547200_000,
      summary: 'Price from catalog',
    });
  });

  test('has no commit for a line not committed yet, or for output that is not porcelain', () => {
    assert.equal(parseBlamePorcelain(porcelain.replace(sha, '0'.repeat(40))), undefined);
    assert.equal(parseBlamePorcelain(''), undefined);
    assert.equal(parseBlamePorcelain('fatal: no such path src/cart.ts in HEAD'), undefined);
    assert.equal(parseBlamePorcelain(porcelain.replace('author-time 1764547200', 'author-time soon')), undefined);
  });

  test("stops at the line's text, so code that looks like a header changes nothing", () => {
    const tricky = porcelain.replace('\t  return', '\tsummary Not the summary');
    assert.equal(parseBlamePorcelain(tricky)?.summary, 'Price from catalog');
  });
});

describe('release revisions', () => {
  test('tries the version, its semver and v-prefixed semver as git names', () => {
    assert.deepEqual(releaseRevisionCandidates('shop@1.4.2+45'), ['shop@1.4.2+45', '1.4.2', 'v1.4.2']);
    assert.deepEqual(releaseRevisionCandidates(sha), [sha, `v${sha}`]);
  });

  test('never offers git an option, a range or odd characters', () => {
    assert.deepEqual(releaseRevisionCandidates('--output=/tmp/x'), []);
    assert.deepEqual(releaseRevisionCandidates('main..evil'), []);
    assert.deepEqual(releaseRevisionCandidates('a b'), []);
  });
});

describe('suspect commit text', () => {
  const day = 86_400_000;
  const now = Date.UTC(2026, 11, 4);
  const commit: SuspectCommit = { sha, author: 'Jane Doe', authorTime: now - 10 * day, summary: 'Price from catalog' };
  const release = { version: 'shop@1.4.2', sha: 'f'.repeat(40), time: now - 7 * day };

  test('says how long before the release the line last changed', () => {
    assert.equal(
      suspectCommitText({ ...commit, release, inRelease: true }, now),
      "last changed in a1b2c3d by Jane Doe, 3 days before shop@1.4.2: 'Price from catalog'",
    );
  });

  test('says when the line changed after the release instead', () => {
    const later = { ...commit, authorTime: now - 2 * day, release, inRelease: false };
    assert.equal(
      suspectCommitText(later, now),
      "changed after shop@1.4.2 in a1b2c3d by Jane Doe, 2 days ago: 'Price from catalog'",
    );
  });

  test('says how long ago without a release commit, and keeps hostile text on one bounded line', () => {
    assert.equal(
      suspectCommitText(commit, now),
      "last changed in a1b2c3d by Jane Doe, 10 days ago: 'Price from catalog'",
    );
    const hostile = suspectCommitText({ ...commit, author: 'Eve\nEvil', summary: 'x'.repeat(500) }, now);
    assert.ok(!hostile.includes('\n'));
    assert.ok(hostile.length < 250, hostile);
  });
});
