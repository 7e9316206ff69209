// One full load of a workspace: configuration, release, the release's issues and their latest events, resolved to
// workspace lines in an IssueIndex. The CLI prints it; the editor draws it.
import { isConfigurationError, type ApiError } from '../api/errors';
import type { Issue } from '../api/issueSchema';
import { SentryClient } from '../api/client';
import type { RetryPolicy } from '../api/retryPolicy';
import { resolveConnection, type ConnectionSettings } from '../config';
import { IssueIndex } from '../index/issueIndex';
import type { Logger } from '../log';
import { detectRelease, releaseCandidates } from '../release';
import type { PathMapping, WorkspaceFolder } from '../resolve/frame';
import { err, ok, type Result } from '../result';
import { hitsOfEvent, issueCounts } from './eventHits';
import { findProject } from './projectLookup';
import { catalogOf } from './releaseCatalog';
import { buildResolver } from './resolverSetup';

export interface ScanOptions extends ConnectionSettings {
  readonly release?: string;
  readonly environments?: readonly string[];
  readonly workspaceDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** False in an untrusted workspace: its files may not redirect requests. */
  readonly trusted?: boolean;
  readonly statsPeriod?: string;
  readonly pathMappings?: readonly PathMapping[];
  readonly log: Logger;
  readonly onProgress?: (message: string) => void;
  /** For tests and scripts: request timeout and retry tuning. */
  readonly http?: { timeoutMs?: number; retry?: Partial<RetryPolicy>; maxConcurrency?: number };
  readonly signal?: AbortSignal;
}

export interface ScannedRelease {
  readonly version: string;
  /** Where the version came from: option, env, git, package.json, or latest (the project's newest, as a fallback). */
  readonly source: string;
}

export interface ScannedIssue {
  readonly id: string;
  readonly shortId: string;
  readonly title: string;
  readonly culprit?: string;
  readonly level: string;
  readonly status: string;
  readonly count: number;
  readonly userCount: number;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly permalink?: string;
}

export interface ScanResult {
  readonly release?: ScannedRelease;
  readonly issues: readonly ScannedIssue[];
  readonly index: IssueIndex;
  readonly unresolvedFrames: number;
  readonly warnings: readonly string[];
}

export type ScanFailure =
  | { readonly kind: 'configuration'; readonly message: string }
  | { readonly kind: 'api'; readonly error: ApiError };

export const defaultStatsPeriod = '14d';

export async function scan(options: ScanOptions): Promise<Result<ScanResult, ScanFailure>> {
  const warnings: string[] = [];
  const progress = options.onProgress ?? (() => undefined);
  const connection = await resolveConnection({
    explicit: { url: options.url, org: options.org, project: options.project, token: options.token },
    env: options.env,
    workspaceDir: options.workspaceDir,
    trusted: options.trusted ?? true,
  });
  warnings.push(...connection.warnings);
  const { org, project, token, url } = connection;
  if (!org) return configuration('No Sentry organization: pass --org, set SENTRY_ORG, or add `org` to .sentryclirc / sentry.properties.');
  if (!project) return configuration('No Sentry project: pass --project, set SENTRY_PROJECT, or add `project` to .sentryclirc / sentry.properties.');
  if (!token && !isLoopback(url)) return configuration(`No auth token for ${url}: set SENTRY_AUTH_TOKEN (a user auth token with org:read, project:read, event:read), or add it to .sentryclirc.`);

  progress(`Connecting to ${url}`);
  const client = await SentryClient.detect({ baseUrl: url, token, log: options.log, userAgent: 'sentry-insight-cli', ...options.http });
  try {
    return await scanWithClient(client, { ...options, org, project }, warnings, progress);
  } finally {
    await client.close();
  }
}

