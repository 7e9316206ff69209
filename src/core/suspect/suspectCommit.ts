// The suspect commit of a marked line. When the repository has the event's release as a commit or a tag, today's line
// is followed back to its place in the release (through the diff from the release to the file on disk) and blamed
// there: the commit that last changed the line the release ran, and, when the line was rewritten since, the commit
// that did. Otherwise, git blame of today's line (committed lines only). Answers are cached per file state and
// release, and a blame in progress is shared.
import { join } from 'node:path';
import { fileState } from '../fileState';
import { BoundedCache } from '../resolve/boundedCache';
import { parseBlamePorcelain, type BlamedCommit } from './blamePorcelain';
import { runGit } from './gitCommand';
import { lineAtRevision } from './lineAtRevision';

export interface SuspectCommit extends BlamedCommit {
  /** The release's commit when the repository has one for it. */
  readonly release?: { readonly version: string; readonly time: number; readonly sha: string };
  /** The commit is in the release's history (changed before it); false: the line was added after the release. */
  readonly inRelease?: boolean;
  /** The commit that rewrote the release's line since, when one did. */
  readonly changedSince?: BlamedCommit;
}

export type RunGit = typeof runGit;

/** Names the release's commit may have in the repository: the version itself (a SHA or a tag), and its semver as a tag. */
export function releaseRevisionCandidates(version: string): string[] {
  const semver = version.slice(version.lastIndexOf('@') + 1).split('+')[0] ?? '';
  const names = [version, semver, `v${semver}`].filter((name) => name !== '' && name !== 'v' && isSafeRevision(name));
  return [...new Set(names)];
}

/** A revision git cannot read as an option or a range, whatever the release is called. */
function isSafeRevision(name: string): boolean {
  return !name.startsWith('-') && !name.includes('..') && /^[\w.@+/-]{1,200}$/.test(name);
}

export class SuspectCommits {
  private readonly cache = new BoundedCache<string, Promise<SuspectCommit | undefined>>(2048);

  constructor(private readonly git: RunGit = runGit) {}

  /** The suspect commit of 1-based `line` of `file` (relative to `folder`, `/`-separated); undefined when git knows none. */
  async of(folder: string, file: string, line: number, release?: string): Promise<SuspectCommit | undefined> {
    const state = await fileState(join(folder, file));
    if (state === undefined) return undefined;
    const key = [folder, file, String(line), release ?? '', state].join('\u0000');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = this.find(folder, file, line, release);
    this.cache.set(key, found);
    return found;
  }

  private async find(
    folder: string,
    file: string,
    line: number,
    release: string | undefined,
  ): Promise<SuspectCommit | undefined> {
    const releaseCommit = release ? await this.releaseCommit(folder, release) : undefined;
    const atRelease = releaseCommit ? await this.atRelease(folder, file, line, releaseCommit) : undefined;
    if (atRelease) return atRelease;
    const commit = await this.blame(folder, file, line);
    if (!commit || !releaseCommit) return commit;
    const ancestor = await this.git(folder, ['merge-base', '--is-ancestor', commit.sha, releaseCommit.sha]);
    return { ...commit, release: releaseCommit, inRelease: ancestor.ok };
  }

  /** The release's line that today's line was, blamed in the release; undefined when the line is newer than the release. */
  private async atRelease(
    folder: string,
    file: string,
    line: number,
    release: NonNullable<SuspectCommit['release']>,
  ): Promise<SuspectCommit | undefined> {
    const diff = await this.git(folder, [
      'diff',
      '--no-ext-diff',
      '--no-textconv',
      '--no-color',
      '-U0',
      release.sha,
      '--',
      file,
    ]);
    const then = diff.ok ? lineAtRevision(diff.value, line) : undefined;
    if (!then) return undefined;
    const commit = await this.blame(folder, file, then.line, release.sha);
    if (!commit) return undefined;
    const since = then.changedSince ? await this.blame(folder, file, line) : undefined;
    return { ...commit, release, inRelease: true, ...(since ? { changedSince: since } : {}) };
  }

  /** git blame of one line, of the file on disk or at a revision. */
  private async blame(
    folder: string,
    file: string,
    line: number,
    revision?: string,
  ): Promise<BlamedCommit | undefined> {
    const blamed = await this.git(folder, [
      'blame',
      '--porcelain',
      '--no-textconv',
      '-L',
      `${line},${line}`,
      ...(revision ? [revision] : []),
      '--',
      file,
    ]);
    return blamed.ok ? parseBlamePorcelain(blamed.value) : undefined;
  }

  private async releaseCommit(folder: string, version: string): Promise<SuspectCommit['release']> {
    for (const name of releaseRevisionCandidates(version)) {
      const found = await this.git(folder, [
        'log',
        '-1',
        '--format=%H %ct',
        '--end-of-options',
        `${name}^{commit}`,
        '--',
      ]);
      const match = found.ok ? /^([0-9a-f]{40,64}) (\d+)/.exec(found.value) : null;
      if (match?.[1] && match[2]) return { version, sha: match[1], time: Number(match[2]) * 1000 };
    }
    return undefined;
  }
}
