// What the workspace says about where an issue raised: the workspace file and line of its strongest hit in the last
// load, the commit that last changed that line (git, trusted workspaces only) and the file's code owners (CODEOWNERS).
import * as vscode from 'vscode';
import type { IssueCause } from '../core/format/causeView';
import { compareHits, type LineHit } from '../core/index/issueIndex';
import { CodeOwners, type FileOwners } from '../core/owners/codeOwners';
import type { IssueStore } from '../core/state/issueStore';
import { SuspectCommits } from '../core/suspect/suspectCommit';

export interface IssueOwners extends FileOwners {
  /** The raising file, relative to its workspace folder. */
  readonly file: string;
}

/** The issue's raising line in the workspace (its strongest hit), as the last load placed it. */
export function raisingHitOf(store: IssueStore, issueId: string): LineHit | undefined {
  const snapshot = store.findIssue(issueId)?.folder.snapshot;
  return snapshot?.hits.filter((candidate) => candidate.issueId === issueId).sort(compareHits)[0];
}

export async function ownersOfIssue(
  store: IssueStore,
  codeOwners: CodeOwners,
  issueId: string,
): Promise<IssueOwners | undefined> {
  const hit = raisingHitOf(store, issueId);
  const owners = hit ? await codeOwners.of(hit.folder, hit.file).catch(() => undefined) : undefined;
  return hit && owners ? { ...owners, file: hit.file } : undefined;
}

export class IssueCauses {
  constructor(
    private readonly store: IssueStore,
    private readonly suspects = new SuspectCommits(),
    private readonly codeOwners = new CodeOwners(),
  ) {}

  /**
   * Undefined when the issue touches no workspace file. git runs only in a trusted workspace: a repository's own
   * settings can name programs for git to start.
   */
  async of(issueId: string): Promise<IssueCause | undefined> {
    const hit = raisingHitOf(this.store, issueId);
    if (!hit) return undefined;
    const release = this.store.findIssue(issueId)?.folder.snapshot?.release?.version;
    const [suspect, owners] = await Promise.all([
      vscode.workspace.isTrusted
        ? this.suspects.of(hit.folder, hit.file, hit.line, release).catch(() => undefined)
        : undefined,
      this.codeOwners.of(hit.folder, hit.file).catch(() => undefined),
    ]);
    return {
      folder: hit.folder,
      file: hit.file,
      line: hit.line,
      ...(suspect ? { suspect } : {}),
      ...(owners ? { owners } : {}),
    };
  }
}
