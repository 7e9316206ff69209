// Proves the git HEAD commit is read from hand-built .git layouts (loose refs, packed-refs, detached, worktrees, submodules) and from a real repository.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readGitHead } from '../../../../src/core/release/gitHead';

const root = mkdtempSync(join(tmpdir(), 'sentry-insight-git-'));
after(() => rmSync(root, { recursive: true, force: true }));

const shaA = 'a'.repeat(40);
const shaB = '0123456789abcdef0123456789abcdef01234567';
const shaC = 'c0ffee'.padEnd(40, '1');

let count = 0;
function folder(files: Record<string, string> = {}): string {
  count += 1;
  const dir = join(root, `case${count}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function head(dir: string): Promise<string | undefined> {
  const result = await readGitHead(dir);
  return result.ok ? result.value : undefined;
}

describe('readGitHead with hand-built .git directories', () => {
  test('follows HEAD to a loose branch ref', async () => {
    const dir = folder({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${shaA}\n` });
    assert.equal(await head(dir), shaA);
  });

  test('finds a branch that only exists in packed-refs, skipping the header and peeled tag lines', async () => {
    const packed = `# pack-refs with: peeled fully-peeled sorted \n${shaC} refs/heads/develop\n${shaB} refs/heads/feature/x\n${shaA} refs/tags/v1\n^${shaC}\n`;
    const dir = folder({ '.git/HEAD': 'ref: refs/heads/feature/x\n', '.git/packed-refs': packed });
    assert.equal(await head(dir), shaB);
  });

  test('prefers a loose ref over a stale packed one', async () => {
    const dir = folder({
      '.git/HEAD': 'ref: refs/heads/main',
      '.git/refs/heads/main': shaA,
      '.git/packed-refs': `${shaB} refs/heads/main\n`,
    });
    assert.equal(await head(dir), shaA);
  });

  test('reads a detached HEAD and lower-cases it', async () => {
    const dir = folder({ '.git/HEAD': `${shaB.toUpperCase()}\r\n` });
    assert.equal(await head(dir), shaB);
  });

  test('accepts the 64-digit ids of SHA-256 repositories', async () => {
    const sha256 = 'f'.repeat(64);
    assert.equal(await head(folder({ '.git/HEAD': sha256 })), sha256);
  });

  test('follows a linked worktree .git file to its HEAD and the shared refs of the main repository', async () => {
    const main = folder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/refs/heads/main': shaA,
      '.git/packed-refs': `${shaC} refs/heads/feature\n`,
      '.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n',
      '.git/worktrees/wt/commondir': '../..\n',
    });
    const worktree = folder({ '.git': `gitdir: ${join(main, '.git', 'worktrees', 'wt')}\n` });
    assert.equal(await head(worktree), shaC);
    assert.equal(await head(main), shaA);
  });

  test('follows a submodule .git file with a relative gitdir', async () => {
    const parent = folder({
      '.git/modules/lib/HEAD': 'ref: refs/heads/main\n',
      '.git/modules/lib/refs/heads/main': shaB,
    });
    mkdirSync(join(parent, 'lib'));
    writeFileSync(join(parent, 'lib', '.git'), 'gitdir: ../.git/modules/lib\n');
    assert.equal(await head(join(parent, 'lib')), shaB);
  });

  test('finds the repository from a workspace folder nested inside it', async () => {
    const repo = folder({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': shaA });
    const nested = join(repo, 'packages', 'web');
    mkdirSync(nested, { recursive: true });
    assert.equal(await head(nested), shaA);
  });

  test('follows a symbolic ref to another ref', async () => {
    const dir = folder({
      '.git/HEAD': 'ref: refs/heads/alias\n',
      '.git/refs/heads/alias': 'ref: refs/heads/main\n',
      '.git/refs/heads/main': shaC,
    });
    assert.equal(await head(dir), shaC);
  });

  test('gives no commit on a branch without commits', async () => {
    const result = await readGitHead(folder({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/.keep': '' }));
    assert.equal(result.ok, false);
  });

  test('gives no commit for a symbolic ref loop', async () => {
    const dir = folder({
      '.git/HEAD': 'ref: refs/heads/a\n',
      '.git/refs/heads/a': 'ref: refs/heads/b\n',
      '.git/refs/heads/b': 'ref: refs/heads/a\n',
    });
    assert.equal((await readGitHead(dir)).ok, false);
  });

  test('refuses a HEAD that points outside refs/', async () => {
    const dir = folder({ '.git/HEAD': 'ref: refs/../../secret\n', secret: shaA });
    assert.equal((await readGitHead(dir)).ok, false);
  });

  test('gives no commit for a garbage HEAD or a .git file without gitdir', async () => {
    assert.equal((await readGitHead(folder({ '.git/HEAD': 'not a ref' }))).ok, false);
    assert.equal((await readGitHead(folder({ '.git': 'nonsense' }))).ok, false);
  });
});

function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('readGitHead on a real repository', { skip: gitAvailable() ? false : 'git is not installed' }, () => {
  const isolatedEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(root, 'no-gitconfig'),
    HOME: root,
  };
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd,
        env: isolatedEnv,
        encoding: 'utf8',
      },
    ).trim();

  test('agrees with git rev-parse HEAD on a branch, after pack-refs, detached, and in a linked worktree', async () => {
    const repo = folder();
    git(repo, 'init', '-q', '-b', 'trunk');
    writeFileSync(join(repo, 'a.txt'), 'one\n');
    git(repo, 'add', 'a.txt');
    git(repo, 'commit', '-q', '-m', 'first');
    assert.equal(await head(repo), git(repo, 'rev-parse', 'HEAD'));

    git(repo, 'pack-refs', '--all', '--prune');
    assert.equal(await head(repo), git(repo, 'rev-parse', 'HEAD'));

    writeFileSync(join(repo, 'a.txt'), 'two\n');
    git(repo, 'commit', '-q', '-am', 'second');
    git(repo, 'checkout', '-q', '--detach', 'HEAD~1');
    const detached = git(repo, 'rev-parse', 'HEAD');
    assert.equal(await head(repo), detached);

    const worktree = join(root, `worktree${count}`);
    git(repo, 'worktree', 'add', '-q', '-b', 'side', worktree, 'trunk');
    assert.equal(await head(worktree), git(worktree, 'rev-parse', 'HEAD'));
    assert.notEqual(await head(worktree), detached);
  });
});
