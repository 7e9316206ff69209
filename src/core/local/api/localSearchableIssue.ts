// A local issue as issue search reads it (issueMatching): its facts, counts and tags from the store and its substatus at
// the time of the request; for `stack.filename:` terms, the frame file names read beforehand (frameFilesFor).
import type { LocalIssue } from '../store/localIssue';
import type { LocalStore } from '../store/localStore';
import { bodyFields } from '../store/eventBody';
import { globMatches } from './globMatch';
import type { SearchableIssue } from './issueMatching';
import type { IssueSearch } from './issueSearchQuery';
import { exceptionsOf } from './localDiscoverEvent';

/** Bodies read from the store's log at once. */
const READS_AT_ONCE = 16;

export function localSearchableIssue(
  issue: LocalIssue,
  now: number,
  frameFiles: ReadonlyMap<string, readonly string[]> | undefined,
): SearchableIssue {
  return {
    id: issue.id,
    title: issue.facts.title,
    culprit: issue.facts.culprit,
    level: issue.facts.level,
    status: issue.status,
    get substatus() {
      return issue.substatusAt(now);
    },
    hasSeen: issue.hasSeen,
    isBookmarked: issue.isBookmarked,
    assignedTo: issue.assignedTo,
    firstRelease: issue.firstRelease,
    errorType: String(issue.facts.metadata['type'] ?? ''),
    isUnhandled: issue.facts.isUnhandled,
    firstSeen: issue.firstSeen,
    lastSeen: issue.lastSeen,
    hasEvents: (scope) => issue.counts.has(scope),
    tagValues: (key) => issue.counts.tag(key).keys(),
    hasFrameFile: (patterns) =>
      (frameFiles?.get(issue.id) ?? []).some((filename) => patterns.some((pattern) => globMatches(pattern, filename))),
  };
}

/**
 * For a search with `stack.filename:` terms, each issue's frame file names, else undefined. They come from the issue's
 * newest kept event: the store keeps bodies on disk, reading every event's would cost the whole store per search, and
 * an issue's events share their in-app frames, which grouping goes by.
 */
export async function frameFilesFor(
  store: LocalStore,
  issues: readonly LocalIssue[],
  search: IssueSearch,
): Promise<Map<string, string[]> | undefined> {
  if (!search.filters.some((filter) => filter.key === 'stack.filename')) return undefined;
  const files = new Map<string, string[]>();
  for (let start = 0; start < issues.length; start += READS_AT_ONCE)
    await Promise.all(
      issues.slice(start, start + READS_AT_ONCE).map(async (issue) => {
        const newest = store.eventsOf(issue.id).at(-1);
        if (newest === undefined) return;
        const body = bodyFields(await store.bodyText(newest));
        files.set(
          issue.id,
          exceptionsOf(body).flatMap((exception) =>
            exception.frames.flatMap((frame) => (frame.filename === null ? [] : [frame.filename])),
          ),
        );
      }),
    );
  return files;
}
