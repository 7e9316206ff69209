// Lists the release versions a workspace folder may run, most deliberate first: option, SENTRY_RELEASE, git HEAD, package.json.
import { silentLogger, type Logger } from '../log';
import { readGitHead } from './gitHead';
import { readPackageRelease } from './packageRelease';
import { isValidReleaseVersion } from './releaseVersion';

export type ReleaseSource = 'option' | 'env' | 'git' | 'package.json';

export interface ReleaseCandidate {
  readonly version: string;
  readonly source: ReleaseSource;
}

export interface ReleaseCandidatesInput {
  /** The release option or setting; blank means detect. */
  readonly explicit?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly workspaceDir: string;
  /** Told why git or package.json gave no candidate, and which versions were dropped as invalid. */
  readonly logger?: Logger;
}

export const releaseEnvVar = 'SENTRY_RELEASE';

/** Candidates in order of precedence, trimmed, without versions Sentry cannot hold, and without repeats (the first source is kept). */
export async function releaseCandidates(input: ReleaseCandidatesInput): Promise<ReleaseCandidate[]> {
  const logger = input.logger ?? silentLogger;
  const [gitHead, packageRelease] = await Promise.all([
    readGitHead(input.workspaceDir),
    readPackageRelease(input.workspaceDir),
  ]);
  if (!gitHead.ok) logger.debug(`No git release candidate: ${gitHead.error}.`);
  if (!packageRelease.ok) logger.debug(`No package.json release candidate: ${packageRelease.error}.`);
  const found: Array<{ version: string | undefined; source: ReleaseSource }> = [
    { version: input.explicit, source: 'option' },
    { version: input.env[releaseEnvVar], source: 'env' },
    { version: gitHead.ok ? gitHead.value : undefined, source: 'git' },
    { version: packageRelease.ok ? packageRelease.value : undefined, source: 'package.json' },
  ];
  return uniqueValidCandidates(found, logger);
}

function uniqueValidCandidates(
  found: ReadonlyArray<{ version: string | undefined; source: ReleaseSource }>,
  logger: Logger,
): ReleaseCandidate[] {
  const candidates: ReleaseCandidate[] = [];
  for (const { version: raw, source } of found) {
    const version = raw?.trim();
    if (!version) continue;
    if (!isValidReleaseVersion(version)) {
      logger.warn(
        `Ignored the release from ${source}: Sentry does not accept "${printable(version)}" as a release version.`,
      );
      continue;
    }
    if (!candidates.some((candidate) => candidate.version === version)) candidates.push({ version, source });
  }
  return candidates;
}

/** Shows control characters as escapes and keeps the message short. */
function printable(version: string): string {
  const escaped = JSON.stringify(version).slice(1, -1);
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}
