// The organization events endpoint (Discover) and its validation endpoint as sentry.io answers them, by the local
// server's own module (src/core/local/api/discoverAnswer.ts): the fake only scopes its events (the org's projects that
// `project=` names, the time window on the data clock) and shows each as Discover reads it. `discover: false` answers
// 404, as a server without the feature does.
import { discoverAnswer } from '../../../../src/core/local/api/discoverAnswer';
import type { DiscoverDetails, DiscoverEvent } from '../../../../src/core/local/api/discoverEvent';
import { discoverValidation } from '../../../../src/core/local/api/discoverValidation';
import { AnswerNow, json, type Answer } from '../answer';
import { scopesFor } from '../auth';
import { queryList, type RouteContext } from '../context';
import { crashFrame } from '../eventBuilder';
import { eventsOldestFirst } from '../eventJson';
import { issueTags } from '../issueTags';
import type { JsonValue } from '../json';
import type { FakeEvent, FakeIssue, FakeProject } from '../model';
import type { Route } from '../router';
import { linkOrigin } from './lists';
import { findOrganization, notFound, organizationProjects } from './lookup';
import { timeWindow } from './timeWindow';

function discoverEvent(issue: FakeIssue, project: FakeProject, event: FakeEvent): DiscoverEvent {
  const details: DiscoverDetails = {
    title: issue.title,
    message: issue.title,
    culprit: issue.culprit,
    location: crashFrame(event)?.filename ?? null,
    platform: event.platform,
    type: 'error',
    traceId: null,
    user: null,
    exceptions: event.exceptions.map((exception) => ({
      type: exception.type,
      value: exception.value,
      mechanism: exception.mechanism.type,
      handled: exception.mechanism.handled,
      frames: exception.frames,
    })),
  };
  return {
    eventId: event.eventID,
    issueId: issue.id,
    shortId: issue.shortId,
    projectId: issue.projectId,
    projectSlug: project.slug,
    timestamp: Date.parse(event.dateCreated),
    level: issue.level,
    release: event.release,
    environment: event.environment,
    transaction: null,
    tags: [
      ['environment', event.environment],
      ['level', issue.level],
      ...(event.release === null ? [] : [['release', event.release] as const]),
    ],
    details: () => Promise.resolve(details),
  };
}

/** The error events of the org's projects (those `project=` names), within the time window. */
function scopedEvents(context: RouteContext): DiscoverEvent[] {
  const org = findOrganization(context);
  const wanted = queryList(context, 'project');
  const projects = organizationProjects(context, org).filter(
    (project) =>
      wanted.length === 0 || wanted.includes('-1') || wanted.includes(project.id) || wanted.includes(project.slug),
  );
  if (wanted.length > 0 && !wanted.includes('-1') && projects.length < wanted.length)
    throw new AnswerNow({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
  const window = timeWindow(context);
  const events: DiscoverEvent[] = [];
  for (const issue of context.state.data.issues) {
    const project = projects.find((candidate) => candidate.id === issue.projectId);
    if (project === undefined) continue;
    for (const event of eventsOldestFirst(issue)) {
      const at = Date.parse(event.dateCreated);
      if (window && (at < window.start || at > window.end)) continue;
      events.push(discoverEvent(issue, project, event));
    }
  }
  return events;
}

function tagKeys(context: RouteContext): Set<string> {
  return new Set(context.state.data.issues.flatMap((issue) => issueTags(issue).map((tag) => tag.key)));
}

async function events(context: RouteContext): Promise<Answer> {
  if (context.state.options.discover === false) throw notFound(context);
  const answer = await discoverAnswer(scopedEvents(context), {
    query: context.query,
    origin: linkOrigin(context),
    path: context.path,
    tagKeys: tagKeys(context),
  });
  return json(answer.body as JsonValue, answer.status, { ...answer.headers });
}

function validate(context: RouteContext): Answer {
  if (context.state.options.discover === false) throw notFound(context);
  findOrganization(context);
  return json(discoverValidation(context.query, tagKeys(context)) as JsonValue);
}

export const discoverRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/events/',
    scopes: scopesFor.eventRead,
    regionScoped: true,
    handle: events,
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/events/validate/',
    scopes: scopesFor.eventRead,
    regionScoped: true,
    handle: validate,
  },
];
