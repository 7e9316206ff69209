// The organization events endpoint (Discover) over the stored error events, and its validation endpoint: the events of
// the asked projects within the time window, answered by the module the test fake Sentry answers with too.
import { AnswerNow, detail, json } from '../apiAnswer';
import { queryList, type ApiRequest } from '../apiRequest';
import { discoverAnswer } from '../discoverAnswer';
import type { DiscoverEvent } from '../discoverEvent';
import { discoverValidation } from '../discoverValidation';
import { localDiscoverEvent } from '../localDiscoverEvent';
import type { Route } from '../route';
import { timeWindowOf } from '../timeWindow';
import { requireOrganization } from './lookup';

/** Project ids or slugs; none or `-1` means all. An unknown project is Sentry's 403, as for a project not one's own. */
function projectIdsOf(request: ApiRequest): Set<string> {
  const wanted = queryList(request, 'project').filter((id) => id !== '-1');
  const projects = request.store
    .projects()
    .filter((project) => wanted.length === 0 || wanted.includes(project.id) || wanted.includes(project.slug));
  if (projects.length < new Set(wanted).size)
    throw new AnswerNow(detail(403, 'You do not have permission to perform this action.'));
  return new Set(projects.map((project) => project.id));
}

function scopedEvents(request: ApiRequest): DiscoverEvent[] {
  const projectIds = projectIdsOf(request);
  const window = timeWindowOf(request.query, request.now);
  const events: DiscoverEvent[] = [];
  for (const issue of request.store.issues()) {
    if (!projectIds.has(issue.projectId)) continue;
    const project = request.store.project(issue.projectId);
    for (const event of request.store.eventsOf(issue.id))
      if (event.timestamp >= window.start && event.timestamp <= window.end)
        events.push(localDiscoverEvent(request.store, issue, project, event));
  }
  return events;
}

function tagKeysOf(request: ApiRequest): Set<string> {
  return new Set(request.store.issues().flatMap((issue) => issue.counts.tagKeys()));
}

export const discoverRoutes: readonly Route[] = [
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/events/',
    handle: async (request) => {
      requireOrganization(request);
      return await discoverAnswer(scopedEvents(request), {
        query: request.query,
        origin: request.origin,
        path: request.path,
        tagKeys: tagKeysOf(request),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/api/0/organizations/:org/events/validate/',
    handle: (request) => {
      requireOrganization(request);
      return json(discoverValidation(request.query, tagKeysOf(request)));
    },
  },
];
