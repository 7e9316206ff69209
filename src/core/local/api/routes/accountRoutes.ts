// Who the client is and how to reach the server: `/auth/` (the signed-in user), the organization's one team, and the
// project keys whose DSN a client discovers the local ingest address from.
import { json } from '../apiAnswer';
import type { ApiRequest } from '../apiRequest';
import { LOCAL_ORG, LOCAL_TEAM, releasesOf } from '../localDirectory';
import type { Route, RouteAnswer } from '../route';
import type { ProjectRecord } from '../../store/storeRecords';
import { localUserJson, projectJson, projectRefJson } from '../directoryJson';
import { pagedList } from './directoryRoutes';
import { requireOrganization, requireProject } from './lookup';

/** The public key the keys list offers; ingest accepts any key, so this one only has to be stable. */
export const LOCAL_PUBLIC_KEY = 'local';
const TEAM_ACCESS = [
  'event:read',
  'event:write',
  'member:read',
  'org:read',
  'project:read',
  'project:releases',
  'team:read',
];

const iso = (ms: number): string => new Date(ms).toISOString();
const createdAt = (request: ApiRequest): number =>
  request.store.projects().reduce((first, project) => Math.min(first, project.dateCreated), request.now);

/** The user object of `GET /api/0/auth/` (Sentry's detailed user). */
function userJson(request: ApiRequest): Record<string, unknown> {
  return {
    ...localUserJson(createdAt(request)),
    options: {
      timezone: 'UTC',
      language: 'en',
      stacktraceOrder: -1,
      clock24Hours: false,
      theme: 'system',
      defaultIssueEvent: 'recommended',
    },
    flags: { newsletter_consent_prompt: false },
    identities: [],
    permissions: [],
    authenticators: [],
    canReset2fa: false,
  };
}

function teamJson(request: ApiRequest, withProjects: boolean): Record<string, unknown> {
  const team: Record<string, unknown> = {
    ...LOCAL_TEAM,
    dateCreated: iso(createdAt(request)),
    isMember: true,
    teamRole: 'admin',
    flags: { 'idp:provisioned': false },
    access: TEAM_ACCESS,
    hasAccess: true,
    isPending: false,
    memberCount: 1,
    avatar: { avatarType: 'letter_avatar', avatarUuid: null, avatarUrl: null },
  };
  if (withProjects)
    team['projects'] = request.store
      .projects()
      .map((project) => projectJson(request.store, project, releasesOf(request.store)[0]));
  return team;
}

/** Host and port of the DSN: the address the client reached the server at. */
function keyJson(request: ApiRequest, project: ProjectRecord): Record<string, unknown> {
  const base = new URL(request.origin);
  const ingest = `${base.protocol}//${base.host}`;
  const key = LOCAL_PUBLIC_KEY;
  const api = `${ingest}/api/${project.id}`;
  return {
    id: key,
    name: 'Default',
    label: 'Default',
    public: key,
    secret: key,
    projectId: Number(project.id),
    isActive: true,
    rateLimit: null,
    dsn: {
      public: `${base.protocol}//${key}@${base.host}/${project.id}`,
      secret: `${base.protocol}//${key}:${key}@${base.host}/${project.id}`,
      csp: `${api}/csp-report/?sentry_key=${key}`,
      security: `${api}/security/?sentry_key=${key}`,
      minidump: `${api}/minidump/?sentry_key=${key}`,
      nel: `${api}/nel/?sentry_key=${key}`,
      unreal: `${api}/unreal/${key}/`,
      integration: `${api}/integration/`,
      otlp_traces: `${api}/integration/otlp/v1/traces`,
      otlp_logs: `${api}/integration/otlp/v1/logs`,
      cdn: null,
      crons: `${api}/crons/___MONITOR_SLUG___/${key}/`,
      playstation: `${api}/playstation/?sentry_key=${key}`,
    },
    browserSdkVersion: 'latest',
    browserSdk: { choices: [['latest', 'latest']] },
    dateCreated: iso(project.dateCreated),
    dynamicSdkLoaderOptions: {
      hasReplay: false,
      hasPerformance: false,
      hasDebug: false,
      hasFeedback: false,
      hasLogsAndMetrics: false,
    },
  };
}

const teamsOf = (request: ApiRequest): RouteAnswer =>
  pagedList(request, [teamJson(request, request.query.get('detailed') !== '0')], (team) => team);

export const accountRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/api/0/auth/', handle: (request) => json(userJson(request)) },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/teams/',
    handle: (request) => {
      requireOrganization(request);
      return teamsOf(request);
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/user-teams/',
    handle: (request) => {
      requireOrganization(request);
      return json([teamJson(request, true)]);
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/teams/:org/:team/',
    handle: (request) => {
      requireOrganization(request);
      const wanted = request.params['team'];
      if (wanted !== LOCAL_TEAM.slug && wanted !== LOCAL_TEAM.id)
        return json({ detail: 'The requested resource does not exist' }, 404);
      return json({
        ...teamJson(request, true),
        organization: { id: LOCAL_ORG.id, slug: LOCAL_ORG.slug, name: LOCAL_ORG.name },
      });
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/projects/:org/:project/teams/',
    handle: (request) => {
      requireProject(request);
      return pagedList(request, [teamJson(request, false)], (team) => team);
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/projects/:org/:project/keys/',
    handle: (request) => {
      const project = requireProject(request);
      return pagedList(request, [keyJson(request, project)], (key) => key);
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/project-keys/',
    handle: (request) => {
      requireOrganization(request);
      return pagedList(request, request.store.projects(), (project) => keyJson(request, project));
    },
  },
];
