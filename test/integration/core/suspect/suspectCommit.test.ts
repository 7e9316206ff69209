// Proves the suspect commit against a real git repository the test makes: the commit that last changed a line and how
// long before the release (a tag) it was, a line moved since, a line rewritten after the release (blamed in the
// release, with the commit that rewrote it), a line added after it, a release the repository does not know, an
// uncommitted line, and that neither an edit of the file nor a commit (HEAD moved) is answered from the cache.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { suspectCommitText } from '../../../../src/core/format/suspectCommitText';
import { SuspectCommits } from '../../../../src/core/suspect/suspectCommit';

const day = 86_400;
const start = Date.UTC(2026, 10, 1) / 1000;
const file = 'src/cart.ts';
const original = [
  'export function cartTotal(lines) {',
  '  return lines.reduce((sum, line) => sum + line.item.price * line.quantity, 0);',
  '}',
  '',
];

describe('suspect commit in a real git repository', () => {
  let repo: string;
  const shas: Record<string, string> = {};

  function git(args: string[], author = 'Jane Doe', time = start): string {
    const date = `${String(time)} +0000`;
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'dev@example.com',
      GIT_COMMITTER_DATE: date,
    };
    return execFileSync(
      'git',
      ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args],
      { cwd: repo, env, encoding: 'utf8' },
    ).trim();
  }

  function commit(name: string, lines: string[], message: string, author: string, time: number): void {
    writeFileSync(join(repo, file), lines.join('\n'));
    git(['add', file]);
    git(['commit', '-q', '-m', message], author, time);
    shas[name] = git(['rev-parse', 'HEAD']);
  }

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'suspect-'));
    mkdirSync(join(repo, 'src'));
    git(['init', '-q']);
    commit('first', ['// cart', ...original], 'Cart total', 'Sam Smith', start);
    commit('price', ['// cart', '', ...original], 'Price from catalog', 'Jane Doe', start + 4 * day);
    commit('release', ['// cart', '', ...original, '// v1.4.2', ''], 'Release 1.4.2', 'Sam Smith', start + 7 * day);
    git(['tag', 'v1.4.2']);
    const fixed = [
      '// cart',
      '',
      original[0] ?? '',
      '  return lines.reduce((sum, line) => sum + (line.item?.price ?? 0) * line.quantity, 0);',
      '}',
      '// v1.4.2',
    ];
    commit('fix', [...fixed, ''], 'Skip lines without an item', 'Ann Lee', start + 9 * day);
    commit('added', [...fixed, 'export const currency = "EUR";', ''], 'Currency', 'Ann Lee', start + 10 * day);
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  test('blames the line and says how long before the release it last changed', async () => {
    // Line 1 came with the first commit; the release is tagged v1.4.2, named shop@1.4.2 by the SDK.
    const found = await new SuspectCommits().of(repo, file, 1, 'shop@1.4.2');
    assert.equal(found?.sha, shas['first']);
    assert.equal(found?.author, 'Sam Smith');
    assert.equal(found?.release?.sha, shas['release']);
    assert.equal(found?.inRelease, true);
    assert.ok(found);
    assert.equal(
      suspectCommitText(found, Date.UTC(2026, 11, 4)),
      `last changed in ${shas['first']?.slice(0, 7)} by Sam Smith, 7 days before shop@1.4.2: 'Cart total'`,
    );
    const price = await new SuspectCommits().of(repo, file, 2, 'shop@1.4.2');
    assert.ok(price);
    assert.equal(
      suspectCommitText(price, Date.UTC(2026, 11, 4)),
      `last changed in ${shas['price']?.slice(0, 7)} by Jane Doe, 3 days before shop@1.4.2: 'Price from catalog'`,
    );
  });

  test("follows the line to today's place: a line moved down by a later commit keeps its commit", async () => {
    // 'export function cartTotal' was line 2 in the first commit and is line 3 since the price commit added a line.
    const found = await new SuspectCommits().of(repo, file, 3, 'shop@1.4.2');
    assert.equal(found?.sha, shas['first']);
  });

  test("blames the release's line when the line was rewritten after the release, and names the commit that rewrote it", async () => {
    // Line 4 raised in shop@1.4.2 as the first commit wrote it; the fix after the release rewrote it.
    const found = await new SuspectCommits().of(repo, file, 4, 'shop@1.4.2');
    assert.equal(found?.sha, shas['first']);
    assert.equal(found?.inRelease, true);
    assert.equal(found?.changedSince?.sha, shas['fix']);
    assert.ok(found);
    assert.match(
      suspectCommitText(found, Date.UTC(2026, 10, 12)),
      /^last changed in \w{7} by Sam Smith, 7 days before shop@1\.4\.2: 'Cart total'; rewritten since in \w{7} by Ann Lee, 2 days ago$/,
    );
  });

  test('says the line changed after the release when it was added after it', async () => {
    const found = await new SuspectCommits().of(repo, file, 7, 'shop@1.4.2');
    assert.equal(found?.sha, shas['added']);
    assert.equal(found?.inRelease, false);
    assert.ok(found);
    assert.match(
      suspectCommitText(found, Date.UTC(2026, 10, 12)),
      /^changed after shop@1\.4\.2 in \w{7} by Ann Lee, 1 day ago: 'Currency'$/,
    );
  });

  test("without a release it blames the file on disk: the commit that last changed today's line", async () => {
    const found = await new SuspectCommits().of(repo, file, 4);
    assert.equal(found?.sha, shas['fix']);
    assert.equal(found?.release, undefined);
  });

  test('names no release the repository does not have, and no commit for an uncommitted line', async () => {
    const suspects = new SuspectCommits();
    const unknown = await suspects.of(repo, file, 1, 'shop@9.9.9');
    assert.equal(unknown?.sha, shas['first']);
    assert.equal(unknown?.release, undefined);
    // A release named like an option is never handed to git as one.
    assert.deepEqual(await suspects.of(repo, file, 1, '--output=/tmp/x'), unknown);
    assert.equal(await suspects.of(repo, 'src/missing.ts', 1), undefined);
    // An edit changes the file's size and time: the cached answer is not reused.
    writeFileSync(join(repo, file), ['// cart, edited', '', ...original].join('\n'));
    assert.equal(await suspects.of(repo, file, 1), undefined);
    // In the release the line was still the first commit's; the edit since is not committed, so it names no commit.
    const edited = await suspects.of(repo, file, 1, 'shop@1.4.2');
    assert.equal(edited?.sha, shas['first']);
    assert.equal(edited?.changedSince, undefined);
    // Committing the edit leaves the file as it was on disk but moves HEAD: the line now has its commit.
    git(['commit', '-q', '-am', 'Cart comment'], 'Ann Lee', start + 11 * day);
    const committed = await suspects.of(repo, file, 1);
    assert.equal(committed?.sha, git(['rev-parse', 'HEAD']));
    assert.equal(committed?.summary, 'Cart comment');
  });

  test('has no answer outside a repository', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'no-repo-'));
    try {
      writeFileSync(join(plain, 'a.ts'), 'x\n');
      assert.equal(await new SuspectCommits().of(plain, 'a.ts', 1), undefined);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
