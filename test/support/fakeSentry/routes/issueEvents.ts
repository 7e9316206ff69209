// An issue's events: latest, oldest, recommended or by id (with `environment` and `query=release:`), and the event list.
import { AnswerNow, detail, json, sentryMessages } from '../answer';
import { scopesFor } from '../auth';
import { param, queryList, RouteContext } from '../context';
import { eventJson, eventListItemJson, eventsOldestFirst } from '../eventJson';
import { glitchtipEventJson } from '../glitchtipJson';
import { parseIssueQuery } from '../issueQuery';
import { FakeEvent, FakeIssue } from '../model';
import { Route } from '../router';
import { findIssue, findOrganization, issueOrganization, notFound } from './lookup';
import { pagedList } from './lists';

/** Events passing `environment=` and the query's `release:` terms, oldest first. */
function eventsInScope(context: RouteContext, issue: FakeIssue): FakeEvent[] {
  const environments = queryList(context, 'environment');
  const query = parseIssueQuery(context.query.get('query') ?? '');
  const releases = query.filters
    .filter((filter) => filter.key === 'release' && !filter.negated)
    .flatMap((filter) => filter.values);
  return eventsOldestFirst(issue).filter(
    (event) =>
      (environments.length === 0 || environments.includes(event.environment)) &&
      (releases.length === 0 || (event.release !== null && releases.includes(event.release))),
  );
}

function pickEvent(context: RouteContext, issue: FakeIssue, which: string): FakeEvent {
  const events = eventsInScope(context, issue);
  const glitchtip = context.state.options.flavour === 'glitchtip';
  let found: FakeEvent | undefined;
  if (which === 'latest') found = events[events.length - 1];
  else if (which === 'oldest' && !glitchtip) found = events[0];
  else if (which === 'recommended' && !glitchtip)
    found = events.find((event) => event.eventID === issue.recommendedEventId) ?? events[events.length - 1];
  else found = issue.events.find((event) => event.eventID === which);
  if (found) return found;
  if (['latest', 'oldest', 'recommended'].includes(which) && !glitchtip)
    throw new AnswerNow(detail(404, sentryMessages.noEvent));
  throw notFound(context);
}

const sentryEvent: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/:issue/events/:event/',
  scopes: scopesFor.eventRead,
  regionScoped: true,
  handle: (context) => {
    const org = findOrganization(context);
    const issue = findIssue(context, org);
    return json(eventJson(context.state.data, org.slug, issue, pickEvent(context, issue, param(context, 'event'))));
  },
};

const sentryEventList: Route = {
  method: 'GET',
  pattern: '/api/0/organizations/:org/issues/:issue/events/',
  scopes: scopesFor.eventRead,
  regionScoped: true,
  handle: (context) => {
    const issue = findIssue(context, findOrganization(context));
    return pagedList(context, eventsInScope(context, issue).reverse(), (event) => eventListItemJson(issue, event));
  },
};

const glitchtipEvent: Route = {
  method: 'GET',
  pattern: '/api/0/issues/:issue/events/:event/',
  scopes: scopesFor.eventRead,
  handle: (context) => {
    const issue = findIssue(context, null);
    const event = pickEvent(context, issue, param(context, 'event'));
    return json(glitchtipEventJson(context.state.data, issueOrganization(context, issue), issue, event));
  },
};

const glitchtipEventList: Route = {
  method: 'GET',
  pattern: '/api/0/issues/:issue/events/',
  scopes: scopesFor.eventRead,
  handle: (context) => {
    const issue = findIssue(context, null);
    const org = issueOrganization(context, issue);
    return pagedList(context, eventsInScope(context, issue).reverse(), (event) =>
      glitchtipEventJson(context.state.data, org, issue, event),
    );
  },
};

export const sentryEventRoutes: Route[] = [sentryEvent, sentryEventList];
export const glitchtipEventRoutes: Route[] = [glitchtipEvent, glitchtipEventList];
