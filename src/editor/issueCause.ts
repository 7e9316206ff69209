// What the workspace says about where an issue raised: the workspace file and line of its strongest hit in the last
// load, the commit that last changed that line (git, trusted workspaces only) and the file's code owners (CODEOWNERS).
import * as vscode from 'vscode';
import type { IssueCause } from '../core/format/causeView';
import { compareHits, type LineHit } from '../core/index/issueIndex';
import type { FolderCauses } from '../core/cause/folderCauses';
import type { FileOwners } from '../core/owners/codeOwners';
import type { IssueStore } from '../core/state/issueStore';

export interface IssueOwners extends FileOwners {
  /** The raising file, relative to its workspace folder. */
  readonly file: string;
}

/** The issue's raising line in the workspace (its strongest hit), as the last load placed it. */
export function raisingHitOf(store: IssueStore, issueId: string): LineHit | undefined {
  const snapshot = store.findIssue(issueId)?.folder.snapshot;
  return snapshot?.hits.filter((candidate) => candidate.issueId === issueId).sort(compareHits)[0];
}

/** What the issue cause lookups need from the editor's context: the store and each folder's shared causes. */
export interface CauseSource {
  readonly store: IssueStore;
  causesOf(folderPath: string): FolderCauses;
}

export async function ownersOfIssue(source: CauseSource, issueId: string): Promise<IssueOwners | undefined> {
  const hit = raisingHitOf(source.store, issueId);
  const owners = hit
    ? await source
        .causesOf(hit.folder)
        .ownersOf(hit.file)
        .catch(() => undefined)
    : undefined;
  return hit && owners ? { ...owners, file: hit.file } : undefined;
}

/**
 * Undefined when the issue touches no workspace file. git runs only in a trusted workspace: a repository's own
 * settings can name programs for git to start.
 */
export async function causeOfIssue(source: CauseSource, issueId: string): Promise<IssueCause | undefined> {
  const hit = raisingHitOf(source.store, issueId);
  if (!hit) return undefined;
  const release = source.store.findIssue(issueId)?.folder.snapshot?.release?.version;
  const causes = source.causesOf(hit.folder);
  const [suspect, owners] = await Promise.all([
    vscode.workspace.isTrusted ? causes.suspectOf(hit.file, hit.line, release).catch(() => undefined) : undefined,
    causes.ownersOf(hit.file).catch(() => undefined),
  ]);
  return {
    folder: hit.folder,
    file: hit.file,
    line: hit.line,
    ...(suspect ? { suspect } : {}),
    ...(owners ? { owners } : {}),
  };
}
