// One full load for `sentry-insight scan` (and the connection `compare` and `mcp` share): resolve the connection (options,
// environment, sentry-cli files) in the words of the command line, connect, and load the workspace's issues. The editor
// resolves its connection from settings and SecretStorage and calls the core's loader itself.
import { SentryClient } from '../core/api/client';
import { isConfigurationError, type ApiError } from '../core/api/errors';
import type { RetryPolicy } from '../core/api/retryPolicy';
import {
  resolveConnection,
  type ConnectionSettings,
  type ResolvedConnection,
  type SettingSource,
} from '../core/config';
import { isLoopbackUrl } from '../core/local/loopback';
import type { Logger } from '../core/log';
import type { ReleaseSource } from '../core/release';
import type { PathMapping } from '../core/resolve/frame';
import { err, ok, type Result } from '../core/result';
import { withReleaseFacts } from '../core/tracking/issueReleases';
import { loadWorkspaceIssues, type WorkspaceIssues } from '../core/session/loadWorkspaceIssues';

export interface ScanOptions extends ConnectionSettings {
  readonly release?: string;
  /** Sources whose release, when given, must exist: the CLI passes `option` (and `env` for compare's gate). */
  readonly releaseMustExist?: readonly ReleaseSource[];
  readonly environments?: readonly string[];
  readonly workspaceDir: string;
  /** The user's home folder, for sentry-cli's global `~/.sentryclirc`; tests point it at a temp folder. */
  readonly homeDir?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** False in an untrusted workspace: its files may not redirect requests. */
  readonly trusted?: boolean;
  /** true to read no sentry-cli file from the workspace (see ConnectionInput.ignoreWorkspaceFiles). */
  readonly ignoreWorkspaceFiles?: boolean;
  /** Told where the connection came from once it is resolved and usable, before any request is sent. */
  readonly onResolved?: (connection: ResolvedConnection) => void;
  readonly statsPeriod?: string;
  readonly pathMappings?: readonly PathMapping[];
  /** Ask every issue where it started and was last seen (its details, one request each, at that endpoint's pace). */
  readonly releaseFacts?: boolean;
  readonly log: Logger;
  readonly onProgress?: (message: string) => void;
  /** For tests and scripts: request timeout and retry tuning. */
  readonly http?: { timeoutMs?: number; retry?: Partial<RetryPolicy>; maxConcurrency?: number };
  readonly signal?: AbortSignal;
}

export type ScanResult = WorkspaceIssues;

export type ScanFailure =
  { readonly kind: 'configuration'; readonly message: string } | { readonly kind: 'api'; readonly error: ApiError };

/** A connected client for one command: the caller closes it. */
export interface CommandConnection {
  readonly client: SentryClient;
  readonly org: string;
  readonly project: string;
  readonly warnings: readonly string[];
}

/** Resolves the connection (options, environment, sentry-cli files), checks it names a project and a token, and connects. */
export async function connectForCommand(options: ScanOptions): Promise<Result<CommandConnection, ScanFailure>> {
  const connection = await resolveConnection({
    explicit: { url: options.url, org: options.org, project: options.project, token: options.token },
    env: options.env,
    workspaceDir: options.workspaceDir,
    trusted: options.trusted ?? true,
    homeDir: options.homeDir,
    ignoreWorkspaceFiles: options.ignoreWorkspaceFiles,
  });
  const { org, project, token, url } = connection;
  if (connection.invalidUrl) {
    return configuration(
      `The server URL from ${urlSourceName(connection.invalidUrl.source)} cannot be used: ${connection.invalidUrl.reason}.`,
    );
  }
  if (!org)
    return configuration(
      'No Sentry organization: pass --org, set SENTRY_ORG, or add `org` to .sentryclirc / sentry.properties.',
    );
  if (!project)
    return configuration(
      'No Sentry project: pass --project, set SENTRY_PROJECT, or add `project` to .sentryclirc / sentry.properties.',
    );
  if (!token && !isLoopbackUrl(url))
    return configuration(
      `No auth token for ${url}: set SENTRY_AUTH_TOKEN (a user auth token with org:read, project:read, event:read), or add it to .sentryclirc.`,
    );
  options.onResolved?.(connection);
  options.onProgress?.(`Connecting to ${url}`);
  const client = await SentryClient.detect({
    baseUrl: url,
    token,
    log: options.log,
    userAgent: 'sentry-insight-cli',
    ...options.http,
  });
  return ok({ client, org, project, warnings: connection.warnings });
}

export async function scan(options: ScanOptions): Promise<Result<ScanResult, ScanFailure>> {
  const connected = await connectForCommand(options);
  if (!connected.ok) return connected;
  const { client, org, project } = connected.value;
  try {
    const folder = { name: options.workspaceDir.split(/[\\/]/).pop() || 'workspace', path: options.workspaceDir };
    const loaded = await loadWorkspaceIssues(client, { ...options, org, project, folder });
    if (!loaded.ok) return commandFailure(loaded.error);
    const warnings = [...connected.value.warnings, ...loaded.value.warnings];
    const issues = options.releaseFacts
      ? await withReleaseFacts(client, org, loaded.value.issues, warnings, { signal: options.signal })
      : loaded.value.issues;
    return ok({ ...loaded.value, issues, warnings: [...new Set(warnings)] });
  } finally {
    await client.close();
  }
}

/** Where a URL was set, in the words of the command line. */
function urlSourceName(source: SettingSource): string {
  if (source === 'option') return '--url';
  if (source === 'env') return 'SENTRY_URL';
  return source;
}

function configuration(message: string): Result<never, ScanFailure> {
  return err({ kind: 'configuration', message });
}

export function commandFailure(error: ApiError): Result<never, ScanFailure> {
  return isConfigurationError(error)
    ? err({ kind: 'configuration', message: error.message })
    : err({ kind: 'api', error });
}
