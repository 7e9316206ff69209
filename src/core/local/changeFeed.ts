// What the local server tells in-process listeners (the editor) after each stored event, so marks update without polling.
import type { WorkspaceLine } from './process/frameSymbolicator';

export interface IngestChange {
  /** A new issue was created by this event, or an existing one got another event. */
  readonly kind: 'newIssue' | 'newEvent';
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
