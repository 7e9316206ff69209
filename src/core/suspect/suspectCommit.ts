// The suspect commit of a marked line: the commit that last changed it (git blame of today's line, committed lines
// only), and how it stands to the release the event came from when the repository has that release as a commit or a
// tag. Answers are cached per file state and release, and a blame in progress is shared.
import { join } from 'node:path';
import { fileState } from '../fileState';
import { BoundedCache } from '../resolve/boundedCache';
import { parseBlamePorcelain, type BlamedCommit } from './blamePorcelain';
import { runGit } from './gitCommand';

export interface SuspectCommit extends BlamedCommit {
  /** The release's commit when the repository has one for it. */
  readonly release?: { readonly version: string; readonly time: number; readonly sha: string };
  /** The commit is in the release's history (changed before it); false: the line changed after the release. */
  readonly inRelease?: boolean;
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

  private async find(folder: string, file: string, line: number, release: string | undefined): Promise<SuspectCommit | undefined> {
    const blamed = await this.git(folder, ['blame', '--porcelain', '--no-textconv', '-L', `${line},${line}`, '--', file]);
    const commit = blamed.ok ? parseBlamePorcelain(blamed.value) : undefined;
    if (!commit) return undefined;
    const releaseCommit = release ? await this.releaseCommit(folder, release) : undefined;
    if (!releaseCommit) return commit;
    const ancestor = await this.git(folder, ['merge-base', '--is-ancestor', commit.sha, releaseCommit.sha]);
    return { ...commit, release: releaseCommit, inRelease: ancestor.ok };
  }

  private async releaseCommit(folder: string, version: string): Promise<SuspectCommit['release']> {
    for (const name of releaseRevisionCandidates(version)) {
      const found = await this.git(folder, ['log', '-1', '--format=%H %ct', '--end-of-options', `${name}^{commit}`, '--']);
      const match = found.ok ? /^([0-9a-f]{40,64}) (\d+)/.exec(found.value) : null;
      if (match?.[1] && match[2]) return { version, sha: match[1], time: Number(match[2]) * 1000 };
    }
    return undefined;
  }
}
