// The directory endpoints: API index, organizations, projects, members, environments, releases, code mappings.
import { json, notFound, AnswerNow } from '../apiAnswer';
import { param, queryList, type ApiRequest } from '../apiRequest';
import {
  environmentJson,
  memberJson,
  organizationJson,
  projectDetailJson,
  projectJson,
  releaseJson,
} from '../directoryJson';
import { environmentsOf, LOCAL_USER, releasesOf } from '../localDirectory';
import { linkHeader, offsetPage, pageSize, parseCursor } from '../pagination';
import type { Route, RouteAnswer } from '../route';
import { requireOrganization, requireProject } from './lookup';

const READ_SCOPES = ['org:read', 'project:read', 'event:read', 'member:read', 'team:read'];
const SCOPES = [...READ_SCOPES, 'project:releases', 'event:write', 'event:admin'];

/** A list answered page by page with Sentry's `per_page` and `cursor`. */
export function pagedList<T>(request: ApiRequest, items: readonly T[], render: (item: T) => unknown): RouteAnswer {
  const page = pageOf(request, items);
  return json(page.items.map(render), 200, { Link: linkHeader(request.origin, request.path, request.query, page) });
}

/** pagedList for items whose rendering waits (events, whose bodies the store may read back from its log). */
export async function pagedListAsync<T>(
  request: ApiRequest,
  items: readonly T[],
  render: (item: T) => Promise<unknown>,
): Promise<RouteAnswer> {
  const page = pageOf(request, items);
  const rendered = await Promise.all(page.items.map(render));
  return json(rendered, 200, { Link: linkHeader(request.origin, request.path, request.query, page) });
}

function pageOf<T>(request: ApiRequest, items: readonly T[]): ReturnType<typeof offsetPage<T>> {
  return offsetPage(items, parseCursor(request.query.get('cursor')), pageSize(request.query.get('per_page'), 100));
}

function createdAt(request: ApiRequest): number {
  return request.store.projects().reduce((first, project) => Math.min(first, project.dateCreated), request.now);
}

const apiIndex: Route = {
  method: 'GET',
  pattern: '/api/0/',
  // Reads are open to programs on this machine (unless the server wants the token for them too); the scopes say
  // whether the request's token also allows changes, so a client can tell the server's token from another.
  handle: (request) =>
    json({
      version: '0',
      auth: { scopes: request.mayChange ? SCOPES : READ_SCOPES },
      user: { ...LOCAL_USER, isSuperuser: false },
    }),
};

const organizations: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/',
  handle: (request) => pagedList(request, [organizationJson(request.origin, createdAt(request))], (org) => org),
};

const organization: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/',
  handle: (request) => {
    requireOrganization(request);
    return json(organizationJson(request.origin, createdAt(request)));
  },
};

const projects: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/projects/',
  handle: (request) => {
    requireOrganization(request);
    const latest = releasesOf(request.store)[0];
    const sorted = request.store.projects().sort((a, b) => a.slug.localeCompare(b.slug));
    return pagedList(request, sorted, (project) => projectJson(request.store, project, latest));
  },
};

const project: Route = {
  method: 'GET',
  pattern: '/api/0/projects/:org/:project/',
  handle: (request) =>
    json(projectDetailJson(request.store, requireProject(request), releasesOf(request.store)[0], request.origin)),
};

const environments: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/environments/',
  handle: (request) => {
    requireOrganization(request);
    return json(environmentsOf(request.store).map(environmentJson));
  },
};

const projectEnvironments: Route = {
  method: 'GET',
  pattern: '/api/0/projects/:org/:project/environments/',
  handle: (request) => json(environmentsOf(request.store, requireProject(request).id).map(environmentJson)),
};

const members: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/members/',
  handle: (request) => {
    requireOrganization(request);
    return pagedList(request, [memberJson(createdAt(request))], (member) => member);
  },
};

const codeMappings: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/code-mappings/',
  handle: (request) => {
    requireOrganization(request);
    return json([]);
  },
};

/** Newest first; `project=` ids and `query` (a case-insensitive substring of the version) narrow the list. */
function releaseList(request: ApiRequest, projectId: string | undefined): RouteAnswer {
  const projectIds = projectId !== undefined ? [projectId] : queryList(request, 'project').filter((id) => id !== '-1');
  const search = (request.query.get('query') ?? '').toLowerCase();
  const releases = releasesOf(request.store).filter(
    (release) =>
      (projectIds.length === 0 || projectIds.some((id) => release.projects.has(id))) &&
      release.version.toLowerCase().includes(search),
  );
  return pagedList(request, releases, (release) => releaseJson(release, request.store));
}

const releases: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/',
  handle: (request) => {
    requireOrganization(request);
    return releaseList(request, undefined);
  },
};

const projectReleases: Route = {
  method: 'GET',
  pattern: '/api/0/projects/:org/:project/releases/',
  handle: (request) => releaseList(request, requireProject(request).id),
};

const release: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/:version/',
  handle: (request) => {
    requireOrganization(request);
    const version = param(request, 'version');
    const found = releasesOf(request.store).find((candidate) => candidate.version === version);
    if (found === undefined) throw new AnswerNow(notFound());
    return json(releaseJson(found, request.store));
  },
};

export const directoryRoutes: readonly Route[] = [
  apiIndex,
  organizations,
  organization,
  projects,
  project,
  environments,
  projectEnvironments,
  members,
  codeMappings,
  releases,
  projectReleases,
  release,
];
