// What differs between Sentry and GlitchTip: where an issue's endpoints live, what the issue list understands,
// and which triage actions exist. Views hide what a backend cannot do instead of failing at click time.

export type BackendKind = 'sentry' | 'glitchtip';

export type IssueSort = 'date' | 'new' | 'freq' | 'user';

export interface BackendCapabilities {
  /** The issue list adds per-release counts (`filtered`) under a `release:` query. */
  readonly releaseScopedCounts: boolean;
  readonly userCounts: boolean;
  readonly firstReleaseQuery: boolean;
  readonly releaseSearch: boolean;
  readonly recommendedEvent: boolean;
  readonly codeMappings: boolean;
  /** The organization events endpoint (Discover): many issues' latest events in one request. */
  readonly discover: boolean;
  readonly resolveInNextRelease: boolean;
  readonly resolveInRelease: boolean;
  /** Archive with a substatus (until escalating, forever) or a condition. GlitchTip only has plain "ignored". */
  readonly archiveUntil: boolean;
  readonly assign: boolean;
  readonly bookmark: boolean;
}

export interface Backend {
  readonly kind: BackendKind;
  readonly capabilities: BackendCapabilities;
  issuePath(org: string, issueId: string): string;
  issueEventPath(org: string, issueId: string, which: 'latest' | 'recommended'): string;
  issueTagsPath(org: string, issueId: string): string;
  /** The `sort` parameter value for the issue list. */
  issueSort(sort: IssueSort): string;
}

const enc = encodeURIComponent;

export const sentryBackend: Backend = {
  kind: 'sentry',
  capabilities: {
    releaseScopedCounts: true,
    userCounts: true,
    firstReleaseQuery: true,
    releaseSearch: true,
    recommendedEvent: true,
    codeMappings: true,
    discover: true,
    resolveInNextRelease: true,
    resolveInRelease: true,
    archiveUntil: true,
    assign: true,
    bookmark: true,
  },
  // The organization-scoped forms: the top-level /api/0/issues/… paths are deprecated on sentry.io (410 brownouts).
  issuePath: (org, issueId) => `/api/0/organizations/${enc(org)}/issues/${enc(issueId)}/`,
  issueEventPath: (org, issueId, which) => `/api/0/organizations/${enc(org)}/issues/${enc(issueId)}/events/${which}/`,
  issueTagsPath: (org, issueId) => `/api/0/organizations/${enc(org)}/issues/${enc(issueId)}/tags/`,
  issueSort: (sort) => sort,
};

const glitchtipSorts: Record<IssueSort, string> = {
  date: '-last_seen',
  new: '-first_seen',
  freq: '-count',
  user: '-count',
};

export const glitchtipBackend: Backend = {
  kind: 'glitchtip',
  capabilities: {
    releaseScopedCounts: false,
    userCounts: false,
    firstReleaseQuery: false,
    releaseSearch: false,
    recommendedEvent: false,
    codeMappings: false,
    discover: false,
    resolveInNextRelease: false,
    resolveInRelease: false,
    archiveUntil: false,
    assign: false,
    bookmark: false,
  },
  // GlitchTip serves an issue, its events and its tags only under the top-level paths.
  issuePath: (_org, issueId) => `/api/0/issues/${enc(issueId)}/`,
  issueEventPath: (_org, issueId) => `/api/0/issues/${enc(issueId)}/events/latest/`,
  issueTagsPath: (_org, issueId) => `/api/0/issues/${enc(issueId)}/tags/`,
  issueSort: (sort) => glitchtipSorts[sort],
};

export function backendOf(kind: BackendKind): Backend {
  return kind === 'glitchtip' ? glitchtipBackend : sentryBackend;
}
