// A folder's last good load in a form that survives a reload: plain JSON, validated by zod when read back from the
// cache, so a corrupt or outdated cache is dropped rather than trusted.
import { z } from 'zod';
import { eventSchema, type IssueEvent } from '../api/eventSchema';
import { issueSchema, type Issue } from '../api/issueSchema';
import { IssueIndex, type LineHit } from '../index/issueIndex';
import type { WorkspaceIssues } from '../session/loadWorkspaceIssues';
import type { PreviousLoad } from '../session/previousLoad';

export const snapshotVersion = 1;

/** Which server, organization and project a snapshot came from: a cache for another connection is not shown. */
export interface ConnectionKey {
  readonly url: string;
  readonly org: string;
  readonly project: string;
}

export interface IssueSnapshot {
  readonly version: typeof snapshotVersion;
  readonly connection: ConnectionKey;
  readonly folderPath: string;
  readonly backend: 'sentry' | 'glitchtip';
  readonly projectId: string;
  readonly release?: { readonly version: string; readonly source: string };
  readonly environments: readonly string[];
  readonly issues: readonly Issue[];
  readonly events: Readonly<Record<string, IssueEvent>>;
  readonly hits: readonly LineHit[];
  readonly unresolvedFrames: number;
  /** In-app frames not found in the workspace, per issue id, so a refresh that reuses an issue keeps its count. */
  readonly unresolvedByIssue?: Readonly<Record<string, number>>;
  /** Issues whose latest event the server was too busy to give: the marks are incomplete until a refresh gets them. */
  readonly missing?: ReadonlyArray<{ readonly issueId: string; readonly shortId: string; readonly message: string }>;
  /** Issues placed from Discover frames without their event: an open file's one gets its event on the next refresh. */
  readonly framesOnly?: readonly string[];
  readonly warnings: readonly string[];
  /** ISO time of the load. */
  readonly loadedAt: string;
}

export function snapshotOf(
  loaded: WorkspaceIssues,
  context: { connection: ConnectionKey; folderPath: string; environments: readonly string[]; now: Date },
): IssueSnapshot {
  return {
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
    missing: loaded.missing.map((entry) => ({ issueId: entry.issueId, shortId: entry.shortId, message: entry.error.message })),
    framesOnly: [...loaded.framesOnly],
    warnings: loaded.warnings,
    loadedAt: context.now.toISOString(),
  };
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
  const index = new IssueIndex();
  for (const hit of snapshot.hits) index.add(hit);
  return index;
}

const hitSchema = z.object({
  issueId: z.string(),
  shortId: z.string(),
  title: z.string(),
  level: z.string(),
  role: z.enum(['raised', 'caller']),
  count: z.number(),
  userCount: z.number(),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  folder: z.string(),
  file: z.string(),
  line: z.number().int().positive(),
  moved: z.boolean(),
  stale: z.boolean(),
});

const snapshotSchema = z.object({
  version: z.literal(snapshotVersion),
  connection: z.object({ url: z.string(), org: z.string(), project: z.string() }),
  folderPath: z.string(),
  backend: z.enum(['sentry', 'glitchtip']),
  projectId: z.string(),
  release: z.object({ version: z.string(), source: z.string() }).optional(),
  environments: z.array(z.string()),
  issues: z.array(issueSchema),
  events: z.record(z.string(), eventSchema),
  hits: z.array(hitSchema),
  unresolvedFrames: z.number(),
  unresolvedByIssue: z.record(z.string(), z.number()).optional(),
  missing: z.array(z.object({ issueId: z.string(), shortId: z.string(), message: z.string() })).optional(),
  framesOnly: z.array(z.string()).optional(),
  warnings: z.array(z.string()),
  loadedAt: z.string(),
});

/** Reads a cached snapshot back; anything that does not validate (corrupt, older format) gives undefined. */
export function parseSnapshot(value: unknown): IssueSnapshot | undefined {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? (parsed.data as IssueSnapshot) : undefined;
}
