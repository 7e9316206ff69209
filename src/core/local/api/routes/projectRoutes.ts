// Project-scoped endpoints real clients call: the project's events (list, newest first, and one by id, as
// `sentry-cli events list` and the MCP server read them) and the bulk issue update `sentry-cli issues resolve/mute` sends.
import type { LocalIssue } from '../../store/localIssue';
import type { StoredEvent } from '../../store/storeRecords';
import { AnswerNow, detail, json, notFound } from '../apiAnswer';
import { param, queryList, type ApiRequest } from '../apiRequest';
import { eventJson, eventListItemJson } from '../eventJson';
import { matchesIssue } from '../issueMatching';
import { frameFilesFor, localSearchableIssue } from '../localSearchableIssue';
import { parseIssueSearch } from '../issueSearchQuery';
import { LOCAL_USER, releasesOf } from '../localDirectory';
import type { Route, RouteAnswer } from '../route';
import { pagedListAsync } from './directoryRoutes';
import { updateIssues } from './issueRoutes';
import { requireProject } from './lookup';

/** Sentry mutates at most this many issues per bulk request. */
const BULK_LIMIT = 1000;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

function projectEvents(request: ApiRequest, projectId: string): Array<{ issue: LocalIssue; event: StoredEvent }> {
  const since = periodStart(request);
  const end = request.query.get('end') ? Date.parse(request.query.get('end') ?? '') : undefined;
  return request.store
    .issues()
    .filter((issue) => issue.projectId === projectId)
    .flatMap((issue) => request.store.eventsOf(issue.id).map((event) => ({ issue, event })))
    .filter(
      ({ event }) =>
        (since === undefined || event.timestamp >= since) &&
        (end === undefined || !Number.isFinite(end) || event.timestamp <= end),
    )
    .sort((a, b) => b.event.timestamp - a.event.timestamp || (a.event.eventId < b.event.eventId ? 1 : -1));
}

function periodStart(request: ApiRequest): number | undefined {
  const period = request.query.get('statsPeriod');
  if (period) {
    const match = /^(\d+)([smhdw])$/.exec(period);
    if (!match) throw new AnswerNow(detail(400, `Invalid statsPeriod: ${period}`));
    return request.now - Number(match[1]) * (UNIT_MS[match[2] ?? 'd'] ?? 0);
  }
  const start = request.query.get('start');
  return start ? Date.parse(start) : undefined;
}

function eventList(request: ApiRequest): Promise<RouteAnswer> {
  const project = requireProject(request);
  const full = request.query.get('full') === 'true' || request.query.get('full') === '1';
  return pagedListAsync(request, projectEvents(request, project.id), ({ issue, event }) =>
    eventListItemJson(request.store, issue, event, full),
  );
}

async function oneEvent(request: ApiRequest): Promise<RouteAnswer> {
  const project = requireProject(request);
  const wanted = param(request, 'event').replace(/-/g, '').toLowerCase();
  for (const issue of request.store.issues()) {
    if (issue.projectId !== project.id) continue;
    const event = request.store.eventsOf(issue.id).find((candidate) => candidate.eventId === wanted);
    if (event !== undefined) return json(await eventJson(request.store, issue, event));
  }
  throw new AnswerNow(notFound());
}

/**
 * `PUT …/issues/?id=1&id=2` changes those issues; `?status=unresolved` those with the status; `?query=…` those
 * matching the search; with none of them, every issue of the project (sentry-cli's `--all`).
 */
async function bulkUpdate(request: ApiRequest): Promise<RouteAnswer> {
  const project = requireProject(request);
  const inProject = request.store.issues().filter((issue) => issue.projectId === project.id);
  const ids = queryList(request, 'id');
  const status = request.query.get('status');
  const query = request.query.get('query');
  let chosen: LocalIssue[];
  if (ids.length > 0) chosen = inProject.filter((issue) => ids.includes(issue.id));
  else if (status) chosen = inProject.filter((issue) => issue.status === status);
  else if (query !== null) {
    const search = parseIssueSearch(query);
    const scope = { environments: [], latestRelease: releasesOf(request.store)[0]?.version, userId: LOCAL_USER.id };
    const frameFiles = await frameFilesFor(request.store, inProject, search);
    chosen = inProject.filter((issue) =>
      matchesIssue(localSearchableIssue(issue, request.now, frameFiles), search, scope),
    );
  } else chosen = inProject;
  if (chosen.length === 0) return { status: 204, body: undefined };
  return updateIssues(request, chosen.slice(0, BULK_LIMIT));
}

export const projectRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/api/0/projects/:org/:project/events/', handle: eventList },
  { method: 'GET', pattern: '/api/0/projects/:org/:project/events/:event/', handle: oneEvent },
  { method: 'PUT', pattern: '/api/0/projects/:org/:project/issues/', handle: bulkUpdate },
];
