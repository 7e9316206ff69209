// Local issues in the Web API's shapes: list items with `count`, `userCount`, `lifetime` and `filtered`
// (sentry-api-notes §4.1), and details with releases, tags and 24h/30d stats (§3.2).
import type { LocalIssue } from '../store/localIssue';
import type { CountScope } from '../store/issueCounts';
import type { LocalStore } from '../store/localStore';
import { shortIdOf } from '../store/shortId';
import { projectRefJson } from './directoryJson';
import { LOCAL_USER } from './localDirectory';
import { releaseJson } from './releaseView';

export interface IssueView {
  readonly store: LocalStore;
  readonly origin: string;
  readonly now: number;
  readonly environments: readonly string[];
  /** The query's `release:` versions; undefined leaves `filtered` null, as Sentry does without event-level filters. */
  readonly releases: readonly string[] | undefined;
  /** `groupStatsPeriod`: `24h` or `14d`, or null for none. */
  readonly statsPeriod: '24h' | '14d' | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

export function issueListItemJson(issue: LocalIssue, view: IssueView): Record<string, unknown> {
  const inEnvironments: CountScope = { environments: view.environments };
  const totals = issue.counts.totals(inEnvironments);
  const json: Record<string, unknown> = {
    ...commonFields(issue, view),
    count: String(totals.count),
    userCount: totals.userCount,
    firstSeen: iso(totals.firstSeen ?? issue.firstSeen),
    lastSeen: iso(totals.lastSeen ?? issue.lastSeen),
    lifetime: {
      count: String(issue.count),
      userCount: issue.counts.totals().userCount,
      firstSeen: iso(issue.firstSeen),
      lastSeen: iso(issue.lastSeen),
      stats: null,
    },
    filtered:
      view.releases === undefined
        ? null
        : filteredJson(issue, { releases: view.releases, environments: view.environments }),
    // The published schema requires these objects on list items (Sentry fills them with expand=inbox,owners).
    inbox: { reason: 0, reason_details: null, date_added: iso(issue.firstSeen) },
    owners: { type: 'user', owner: `user:${LOCAL_USER.id}`, date_added: iso(issue.firstSeen) },
    matchingEventId: null,
    matchingEventEnvironment: null,
    integrationIssues: [],
    sentryAppIssues: [],
    latestEventHasAttachments: false,
    sessionCount: 0,
    derivedData: derivedDataJson(issue),
  };
  if (view.statsPeriod !== null) json['stats'] = { [view.statsPeriod]: series(issue, view.statsPeriod, view.now) };
  return json;
}

/**
 * The list's `derivedData`, which the published schema requires: the state of Seer's automated fix on sentry.io. No
 * fix ever runs here, so it says nothing has started; only `isAssigned` is a fact of the issue.
 */
function derivedDataJson(issue: LocalIssue): Record<string, unknown> {
  return {
    status: '',
    progress: '',
    blocker: '',
    lastCompletedAutofixStep: '',
    lastProgressedAt: null,
    hasRootCause: false,
    hasOpenFixPr: false,
    isAssigned: issue.assignedTo !== null,
    viewCount: 0,
  };
}

export function issueDetailJson(issue: LocalIssue, view: IssueView): Record<string, unknown> {
  const totals = issue.counts.totals({ environments: view.environments });
  return {
    ...commonFields(issue, view),
    count: String(totals.count),
    userCount: totals.userCount,
    firstSeen: iso(totals.firstSeen ?? issue.firstSeen),
    lastSeen: iso(totals.lastSeen ?? issue.lastSeen),
    firstRelease: releaseRef(issue.firstRelease, view.store),
    lastRelease: releaseRef(issue.lastRelease, view.store),
    tags: issue.counts
      .tagKeys()
      .sort()
      .map((key) => ({
        key,
        name: tagName(key),
        totalValues: [...issue.counts.tag(key).values()].reduce((sum, value) => sum + value.count, 0),
      })),
    stats: { '24h': series(issue, '24h', view.now), '30d': issue.counts.series(view.now, 30, DAY) },
    activity: [{ id: '0', type: 'first_seen', data: {}, dateCreated: iso(issue.firstSeen), user: null }],
    seenBy: [],
    participants: [],
    pluginActions: [],
    pluginIssues: [],
    pluginContexts: [],
    userReportCount: 0,
    openPeriods: [],
  };
}

function commonFields(issue: LocalIssue, view: IssueView): Record<string, unknown> {
  return {
    id: issue.id,
    shareId: null,
    shortId: shortIdOf(issue),
    title: issue.facts.title,
    culprit: issue.facts.culprit,
    permalink: `${view.origin}/organizations/local/issues/${issue.id}/`,
    logger: null,
    level: issue.facts.level,
    status: issue.status,
    statusDetails: issue.statusDetails,
    substatus: issue.substatusAt(view.now),
    isPublic: false,
    platform: issue.facts.platform,
    project: projectRefJson(view.store.project(issue.projectId), issue.projectId),
    type: issue.facts.type,
    issueType: 'error',
    issueCategory: 'error',
    priority: issue.facts.level === 'fatal' || issue.facts.isUnhandled ? 'high' : 'medium',
    metadata: issue.facts.metadata,
    numComments: 0,
    assignedTo: issue.assignedTo,
    isBookmarked: issue.isBookmarked,
    isSubscribed: false,
    subscriptionDetails: null,
    hasSeen: issue.hasSeen,
    annotations: [],
    isUnhandled: issue.facts.isUnhandled,
    priorityLockedAt: null,
    seerFixabilityScore: null,
    seerAutofixLastTriggered: null,
    seerExplorerAutofixLastTriggered: null,
  };
}

function filteredJson(issue: LocalIssue, scope: CountScope): Record<string, unknown> {
  const totals = issue.counts.totals(scope);
  // Sparklines are kept per issue, not per release: the filtered set has no series of its own.
  return {
    count: String(totals.count),
    userCount: totals.userCount,
    firstSeen: iso(totals.firstSeen),
    lastSeen: iso(totals.lastSeen),
    stats: {},
  };
}

function series(issue: LocalIssue, period: '24h' | '14d', now: number): Array<[number, number]> {
  return period === '24h' ? issue.counts.series(now, 24, HOUR) : issue.counts.series(now, 14, DAY);
}

function releaseRef(version: string | null, store: LocalStore): Record<string, unknown> | null {
  if (version === null) return null;
  return releaseJson(version, store) ?? { version, shortVersion: version };
}

/** `browser.name` → `Browser Name`, as Sentry names tag keys. */
export function tagName(key: string): string {
  return key
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}
