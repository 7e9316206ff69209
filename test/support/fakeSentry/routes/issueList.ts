// The issue list, `GET /api/0/organizations/{org}/issues/`: search, sort, cursor pagination, X-Hits and `filtered`.
import { AnswerNow, detail, json } from '../answer';
import { scopesFor } from '../auth';
import { queryList, RouteContext } from '../context';
import { glitchtipLimit, glitchtipLinkHeader, glitchtipPage } from '../glitchtipPagination';
import { StatsPeriod } from '../issueCounts';
import { issueListItemJson } from '../issueJson';
import { parseIssueQuery } from '../issueQuery';
import {
  glitchtipSortFields,
  glitchtipSortScore,
  matchesIssue,
  queriedEnvironments,
  queriedReleases,
  SearchScope,
  sortFactsOf,
} from '../issueSearch';
import { issueSortOf, sortedByScore, sortScore } from '../../../../src/core/local/api/issueSort';
import { glitchtipIssueJson } from '../glitchtipJson';
import { FakeIssue, FakeOrganization } from '../model';
import { keysetPage, pageSize, parseCursor, sentryLinkHeader } from '../pagination';
import { releasesNewestFirst } from '../releaseJson';
import { Route } from '../router';
import { findOrganization, organizationProjects } from './lookup';
import { linkOrigin, requestUrl } from './lists';
import { timeWindow } from './timeWindow';

const maxHits = 1000;

/** The org's issues in the requested projects; a project outside the org is a 403, as in Sentry. */
function issuesOfProjects(context: RouteContext, org: FakeOrganization): FakeIssue[] {
  const projects = organizationProjects(context, org);
  const wanted = queryList(context, 'project').filter((id) => id !== '-1');
  if (context.state.options.flavour === 'glitchtip' && wanted.some((id) => !/^\d+$/.test(id))) {
    throw new AnswerNow(
      json(
        { detail: [{ type: 'int_parsing', loc: ['query', 'project'], msg: 'Input should be a valid integer' }] },
        422,
      ),
    );
  }
  const chosen =
    wanted.length === 0
      ? projects
      : projects.filter((project) => wanted.includes(project.id) || wanted.includes(project.slug));
  if (chosen.length < new Set(wanted).size)
    throw new AnswerNow(detail(403, 'You do not have permission to perform this action.'));
  const ids = new Set(chosen.map((project) => project.id));
  return context.state.data.issues.filter((issue) => ids.has(issue.projectId));
}

function searchScope(context: RouteContext, org: FakeOrganization, environments: string[]): SearchScope {
  const window = timeWindow(context);
  return {
    dialect: context.state.options.flavour,
    environments,
    latestRelease: releasesNewestFirst(context.state.data, org.slug)[0]?.version,
    // Every configured token belongs to the first member.
    userId: context.state.data.members[0]?.userId ?? '',
    ...(window ? { window } : {}),
  };
}

function groupStatsPeriod(context: RouteContext): StatsPeriod | null {
  const raw = context.query.get('groupStatsPeriod') ?? '24h';
  if (raw === '') return null;
  if (raw === '24h' || raw === 'auto') return '24h';
  if (raw === '14d') return '14d';
  throw new AnswerNow(detail(400, "Invalid groupStatsPeriod. Valid choices are '', '24h', '14d', and 'auto'"));
}

function sentryIssueList(context: RouteContext): ReturnType<Route['handle']> {
  const org = findOrganization(context);
  const candidates = issuesOfProjects(context, org);
  const statsPeriod = groupStatsPeriod(context);
  const groupIds = queryList(context, 'group');
  const query = parseIssueQuery(context.query.has('query') ? (context.query.get('query') ?? '') : 'is:unresolved');
  const environments = queriedEnvironments(query, queryList(context, 'environment'));
  const scope = searchScope(context, org, environments);
  const view = {
    data: context.state.data,
    serverUrl: context.state.url,
    org: org.slug,
    environments,
    releases: queriedReleases(query, scope) ?? null,
    statsPeriod,
  };
  if (groupIds.length > 0) {
    // `group=` fetches exactly these issues: no search, no pagination.
    return json(
      candidates.filter((issue) => groupIds.includes(issue.id)).map((issue) => issueListItemJson(issue, view)),
    );
  }
  const sort = issueSortOf(context.query.get('sort'));
  if (!sort) throw new AnswerNow(detail(400, `Invalid sort: ${context.query.get('sort')}`));
  const limit = pageSize(context.query.get('limit'), 100);
  const score = (issue: FakeIssue): number => sortScore(sort, sortFactsOf(issue));
  const matching = sortedByScore(
    candidates.filter((issue) => matchesIssue(issue, query, scope)),
    score,
  );
  const page = keysetPage(matching, score, parseCursor(context.query.get('cursor')), limit);
  // Like Sentry's post-query filter: the row keeps its place in the cursor arithmetic but leaves the page.
  const shown = page.items.filter((issue) => !issue.droppedFromListPages);
  return json(
    shown.map((issue) => issueListItemJson(issue, view)),
    200,
    {
      Link: sentryLinkHeader(linkOrigin(context), context.path, context.query, page),
      'X-Hits': String(Math.min(matching.length, maxHits)),
      'X-Max-Hits': String(maxHits),
    },
  );
}

function glitchtipSort(context: RouteContext): { field: (typeof glitchtipSortFields)[number]; ascending: boolean } {
  const raw = context.query.get('sort') ?? '-last_seen';
  const field = glitchtipSortFields.find((name) => raw === name || raw === `-${name}`);
  if (!field) {
    const allowed = glitchtipSortFields.flatMap((name) => [`'${name}'`, `'-${name}'`]).join(', ');
    throw new AnswerNow(
      json({ detail: [{ type: 'literal_error', loc: ['query', 'sort'], msg: `Input should be ${allowed}` }] }, 422),
    );
  }
  return { field, ascending: !raw.startsWith('-') };
}

function glitchtipIssueList(context: RouteContext): ReturnType<Route['handle']> {
  const org = findOrganization(context);
  const candidates = issuesOfProjects(context, org);
  // GlitchTip has no default query: without `query` every status is listed (sentry-api-notes §7).
  const query = parseIssueQuery(context.query.get('query') ?? '');
  const scope = searchScope(context, org, queryList(context, 'environment'));
  const { field, ascending } = glitchtipSort(context);
  const matching = sortedByScore(
    candidates.filter((issue) => matchesIssue(issue, query, scope)),
    (issue) => glitchtipSortScore(issue, field),
    ascending,
  );
  const page = glitchtipPage(matching, context.query.get('cursor'), glitchtipLimit(context.query.get('limit')));
  return json(
    page.items.map((issue) => glitchtipIssueJson(context.state.data, context.state.url, issue, false)),
    200,
    {
      Link: glitchtipLinkHeader(requestUrl(context).replace(context.state.url, linkOrigin(context)), page),
      'X-Hits': String(Math.min(page.total, maxHits)),
      'X-Max-Hits': String(maxHits),
    },
  );
}

export const sentryIssueListRoute: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/',
  scopes: scopesFor.eventRead,
  regionScoped: true,
  handle: sentryIssueList,
};

export const glitchtipIssueListRoute: Route = {
  ...sentryIssueListRoute,
  regionScoped: false,
  handle: glitchtipIssueList,
};
