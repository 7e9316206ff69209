// One issue: details (`GET`), triage (`PUT`), on Sentry's organization-scoped path or GlitchTip's top-level one.
import { json, sentryMessages } from '../answer';
import { scopesFor } from '../auth';
import { queryList, RouteContext } from '../context';
import { glitchtipIssueJson } from '../glitchtipJson';
import { issueDetailJson } from '../issueJson';
import { applyUpdate, parseUpdateBody } from '../issueUpdate';
import { FakeIssue } from '../model';
import { Route } from '../router';
import { findIssue, findOrganization, issueOrganization } from './lookup';

function sentryDetail(context: RouteContext, issue: FakeIssue, org: string): JsonReturn {
  const environments = queryList(context, 'environment');
  return json(
    issueDetailJson(issue, {
      data: context.state.data,
      serverUrl: context.state.url,
      org,
      environments,
      releases: null,
      statsPeriod: '24h',
    }),
  );
}

type JsonReturn = ReturnType<Route['handle']>;

function update(context: RouteContext, issue: FakeIssue, org: string): void {
  const body = parseUpdateBody(context.body);
  applyUpdate(context.state.options.flavour, context.state.data, org, issue, body);
  context.state.issueUpdates.push({ issueId: issue.id, body });
}

const sentryGet: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/:issue/',
  scopes: scopesFor.eventRead,
  regionScoped: true,
  handle: (context) => {
    const org = findOrganization(context);
    return sentryDetail(context, findIssue(context, org), org.slug);
  },
};

const sentryPut: Route = {
  method: 'PUT',
  pattern: '/api/0/organizations/:org/issues/:issue/',
  scopes: scopesFor.eventWrite,
  regionScoped: true,
  handle: (context) => {
    const org = findOrganization(context);
    const issue = findIssue(context, org);
    update(context, issue, org.slug);
    return sentryDetail(context, issue, org.slug);
  },
};

// sentry.io retired the top-level issue paths; during brownouts they answer 410 (sentry-api-notes §2).
const sentryTopLevelBrownouts: Route[] = [
  '/api/0/issues/:issue/',
  '/api/0/issues/:issue/events/:event/',
  '/api/0/issues/:issue/tags/',
].map((pattern) => ({
  method: 'GET',
  pattern,
  scopes: scopesFor.eventRead,
  handle: () => json({ message: sentryMessages.brownout }, 410),
}));

function glitchtipAnswer(context: RouteContext, issue: FakeIssue): JsonReturn {
  return json(glitchtipIssueJson(context.state.data, context.state.url, issue, true));
}

const glitchtipGet: Route = {
  method: 'GET',
  pattern: '/api/0/issues/:issue/',
  scopes: scopesFor.eventRead,
  handle: (context) => glitchtipAnswer(context, findIssue(context, null)),
};

const glitchtipPut: Route = {
  method: 'PUT',
  pattern: '/api/0/issues/:issue/',
  scopes: scopesFor.eventWrite,
  handle: (context) => {
    const issue = findIssue(context, null);
    update(context, issue, issueOrganization(context, issue));
    return glitchtipAnswer(context, issue);
  },
};

const glitchtipOrgPut: Route = {
  method: 'PUT',
  pattern: '/api/0/organizations/:org/issues/:issue/',
  scopes: scopesFor.eventWrite,
  handle: (context) => {
    const org = findOrganization(context);
    const issue = findIssue(context, org);
    update(context, issue, org.slug);
    return glitchtipAnswer(context, issue);
  },
};

export const sentryIssueDetailRoutes: Route[] = [sentryGet, sentryPut, ...sentryTopLevelBrownouts];
export const glitchtipIssueDetailRoutes: Route[] = [glitchtipGet, glitchtipPut, glitchtipOrgPut];
