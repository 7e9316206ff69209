// Loads what one workspace folder shows from an already connected client: the release, its unresolved issues with
// their latest events, and the workspace lines those events' frames resolve to. The CLI's `scan` and the editor share it.
import type { BackendKind } from '../api/backend';
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { IssueEvent } from '../api/eventSchema';
import type { Issue } from '../api/issueSchema';
import { IssueIndex } from '../index/issueIndex';
import type { Logger } from '../log';
import type { PathMapping, WorkspaceFolder } from '../resolve/frame';
import { err, ok, type Result } from '../result';
import { hitsOfEvent } from './eventHits';
import { findProject } from './projectLookup';
import { buildResolver } from './resolverSetup';
import { quoteSearchValue } from './searchQuoting';
import { withReleaseFacts } from '../tracking/issueReleases';
import { workspaceRelease, type LoadedRelease } from './workspaceRelease';

export type { LoadedRelease } from './workspaceRelease';

export interface LoadTarget {
  readonly org: string;
  /** Project slug (or id). */
  readonly project: string;
  readonly folder: WorkspaceFolder;
  /** An explicit release (option or setting); detection runs when absent. */
  readonly release?: string;
  readonly environments?: readonly string[];
  readonly statsPeriod?: string;
  readonly pathMappings?: readonly PathMapping[];
  /** The environment variables release detection may read (`SENTRY_RELEASE`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Logger;
  readonly onProgress?: (message: string) => void;
  readonly signal?: AbortSignal;
  /** The issues of the previous load: where they started is not asked again while they have no new events. */
  readonly previousIssues?: readonly Issue[];
  /** The local Sentry creates a project with its first event: until then a missing project means "no issues yet". */
  readonly projectMayNotExistYet?: boolean;
}

export interface WorkspaceIssues {
  readonly backend: BackendKind;
  readonly project: { readonly id: string; readonly slug: string };
  readonly release?: LoadedRelease;
  readonly issues: readonly Issue[];
  /** The latest event of each issue (within the release where it has one), by issue id. */
  readonly events: ReadonlyMap<string, IssueEvent>;
  readonly index: IssueIndex;
  readonly unresolvedFrames: number;
  readonly warnings: readonly string[];
}

export const defaultStatsPeriod = '14d';

export async function loadWorkspaceIssues(client: SentryClient, target: LoadTarget): Promise<Result<WorkspaceIssues, ApiError>> {
  const { org, signal } = target;
  const warnings: string[] = [];
  const progress = target.onProgress ?? (() => undefined);

  const project = await findProject(client, org, target.project, signal);
  if (!project.ok && project.error.kind === 'notFound' && target.projectMayNotExistYet) {
    return ok({ backend: client.backend.kind, project: { id: target.project, slug: target.project }, issues: [], events: new Map(), index: new IssueIndex(), unresolvedFrames: 0, warnings: [] });
  }
  if (!project.ok) return project;
  const projectId = project.value.id;

  // The workspace walk and the code mappings do not depend on the release: start them now.
  const resolverReady = buildResolver(client, { org, projectId, folders: [target.folder], pathMappings: target.pathMappings ?? [], log: target.log, warnings, signal });

  progress('Detecting the release');
  const detected = await workspaceRelease(client, { org, projectId, workspaceDir: target.folder.path, release: target.release, env: target.env, log: target.log, signal });
  if (!detected.ok) return detected;
  warnings.push(...detected.value.warnings);
  const release: LoadedRelease | undefined = detected.value.release;

  const releaseFilter = release ? `release:${quoteSearchValue(release.version)}` : undefined;
  const resolver = await resolverReady;
  const index = new IssueIndex();
  const issues: Issue[] = [];
  const events = new Map<string, IssueEvent>();
  let unresolvedFrames = 0;
  const eventLoads: Array<Promise<void>> = [];
  const report = (): void => progress(`Loading issues${release ? ` of ${release.version}` : ''}: ${issues.length} issues, ${events.size} latest events`);

  // Where each issue started (issue detail) loads beside its latest event: stories and alerts need it.
  const releaseFacts: Array<Promise<Issue[]>> = [];
  const known = new Map((target.previousIssues ?? []).map((issue) => [issue.id, issue]));
  const loadHits = async (issue: Issue): Promise<void> => {
    const event = await latestEventOf(client, org, issue, { environments: target.environments, query: releaseFilter, signal }, warnings);
    if (!event) return;
    events.set(issue.id, event);
    const found = await hitsOfEvent(issue, event, resolver);
    for (const hit of found.hits) index.add(hit);
    unresolvedFrames += found.unresolvedFrames;
    report();
  };

  // Each page's latest events load while the next page is being fetched; the HTTP layer bounds the concurrency.
  const listed = await client.issues(
    org,
    { projectId, query: ['is:unresolved', releaseFilter].filter(Boolean).join(' '), environments: target.environments, statsPeriod: target.statsPeriod ?? defaultStatsPeriod, sort: 'freq', signal },
    (page) => {
      issues.push(...page);
      report();
      eventLoads.push(...page.map(loadHits));
      releaseFacts.push(withReleaseFacts(client, org, page, warnings, { signal, known }));
    },
  );
  await Promise.all(eventLoads);
  const issuesWithReleases = (await Promise.all(releaseFacts)).flat();
  if (!listed.ok) return err(listed.error);

  return ok({
    backend: client.backend.kind,
    project: { id: projectId, slug: project.value.slug },
    release,
    issues: issuesWithReleases,
    events,
    index,
    unresolvedFrames,
    warnings: [...new Set(warnings)],
  });
}

/** The latest event matching the release; if the release has none in the window, the issue's latest at all. */
async function latestEventOf(
  client: SentryClient,
  org: string,
  issue: Issue,
  filter: { environments?: readonly string[]; query?: string; signal?: AbortSignal },
  warnings: string[],
): Promise<IssueEvent | undefined> {
  const event = await client.latestEvent(org, issue.id, filter);
  if (event.ok) return event.value;
  if (event.error.kind === 'notFound' && filter.query) {
    const anyEvent = await client.latestEvent(org, issue.id, { environments: filter.environments, signal: filter.signal });
    if (anyEvent.ok) return anyEvent.value;
  }
  warnings.push(`No stack trace for ${issue.shortId}: ${event.error.message}`);
  return undefined;
}
