// The release a comparison looks back to: an explicit one, else the project's release just before the compared one.
import type { SentryClient } from '../api/client';
import { apiError, type ApiError } from '../api/errors';
import { err, ok, type Result } from '../result';
import { catalogOf } from '../scan/releaseCatalog';

/** How far back the previous release is looked for; a release older than that needs an explicit base. */
const releasesScanned = 500;

export interface BaseRelease {
  readonly version?: string;
  readonly warning?: string;
}

export async function baseReleaseOf(
  client: SentryClient,
  target: { org: string; projectId: string; release: string; base?: string; signal?: AbortSignal },
): Promise<Result<BaseRelease, ApiError>> {
  if (target.base) {
    // A typo in the base must not turn a release gate into "nothing is gone".
    const exists = await catalogOf(client, target.org, target.projectId, target.signal).hasRelease(target.base);
    if (!exists.ok) return exists;
    if (!exists.value)
      return err(
        apiError(
          'notFound',
          `Base release "${target.base}" does not exist in the project: check --base, or leave it out to compare with the release before ${target.release}.`,
        ),
      );
    return ok({ version: target.base });
  }
  // Newest first, as Sentry sorts them (by creation date): the compared release's successor in the list came before it.
  const releases = await client.releases(target.org, {
    projectId: target.projectId,
    maxReleases: releasesScanned,
    signal: target.signal,
  });
  if (!releases.ok) return releases;
  const at = releases.value.findIndex((release) => release.version === target.release);
  if (at < 0)
    return ok({
      warning: `Release ${target.release} is not among the project's ${releasesScanned} newest releases, so there is no previous release to compare with; pass a base release.`,
    });
  const previous = releases.value[at + 1];
  if (!previous)
    return ok({
      warning: `Release ${target.release} is the project's first release: nothing is gone since an earlier one.`,
    });
  return ok({ version: previous.version });
}
