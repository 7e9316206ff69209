// One issue's endpoints: detail, triage PUT (one or many), events (latest, oldest, recommended, by id, list), tags,
// and the short-id and event-id lookups; under the organization and under the deprecated top-level paths.
import type { LocalIssue } from '../../store/localIssue';
import type { LocalStore } from '../../store/localStore';
import type { StoredEvent, StoreRecord } from '../../store/storeRecords';
import { shortIdOf } from '../../store/shortId';
import { AnswerNow, detail, json, notFound } from '../apiAnswer';
import { param, queryList, type ApiRequest } from '../apiRequest';
import { eventJson, eventListItemJson } from '../eventJson';
import { issueDetailJson } from '../issueJson';
import { applyIssueUpdate, parseIssueUpdate } from '../issueUpdate';
import { parseIssueSearch } from '../issueSearchQuery';
import { releasesOf } from '../localDirectory';
import type { Route, RouteAnswer } from '../route';
import { tagJson } from '../tagJson';
import { issueList } from './issueListRoute';
import { pagedList, pagedListAsync } from './directoryRoutes';
import { requireIssue, requireOrganization, requireProject } from './lookup';

const NO_EVENT = 'No matching event found, try changing the environments, date range, or query.';

function detailOf(request: ApiRequest): RouteAnswer {
  const issue = requireIssue(request);
  return json(
    issueDetailJson(issue, {
      store: request.store,
      origin: request.origin,
      now: request.now,
      environments: queryList(request, 'environment'),
      releases: undefined,
      statsPeriod: '24h',
    }),
  );
}

/** One issue answers with the whole updated issue, as Sentry's issue PUT does; a bulk PUT with the changed fields. */
export function updateIssues(request: ApiRequest, issues: readonly LocalIssue[]): RouteAnswer {
  const change = parseIssueUpdate(request.body);
  const latestRelease = releasesOf(request.store)[0]?.version;
  const records: StoreRecord[] = [];
  let echo: Record<string, unknown> = {};
  for (const issue of issues) {
    const changed = request.store.updateIssue(
      issue.id,
      (target) => (echo = applyIssueUpdate(target, change, { now: request.now, latestRelease })),
    );
    if (changed) records.push(...changed.records);
  }
  const only = issues.length === 1 && request.params['issue'] !== undefined ? issues[0] : undefined;
  return { ...json(only ? { ...issueDetailJson(only, detailView(request)), ...echo } : echo), records };
}

/** Events passing `environment=` and the query's `release:` terms, oldest first. */
function eventsInScope(request: ApiRequest, issue: LocalIssue): StoredEvent[] {
  const environments = queryList(request, 'environment');
  const search = parseIssueSearch(request.query.get('query') ?? '');
  const releases = search.filters
    .filter((filter) => filter.key === 'release' && !filter.negated)
    .flatMap((filter) => filter.values);
  return request.store
    .eventsOf(issue.id)
    .filter(
      (event) =>
        (environments.length === 0 || (event.environment !== undefined && environments.includes(event.environment))) &&
        (releases.length === 0 || (event.release !== undefined && releases.includes(event.release))),
    );
}

async function oneEvent(request: ApiRequest): Promise<RouteAnswer> {
  const issue = requireIssue(request);
  const which = param(request, 'event');
  const events = eventsInScope(request, issue);
  const found =
    which === 'latest' || which === 'recommended'
      ? events[events.length - 1]
      : which === 'oldest'
        ? events[0]
        : request.store.eventsOf(issue.id).find((event) => event.eventId === which.replace(/-/g, '').toLowerCase());
  if (found === undefined)
    throw new AnswerNow(['latest', 'oldest', 'recommended'].includes(which) ? detail(404, NO_EVENT) : notFound());
  return json(await eventJson(request.store, issue, found));
}

function eventList(request: ApiRequest): Promise<RouteAnswer> {
  const issue = requireIssue(request);
  const full = request.query.get('full') === 'true' || request.query.get('full') === '1';
  return pagedListAsync(request, eventsInScope(request, issue).reverse(), (event) =>
    eventListItemJson(request.store, issue, event, full),
  );
}

function tags(request: ApiRequest): RouteAnswer {
  const issue = requireIssue(request);
  const keys = queryList(request, 'key');
  const limit = Number(request.query.get('limit') ?? '9');
  const wanted = (keys.length > 0 ? keys : issue.counts.tagKeys().sort()).filter(
    (key) => issue.counts.tag(key).size > 0,
  );
  return json(wanted.map((key) => tagJson(issue, key, Number.isInteger(limit) && limit > 0 ? limit : 9)));
}

