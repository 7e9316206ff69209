// Loads what one workspace folder shows from an already connected client: the project and the release (asked
// together), the release's unresolved issues with their latest events, and the workspace lines those events' frames
// resolve to. The CLI's `scan` calls it once; the editor's FolderSession calls it again on each refresh.
import type { BackendKind } from '../api/backend';
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import { defaultStatsPeriod } from '../api/statsPeriod';
import { IssueIndex } from '../index/issueIndex';
import type { Logger } from '../log';
import type { ReleaseSource } from '../release';
import type { PathMapping, WorkspaceFolder } from '../resolve/frame';
import type { WorkspaceFileIndex } from '../resolve/workspaceFileIndex';
import { ok, type Result } from '../result';
import { findProject } from '../scan/projectLookup';
import { buildResolver } from '../scan/resolverSetup';
import { workspaceRelease, type LoadedRelease } from '../scan/workspaceRelease';
import type { LoadMemo } from './loadMemo';
import { IssueLoad, type LoadedIssues, type MissingEvent } from './issueLoad';
import { openFilesOf } from './openFiles';
import { reusableLoad, type PreviousLoad } from './previousLoad';

export type { LoadedRelease } from '../scan/workspaceRelease';
export type { MissingEvent } from './issueLoad';

export interface LoadTarget {
  readonly org: string;
  /** Project slug (or id). */
  readonly project: string;
  readonly folder: WorkspaceFolder;
  /** An explicit release (option or setting); detection runs when absent. */
  readonly release?: string;
  /** Sources whose release, when given, must exist instead of falling back (see WorkspaceReleaseTarget). */
  readonly releaseMustExist?: readonly ReleaseSource[];
  readonly environments?: readonly string[];
  readonly statsPeriod?: string;
  readonly pathMappings?: readonly PathMapping[];
  /** The environment variables release detection may read (`SENTRY_RELEASE`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Logger;
  readonly onProgress?: (message: string) => void;
  readonly signal?: AbortSignal;
  /** The local Sentry creates a project with its first event: until then a missing project means "no issues yet". */
  readonly projectMayNotExistYet?: boolean;
  /** Files shown in editors (paths or names): the issues whose stacks touch them load before the rest. */
  readonly openFiles?: readonly string[];
  /** The folder's previous load: issues with no new events keep its events and marks without a request. */
  readonly previous?: PreviousLoad;
  /** The folder's file index kept current by a watcher (the editor's); without it each load walks the folder. */
  readonly files?: () => Promise<WorkspaceFileIndex>;
  /** Answers kept from one load to the next (project, code mappings, release decision); a session passes its own. */
  readonly memo?: LoadMemo;
  /** What is loaded so far, once the open files' issues are in and then about every second; a refresh never blanks. */
  readonly onPartial?: (partial: WorkspaceIssues) => void;
}

export interface WorkspaceIssues extends LoadedIssues {
  readonly backend: BackendKind;
  readonly project: { readonly id: string; readonly slug: string };
  readonly release?: LoadedRelease;
  readonly environments: readonly string[];
  readonly warnings: readonly string[];
}

export async function loadWorkspaceIssues(
  client: SentryClient,
  target: LoadTarget,
): Promise<Result<WorkspaceIssues, ApiError>> {
  const { org, signal } = target;
  const warnings: string[] = [];
  const progress = target.onProgress ?? (() => undefined);
  const environments = [...(target.environments ?? [])];

  // Project, release and the workspace walk start together: release detection needs the project's id only to check
  // a found release belongs to it, which it does once both answers are in. The issue lists need project and release,
  // not the resolver: they go beside the code mappings, so the open file's events are the third round trip.
  progress('Detecting the release');
  const memo = target.memo;
  const known = memo?.project;
  const projectAnswer = known ? Promise.resolve(ok(known)) : findProject(client, org, target.project, signal);
  const projectId = projectAnswer.then((answer) => (answer.ok ? answer.value.id : undefined));
  const resolverReady = buildResolver(client, {
    org,
    projectId,
    folders: [target.folder],
    pathMappings: target.pathMappings ?? [],
    log: target.log,
    warnings,
    signal,
    memo,
    files: target.files,
  });
  // Awaited only once events come: marked handled now, so a failed walk fails the load instead of the process.
  resolverReady.catch(() => undefined);
  const detectedReady = workspaceRelease(client, {
    org,
    projectId,
    workspaceDir: target.folder.path,
    release: target.release,
    releaseMustExist: target.releaseMustExist,
    env: target.env,
    log: target.log,
    signal,
    memo,
  });

  const project = await projectAnswer;
  if (!project.ok && project.error.kind === 'notFound' && target.projectMayNotExistYet) {
    return ok(emptyLoad(client.backend.kind, { id: target.project, slug: target.project }, environments));
  }
  if (!project.ok) return project;
  if (memo) memo.project = project.value;
  const detected = await detectedReady;
  if (!detected.ok) return detected;
  warnings.push(...detected.value.warnings);
  const release: LoadedRelease | undefined = detected.value.release;

  const facts = (loaded: LoadedIssues): WorkspaceIssues => ({
    ...loaded,
    backend: client.backend.kind,
    project: { id: project.value.id, slug: project.value.slug },
    ...(release ? { release } : {}),
    environments,
    warnings: [...new Set(warnings)],
  });
  const loaded = await new IssueLoad({
    client,
    org,
    projectId: project.value.id,
    release: release?.version,
    environments,
    statsPeriod: target.statsPeriod ?? defaultStatsPeriod,
    resolver: resolverReady,
    previous: reusableLoad(target.previous, release?.version, environments),
    openFiles: openFilesOf(target.openFiles),
    signal,
    warnings,
    onProgress: progress,
    onPartial: target.onPartial ? (partial) => target.onPartial?.(facts(partial)) : undefined,
    memo,
  }).run();
  await resolverReady; // a load without events still reports why code mappings were not loaded
  return loaded.ok ? ok(facts(loaded.value)) : loaded;
}

/** What a previous load leaves to the next one. */
export function previousOf(loaded: WorkspaceIssues): PreviousLoad {
  return {
    ...(loaded.release ? { release: loaded.release.version } : {}),
    environments: loaded.environments,
    issues: loaded.issues,
    events: loaded.events,
    hits: loaded.index.allHits(),
    unresolvedFrames: loaded.unresolvedByIssue,
    missing: new Set(loaded.missing.map((entry) => entry.issueId)),
    framesOnly: loaded.framesOnly,
  };
}

function emptyLoad(
  backend: BackendKind,
  project: { id: string; slug: string },
  environments: readonly string[],
): WorkspaceIssues {
  const none: readonly Issue[] = [];
  return {
    backend,
    project,
    environments,
    issues: none,
    events: new Map<string, IssueEvent>(),
    index: new IssueIndex(),
    unresolvedFrames: 0,
    unresolvedByIssue: new Map(),
    missing: [] as MissingEvent[],
    framesOnly: new Set<string>(),
    warnings: [],
  };
}
