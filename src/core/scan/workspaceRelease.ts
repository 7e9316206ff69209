// The release a workspace folder runs, detected as everywhere (option, SENTRY_RELEASE, git HEAD, package.json, else
// the project's newest), for `scan`, `compare` and the editor alike.
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { Logger } from '../log';
import { detectRelease, releaseCandidates } from '../release';
import { ok, type Result } from '../result';
import { catalogOf } from './releaseCatalog';

export interface LoadedRelease {
  readonly version: string;
  /** Where the version came from: option, env, git, package.json, or latest (the project's newest, as a fallback). */
  readonly source: string;
}

export interface WorkspaceReleaseTarget {
  readonly org: string;
  readonly projectId: string;
  readonly workspaceDir: string;
  /** An explicit release (option or setting); detection runs when absent. */
  readonly release?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}

/** Undefined release when the project has none; the warnings say which deliberate choices did not exist. */
export async function workspaceRelease(client: SentryClient, target: WorkspaceReleaseTarget): Promise<Result<{ release?: LoadedRelease; warnings: readonly string[] }, ApiError>> {
  const candidates = await releaseCandidates({ explicit: target.release, env: target.env, workspaceDir: target.workspaceDir });
  const detected = await detectRelease(candidates, catalogOf(client, target.org, target.projectId, target.signal));
  if (!detected.ok) return detected;
  const release = detected.value.version ? { version: detected.value.version, source: detected.value.source } : undefined;
  if (release) target.log.info(`Release ${release.version}, from ${release.source}`);
  return ok({ ...(release ? { release } : {}), warnings: detected.value.warnings });
}