function oneTag(request: ApiRequest): RouteAnswer {
  const issue = requireIssue(request);
  const key = param(request, 'key');
  if (issue.counts.tag(key).size === 0) throw new AnswerNow(notFound());
  return json(tagJson(issue, key, 9));
}

function tagValues(request: ApiRequest): RouteAnswer {
  const issue = requireIssue(request);
  const key = param(request, 'key');
  const values = [...issue.counts.tag(key).entries()].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b));
  const iso = (ms: number): string => new Date(ms).toISOString();
  return pagedList(request, values, ([value, count]) => ({
    key,
    name: value,
    value,
    count: count.count,
    firstSeen: iso(count.firstSeen),
    lastSeen: iso(count.lastSeen),
  }));
}

function lookupByShortId(request: ApiRequest): RouteAnswer {
  requireOrganization(request);
  const wanted = param(request, 'shortId').toUpperCase();
  const issue = request.store.issues().find((candidate) => shortIdOf(candidate) === wanted);
  if (issue === undefined) throw new AnswerNow(notFound());
  const project = request.store.project(issue.projectId);
  return json({
    organizationSlug: 'local',
    projectSlug: project?.slug ?? issue.projectId,
    groupId: issue.id,
    shortId: wanted,
    group: issueDetailJson(issue, detailView(request)),
  });
}

async function lookupByEventId(request: ApiRequest): Promise<RouteAnswer> {
  requireOrganization(request);
  const wanted = param(request, 'eventId').replace(/-/g, '').toLowerCase();
  for (const issue of request.store.issues()) {
    const event = request.store.eventsOf(issue.id).find((candidate) => candidate.eventId === wanted);
    if (event === undefined) continue;
    const project = request.store.project(issue.projectId);
    return json({
      organizationSlug: 'local',
      projectSlug: project?.slug ?? issue.projectId,
      groupId: issue.id,
      eventId: wanted,
      event: await eventJson(request.store, issue, event),
    });
  }
  throw new AnswerNow(notFound());
}

function detailView(request: ApiRequest): {
  store: LocalStore;
  origin: string;
  now: number;
  environments: string[];
  releases: undefined;
  statsPeriod: '24h';
} {
  return {
    store: request.store,
    origin: request.origin,
    now: request.now,
    environments: [],
    releases: undefined,
    statsPeriod: '24h',
  };
}

/** The same handlers under `/api/0/organizations/:org/issues/:issue/…` and the top-level `/api/0/issues/:issue/…`. */
function issueScoped(suffix: string, method: 'GET' | 'PUT', handle: Route['handle']): Route[] {
  return [
    { method, pattern: `/api/0/organizations/:org/issues/:issue/${suffix}`, handle },
    { method, pattern: `/api/0/issues/:issue/${suffix}`, handle },
    { method, pattern: `/api/0/groups/:issue/${suffix}`, handle },
  ];
}

const bulkUpdate: Route = {
  method: 'PUT',
  pattern: '/api/0/organizations/:org/issues/',
  handle: (request) => {
    requireOrganization(request);
    const ids = queryList(request, 'id');
    const issues = ids.map((id) => request.store.issue(id)).filter((issue): issue is LocalIssue => issue !== undefined);
    if (issues.length === 0) return { status: 204, body: undefined };
    return updateIssues(request, issues);
  },
};

const projectIssues: Route = {
  method: 'GET',
  pattern: '/api/0/projects/:org/:project/issues/',
  handle: (request) => issueList(request, [requireProject(request).id]),
};

export const issueRoutes: readonly Route[] = [
  ...issueScoped('', 'GET', detailOf),
  ...issueScoped('', 'PUT', (request) => updateIssues(request, [requireIssue(request)])),
  ...issueScoped('events/', 'GET', eventList),
  ...issueScoped('events/:event/', 'GET', oneEvent),
  ...issueScoped('tags/', 'GET', tags),
  ...issueScoped('tags/:key/', 'GET', oneTag),
  ...issueScoped('tags/:key/values/', 'GET', tagValues),
  bulkUpdate,
  projectIssues,
  { method: 'GET', pattern: '/api/0/organizations/:org/shortids/:shortId/', handle: lookupByShortId },
  { method: 'GET', pattern: '/api/0/organizations/:org/eventids/:eventId/', handle: lookupByEventId },
];
