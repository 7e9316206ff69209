// Releases as sentry-cli and the bundler plugins manage them: create (201, or 208 when it exists), update and
// finalize, archive, delete, deploys, commits (set-commits sends them from local git, since the local server has no
// repository integrations) and the previous release with commits. The GET routes of releases are in directoryRoutes.
import type { ReleaseState } from '../../store/releaseState';
import { RELEASE_LIMITS } from '../../store/releaseState';
import type { StoreRecord } from '../../store/storeRecords';
import { AnswerNow, detail, json, notFound } from '../apiAnswer';
import { param, type ApiRequest } from '../apiRequest';
import { releaseCommitJson, releaseDeployJson, releaseJson } from '../directoryJson';
import { releasesOf, type ReleaseSummary } from '../localDirectory';
import { applyReleaseBody, checkVersion, deployOf, newRelease, parseReleaseBody, projectIdsOf } from '../releaseChange';
import type { Route, RouteAnswer } from '../route';
import { pagedList } from './directoryRoutes';
import { requireOrganization } from './lookup';

function summaryOf(request: ApiRequest, version: string): ReleaseSummary | undefined {
  return releasesOf(request.store).find((release) => release.version === version);
}

/** The release's state to change: the created one, or a new record for a release only events named so far. */
function requireRelease(request: ApiRequest): ReleaseState {
  requireOrganization(request);
  const version = param(request, 'version');
  const summary = summaryOf(request, version);
  if (summary === undefined) throw new AnswerNow(notFound());
  return summary.created ?? { ...newRelease(version, summary.dateCreated), projects: [...summary.projects.keys()] };
}

function save(
  request: ApiRequest,
  release: ReleaseState,
  status: number,
  extra: readonly StoreRecord[] = [],
): RouteAnswer {
  const record: StoreRecord = { kind: 'release', release };
  request.store.apply(record);
  const summary = summaryOf(request, release.version);
  return {
    ...json(summary === undefined ? {} : releaseJson(summary, request.store), status),
    records: [...extra, record],
  };
}

function create(request: ApiRequest, projectNames: ReadonlyArray<string | number>): RouteAnswer {
  const body = parseReleaseBody(request.body);
  const version = checkVersion(body.version);
  const existing = request.store.releases.get(version);
  // sentry-cli archives and restores through this POST, naming no project.
  if (projectNames.length === 0 && existing === undefined)
    throw new AnswerNow(detail(400, 'projects: This field is required.'));
  const projects = projectIdsOf(request.store, projectNames, request.now);
  const base = existing ?? {
    ...newRelease(version, request.now),
    projects: [...(summaryOf(request, version)?.projects.keys() ?? [])],
  };
  // Sentry answers 208 for a release that exists, after adding the projects and refs of the request.
  return save(
    request,
    applyReleaseBody(base, body, projects.ids),
    existing === undefined ? 201 : 208,
    projects.records,
  );
}

const createInOrganization: Route = {
  method: 'POST',
  pattern: '/api/0/organizations/:org/releases/',
  handle: (request) => {
    requireOrganization(request);
    return create(request, parseReleaseBody(request.body).projects ?? []);
  },
};

const createInProject: Route = {
  method: 'POST',
  pattern: '/api/0/projects/:org/:project/releases/',
  // sentry-cli 2.x creates a single project's release here, possibly before the project has sent anything.
  handle: (request) => {
    requireOrganization(request);
    return create(request, [param(request, 'project')]);
  },
};

const update: Route = {
  method: 'PUT',
  pattern: '/api/0/organizations/:org/releases/:version/',
  handle: (request) => {
    const release = requireRelease(request);
    const body = parseReleaseBody(request.body);
    const projects = projectIdsOf(request.store, body.projects ?? [], request.now);
    return save(request, applyReleaseBody(release, body, projects.ids), 200, projects.records);
  },
};

const remove: Route = {
  method: 'DELETE',
  pattern: '/api/0/organizations/:org/releases/:version/',
  handle: (request) => {
    const release = requireRelease(request);
    // As in Sentry: a release that issues were seen in stays, since their history refers to it.
    if (summaryOf(request, release.version)?.firstEvent !== undefined)
      throw new AnswerNow(detail(400, 'This release is referenced by active issues and cannot be removed.'));
    const record: StoreRecord = { kind: 'releaseDeleted', version: release.version };
    request.store.apply(record);
    return { status: 204, body: undefined, records: [record] };
  },
};

const deploys: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/:version/deploys/',
  handle: (request) => pagedList(request, [...requireRelease(request).deploys].reverse(), releaseDeployJson),
};

const newDeploy: Route = {
  method: 'POST',
  pattern: '/api/0/organizations/:org/releases/:version/deploys/',
  handle: (request) => {
    const release = requireRelease(request);
    const deploy = deployOf(request.body, String(request.now * 1000 + release.deploys.length), request.now);
    const kept = [...release.deploys, deploy].slice(-RELEASE_LIMITS.maxDeploys);
    const saved = save(request, { ...release, deploys: kept }, 201);
    return { ...saved, body: releaseDeployJson(deploy) };
  },
};

const commits: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/:version/commits/',
  handle: (request) => pagedList(request, requireRelease(request).commits, releaseCommitJson),
};

/** The newest release before this one that has commits (`{}` when none), where set-commits starts its git log. */
const previousWithCommits: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/releases/:version/previous-with-commits/',
  handle: (request) => {
    requireOrganization(request);
    const all = releasesOf(request.store);
    const at = all.findIndex((release) => release.version === param(request, 'version'));
    const previous = all.slice(at < 0 ? 0 : at + 1).find((release) => (release.created?.commits.length ?? 0) > 0);
    return json(previous === undefined ? {} : releaseJson(previous, request.store));
  },
};

/** No repository integrations locally: sentry-cli's set-commits then reads commits from the local git checkout. */
const repositories: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/repos/',
  handle: (request) => {
    requireOrganization(request);
    return json([]);
  },
};

/** sentry-cli 2.x changes a single project's release under the project: the same release, as releases are global. */
const inProject = (route: Route): Route => ({
  ...route,
  pattern: route.pattern.replace('/api/0/organizations/:org/releases/', '/api/0/projects/:org/:project/releases/'),
});
const releaseGet: Route = {
  method: 'GET',
  pattern: '/api/0/projects/:org/:project/releases/:version/',
  handle: (request) => {
    const summary = summaryOf(request, requireRelease(request).version);
    if (summary === undefined) throw new AnswerNow(notFound());
    return json(releaseJson(summary, request.store));
  },
};

export const releaseRoutes: readonly Route[] = [
  createInOrganization,
  createInProject,
  update,
  remove,
  deploys,
  newDeploy,
  commits,
  previousWithCommits,
  repositories,
  inProject(update),
  inProject(remove),
  releaseGet,
];
