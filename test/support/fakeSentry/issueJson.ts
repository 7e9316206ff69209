// Issues as Sentry serializes them, laid over the real examples: list items (with `filtered`) and details.
import { templates } from './examples';
import { CountScope, filteredJson, rowsInScope, scopedTotals, StatsPeriod, statsJson } from './issueCounts';
import { issueTags, tagTotal } from './issueTags';
import { JsonObject, JsonValue } from './json';
import { FakeAssignee, FakeIssue, FakeSentryData } from './model';
import { releaseSummaryJson } from './releaseJson';

export interface IssueView {
  data: FakeSentryData;
  serverUrl: string;
  org: string;
  /** Environment filter: scopes `count`, `userCount`, `firstSeen`, `lastSeen` and stats. */
  environments: string[];
  /** Releases of the query's `release:` terms; `null` means no such term, so `filtered` is null. */
  releases: string[] | null;
  /** `groupStatsPeriod`; `null` leaves `stats` out (Sentry does that for `groupStatsPeriod=`). */
  statsPeriod: StatsPeriod | null;
}

export function issueListItemJson(issue: FakeIssue, view: IssueView): JsonObject {
  const json = templates.issueListItem();
  const totals = scopedTotals(issue, view.environments);
  const scope: CountScope = { environments: view.environments, releases: null };
  Object.assign(json, commonFields(issue, view), {
    count: String(totals.count),
    userCount: totals.userCount,
    firstSeen: totals.firstSeen,
    lastSeen: totals.lastSeen,
    lifetime: {
      count: String(issue.count),
      userCount: issue.userCount,
      firstSeen: issue.firstSeen,
      lastSeen: issue.lastSeen,
    },
    filtered:
      view.releases === null
        ? null
        : filteredJson(issue, { ...scope, releases: view.releases }, view.data.now, view.statsPeriod ?? '24h'),
    inbox: { reason: 0, reason_details: null, date_added: issue.firstSeen },
    // The schema requires `owners` as an object (the example's shape), though Sentry fills it only with expand=owners.
    owners: { type: issue.assignedTo?.type ?? 'user', owner: issue.assignedTo?.id ?? '1', date_added: issue.firstSeen },
  });
  if (view.statsPeriod === null) delete json['stats'];
  else json['stats'] = statsJson(rowsInScope(issue, scope), view.data.now, [view.statsPeriod]);
  return Object.assign(json, issue.extraFields);
}

export function issueDetailJson(issue: FakeIssue, view: IssueView): JsonObject {
  const json = templates.issueDetail();
  const totals = scopedTotals(issue, view.environments);
  const rows = rowsInScope(issue, { environments: view.environments, releases: null });
  Object.assign(json, commonFields(issue, view), {
    count: String(totals.count),
    userCount: totals.userCount,
    firstSeen: totals.firstSeen,
    lastSeen: totals.lastSeen,
    firstRelease: releaseSummaryJson(view.data, view.org, issue.firstRelease),
    lastRelease: releaseSummaryJson(view.data, view.org, issue.lastRelease),
    tags: issueTags(issue).map((tag) => ({ key: tag.key, name: tag.name, totalValues: tagTotal(tag) })),
    stats: statsJson(rows, view.data.now, ['24h', '30d']),
    activity: [{ data: {}, dateCreated: issue.firstSeen, id: '0', type: 'first_seen', user: null }],
    seenBy: [],
    participants: [],
    userReportCount: 0,
  });
  return Object.assign(json, issue.extraFields);
}

function commonFields(issue: FakeIssue, view: IssueView): JsonObject {
  return {
    id: issue.id,
    shareId: null,
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    permalink: issue.permalink ?? `${view.serverUrl}/organizations/${view.org}/issues/${issue.id}/`,
    level: issue.level,
    status: issue.status,
    statusDetails: issue.statusDetails,
    substatus: issue.substatus,
    platform: issue.platform,
    priority: issue.priority,
    project: projectRefJson(view.data, issue.projectId),
    type: 'error',
    issueType: 'error',
    issueCategory: 'error',
    metadata: issue.metadata,
    assignedTo: assigneeJson(issue.assignedTo),
    isBookmarked: issue.isBookmarked,
    hasSeen: issue.hasSeen,
    isUnhandled: issue.isUnhandled,
    isSubscribed: false,
    subscriptionDetails: null,
    numComments: 0,
  };
}

export function projectRefJson(data: FakeSentryData, projectId: string): JsonObject {
  const owner = data.projects.find((candidate) => candidate.id === projectId);
  return {
    id: projectId,
    name: owner?.name ?? projectId,
    slug: owner?.slug ?? projectId,
    platform: owner?.platform ?? null,
  };
}

export function assigneeJson(assignee: FakeAssignee | null): JsonValue {
  if (assignee === null) return null;
  const json: JsonObject = { type: assignee.type, id: assignee.id, name: assignee.name };
  if (assignee.email !== undefined) json['email'] = assignee.email;
  return json;
}
