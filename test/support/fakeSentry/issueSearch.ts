// Issue search on the fake's model: the matching is the local server's (src/core/local/api/issueMatching.ts), over
// each fake issue shown as a SearchableIssue, and so are Sentry's sort orders; GlitchTip's, which the local server does
// not answer, stay here.
import {
  matchesIssue as matchesSearchable,
  type MatchScope,
  type SearchableIssue,
} from '../../../src/core/local/api/issueMatching';
import { globMatches } from '../../../src/core/local/api/globMatch';
import type { SortFacts } from '../../../src/core/local/api/issueSort';
import type { ParsedIssueQuery } from './issueQuery';
import { issueTags } from './issueTags';
import { FakeIssue } from './model';

export { queriedEnvironments, queriedReleases } from '../../../src/core/local/api/issueMatching';
export type { MatchScope as SearchScope } from '../../../src/core/local/api/issueMatching';

function searchable(issue: FakeIssue): SearchableIssue {
  return {
    id: issue.id,
    title: issue.title,
    culprit: issue.culprit ?? '',
    level: issue.level,
    status: issue.status,
    substatus: issue.substatus,
    hasSeen: issue.hasSeen,
    isBookmarked: issue.isBookmarked,
    assignedTo: issue.assignedTo,
    firstRelease: issue.firstRelease,
    errorType: typeof issue.metadata['type'] === 'string' ? issue.metadata['type'] : '',
    isUnhandled: issue.isUnhandled,
    firstSeen: Date.parse(issue.firstSeen),
    lastSeen: Date.parse(issue.lastSeen),
    hasEvents: ({ releases, environments }) =>
      issue.eventCounts.some(
        (row) =>
          (releases === undefined || (row.release !== null && releases.includes(row.release))) &&
          (environments.length === 0 || environments.includes(row.environment)),
      ),
    tagValues: (key) =>
      issueTags(issue)
        .find((tag) => tag.key === key)
        ?.values.map((value) => value.value) ?? [],
    hasFrameFile: (patterns) =>
      issue.events.some((event) =>
        event.exceptions.some((thrown) =>
          thrown.frames.some(
            (frame) =>
              frame.filename !== null && patterns.some((pattern) => globMatches(pattern, frame.filename ?? '')),
          ),
        ),
      ),
  };
}

export function matchesIssue(issue: FakeIssue, query: ParsedIssueQuery, scope: MatchScope): boolean {
  return matchesSearchable(searchable(issue), query, scope);
}

/** What Sentry's sort orders read of a fake issue (`core/local/api/issueSort.ts` holds the orders themselves). */
export function sortFactsOf(issue: FakeIssue): SortFacts {
  return {
    firstSeen: Date.parse(issue.firstSeen),
    lastSeen: Date.parse(issue.lastSeen),
    count: issue.count,
    userCount: issue.userCount,
  };
}

/** GlitchTip's `sort`: a field, ascending, or descending with a `-` prefix. */
export const glitchtipSortFields = ['last_seen', 'first_seen', 'count', 'priority'] as const;

export function glitchtipSortScore(issue: FakeIssue, field: (typeof glitchtipSortFields)[number]): number {
  switch (field) {
    case 'first_seen':
      return Date.parse(issue.firstSeen);
    case 'count':
      return issue.count;
    case 'priority':
      return { high: 3, medium: 2, low: 1 }[issue.priority ?? 'low'];
    default:
      return Date.parse(issue.lastSeen);
  }
}
