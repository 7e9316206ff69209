// Which issues a parsed search matches, in Sentry's dialect or GlitchTip's, and the sort orders of both.
import { detail } from '../../../src/core/local/api/apiAnswer';
import { globMatches } from '../../../src/core/local/api/globMatch';
import { IssueQueryError, ParsedIssueQuery, SearchFilter } from './issueQuery';
import { issueTags } from './issueTags';
import { FakeIssue } from './model';
import { Flavour } from './options';

export interface SearchScope {
  flavour: Flavour;
  /** From the `environment` parameter plus `environment:` terms. */
  environments: string[];
  /** The newest release of the organization, for `release:latest`. */
  latestRelease: string | null;
  /** Only issues last seen at or after, and first seen at or before, these times (ms); unset means no window. */
  window?: { start: number; end: number };
}

/** The releases named by `release:` terms (not negated), or `null` when the query has none: `filtered` follows them. */
export function queriedReleases(query: ParsedIssueQuery, scope: SearchScope): string[] | null {
  const terms = query.filters.filter((filter) => filter.key === 'release' && !filter.negated);
  if (terms.length === 0) return null;
  return terms.flatMap((term) => term.values.map((value) => resolveLatest(value, scope)));
}

/** Environments from the parameter plus non-negated `environment:` terms. */
export function queriedEnvironments(query: ParsedIssueQuery, fromParameter: string[]): string[] {
  const fromQuery = query.filters
    .filter((filter) => filter.key === 'environment' && !filter.negated)
    .flatMap((filter) => filter.values);
  return [...new Set([...fromParameter, ...fromQuery])];
}

export function matchesIssue(issue: FakeIssue, query: ParsedIssueQuery, scope: SearchScope): boolean {
  if (scope.environments.length > 0 && !issue.eventCounts.some((row) => scope.environments.includes(row.environment)))
    return false;
  if (
    scope.window &&
    (Date.parse(issue.lastSeen) < scope.window.start || Date.parse(issue.firstSeen) > scope.window.end)
  )
    return false;
  const words = query.text.map((word) => word.toLowerCase());
  const haystack = `${issue.title} ${issue.culprit ?? ''}`.toLowerCase();
  if (!words.every((word) => haystack.includes(word))) return false;
  return query.filters.every((filter) => filter.negated !== matchesFilter(issue, filter, scope));
}

function matchesFilter(issue: FakeIssue, filter: SearchFilter, scope: SearchScope): boolean {
  if (filter.key === 'is') return filter.values.some((value) => matchesIs(issue, value, scope.flavour));
  if (filter.key === 'has') return filter.values.some((key) => issueTags(issue).some((tag) => tag.key === key));
  if (filter.key === 'level') return filter.values.includes(issue.level);
  if (scope.flavour === 'glitchtip') return matchesTag(issue, filter);
  switch (filter.key) {
    case 'release':
      return filter.values.some((value) => {
        const version = resolveLatest(value, scope);
        return issue.eventCounts.some(
          (row) =>
            row.release === version &&
            (scope.environments.length === 0 || scope.environments.includes(row.environment)),
        );
      });
    case 'firstRelease':
    case 'first-release':
    case 'firstRelease.version':
      return filter.values.some((value) => issue.firstRelease === resolveLatest(value, scope));
    case 'environment':
      return issue.eventCounts.some((row) => filter.values.includes(row.environment));
    case 'assigned':
      return filter.values.some((value) => (value === 'none' ? issue.assignedTo === null : issue.assignedTo !== null));
    case 'bookmarks':
      return issue.isBookmarked;
    case 'stack.filename':
      // Any frame of any of the issue's events.
      return filter.values.some((value) =>
        issue.events.some((event) =>
          event.exceptions.some((thrown) =>
            thrown.frames.some((frame) => frame.filename !== null && globMatches(value, frame.filename)),
          ),
        ),
      );
    default:
      return matchesTag(issue, filter);
  }
}

const sentryIsValues = [
  'unresolved',
  'resolved',
  'ignored',
  'archived',
  'assigned',
  'unassigned',
  'for_review',
  'linked',
  'unlinked',
  'new',
  'ongoing',
  'regressed',
  'escalating',
];
const glitchtipIsValues = ['unresolved', 'resolved', 'ignored'];

function matchesIs(issue: FakeIssue, value: string, flavour: Flavour): boolean {
  const valid = flavour === 'glitchtip' ? glitchtipIsValues : sentryIsValues;
  if (!valid.includes(value)) {
    throw new IssueQueryError(detail(400, `Invalid value for "is" search, valid values are {${valid.join(', ')}}`));
  }
  switch (value) {
    case 'archived':
      return issue.status === 'ignored';
    case 'assigned':
      return issue.assignedTo !== null;
    case 'unassigned':
      return issue.assignedTo === null;
    case 'for_review':
      return issue.status === 'unresolved' && !issue.hasSeen;
    case 'linked':
      return false;
    case 'unlinked':
      return true;
    case 'new':
    case 'ongoing':
    case 'regressed':
    case 'escalating':
      return issue.substatus === value;
    default:
      return issue.status === value;
  }
}

// Sentry treats an unknown key as a tag; GlitchTip treats every key but is/has/level as an exact tag match.
function matchesTag(issue: FakeIssue, filter: SearchFilter): boolean {
  const tag = issueTags(issue).find((candidate) => candidate.key === filter.key);
  return (
    tag !== undefined && filter.values.some((wanted) => tag.values.some((value) => globMatches(wanted, value.value)))
  );
}

function resolveLatest(value: string, scope: SearchScope): string {
  return value === 'latest' && scope.latestRelease !== null ? scope.latestRelease : value;
}

export type SentrySort = 'date' | 'new' | 'freq' | 'user' | 'trends' | 'inbox' | 'recommended';
export const sentrySorts: readonly SentrySort[] = ['date', 'new', 'freq', 'user', 'trends', 'inbox', 'recommended'];

/** The number Sentry sorts by (descending) and puts in cursors: ms timestamps for dates, counts otherwise. */
export function sentrySortScore(issue: FakeIssue, sort: SentrySort): number {
  switch (sort) {
    case 'new':
      return Date.parse(issue.firstSeen);
    case 'freq':
      return issue.count;
    case 'user':
      return issue.userCount;
    default:
      return Date.parse(issue.lastSeen);
  }
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

/** Descending by score, ties broken by id (descending), so pages are stable. */
export function sortByScore(issues: FakeIssue[], score: (issue: FakeIssue) => number, ascending = false): FakeIssue[] {
  const direction = ascending ? -1 : 1;
  return [...issues].sort(
    (a, b) => direction * (score(b) - score(a)) || Number(b.id) - Number(a.id) || b.id.localeCompare(a.id),
  );
}
