// The records of the store's append-only log (one JSON object per line), with the zod schemas that load them back.
// A line that does not parse, or parses to something else, is skipped on load.
import { z } from 'zod';
import type { StoredBody } from './eventBody';
import { releaseStateSchema, type ReleaseState } from './releaseState';

const countsSchema = z.object({
  buckets: z.array(
    z.object({
      release: z.string().nullable(),
      environment: z.string().nullable(),
      count: z.number(),
      firstSeen: z.number(),
      lastSeen: z.number(),
      users: z.array(z.string()),
    }),
  ),
  tags: z.array(
    z.tuple([
      z.string(),
      z.array(z.tuple([z.string(), z.object({ count: z.number(), firstSeen: z.number(), lastSeen: z.number() })])),
    ]),
  ),
  hourly: z.array(z.tuple([z.number(), z.number()])),
});

const assigneeSchema = z.object({
  type: z.enum(['user', 'team']),
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
});
export type Assignee = z.infer<typeof assigneeSchema>;

export const issueStateSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  shortNumber: z.number(),
  hash: z.string(),
  title: z.string(),
  culprit: z.string(),
  level: z.string(),
  type: z.enum(['error', 'default']),
  metadata: z.record(z.string(), z.unknown()),
  platform: z.string(),
  isUnhandled: z.boolean(),
  status: z.enum(['unresolved', 'resolved', 'ignored']),
  substatus: z.string().nullable(),
  statusDetails: z.record(z.string(), z.unknown()),
  /** The release an "in (next) release" resolution covers: events of it do not reopen the issue. */
  resolvedInRelease: z.string().nullable(),
  /** Until when (ms) an "archive for N minutes" lasts. */
  ignoredUntil: z.number().nullable(),
  assignedTo: assigneeSchema.nullable(),
  isBookmarked: z.boolean(),
  hasSeen: z.boolean(),
  count: z.number(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  firstRelease: z.string().nullable(),
  lastRelease: z.string().nullable(),
  counts: countsSchema,
});
export type IssueStateJson = z.infer<typeof issueStateSchema>;

/** What lists, counts and searches need of a kept event; its body is kept apart, as text (EventBody). */
export const eventMetaSchema = z.object({
  eventId: z.string(),
  issueId: z.string(),
  projectId: z.string(),
  timestamp: z.number(),
  receivedAt: z.number(),
  release: z.string().optional(),
  environment: z.string().optional(),
  userKey: z.string().optional(),
  tags: z.array(z.tuple([z.string(), z.string()])),
});
export type EventMeta = z.infer<typeof eventMetaSchema>;

export interface StoredEvent extends EventMeta {
  /** The Web API body: its text until the log holds it, then its place there (eventBody.ts). */
  readonly body: StoredBody;
}

/** An event as ingest hands it to the store: its body already serialized, once, as JSON text (an object). */
export type NewEvent = Omit<EventMeta, 'issueId'> & { readonly bodyJson: string };

/** What grouping and counting decided about an event, kept so that replaying the log reproduces the issue. */
export const eventFactsSchema = z.object({
  hash: z.string(),
  level: z.string(),
  platform: z.string(),
  title: z.string(),
  culprit: z.string(),
  type: z.enum(['error', 'default']),
  metadata: z.record(z.string(), z.unknown()),
  isUnhandled: z.boolean(),
});
export type EventFacts = z.infer<typeof eventFactsSchema>;

export const projectRecordSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  platform: z.string().nullable(),
  dateCreated: z.number(),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

/** The records as the store applies them; storeLines.ts writes and reads them as lines of the log. */
export type StoreRecord =
  | { readonly kind: 'project'; readonly project: ProjectRecord }
  /** A new event: counted into its issue (created if needed) and kept. */
  | { readonly kind: 'event'; readonly event: StoredEvent; readonly facts: EventFacts }
  /** An event already counted in an `issue` snapshot: only kept. Written by compaction. */
  | { readonly kind: 'kept'; readonly event: StoredEvent }
  /** The whole state of an issue, replacing what came before (triage changes, compaction). */
  | { readonly kind: 'issue'; readonly issue: IssueStateJson }
  /** The whole state of a release created or changed through the Web API. */
  | { readonly kind: 'release'; readonly release: ReleaseState }
  | { readonly kind: 'releaseDeleted'; readonly version: string };

/** The records that carry an event, and with it its body. */
export type EventRecord = Extract<StoreRecord, { readonly kind: 'event' | 'kept' }>;
export type BodilessRecord = Exclude<StoreRecord, EventRecord>;

export function isEventRecord(record: StoreRecord): record is EventRecord {
  return record.kind === 'event' || record.kind === 'kept';
}

/** Records without an event body, parsed from a line as they are written (JSON, body apart). */
export const bodilessRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project'), project: projectRecordSchema }),
  z.object({ kind: z.literal('issue'), issue: issueStateSchema }),
  z.object({ kind: z.literal('release'), release: releaseStateSchema }),
  z.object({ kind: z.literal('releaseDeleted'), version: z.string() }),
]);

/** An event or kept record's line without its body: the body is a field of the line, read apart from the rest. */
export const eventRecordSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: eventMetaSchema, facts: eventFactsSchema }),
  z.object({ kind: z.literal('kept'), event: eventMetaSchema }),
]);
export type EventRecordJson = z.infer<typeof eventRecordSchema>;

/** An event body object as a line holds it: top-level `body` now, `event.body` in logs written before. */
export const bodyObjectSchema = z.record(z.string(), z.unknown());
