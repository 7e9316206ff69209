// `GET /api/0/organizations/{org}/issues/`: search (default `is:unresolved`), `project=`, `environment=`, `statsPeriod`,
// sort, `limit` and cursor pagination with Sentry's Link header, X-Hits, and `filtered` counts under `release:`.
import { parseStatsPeriod } from '../../../api/statsPeriod';
import type { LocalIssue } from '../../store/localIssue';
import { AnswerNow, detail, json } from '../apiAnswer';
import { queryList, type ApiRequest } from '../apiRequest';
import { issueListItemJson, type IssueView } from '../issueJson';
import { matchesIssue, queriedEnvironments, queriedReleases } from '../issueMatching';
import { parseIssueSearch } from '../issueSearchQuery';
import { issueSortOf, sortedByScore, sortScore, type SortFacts } from '../issueSort';
import { LOCAL_USER, releasesOf } from '../localDirectory';
import { frameFilesFor, localSearchableIssue } from '../localSearchableIssue';
import { keysetPage, linkHeader, pageSize, parseCursor } from '../pagination';
import type { Route, RouteAnswer } from '../route';
import { requireOrganization } from './lookup';

const MAX_HITS = 1000;
/** A page stops growing past this many bytes of JSON (at least one issue per page), so every client can read it. */
export const MAX_PAGE_BYTES = 1024 * 1024;

export async function issueList(request: ApiRequest, projectIds: readonly string[]): Promise<RouteAnswer> {
  const search = parseIssueSearch(request.query.has('query') ? (request.query.get('query') ?? '') : 'is:unresolved');
  const latestRelease = releasesOf(request.store)[0]?.version;
  const environments = queriedEnvironments(search, queryList(request, 'environment'));
  const view: IssueView = {
    store: request.store,
    origin: request.origin,
    now: request.now,
    environments,
    releases: queriedReleases(search, { latestRelease }),
    statsPeriod: groupStatsPeriod(request),
  };
  const inProjects = request.store
    .issues()
    .filter((issue) => projectIds.length === 0 || projectIds.includes(issue.projectId));
  const groupIds = queryList(request, 'group');
  // `group=` fetches exactly these issues: no search, no pagination.
  if (groupIds.length > 0)
    return json(
      inProjects.filter((issue) => groupIds.includes(issue.id)).map((issue) => issueListItemJson(issue, view)),
    );
  const since = windowStart(request);
  const scope = { environments, latestRelease, userId: LOCAL_USER.id };
  const frameFiles = await frameFilesFor(request.store, inProjects, search);
  const matching = inProjects.filter(
    (issue) =>
      matchesIssue(localSearchableIssue(issue, request.now, frameFiles), search, scope) &&
      (since === undefined || (issue.counts.totals({ environments }).lastSeen ?? 0) >= since),
  );
  const sort = issueSortOf(request.query.get('sort'));
  if (!sort) throw new AnswerNow(detail(400, `Invalid sort: ${request.query.get('sort')}`));
  const score = (issue: LocalIssue): number => sortScore(sort, sortFactsOf(issue, environments));
  const sorted = sortedByScore(matching, score);
  const cursor = parseCursor(request.query.get('cursor'));
  let page = keysetPage(sorted, score, cursor, pageSize(request.query.get('limit'), 100));
  let items = page.items.map((issue) => issueListItemJson(issue, view));
  // A page back from a cursor ends at the cursor, so it keeps its last items.
  const fitting = itemsWithin(cursor?.isPrev === true ? [...items].reverse() : items, MAX_PAGE_BYTES);
  if (fitting < items.length) {
    // A shorter page whose cursors continue right after its last issue, so no issue is skipped.
    page = keysetPage(sorted, score, cursor, fitting);
    items = page.items.map((issue) => issueListItemJson(issue, view));
  }
  return json(items, 200, {
    Link: linkHeader(request.origin, request.path, request.query, page),
    'X-Hits': String(Math.min(sorted.length, MAX_HITS)),
    'X-Max-Hits': String(MAX_HITS),
  });
}

/** How many of the items, from the first, fit in `budget` bytes of JSON; always at least one. */
function itemsWithin(items: readonly unknown[], budget: number): number {
  let bytes = 2;
  for (const [index, item] of items.entries()) {
    bytes += Buffer.byteLength(JSON.stringify(item)) + 1;
    if (bytes > budget) return Math.max(index, 1);
  }
  return items.length;
}

function sortFactsOf(issue: LocalIssue, environments: readonly string[]): SortFacts {
  const totals = issue.counts.totals({ environments });
  return {
    firstSeen: totals.firstSeen ?? issue.firstSeen,
    lastSeen: totals.lastSeen ?? issue.lastSeen,
    count: totals.count,
    userCount: totals.userCount,
  };
}

function groupStatsPeriod(request: ApiRequest): '24h' | '14d' | null {
  const raw = request.query.get('groupStatsPeriod') ?? '24h';
  if (raw === '') return null;
  if (raw === '24h' || raw === 'auto') return '24h';
  if (raw === '14d') return '14d';
  throw new AnswerNow(detail(400, "Invalid groupStatsPeriod. Valid choices are '', '24h', '14d', and 'auto'"));
}

/** `statsPeriod=14d` (or `start`): only issues seen since then are listed. Counts stay the issue's totals. */
function windowStart(request: ApiRequest): number | undefined {
  const period = request.query.get('statsPeriod');
  if (period) {
    const length = parseStatsPeriod(period);
    if (!length.ok) throw new AnswerNow(detail(400, `Invalid statsPeriod: ${period}`));
    return request.now - length.value;
  }
  const start = request.query.get('start');
  if (start) {
    const ms = Date.parse(start);
    if (!Number.isFinite(ms)) throw new AnswerNow(detail(400, `Invalid start: ${start}`));
    return ms;
  }
  return undefined;
}

export const issueListRoute: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/',
  handle: (request) => {
    requireOrganization(request);
    // Project ids, or slugs as the spec also allows; `-1` means all projects.
    const wanted = queryList(request, 'project').filter((id) => id !== '-1');
    return issueList(
      request,
      wanted.map((id) => request.store.projects().find((project) => project.slug === id)?.id ?? id),
    );
  },
};
