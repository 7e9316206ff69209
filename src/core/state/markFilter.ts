// Which issues the line marks show: every issue of the release, or only those new in it (first seen there), so a
// reviewer of a release sees what it introduced without what it inherited.
import type { Issue } from '../api/issueSchema';
import { storyOf } from '../tracking/issueStory';

export type MarkFilter = 'all' | 'newInRelease';

/** An issue the store no longer has (or a snapshot without a release) is not new in anything. */
export function showsIssue(filter: MarkFilter, issue: Issue | undefined, release: string | undefined): boolean {
  if (filter === 'all') return true;
  return issue !== undefined && release !== undefined && storyOf(issue, release).kind === 'new';
}
