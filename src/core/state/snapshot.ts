// A folder's last good load in a form that survives a reload: plain JSON, validated by zod when read back from the
// cache, so a corrupt or outdated cache is dropped rather than trusted.
import { z } from 'zod';
import { eventSchema } from '../api/eventSchema';
import { issueSchema } from '../api/issueSchema';
import { IssueIndex, lineHitSchema } from '../index/issueIndex';
import type { WorkspaceIssues } from '../session/loadWorkspaceIssues';
import type { PreviousLoad } from '../session/previousLoad';

export const snapshotVersion = 1;

/** Which server, organization and project a snapshot came from: a cache for another connection is not shown. */
const connectionKeySchema = z.object({ url: z.string(), org: z.string(), project: z.string() }).readonly();
export type ConnectionKey = z.infer<typeof connectionKeySchema>;

/** The snapshot as it is cached; its type comes from here, so the two cannot drift apart. */
const snapshotSchema = z
  .object({
    version: z.literal(snapshotVersion),
    connection: connectionKeySchema,
    folderPath: z.string(),
    backend: z.enum(['sentry', 'glitchtip']),
    projectId: z.string(),
    release: z.object({ version: z.string(), source: z.string() }).readonly().optional(),
    environments: z.array(z.string()).readonly(),
    issues: z.array(issueSchema).readonly(),
    events: z.record(z.string(), eventSchema).readonly(),
    hits: z.array(lineHitSchema).readonly(),
    unresolvedFrames: z.number(),
    /** In-app frames not found in the workspace, per issue id, so a refresh that reuses an issue keeps its count. */
    unresolvedByIssue: z.record(z.string(), z.number()).readonly().optional(),
    /** Issues whose latest event the server was too busy to give: the marks are incomplete until a refresh gets them. */
    missing: z
      .array(z.object({ issueId: z.string(), shortId: z.string(), message: z.string() }).readonly())
      .readonly()
      .optional(),
    /** Issues placed from Discover frames without their event: an open file's one gets its event on the next refresh. */
    framesOnly: z.array(z.string()).readonly().optional(),
    warnings: z.array(z.string()).readonly(),
    /** ISO time of the load. */
    loadedAt: z.string(),
  })
  .readonly();

export type IssueSnapshot = z.infer<typeof snapshotSchema>;

/**
 * The line index of each snapshot made from a load or already indexed: the load's own index is kept, not rebuilt from
 * the flat hits (a snapshot read back from the cache builds it once, on first use).
 */
const indexes = new WeakMap<IssueSnapshot, IssueIndex>();

export function snapshotOf(
  loaded: WorkspaceIssues,
  context: { connection: ConnectionKey; folderPath: string; environments: readonly string[]; now: Date },
): IssueSnapshot {
  const snapshot: IssueSnapshot = {
    version: snapshotVersion,
    connection: context.connection,
    folderPath: context.folderPath,
    backend: loaded.backend,
    projectId: loaded.project.id,
    release: loaded.release,
    environments: [...context.environments],
    issues: loaded.issues,
    events: Object.fromEntries(loaded.events),
    hits: loaded.index.allHits(),
    unresolvedFrames: loaded.unresolvedFrames,
    unresolvedByIssue: Object.fromEntries(loaded.unresolvedByIssue),
    missing: loaded.missing.map((entry) => ({
      issueId: entry.issueId,
      shortId: entry.shortId,
      message: entry.error.message,
    })),
    framesOnly: [...loaded.framesOnly],
    warnings: loaded.warnings,
    loadedAt: context.now.toISOString(),
  };
  indexes.set(snapshot, loaded.index);
  return snapshot;
}

/** A snapshot as the previous load of its folder: a warm start's first refresh asks only what moved since. */
export function previousOfSnapshot(snapshot: IssueSnapshot): PreviousLoad {
  return {
    ...(snapshot.release ? { release: snapshot.release.version } : {}),
    environments: snapshot.environments,
    issues: snapshot.issues,
    events: new Map(Object.entries(snapshot.events)),
    hits: snapshot.hits,
    // An older cache without per-issue counts: each issue's frames count as found.
    unresolvedFrames: new Map(Object.entries(snapshot.unresolvedByIssue ?? {})),
    missing: new Set((snapshot.missing ?? []).map((entry) => entry.issueId)),
    framesOnly: new Set(snapshot.framesOnly ?? []),
  };
}

export function indexOfSnapshot(snapshot: IssueSnapshot): IssueIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new IssueIndex();
    for (const hit of snapshot.hits) index.add(hit);
    indexes.set(snapshot, index);
  }
  return index;
}

/** Reads a cached snapshot back; anything that does not validate (corrupt, older format) gives undefined. */
export function parseSnapshot(value: unknown): IssueSnapshot | undefined {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
