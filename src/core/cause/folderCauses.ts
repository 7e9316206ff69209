// What one workspace folder's checkout says about a line: the commit that last changed it (git blame at the release)
// and its file's code owners (CODEOWNERS). One per folder, shared by every surface that asks (hover, issue panel,
// Assign to Owner, the AI assistant), so a line is blamed and a CODEOWNERS file parsed once for all of them. Answers
// are cached per file state and commit (see SuspectCommits and CodeOwners); nothing here runs on the marks' path.
import { CodeOwners, type FileOwners } from '../owners/codeOwners';
import { runGit } from '../suspect/gitCommand';
import { SuspectCommits, type RunGit, type SuspectCommit } from '../suspect/suspectCommit';

export class FolderCauses {
  readonly suspects: SuspectCommits;
  readonly codeOwners = new CodeOwners();

  /** `folder`: the workspace folder's absolute path; `git` runs git there (the tests count its calls). */
  constructor(
    readonly folder: string,
    git: RunGit = runGit,
  ) {
    this.suspects = new SuspectCommits(git);
  }

  /**
   * The suspect commit of 1-based `line` of `file` (`/`-separated, relative to the folder), at `release` when the
   * repository has it. Runs git: callers ask only in a trusted workspace.
   */
  suspectOf(file: string, line: number, release?: string): Promise<SuspectCommit | undefined> {
    return this.suspects.of(this.folder, file, line, release);
  }

  /** The code owners of `file`; reads files only, so it may be asked in an untrusted workspace too. */
  ownersOf(file: string): Promise<FileOwners | undefined> {
    return this.codeOwners.of(this.folder, file);
  }
}
