// Picks the workspace's release: the first candidate that exists in the project, else the project's latest release, else none.
import type { ApiError } from '../api/errors';
import { err, ok, type Result } from '../result';
import type { ReleaseCandidate, ReleaseSource } from './releaseCandidates';

/** What detection needs from the API; the API client implements it. */
export interface ReleaseCatalog {
  /** ok(false) or a `notFound` error both mean the project has no such release. */
  hasRelease(version: string): Promise<Result<boolean, ApiError>>;
  /** The project's newest release, or undefined when it has none. */
  latestRelease(): Promise<Result<string | undefined, ApiError>>;
}

export interface DetectedRelease {
  /** Undefined when the project has no releases: the caller then lists issues of all releases. */
  readonly version?: string;
  readonly source: ReleaseSource | 'latest' | 'none';
  readonly warnings: readonly string[];
  readonly candidates: readonly ReleaseCandidate[];
}

type Existence = Result<boolean, ApiError>;

export async function detectRelease(
  candidates: readonly ReleaseCandidate[],
  catalog: ReleaseCatalog,
): Promise<Result<DetectedRelease, ApiError>> {
  const winner = await firstExisting(candidates, catalog);
  if (!winner.ok) return winner;
  if (winner.value !== undefined) {
    const skipped = candidates.slice(0, candidates.indexOf(winner.value));
    return ok({
      version: winner.value.version,
      source: winner.value.source,
      warnings: skippedDeliberateWarnings(skipped, winner.value),
      candidates,
    });
  }
  return fallBackToLatest(candidates, catalog);
}

/**
 * Asks about every candidate at once but decides in order: the answer is known as soon as every earlier candidate
 * is known not to exist. An error on a candidate before the winner is returned, since it might have been the release.
 */
async function firstExisting(
  candidates: readonly ReleaseCandidate[],
  catalog: ReleaseCatalog,
): Promise<Result<ReleaseCandidate | undefined, ApiError>> {
  const answers = candidates.map((candidate) => settle(catalog.hasRelease(candidate.version)));
  for (const [index, candidate] of candidates.entries()) {
    const answer = await answers[index];
    if (answer === undefined) continue;
    if (answer.thrown) throw answer.reason;
    const exists = answer.value;
    if (!exists.ok && exists.error.kind !== 'notFound') return exists;
    if (exists.ok && exists.value) return ok(candidate);
  }
  return ok(undefined);
}

/** Keeps a throwing catalog (a bug) from leaving an unhandled rejection behind for answers nobody awaits. */
function settle(
  answer: Promise<Existence>,
): Promise<{ thrown: false; value: Existence } | { thrown: true; reason: unknown }> {
  return answer.then(
    (value) => ({ thrown: false as const, value }),
    (reason: unknown) => ({ thrown: true as const, reason }),
  );
}

async function fallBackToLatest(
  candidates: readonly ReleaseCandidate[],
  catalog: ReleaseCatalog,
): Promise<Result<DetectedRelease, ApiError>> {
  const latest = await catalog.latestRelease();
  if (!latest.ok) return latest;
  const tried =
    candidates.length === 0
      ? 'Found no release name for this workspace'
      : `The project has none of the releases this workspace may run (${describeCandidates(candidates)})`;
  if (latest.value === undefined) {
    return ok({
      source: 'none',
      candidates,
      warnings: [`${tried}, and the project has no releases yet; showing issues of all releases.`],
    });
  }
  return ok({
    version: latest.value,
    source: 'latest',
    candidates,
    warnings: [
      `${tried}; showing the project's latest release, ${latest.value}. Set the release explicitly to choose another.`,
    ],
  });
}

/** A release the user set on purpose and that does not exist deserves a word; a git SHA that is not a release is normal. */
function skippedDeliberateWarnings(skipped: readonly ReleaseCandidate[], winner: ReleaseCandidate): string[] {
  return skipped
    .filter((candidate) => candidate.source === 'option' || candidate.source === 'env')
    .map(
      (candidate) =>
        `Release ${candidate.version} (${describeReleaseSource(candidate.source)}) does not exist in the project; using ${winner.version} (${describeReleaseSource(winner.source)}).`,
    );
}

function describeCandidates(candidates: readonly ReleaseCandidate[]): string {
  return candidates.map((candidate) => `${candidate.version} (${describeReleaseSource(candidate.source)})`).join(', ');
}

export function describeReleaseSource(source: ReleaseSource): string {
  switch (source) {
    case 'option':
      return 'release setting';
    case 'env':
      return 'SENTRY_RELEASE';
    case 'git':
      return 'git HEAD';
    case 'package.json':
      return 'package.json';
  }
}
