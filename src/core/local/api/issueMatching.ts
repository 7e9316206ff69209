// Which local issues an issue search matches, and the count scope (releases, environments) its filters imply.
import type { LocalIssue } from '../store/localIssue';
import { AnswerNow, detail } from './apiAnswer';
import { globMatches } from './globMatch';
import type { IssueSearch, SearchFilter } from './issueSearchQuery';

export interface MatchScope {
  /** From the `environment` parameter and `environment:` terms; empty means all. */
  readonly environments: readonly string[];
  /** The newest release, for `release:latest`. */
  readonly latestRelease: string | undefined;
  /** The id of the one local user, for `assigned:me`. */
  readonly userId: string;
  /** The time of the request: whether an issue is still new depends on it. */
  readonly now: number;
}

const IS_VALUES = [
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

/** The releases of the query's `release:` terms (`latest` resolved), or undefined when it has none. */
export function queriedReleases(search: IssueSearch, scope: Pick<MatchScope, 'latestRelease'>): string[] | undefined {
  const terms = search.filters.filter((filter) => filter.key === 'release' && !filter.negated);
  if (terms.length === 0) return undefined;
  return terms.flatMap((term) =>
    term.values.map((value) => (value === 'latest' ? (scope.latestRelease ?? value) : value)),
  );
}

export function queriedEnvironments(search: IssueSearch, fromParameter: readonly string[]): string[] {
  const fromQuery = search.filters
    .filter((filter) => filter.key === 'environment' && !filter.negated)
    .flatMap((filter) => filter.values);
  return [...new Set([...fromParameter, ...fromQuery])];
}

export function matchesIssue(issue: LocalIssue, search: IssueSearch, scope: MatchScope): boolean {
  if (scope.environments.length > 0 && !issue.counts.has({ environments: scope.environments })) return false;
  const haystack = `${issue.facts.title} ${issue.facts.culprit}`.toLowerCase();
  if (!search.text.every((word) => haystack.includes(word.toLowerCase()))) return false;
  return search.filters.every((filter) => filter.negated !== matchesFilter(issue, filter, scope));
}

function matchesFilter(issue: LocalIssue, filter: SearchFilter, scope: MatchScope): boolean {
  const { values } = filter;
  switch (filter.key) {
    case 'is':
      return values.some((value) => matchesIs(issue, value, scope.now));
    case 'release':
      return values.some((value) =>
        issue.counts.has({
          releases: [value === 'latest' ? (scope.latestRelease ?? value) : value],
          environments: scope.environments,
        }),
      );
    case 'firstRelease':
    case 'first-release':
    case 'firstRelease.version':
      return values.some((value) => issue.firstRelease === (value === 'latest' ? scope.latestRelease : value));
    case 'environment':
      return issue.counts.has({ environments: values });
    case 'level':
      return values.includes(issue.facts.level);
    case 'assigned':
    case 'assigned_or_suggested':
      return values.some((value) => matchesAssignee(issue, value, scope.userId));
    case 'bookmarks':
      return issue.isBookmarked;
    case 'has':
      return values.some((key) => issue.counts.tag(key).size > 0);
    case 'error.type':
      return values.some((value) => globMatches(value, String(issue.facts.metadata['type'] ?? '')));
    case 'error.unhandled':
      return values.includes(String(issue.facts.isUnhandled));
    case 'error.handled':
      return values.includes(String(!issue.facts.isUnhandled));
    case 'issue.id':
    case 'id':
      return values.includes(issue.id);
    default:
      return values.some((value) =>
        [...issue.counts.tag(filter.key).keys()].some((tagValue) => globMatches(value, tagValue)),
      );
  }
}

function matchesIs(issue: LocalIssue, value: string, now: number): boolean {
  if (!IS_VALUES.includes(value))
    throw new AnswerNow(detail(400, `Invalid value for "is" search, valid values are {${IS_VALUES.join(', ')}}`));
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
      return issue.substatusAt(now) === value;
    default:
      return issue.status === value;
  }
}

function matchesAssignee(issue: LocalIssue, value: string, userId: string): boolean {
  if (value === 'none') return issue.assignedTo === null;
  if (issue.assignedTo === null) return false;
  if (value === 'me') return issue.assignedTo.type === 'user' && issue.assignedTo.id === userId;
  const team = /^#(.+)$/.exec(value)?.[1];
  if (team !== undefined) return issue.assignedTo.type === 'team' && issue.assignedTo.name === team;
  return [issue.assignedTo.name, issue.assignedTo.email, issue.assignedTo.id].includes(value);
}
