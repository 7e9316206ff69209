// The release a workspace folder runs, detected as everywhere (option, SENTRY_RELEASE, git HEAD, package.json, else
// the project's newest), for `scan`, `compare` and the editor alike.
import type { SentryClient } from '../api/client';
import { apiError, type ApiError } from '../api/errors';
import type { Logger } from '../log';
import { detectRelease, releaseCandidates, releaseEnvVar, type ReleaseSource } from '../release';
import { err, ok, type Result } from '../result';
import type { LoadMemo } from '../session/loadMemo';
import { catalogOf } from './releaseCatalog';

export interface LoadedRelease {
  readonly version: string;
  /** Where the version came from: option, env, git, package.json, or latest (the project's newest, as a fallback). */
  readonly source: string;
}

export interface WorkspaceReleaseTarget {
  readonly org: string;
  /** The project's id, or its pending answer (see catalogOf). */
  readonly projectId: string | Promise<string | undefined>;
  readonly workspaceDir: string;
  /** An explicit release (option or setting); detection runs when absent. */
  readonly release?: string;
  /**
   * Sources whose release, when given, must exist: the CLI refuses to fall back from a release typed on its command
   * line (and, for a release gate, from SENTRY_RELEASE) to another one. The editor falls back with a warning.
   */
  readonly releaseMustExist?: readonly ReleaseSource[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  /** A session's memory of the last decision (see LoadMemo): reused without a request when it still holds. */
  readonly memo?: LoadMemo;
}

/** Undefined release when the project has none; the warnings say which deliberate choices did not exist. */
export async function workspaceRelease(
  client: SentryClient,
  target: WorkspaceReleaseTarget,
): Promise<Result<{ release?: LoadedRelease; warnings: readonly string[] }, ApiError>> {
  const candidates = await releaseCandidates({
    explicit: target.release,
    env: target.env,
    workspaceDir: target.workspaceDir,
  });
  const key = candidates.map((candidate) => candidate.version).join('\n');
  const memo = target.memo;
  if (memo?.release && memo.release.candidates === key) return ok({ release: memo.release.release, warnings: [] });
  const detected = await detectRelease(candidates, catalogOf(client, target.org, target.projectId, target.signal));
  if (!detected.ok) return detected;
  const required = givenRelease(target);
  if (required && target.releaseMustExist?.includes(required.source) && detected.value.source !== required.source) {
    const newest =
      detected.value.source === 'none' ? 'the project has no releases yet' : `its newest is ${detected.value.version}`;
    return err(
      apiError(
        'notFound',
        `Release "${required.version}" (${mustExistNames[required.source]}) does not exist in the project; ${newest}. Check the name.`,
      ),
    );
  }
  const release = detected.value.version
    ? { version: detected.value.version, source: detected.value.source }
    : undefined;
  if (release) target.log.info(`Release ${release.version}, from ${release.source}`);
  if (memo)
    memo.release = release && candidates[0]?.version === release.version ? { candidates: key, release } : undefined;
  return ok({ ...(release ? { release } : {}), warnings: detected.value.warnings });
}

/** The release the user gave on purpose, by precedence: the option, else SENTRY_RELEASE (even one detection dropped as invalid). */
function givenRelease(target: WorkspaceReleaseTarget): { version: string; source: ReleaseSource } | undefined {
  const option = target.release?.trim();
  if (option) return { version: option, source: 'option' };
  const env = target.env[releaseEnvVar]?.trim();
  return env ? { version: env, source: 'env' } : undefined;
}

/** How the command line names each source a release must exist from. */
const mustExistNames: Readonly<Record<ReleaseSource, string>> = {
  option: '--release',
  env: 'SENTRY_RELEASE',
  git: 'git HEAD',
  'package.json': 'package.json',
};
