// What the editor shows, per workspace folder: the last good snapshot and its line index, whether it is loading, stale
// or failed, and triage changes applied at once (optimistically) with a way back if the server refuses them.
import type { Issue } from '../api/issueSchema';
import type { IssueIndex, LineHit } from '../index/issueIndex';
import { Listeners } from './listeners';
import { indexOfSnapshot, type IssueSnapshot } from './snapshot';

export type FolderStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly message?: string }
  | { readonly kind: 'ready' }
  /** The last load failed; the previous snapshot, if any, stays on screen. */
  | { readonly kind: 'failed'; readonly message: string };

export interface FolderState {
  readonly folderPath: string;
  readonly status: FolderStatus;
  readonly snapshot?: IssueSnapshot;
  readonly index?: IssueIndex;
  /** True when the snapshot came from the cache or the last refresh failed: it may be out of date. */
  readonly stale: boolean;
}

export interface StoreChange {
  readonly folderPath: string;
  /** True when issues or lines changed (marks must be redrawn), false for status-only changes. */
  readonly dataChanged: boolean;
}

export class IssueStore {
  private readonly folders = new Map<string, FolderState>();
  /**
   * Issues a folder's views name without its snapshot listing them (a release comparison's gone or resolved issues):
   * found by id so their panel and triage work, never marked on lines. Folder path -> issue id -> issue.
   */
  private readonly related = new Map<string, Map<string, Issue>>();
  private readonly changes = new Listeners<StoreChange>();
  readonly onDidChange = this.changes.subscribe;

  folder(folderPath: string): FolderState {
    return this.folders.get(folderPath) ?? { folderPath, status: { kind: 'idle' }, stale: false };
  }

  allFolders(): FolderState[] {
    return [...this.folders.values()];
  }

  setLoading(folderPath: string, message?: string): void {
    this.update(folderPath, { status: { kind: 'loading', message } }, false);
  }

  /** A fresh load replaces the folder's data. */
  setLoaded(snapshot: IssueSnapshot): void {
    this.update(
      snapshot.folderPath,
      { status: { kind: 'ready' }, snapshot, index: indexOfSnapshot(snapshot), stale: false },
      true,
    );
  }

  /** What a load has so far (the open files' issues first), shown while it goes on: the status stays as it is. */
  setPartial(snapshot: IssueSnapshot): void {
    this.update(snapshot.folderPath, { snapshot, index: indexOfSnapshot(snapshot) }, true);
  }

  /** A cached snapshot is shown at once, marked stale until a refresh confirms it. */
  setRestored(snapshot: IssueSnapshot): void {
    const current = this.folders.get(snapshot.folderPath);
    if (current?.snapshot) return; // never replace fresher data with the cache
    this.update(
      snapshot.folderPath,
      { status: current?.status ?? { kind: 'idle' }, snapshot, index: indexOfSnapshot(snapshot), stale: true },
      true,
    );
  }

  /** A failed refresh keeps the last good data and says so. */
  setFailed(folderPath: string, message: string): void {
    this.update(
      folderPath,
      { status: { kind: 'failed', message }, stale: this.folders.get(folderPath)?.snapshot !== undefined },
      false,
    );
  }

  clear(folderPath: string): void {
    this.related.delete(folderPath);
    if (this.folders.delete(folderPath)) this.changes.fire({ folderPath, dataChanged: true });
  }

  /** Replaces the folder's related issues (see `related`); no change event, since nothing on screen depends on them. */
  setRelatedIssues(folderPath: string, issues: readonly Issue[]): void {
    this.related.set(folderPath, new Map(issues.map((issue) => [issue.id, issue])));
  }

  hitsInFile(folderPath: string, file: string): ReadonlyArray<readonly [number, readonly LineHit[]]> {
    return this.folders.get(folderPath)?.index?.hitsInFile(folderPath, file) ?? [];
  }

  /** The issue with this id in any folder (its snapshot first, then its related issues), with that folder. */
  findIssue(issueId: string): { issue: Issue; folder: FolderState } | undefined {
    for (const folder of this.folders.values()) {
      const issue = folder.snapshot?.issues.find((candidate) => candidate.id === issueId);
      if (issue) return { issue, folder };
    }
    for (const [folderPath, issues] of this.related) {
      const issue = issues.get(issueId);
      if (issue && this.folders.has(folderPath)) return { issue, folder: this.folder(folderPath) };
    }
    return undefined;
  }

  /**
   * Applies a change to an issue everywhere it appears, at once. Returns a function that puts the issue back as it
   * was, for when the server refuses the change.
   */
  patchIssue(issueId: string, patch: Partial<Issue>): () => void {
    const previous = new Map<string, Issue>();
    const previousRelated: Array<[Map<string, Issue>, Issue]> = [];
    for (const issues of this.related.values()) {
      const issue = issues.get(issueId);
      if (!issue) continue;
      previousRelated.push([issues, issue]);
      issues.set(issueId, { ...issue, ...patch });
    }
    for (const folder of this.folders.values()) {
      const issue = folder.snapshot?.issues.find((candidate) => candidate.id === issueId);
      if (!issue) continue;
      previous.set(folder.folderPath, issue);
      this.replaceIssue(folder.folderPath, { ...issue, ...patch });
    }
    return () => {
      for (const [issues, issue] of previousRelated) issues.set(issueId, issue);
      for (const [folderPath, issue] of previous) this.replaceIssue(folderPath, issue);
    };
  }

  private replaceIssue(folderPath: string, issue: Issue): void {
    const folder = this.folders.get(folderPath);
    if (!folder?.snapshot) return;
    const issues = folder.snapshot.issues.map((candidate) => (candidate.id === issue.id ? issue : candidate));
    this.update(folderPath, { snapshot: { ...folder.snapshot, issues } }, true);
  }

  private update(folderPath: string, change: Partial<Omit<FolderState, 'folderPath'>>, dataChanged: boolean): void {
    this.folders.set(folderPath, { ...this.folder(folderPath), ...change, folderPath });
    this.changes.fire({ folderPath, dataChanged });
  }
}
