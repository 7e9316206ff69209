// Stored events in the Web API's shapes: the full event (sentry-api-notes §4.2) with its issue, project, release
// object and neighbours, and the shorter event-list item (§3.3). Both read the event's body, which the store may
// have to read back from its log.
import { bodyFields } from '../store/eventBody';
import type { LocalIssue } from '../store/localIssue';
import type { LocalStore } from '../store/localStore';
import type { StoredEvent } from '../store/storeRecords';
import { releaseJson } from './releaseView';

export async function eventJson(
  store: LocalStore,
  issue: LocalIssue,
  event: StoredEvent,
): Promise<Record<string, unknown>> {
  const body = bodyFields(await store.bodyText(event));
  const events = store.eventsOf(issue.id);
  const at = events.indexOf(event);
  return {
    ...body,
    groupID: issue.id,
    projectID: event.projectId,
    release:
      event.release === undefined
        ? null
        : (releaseJson(event.release, store) ?? { version: event.release, shortVersion: event.release }),
    previousEventID: at > 0 ? (events[at - 1]?.eventId ?? null) : null,
    nextEventID: at >= 0 && at < events.length - 1 ? (events[at + 1]?.eventId ?? null) : null,
  };
}

export async function eventListItemJson(
  store: LocalStore,
  issue: LocalIssue,
  event: StoredEvent,
  full: boolean,
): Promise<Record<string, unknown>> {
  const body = bodyFields(await store.bodyText(event));
  const item: Record<string, unknown> = {
    id: event.eventId,
    eventID: event.eventId,
    groupID: issue.id,
    projectID: event.projectId,
    title: body['title'] ?? issue.facts.title,
    message: body['message'] ?? '',
    platform: body['platform'] ?? issue.facts.platform,
    dateCreated: body['dateCreated'] ?? null,
    'event.type': body['type'] ?? issue.facts.type,
    tags: body['tags'] ?? [],
    user: body['user'] ?? null,
    location: body['location'] ?? null,
    culprit: body['culprit'] ?? issue.facts.culprit,
    crashFile: null,
    metadata: body['metadata'] ?? issue.facts.metadata,
  };
  if (full) item['entries'] = body['entries'] ?? [];
  return item;
}
