// Which issues an issue search matches, in Sentry's dialect or GlitchTip's, and the count scope (releases,
// environments) its filters imply. Both the local server and the test fake Sentry match with this over their own
// models, each shown as a SearchableIssue, so the two cannot drift apart.
import { AnswerNow, detail } from './apiAnswer';
import { globMatches } from './globMatch';
import type { IssueSearch, SearchFilter } from './issueSearchQuery';
import type { TimeWindow } from './timeWindow';

/** What issue search reads of an issue. */
export interface SearchableIssue {
  readonly id: string;
  readonly title: string;
  readonly culprit: string;
  readonly level: string;
  readonly status: string;
  /** At the time of the request: whether an issue is still new depends on it. */
  readonly substatus: string | null;
  readonly hasSeen: boolean;
  readonly isBookmarked: boolean;
  readonly assignedTo: {
    readonly type: 'user' | 'team';
    readonly id: string;
    readonly name: string;
    readonly email?: string;
  } | null;
  readonly firstRelease: string | null;
  /** The thrown exception's type (`metadata.type`). */
  readonly errorType: string;
  readonly isUnhandled: boolean;
  /** Milliseconds since the epoch. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Whether the issue has events in these releases (undefined: any) and environments (empty: any). */
  hasEvents(scope: { readonly releases?: readonly string[]; readonly environments: readonly string[] }): boolean;
  /** The values the tag has over the issue's events; empty when none has it. */
  tagValues(key: string): Iterable<string>;
  /** Whether a frame of the issue's kept events has a file name any of these `*` patterns match (`stack.filename:`). */
  hasFrameFile(patterns: readonly string[]): boolean;
}

export interface MatchScope {
  /** From the `environment` parameter and `environment:` terms; empty means all. */
  readonly environments: readonly string[];
  /** The newest release, for `release:latest`. */
  readonly latestRelease: string | undefined;
  /** The id of the asking user, for `assigned:me`. */
  readonly userId: string;
  /** GlitchTip's: `is:` knows three statuses, and every key but is, has and level is an exact tag match. */
  readonly dialect?: 'sentry' | 'glitchtip';
  /** Only issues last seen at or after its start and first seen at or before its end. */
  readonly window?: TimeWindow;
}

const SENTRY_IS_VALUES = [
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
const GLITCHTIP_IS_VALUES = ['unresolved', 'resolved', 'ignored'];

function resolveLatest(value: string, scope: Pick<MatchScope, 'latestRelease'>): string {
  return value === 'latest' ? (scope.latestRelease ?? value) : value;
}

/** The releases of the query's `release:` terms (`latest` resolved), or undefined when it has none. */
export function queriedReleases(search: IssueSearch, scope: Pick<MatchScope, 'latestRelease'>): string[] | undefined {
  const terms = search.filters.filter((filter) => filter.key === 'release' && !filter.negated);
  if (terms.length === 0) return undefined;
  return terms.flatMap((term) => term.values.map((value) => resolveLatest(value, scope)));
}

export function queriedEnvironments(search: IssueSearch, fromParameter: readonly string[]): string[] {
  const fromQuery = search.filters
    .filter((filter) => filter.key === 'environment' && !filter.negated)
    .flatMap((filter) => filter.values);
  return [...new Set([...fromParameter, ...fromQuery])];
}

export function matchesIssue(issue: SearchableIssue, search: IssueSearch, scope: MatchScope): boolean {
  if (scope.environments.length > 0 && !issue.hasEvents({ environments: scope.environments })) return false;
  if (scope.window && (issue.lastSeen < scope.window.start || issue.firstSeen > scope.window.end)) return false;
  const haystack = `${issue.title} ${issue.culprit}`.toLowerCase();
  if (!search.text.every((word) => haystack.includes(word.toLowerCase()))) return false;
  return search.filters.every((filter) => filter.negated !== matchesFilter(issue, filter, scope));
}

function matchesFilter(issue: SearchableIssue, filter: SearchFilter, scope: MatchScope): boolean {
  const { values } = filter;
  switch (filter.key) {
    case 'is':
      return values.some((value) => matchesIs(issue, value, scope.dialect ?? 'sentry'));
    case 'has':
      return values.some((key) => !isEmpty(issue.tagValues(key)));
    case 'level':
      return values.includes(issue.level);
  }
  if (scope.dialect === 'glitchtip') return matchesTag(issue, filter);
  switch (filter.key) {
    case 'release':
      return values.some((value) =>
        issue.hasEvents({ releases: [resolveLatest(value, scope)], environments: scope.environments }),
      );
    case 'firstRelease':
    case 'first-release':
    case 'firstRelease.version':
      return values.some((value) => issue.firstRelease === resolveLatest(value, scope));
    case 'environment':
      return issue.hasEvents({ environments: values });
    case 'assigned':
    case 'assigned_or_suggested':
      return values.some((value) => matchesAssignee(issue, value, scope.userId));
    case 'bookmarks':
      return issue.isBookmarked;
    case 'error.type':
      return values.some((value) => globMatches(value, issue.errorType));
    case 'error.unhandled':
      return values.includes(String(issue.isUnhandled));
    case 'error.handled':
      return values.includes(String(!issue.isUnhandled));
    case 'issue.id':
    case 'id':
      return values.includes(issue.id);
    case 'stack.filename':
      return issue.hasFrameFile(values);
    default:
      return matchesTag(issue, filter);
  }
}

function matchesIs(issue: SearchableIssue, value: string, dialect: 'sentry' | 'glitchtip'): boolean {
  const valid = dialect === 'glitchtip' ? GLITCHTIP_IS_VALUES : SENTRY_IS_VALUES;
  if (!valid.includes(value))
    throw new AnswerNow(detail(400, `Invalid value for "is" search, valid values are {${valid.join(', ')}}`));
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

function matchesAssignee(issue: SearchableIssue, value: string, userId: string): boolean {
  if (value === 'none') return issue.assignedTo === null;
  if (issue.assignedTo === null) return false;
  if (value === 'me') return issue.assignedTo.type === 'user' && issue.assignedTo.id === userId;
  const team = /^#(.+)$/.exec(value)?.[1];
  if (team !== undefined) return issue.assignedTo.type === 'team' && issue.assignedTo.name === team;
  return [issue.assignedTo.name, issue.assignedTo.email, issue.assignedTo.id].includes(value);
}

// Sentry treats an unknown key as a tag; GlitchTip treats every key but is, has and level so.
function matchesTag(issue: SearchableIssue, filter: SearchFilter): boolean {
  return some(issue.tagValues(filter.key), (tagValue) => filter.values.some((value) => globMatches(value, tagValue)));
}

function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (test(item)) return true;
  return false;
}

function isEmpty(items: Iterable<unknown>): boolean {
  return !some(items, () => true);
}
