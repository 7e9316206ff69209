// The suspect commit of a marked line. When the repository has the event's release as a commit or a tag, today's line
// is followed back to its place in the release (through the diff from the release to the file on disk) and blamed
// there: the commit that last changed the line the release ran, and, when the line was rewritten since, the commit
// that did. Otherwise, git blame of today's line (committed lines only). Answers are cached per file state, line,
// the commit blamed at (the release's, or HEAD's) and HEAD, so a changed file or a moved HEAD (a commit, a checkout)
// asks git again; two release names of one commit share one blame, and a blame in progress is shared.
import { join } from 'node:path';
import { fileState } from '../fileState';
import { readGitHead } from '../release/gitHead';
import { BoundedCache } from '../resolve/boundedCache';
import { parseBlamePorcelain, type BlamedCommit } from './blamePorcelain';
import { runGit } from './gitCommand';
import { lineAtRevision } from './lineAtRevision';

export interface SuspectCommit extends BlamedCommit {
  /** The release's commit when the repository has one for it. */
  readonly release?: ReleaseCommit & { readonly version: string };
  /** The commit is in the release's history (changed before it); false: the line was added after the release. */
  readonly inRelease?: boolean;
  /** The commit that rewrote the release's line since, when one did. */
  readonly changedSince?: BlamedCommit;
}

/** The commit a release name stands for in the repository, and its commit time. */
interface ReleaseCommit {
  readonly time: number;
  readonly sha: string;
}

/** A suspect commit as blamed at a commit, before the release name that led there is put back. */
type BlameAnswer = Omit<SuspectCommit, 'release'> & { readonly release?: ReleaseCommit };

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
  private readonly answers = new BoundedCache<string, Promise<BlameAnswer | undefined>>(2048);
  /** The commit each release name stands for, per HEAD: a new tag usually comes with a moved HEAD. */
  private readonly releases = new BoundedCache<string, Promise<ReleaseCommit | undefined>>(256);

  constructor(private readonly git: RunGit = runGit) {}

  /** The suspect commit of 1-based `line` of `file` (relative to `folder`, `/`-separated); undefined when git knows none. */
  async of(folder: string, file: string, line: number, release?: string): Promise<SuspectCommit | undefined> {
    const [state, head] = await Promise.all([fileState(join(folder, file)), this.head(folder)]);
    if (state === undefined) return undefined;
    const releaseCommit = release ? await this.releaseCommitAt(folder, release, head) : undefined;
    const key = [folder, file, String(line), releaseCommit?.sha ?? 'HEAD', head, state].join('\u0000');
    let answer = this.answers.get(key);
    if (!answer) this.answers.set(key, (answer = this.find(folder, file, line, releaseCommit)));
    const found = await answer;
    if (!found) return undefined;
    const { release: at, ...commit } = found;
    return at && release ? { ...commit, release: { ...at, version: release } } : commit;
  }

  /** HEAD's commit, read from the repository's files (no process); git itself where they say nothing (reftable). */
  private async head(folder: string): Promise<string> {
    const read = await readGitHead(folder);
    if (read.ok) return read.value;
    const asked = await this.git(folder, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    return asked.ok ? asked.value.trim() : '';
  }

  private releaseCommitAt(folder: string, version: string, head: string): Promise<ReleaseCommit | undefined> {
    const key = [folder, version, head].join('\u0000');
    let found = this.releases.get(key);
    if (!found) this.releases.set(key, (found = this.releaseCommit(folder, version)));
    return found;
  }

  private async find(
    folder: string,
    file: string,
    line: number,
    releaseCommit: ReleaseCommit | undefined,
  ): Promise<BlameAnswer | undefined> {
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
    release: ReleaseCommit,
  ): Promise<BlameAnswer | undefined> {
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

  private async releaseCommit(folder: string, version: string): Promise<ReleaseCommit | undefined> {
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
      if (match?.[1] && match[2]) return { sha: match[1], time: Number(match[2]) * 1000 };
    }
    return undefined;
  }
}
