// What a folder's previous load leaves to the next one, and the merge rules: an issue whose lastSeen and count did not
// move keeps its latest event and marks without a request; facts about where it started carry over.
import type { IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import type { LineHit } from '../index/issueIndex';
import { issueCounts } from '../scan/eventHits';

export interface PreviousLoad {
  /** The release the load was for (none: all releases); events of another release are not reused. */
  readonly release?: string;
  readonly environments: readonly string[];
  readonly issues: readonly Issue[];
  readonly events: ReadonlyMap<string, IssueEvent>;
  readonly hits: readonly LineHit[];
  /** In-app frames not found in the workspace, per issue. */
  readonly unresolvedFrames: ReadonlyMap<string, number>;
  /** Issues whose latest event could not be loaded (server busy or failing): asked again whatever moved. */
  readonly missing: ReadonlySet<string>;
  /** Issues placed from Discover frames without their event (see LoadedIssues.framesOnly). */
  readonly framesOnly?: ReadonlySet<string>;
}

/** The previous load when it answered the same question (release and environments), else nothing to reuse. */
export function reusableLoad(
  previous: PreviousLoad | undefined,
  release: string | undefined,
  environments: readonly string[] | undefined,
): PreviousLoad | undefined {
  if (!previous || previous.release !== release) return undefined;
  const wanted = [...(environments ?? [])].sort().join('\n');
  return [...previous.environments].sort().join('\n') === wanted ? previous : undefined;
}

/**
 * New events since: the latest event may be another one, so it is asked again. A count that only fell is events
 * leaving the list's time window, not a new one.
 */
export function hasMoved(before: Issue, now: Issue): boolean {
  return before.lastSeen !== now.lastSeen || now.count > before.count;
}

export function hitsByIssue(hits: readonly LineHit[]): Map<string, LineHit[]> {
  const byIssue = new Map<string, LineHit[]>();
  for (const hit of hits) {
    const list = byIssue.get(hit.issueId);
    if (list) list.push(hit);
    else byIssue.set(hit.issueId, [hit]);
  }
  return byIssue;
}

/** Marks carry the issue's title, level and counts: a reused mark shows the ones the list just gave. */
export function withIssueFacts(hits: readonly LineHit[], issue: Issue): LineHit[] {
  const { count, userCount } = issueCounts(issue);
  const firstSeen = issue.filtered?.firstSeen ?? issue.firstSeen;
  const lastSeen = issue.filtered?.lastSeen ?? issue.lastSeen;
  return hits.map((hit) => ({
    ...hit,
    shortId: issue.shortId,
    title: issue.title,
    level: issue.level,
    count,
    userCount,
    firstSeen: firstSeen ?? undefined,
    lastSeen: lastSeen ?? undefined,
  }));
}

/** Where an issue started never changes; the release of its newest event holds while no new event came. */
export function withKnownReleases(issue: Issue, before: Issue | undefined): Issue {
  if (!before) return issue;
  const firstRelease = issue.firstRelease ?? before.firstRelease;
  const lastRelease = issue.lastRelease ?? (before.lastSeen === issue.lastSeen ? before.lastRelease : undefined);
  if (firstRelease === issue.firstRelease && lastRelease === issue.lastRelease) return issue;
  return {
    ...issue,
    ...(firstRelease !== undefined ? { firstRelease } : {}),
    ...(lastRelease !== undefined ? { lastRelease } : {}),
  };
}
