// A stored event as Discover reads it: the columns from the stored record and, when a query needs them, from its Web
// API body (title, message, user, the exception entry's frames).
import { z } from 'zod';
import { bodyFields } from '../store/eventBody';
import type { LocalIssue } from '../store/localIssue';
import type { LocalStore } from '../store/localStore';
import type { ProjectRecord, StoredEvent } from '../store/storeRecords';
import { shortIdOf } from '../store/shortId';
import type { DiscoverDetails, DiscoverEvent, DiscoverException, DiscoverUser } from './discoverEvent';

/** A missing or mistyped value reads as null, so a parsed frame is a DiscoverFrame as it stands. */
const text = z.string().nullable().catch(null);

const frameSchema = z.object({
  filename: text,
  absPath: text,
  module: text,
  function: text,
  lineNo: z.number().nullable().catch(null),
  colNo: z.number().nullable().catch(null),
  inApp: z.boolean().nullable().catch(null),
});

const exceptionEntrySchema = z.looseObject({
  type: z.literal('exception'),
  data: z.looseObject({
    values: z
      .array(
        z.looseObject({
          type: text,
          value: text,
          mechanism: z
            .looseObject({ type: text, handled: z.boolean().nullish().catch(null) })
            .nullish()
            .catch(null),
          stacktrace: z
            .looseObject({ frames: z.array(frameSchema).catch([]) })
            .nullish()
            .catch(null),
        }),
      )
      .catch([]),
  }),
});

const objectOf = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const textField = (body: Record<string, unknown> | null, key: string): string | null =>
  typeof body?.[key] === 'string' ? body[key] : null;

export function exceptionsOf(body: Record<string, unknown>): DiscoverException[] {
  const entries = Array.isArray(body['entries']) ? (body['entries'] as unknown[]) : [];
  for (const entry of entries) {
    const parsed = exceptionEntrySchema.safeParse(entry);
    if (!parsed.success) continue;
    return parsed.data.data.values.map((value) => ({
      type: value.type,
      value: value.value,
      mechanism: value.mechanism?.type ?? null,
      handled: value.mechanism?.handled ?? null,
      frames: value.stacktrace?.frames ?? [],
    }));
  }
  return [];
}

function userOf(body: Record<string, unknown>): DiscoverUser | null {
  const user = objectOf(body['user']);
  if (user === null) return null;
  return {
    id: textField(user, 'id'),
    email: textField(user, 'email'),
    username: textField(user, 'username'),
    ip: textField(user, 'ip_address'),
  };
}

function detailsOf(issue: LocalIssue, body: Record<string, unknown>): DiscoverDetails {
  return {
    title: textField(body, 'title') ?? issue.facts.title,
    message: textField(body, 'message') ?? '',
    culprit: textField(body, 'culprit') ?? issue.facts.culprit,
    location: textField(body, 'location'),
    platform: textField(body, 'platform') ?? issue.facts.platform,
    type: textField(body, 'type') ?? issue.facts.type,
    traceId: textField(objectOf(objectOf(body['contexts'])?.['trace']), 'trace_id'),
    user: userOf(body),
    exceptions: exceptionsOf(body),
  };
}

/**
 * The view reads the event's body (from memory, or from the store's log on disk) at most once, and only when a column
 * or term needs more than the stored record's own fields (ids, time, release, environment, tags): Discover's usual
 * queries (`latest_event()` by issue, a page of `-timestamp`) read few bodies or none, and nothing read outlives the
 * request.
 */
export function localDiscoverEvent(
  store: LocalStore,
  issue: LocalIssue,
  project: ProjectRecord | undefined,
  event: StoredEvent,
): DiscoverEvent {
  let details: Promise<DiscoverDetails> | undefined;
  return {
    eventId: event.eventId,
    issueId: issue.id,
    shortId: shortIdOf(issue),
    projectId: event.projectId,
    projectSlug: project?.slug ?? event.projectId,
    timestamp: event.timestamp,
    level: event.tags.find(([key]) => key === 'level')?.[1] ?? issue.facts.level,
    release: event.release ?? null,
    environment: event.environment ?? null,
    transaction: event.tags.find(([key]) => key === 'transaction')?.[1] ?? null,
    tags: event.tags,
    details: () => (details ??= store.bodyText(event).then((text) => detailsOf(issue, bodyFields(text)))),
  };
}
