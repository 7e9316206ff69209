// What the local server tells listeners after each stored change: in process (the editor's own server, `serve`'s log)
// and, through the change stream, other processes; so marks update without polling and without reloading everything.
import type { WorkspaceLine } from './process/frameSymbolicator';
import type { StoreRecord } from './store/storeRecords';

export interface IngestChange {
  /** A new issue was created by this event, or an existing one got another event. */
  readonly kind: 'newIssue' | 'newEvent';
  /**
   * What the event says about its issue: `new` (the issue was created), `regressed` (a resolved issue is back),
   * `firstInRelease` (an existing issue's first event in this release), or `again` (nothing new about the issue).
   */
  readonly story: 'new' | 'regressed' | 'firstInRelease' | 'again';
  /** The release of the issue's first event, to say since when an existing issue is known. */
  readonly issueFirstRelease: string | undefined;
  readonly projectId: string;
  readonly issueId: string;
  readonly shortId: string;
  readonly eventId: string;
  readonly title: string;
  readonly level: string;
  readonly release: string | undefined;
  readonly environment: string | undefined;
  /** Where it was raised in the workspace, when a frame resolved to a workspace line. */
  readonly raisedAt: WorkspaceLine | undefined;
}

/** Any stored change (an event, a triage, a release record): which issues it touched, for a reader to ask again. */
export interface StoreChange {
  /** The store's revision after the change. */
  readonly revision: number;
  readonly issueIds: readonly string[];
  /**
   * A release was created, changed or deleted, or an event named one no event had before: what a window detects as
   * its release may have changed.
   */
  readonly releasesChanged: boolean;
}

export function storeChangeOf(revision: number, records: readonly StoreRecord[], newRelease = false): StoreChange {
  const issueIds = new Set<string>();
  let releasesChanged = newRelease;
  for (const record of records) {
    if (record.kind === 'event' || record.kind === 'kept') issueIds.add(record.event.issueId);
    else if (record.kind === 'issue') issueIds.add(record.issue.id);
    else if (record.kind === 'release' || record.kind === 'releaseDeleted') releasesChanged = true;
  }
  return { revision, issueIds: [...issueIds], releasesChanged };
}

/** What a reader of the store learns from one change: these issues moved, or (undefined) anything may have. */
export interface LocalChange {
  readonly issueIds: readonly string[] | undefined;
}

/** A release change can change which release a window shows, so it asks for everything again. */
export function localChangeOf(change: Pick<StoreChange, 'issueIds' | 'releasesChanged'>): LocalChange {
  return { issueIds: change.releasesChanged ? undefined : change.issueIds };
}

/** Two changes as one: the union of their issues, or anything when either says anything. */
export function mergeLocalChanges(a: LocalChange, b: LocalChange): LocalChange {
  if (a.issueIds === undefined || b.issueIds === undefined) return { issueIds: undefined };
  return { issueIds: [...new Set([...a.issueIds, ...b.issueIds])] };
}
