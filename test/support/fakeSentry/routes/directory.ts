// Routes for the API index, organizations, projects, environments, members, code mappings and GlitchTip's settings.
import { json } from '../answer';
import { scopesFor } from '../auth';
import { RouteContext, queryList } from '../context';
import {
  apiIndexJson,
  codeMappingJson,
  environmentNames,
  memberJson,
  organizationJson,
  projectJson,
} from '../directoryJson';
import { isJsonObject, type JsonObject } from '../json';
import { Route } from '../router';
import { findOrganization, organizationProjects } from './lookup';
import { pagedList } from './lists';

const apiIndex: Route = {
  method: 'GET',
  pattern: '/api/0/',
  scopes: null,
  handle: (context) => {
    // Every configured token belongs to the first member.
    return json(apiIndexJson(context.authenticated ? context.scopes : null, context.state.data.members[0]));
  },
};

const organizations: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/',
  scopes: scopesFor.orgRead,
  handle: (context) => {
    const wanted = (context.query.get('query') ?? '').toLowerCase();
    const matching = context.state.data.organizations.filter(
      (org) => org.slug.includes(wanted) || org.name.toLowerCase().includes(wanted),
    );
    return pagedList(context, matching, (org) =>
      organizationJson(org, context.state.url, context.state.options.flavour),
    );
  },
};

const projects: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/projects/',
  scopes: scopesFor.projectRead,
  handle: (context) => {
    const wanted = (context.query.get('query') ?? '').toLowerCase();
    const matching = organizationProjects(context, findOrganization(context)).filter(
      (project) => project.slug.includes(wanted) || project.name.toLowerCase().includes(wanted),
    );
    return pagedList(context, matching, (project) => projectJson(context.state.data, project));
  },
};

const environments: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/environments/',
  scopes: scopesFor.projectRead,
  handle: (context) => {
    const names = environmentNames(context.state.data, findOrganization(context).slug);
    return json(names.map((name, index) => ({ id: String(index + 1), name })));
  },
};

const members: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/members/',
  scopes: scopesFor.memberRead,
  handle: (context) => {
    const org = findOrganization(context);
    return pagedList(
      context,
      context.state.data.members.filter((member) => member.organization === org.slug),
      memberJson,
    );
  },
};

/** The teams of the organization's projects (each project carries the example's team), as `[{id, slug, name}]`. */
const teams: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/teams/',
  scopes: scopesFor.memberRead,
  handle: (context) => {
    const found = new Map<string, JsonObject>();
    for (const project of organizationProjects(context, findOrganization(context))) {
      const projectTeams = projectJson(context.state.data, project)['teams'];
      for (const team of Array.isArray(projectTeams) ? projectTeams : []) {
        if (isJsonObject(team) && typeof team['id'] === 'string') found.set(team['id'], team);
      }
    }
    return pagedList(context, [...found.values()], (team) => team);
  },
};

const codeMappings: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/code-mappings/',
  scopes: scopesFor.orgRead,
  handle: (context: RouteContext) => {
    const projectIds = new Set(organizationProjects(context, findOrganization(context)).map((project) => project.id));
    const wanted = queryList(context, 'project');
    const mappings = context.state.data.codeMappings.filter(
      (mapping) => projectIds.has(mapping.projectId) && (wanted.length === 0 || wanted.includes(mapping.projectId)),
    );
    return pagedList(context, mappings, (mapping) => codeMappingJson(context.state.data, mapping));
  },
};

const glitchtipSettings: Route = {
  method: 'GET',
  pattern: '/api/settings/',
  scopes: null,
  handle: (context) =>
    json({
      socialApps: [],
      billingEnabled: false,
      iPaidForGlitchTip: false,
      enableUserRegistration: false,
      enableSocialAppsUserRegistration: false,
      enableOrganizationCreation: false,
      stripePublicKey: null,
      plausibleURL: null,
      plausibleDomain: null,
      chatwootWebsiteToken: null,
      sentryDSN: null,
      sentryTracesSampleRate: null,
      environment: null,
      version: context.state.options.glitchtipVersion,
      serverTimeZone: 'UTC',
      glitchtipInstanceName: null,
      enabledFeatures: [],
    }),
};

export const sentryDirectoryRoutes: Route[] = [
  apiIndex,
  organizations,
  projects,
  environments,
  members,
  teams,
  codeMappings,
];
export const glitchtipDirectoryRoutes: Route[] = [
  apiIndex,
  organizations,
  projects,
  environments,
  members,
  glitchtipSettings,
];
