// An issue's story relative to the release a workspace runs: new in it, carried over from an earlier release, back
// after a fix (regressed), or resolved. Derived from what Sentry itself records, never from our own guesses.
import type { Issue } from '../api/issueSchema';

export type IssueStoryKind = 'new' | 'carried' | 'regressed' | 'resolved';

export interface IssueStory {
  readonly kind: IssueStoryKind;
  /** The release the issue was first seen in (issue detail's `firstRelease`), when the server tells. */
  readonly firstRelease?: string;
  /** The release of its newest event (issue detail's `lastRelease`). */
  readonly lastRelease?: string;
  /** For `resolved`: the release it was resolved in, or `next` for "in the next release". */
  readonly resolvedIn?: string;
  /** For `resolved`: events have arrived since the resolution (possible for "resolved in next release"). */
  readonly eventsSinceResolution?: boolean;
}

type StoryFields = Pick<Issue, 'status'> &
  Partial<Pick<Issue, 'substatus' | 'statusDetails' | 'firstRelease' | 'lastRelease' | 'lastSeen'>> & {
    readonly activity?: ReadonlyArray<{ readonly type?: string; readonly dateCreated?: string }> | null;
  };

/**
 * Regressed wins over everything (Sentry reopened it), then resolved, then new (first seen in `release`), else carried.
 * Without a release, or where the server does not say where an issue started (GlitchTip), an open issue is carried.
 */
export function storyOf(issue: StoryFields, release: string | undefined): IssueStory {
  const firstRelease = issue.firstRelease?.version;
  const lastRelease = issue.lastRelease?.version;
  const releases = { ...(firstRelease ? { firstRelease } : {}), ...(lastRelease ? { lastRelease } : {}) };
  if (issue.status === 'unresolved' && issue.substatus === 'regressed') return { kind: 'regressed', ...releases };
  if (issue.status === 'resolved') return { kind: 'resolved', ...releases, ...resolution(issue) };
  if (release !== undefined && firstRelease === release) return { kind: 'new', ...releases };
  return { kind: 'carried', ...releases };
}

function resolution(issue: StoryFields): Pick<IssueStory, 'resolvedIn' | 'eventsSinceResolution'> {
  const details = issue.statusDetails ?? {};
  const resolvedIn =
    typeof details.inRelease === 'string' ? details.inRelease : details.inNextRelease === true ? 'next' : undefined;
  const resolvedAt = lastResolutionTime(issue.activity);
  const eventsSinceResolution =
    resolvedAt !== undefined && issue.lastSeen !== undefined && issue.lastSeen !== null
      ? Date.parse(issue.lastSeen) > resolvedAt
      : undefined;
  return {
    ...(resolvedIn ? { resolvedIn } : {}),
    ...(eventsSinceResolution !== undefined ? { eventsSinceResolution } : {}),
  };
}

/** The time of the newest `set_resolved*` activity (issue detail's `activity`, newest first in Sentry's answer). */
function lastResolutionTime(activity: StoryFields['activity']): number | undefined {
  let newest: number | undefined;
  for (const entry of activity ?? []) {
    if (!entry.type?.startsWith('set_resolved') || !entry.dateCreated) continue;
    const time = Date.parse(entry.dateCreated);
    if (Number.isFinite(time) && (newest === undefined || time > newest)) newest = time;
  }
  return newest;
}
