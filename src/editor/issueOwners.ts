// The code owners of an issue: those of the workspace file holding its raising frame (the strongest hit the last load
// found for it), from CODEOWNERS.
import { compareHits } from '../core/index/issueIndex';
import type { CodeOwners, FileOwners } from '../core/owners/codeOwners';
import type { IssueStore } from '../core/state/issueStore';

export interface IssueOwners extends FileOwners {
  /** The raising file, relative to its workspace folder. */
  readonly file: string;
}

export async function ownersOfIssue(store: IssueStore, codeOwners: CodeOwners, issueId: string): Promise<IssueOwners | undefined> {
  const snapshot = store.findIssue(issueId)?.folder.snapshot;
  const hit = snapshot?.hits.filter((candidate) => candidate.issueId === issueId).sort(compareHits)[0];
  if (!hit) return undefined;
  const owners = await codeOwners.of(hit.folder, hit.file).catch(() => undefined);
  return owners ? { ...owners, file: hit.file } : undefined;
}
