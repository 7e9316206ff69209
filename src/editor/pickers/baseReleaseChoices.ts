// The rows of the base-release picker of Sentry: Compare Releases, as plain data: "The release before it" (the
// default) first, then the project's releases older than the compared one, newest first, marking the previous one and
// the one compared with now.
import type { Release } from '../../core/api/directorySchemas';
import { describeAge } from '../../core/format/dataAge';
import { plural } from '../../core/format/counts';
import { pickText } from '../../core/format/untrustedText';

export interface BaseReleaseChoice {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Undefined for the default, the release just before the compared one. */
  readonly version?: string;
  /** The row to highlight first: the base compared with now. */
  readonly current: boolean;
}

export interface BaseReleaseChoiceInput {
  /** Newest first, as the API answers. */
  readonly releases: readonly Release[];
  /** The release being compared (the folder's current release). */
  readonly release: string;
  /** The base chosen before; undefined for the default. */
  readonly chosen?: string;
  readonly now: Date;
}

export function baseReleaseChoices(input: BaseReleaseChoiceInput): BaseReleaseChoice[] {
  const at = input.releases.findIndex((release) => release.version === input.release);
  // A release missing from the list (older than the page, or deleted) leaves every other release as a candidate.
  const older =
    at >= 0 ? input.releases.slice(at + 1) : input.releases.filter((release) => release.version !== input.release);
  const previous = at >= 0 ? input.releases[at + 1]?.version : undefined;
  // "None found" only where the list shows there is none: a compared release missing from it says nothing.
  const byDefault = defaultChoice(
    input.release,
    input.chosen,
    previous ?? (at >= 0 ? 'none found' : 'found when comparing'),
  );
  return [byDefault, ...older.map((release) => choiceOf(release, input, previous))];
}

/** The default row while the releases load: which release comes before is not known yet, so it says it is looking. */
export function loadingBaseChoice(release: string, chosen: string | undefined): BaseReleaseChoice {
  return defaultChoice(release, chosen, 'loading the releases…');
}

function defaultChoice(release: string, chosen: string | undefined, description: string): BaseReleaseChoice {
  return {
    label: '$(history) The release before it',
    description,
    detail: `Compares ${release} with the release created just before it.`,
    current: chosen === undefined,
  };
}

function choiceOf(release: Release, input: BaseReleaseChoiceInput, previous: string | undefined): BaseReleaseChoice {
  const marks = [
    release.version === previous && 'previous release',
    release.version === input.chosen && 'compared with now',
  ].filter(Boolean);
  const date = release.dateReleased ?? release.dateCreated;
  const age = date ? describeAge(date, input.now) : undefined;
  const facts = [
    age && `${release.dateReleased ? 'released' : 'created'} ${age}`,
    release.newGroups !== undefined ? plural(release.newGroups, 'new issue') : undefined,
  ];
  return {
    label: pickText(release.version, 200),
    description: marks.join(' · ') || undefined,
    detail: facts.filter(Boolean).join(' · ') || undefined,
    version: release.version,
    current: release.version === input.chosen,
  };
}
