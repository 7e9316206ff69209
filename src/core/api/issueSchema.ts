// Schema of a Sentry issue (group), as the issue list, issue detail and triage answers send it.
import { z } from 'zod';
import { releaseSchema } from './directorySchemas';
import { countSchema, idSchema, optional } from './wireTypes';

type StatsBuckets = Record<string, Array<[number, number, ...unknown[]]>>;

/**
 * `{"24h": [[timestamp, count], …]}`: checked by hand, since zod's tuple per bucket made the stats most of the CPU an
 * issue list page costs (about 50 buckets per issue, twice with `filtered`).
 */
function isStatsBuckets(value: unknown): value is StatsBuckets {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const buckets of Object.values(value)) {
    if (!Array.isArray(buckets)) return false;
    for (const bucket of buckets)
      if (!Array.isArray(bucket) || bucket.length < 2 || typeof bucket[0] !== 'number' || typeof bucket[1] !== 'number')
        return false;
  }
  return true;
}

const statsSchema = z.custom<StatsBuckets>(isStatsBuckets, 'expected stats as {period: [[timestamp, count], …]}');

/** Counts within the query's event-level filters (`release:`), added by Sentry next to the window-wide totals. */
const filteredSchema = z.looseObject({
  count: countSchema,
  userCount: optional(z.number()).transform((value) => value ?? 0),
  firstSeen: optional(z.string()),
  lastSeen: optional(z.string()),
  stats: optional(statsSchema),
});

const assigneeSchema = z.looseObject({
  type: optional(z.string()),
  id: optional(idSchema),
  name: optional(z.string()),
  email: optional(z.string()),
});

/** Only `version` is needed from the issue detail's release objects. */
const issueReleaseSchema = z.union([releaseSchema, z.looseObject({ version: z.string() })]);

/** Only the kind and time of an activity entry are read (issueStory: when it was last resolved). */
const issueActivitySchema = z.looseObject({ type: optional(z.string()), dateCreated: optional(z.string()) });

export const issueSchema = z.looseObject({
  id: idSchema,
  shortId: z.string(),
  title: z.string(),
  culprit: optional(z.string()),
  permalink: optional(z.string()),
  level: optional(z.string()).transform((value) => value ?? 'error'),
  status: z.string(),
  substatus: optional(z.string()),
  statusDetails: optional(z.record(z.string(), z.unknown())),
  platform: optional(z.string()),
  project: z.looseObject({ id: idSchema, slug: optional(z.string()), name: optional(z.string()) }),
  metadata: optional(
    z.looseObject({
      type: optional(z.string()),
      value: optional(z.string()),
      filename: optional(z.string()),
      function: optional(z.string()),
      title: optional(z.string()),
    }),
  ),
  count: countSchema,
  // GlitchTip does not track users and some Sentry answers omit it: absent means 0.
  userCount: optional(z.number()).transform((value) => value ?? 0),
  firstSeen: optional(z.string()),
  lastSeen: optional(z.string()),
  filtered: optional(filteredSchema),
  stats: optional(statsSchema),
  isUnhandled: optional(z.boolean()),
  isBookmarked: optional(z.boolean()),
  hasSeen: optional(z.boolean()),
  assignedTo: optional(assigneeSchema),
  firstRelease: optional(issueReleaseSchema),
  lastRelease: optional(issueReleaseSchema),
  /** Issue details only: what happened to the issue, newest first (when it was resolved, say). Dropped if odd. */
  activity: optional(z.array(issueActivitySchema)).catch(undefined),
});
export type Issue = z.infer<typeof issueSchema>;

export const issueListSchema = z.array(issueSchema);

/** A tag's distribution over an issue's events (`/issues/{id}/tags/?key=`). */
export const issueTagSchema = z.looseObject({
  key: z.string(),
  name: optional(z.string()),
  totalValues: optional(z.number()),
  uniqueValues: optional(z.number()),
  topValues: z
    .array(
      z.looseObject({
        value: z
          .string()
          .nullable()
          .transform((value) => value ?? ''),
        name: optional(z.string()),
        count: z.number(),
        firstSeen: optional(z.string()),
        lastSeen: optional(z.string()),
      }),
    )
    .default([]),
});
export type IssueTag = z.infer<typeof issueTagSchema>;
export const issueTagListSchema = z.array(issueTagSchema);

/** A bulk PUT answers with the changed fields, or 204 (null) when nothing matched. */
export const issueUpdateEchoSchema = z.union([z.looseObject({}), z.null()]);
