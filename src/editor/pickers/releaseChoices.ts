// The rows of the release picker as plain data: "Detect automatically", then the project's releases newest first
// with their dates and new-issue counts, marking the one shown now, the ones detection finds and the pinned one.
import type { Release } from '../../core/api/directorySchemas';
import { describeAge } from '../../core/format/dataAge';
import { plural } from '../../core/format/counts';
import { releaseSourceLabel } from '../../core/format/releaseName';
import type { ReleaseCandidate } from '../../core/release';
import { pickText } from '../../core/format/untrustedText';

export interface ReleaseChoice {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Undefined for "Detect automatically", which clears the setting. */
  readonly version?: string;
  /** The row to highlight first: the pinned release, else "Detect automatically". */
  readonly current: boolean;
}

export interface ReleaseChoiceInput {
  /** Newest first, as the API answers. */
  readonly releases: readonly Release[];
  /** The release the shown issues belong to (from the last load). */
  readonly shown?: { readonly version: string; readonly source: string };
  /** The `release` setting of the folder. */
  readonly pinned?: string;
  /** What detection would try, without the setting: SENTRY_RELEASE, git HEAD, package.json. */
  readonly detected: readonly ReleaseCandidate[];
  readonly now: Date;
}

export function releaseChoices(input: ReleaseChoiceInput): ReleaseChoice[] {
  return [detectChoice(input), ...input.releases.map((release) => releaseChoice(release, input))];
}

function detectChoice(input: ReleaseChoiceInput): ReleaseChoice {
  const tries = input.detected.map((candidate) => `${candidate.version} (${releaseSourceLabel(candidate.source)})`);
  return {
    label: '$(sparkle) Detect automatically',
    description: input.pinned ? 'clears the release setting' : 'current choice',
    detail: `Tries ${[...tries, "the project's newest release"].join(', then ')}.`,
    current: input.pinned === undefined,
  };
}

function releaseChoice(release: Release, input: ReleaseChoiceInput): ReleaseChoice {
  const marks: string[] = [];
  if (release.version === input.shown?.version) marks.push('shown now');
  const detectedAs = input.detected.find((candidate) => candidate.version === release.version);
  if (detectedAs) marks.push(`detected from ${releaseSourceLabel(detectedAs.source)}`);
  if (release.version === input.pinned) marks.push('pinned in settings');
  const date = release.dateReleased ?? release.dateCreated;
  const age = date ? describeAge(date, input.now) : undefined;
  const facts = [
    age && `${release.dateReleased ? 'released' : 'created'} ${age}`,
    release.newGroups !== undefined ? plural(release.newGroups, 'new issue') : undefined,
  ];
  return {
    label: `${release.version === input.shown?.version ? '$(check) ' : ''}${pickText(release.version, 200)}`,
    description: marks.join(' · ') || undefined,
    detail: facts.filter(Boolean).join(' · ') || undefined,
    version: release.version,
    current: release.version === input.pinned,
  };
}
