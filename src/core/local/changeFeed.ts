// What the local server tells in-process listeners (the editor) after each stored event, so marks update without polling.
import type { WorkspaceLine } from './process/frameSymbolicator';

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