async function scanWithClient(
  client: SentryClient,
  options: ScanOptions & { org: string; project: string },
  warnings: string[],
  progress: (message: string) => void,
): Promise<Result<ScanResult, ScanFailure>> {
  const { org, signal } = options;
  const folder: WorkspaceFolder = { name: options.workspaceDir.split(/[\\/]/).pop() || 'workspace', path: options.workspaceDir };

  const projectFound = await findProject(client, org, options.project, signal);
  if (!projectFound.ok) return failed(projectFound.error);
  const projectId = projectFound.value.id;

  // The workspace walk and the code mappings do not depend on the release: start them now.
  const resolverReady = buildResolver(client, { org, projectId, folders: [folder], pathMappings: options.pathMappings ?? [], log: options.log, warnings, signal });

  progress('Detecting the release');
  const candidates = await releaseCandidates({ explicit: options.release, env: options.env, workspaceDir: options.workspaceDir });
  const detected = await detectRelease(candidates, catalogOf(client, org, projectId, signal));
  if (!detected.ok) return failed(detected.error);
  warnings.push(...detected.value.warnings);
  const release = detected.value.version ? { version: detected.value.version, source: detected.value.source } : undefined;
  if (release) options.log.info(`Release ${release.version}, from ${release.source}`);

  const releaseFilter = release ? `release:${quoteSearchValue(release.version)}` : undefined;
  const resolver = await resolverReady;
  const index = new IssueIndex();
  const issues: Issue[] = [];
  let unresolvedFrames = 0;
  let eventsDone = 0;
  const eventLoads: Array<Promise<void>> = [];
  const report = (): void => progress(`Loading issues${release ? ` of ${release.version}` : ''}: ${issues.length} issues, ${eventsDone} latest events`);

  const loadHits = async (issue: Issue): Promise<void> => {
    const event = await latestEventOf(client, org, issue, { environments: options.environments, query: releaseFilter, signal }, warnings);
    if (event) {
      const found = await hitsOfEvent(issue, event, resolver);
      for (const hit of found.hits) index.add(hit);
      unresolvedFrames += found.unresolvedFrames;
    }
    eventsDone++;
    report();
  };

  // Each page's latest events load while the next page is being fetched; the HTTP layer bounds the concurrency.
  const listed = await client.issues(
    org,
    { projectId, query: ['is:unresolved', releaseFilter].filter(Boolean).join(' '), environments: options.environments, statsPeriod: options.statsPeriod ?? defaultStatsPeriod, sort: 'freq', signal },
    (page) => {
      issues.push(...page);
      report();
      eventLoads.push(...page.map(loadHits));
    },
  );
  await Promise.all(eventLoads);
  if (!listed.ok) return failed(listed.error);

  return ok({ release, issues: issues.map(toScannedIssue), index, unresolvedFrames, warnings: dedupe(warnings) });
}

/** The latest event matching the release; if the release has none in the window, the issue's latest at all. */
async function latestEventOf(
  client: SentryClient,
  org: string,
  issue: Issue,
  filter: { environments?: readonly string[]; query?: string; signal?: AbortSignal },
  warnings: string[],
) {
  const event = await client.latestEvent(org, issue.id, filter);
  if (event.ok) return event.value;
  if (event.error.kind === 'notFound' && filter.query) {
    const anyEvent = await client.latestEvent(org, issue.id, { environments: filter.environments, signal: filter.signal });
    if (anyEvent.ok) return anyEvent.value;
  }
  warnings.push(`No stack trace for ${issue.shortId}: ${event.error.message}`);
  return undefined;
}

function toScannedIssue(issue: Issue): ScannedIssue {
  const { count, userCount } = issueCounts(issue);
  return {
    id: issue.id,
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    level: issue.level,
    status: issue.status,
    count,
    userCount,
    firstSeen: issue.firstSeen,
    lastSeen: issue.lastSeen,
    permalink: issue.permalink,
  };
}

/** Sentry search quoting: `release:"a b"`, with inner quotes escaped. */
export function quoteSearchValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function configuration(message: string): Result<never, ScanFailure> {
  return err({ kind: 'configuration', message });
}

function failed(error: ApiError): Result<never, ScanFailure> {
  return isConfigurationError(error) ? err({ kind: 'configuration', message: error.message }) : err({ kind: 'api', error });
}
