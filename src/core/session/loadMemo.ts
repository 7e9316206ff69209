// Answers that hold for as long as a folder session lasts, so that a refresh asks the issue lists and nothing else:
// the project, its code mappings, and the release detection's decision while the workspace's candidates stay the same.
import type { Project } from '../api/directorySchemas';
import type { PathMapping } from '../resolve/frame';
import type { LoadedRelease } from '../scan/workspaceRelease';

export interface ReleaseDecision {
  /** The candidate versions, in order, the decision was made from. */
  readonly candidates: string;
  readonly release: LoadedRelease;
}

export interface LoadMemo {
  project?: Project;
  codeMappings?: readonly PathMapping[];
  /**
   * Kept only when the winner was the first candidate: no earlier candidate can appear later, so while the candidates
   * stay the same the answer does too. A fallback decision is asked again, since a preferred release may appear.
   */
  release?: ReleaseDecision;
  /** Why the server refused the organization events endpoint (none, forbidden, a rejected query): loads go one by one. */
  discoverRefused?: string;
}
