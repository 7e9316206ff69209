// Compares a release with a base release, as a release gate needs it: issues new in the release, issues that came
// back in it after a fix, and issues of the base that have no events in it any more.
import type { SentryClient } from '../api/client';
import type { ApiError } from '../api/errors';
import type { Issue } from '../api/issueSchema';
import { err, ok, type Result } from '../result';
import { issueCounts } from '../scan/eventHits';
import { quoteSearchValue } from '../scan/searchQuoting';
import { baseReleaseOf } from './baseRelease';
import { withReleaseFacts } from './issueReleases';
import { storyOf, type IssueStory } from './issueStory';

export interface ComparisonTarget {
  readonly org: string;
  readonly projectId: string;
  readonly release: string;
  /** The release to compare with; the one before `release` when absent. */
  readonly base?: string;
  readonly environments?: readonly string[];
  /** The window the lists look into; releases older than it count as having no events. */
  readonly statsPeriod?: string;
  readonly signal?: AbortSignal;
}

export interface ComparedIssue {
  readonly issue: Issue;
  readonly story: IssueStory;
  /** Events and users within the release; for a gone issue, within the base (it has none in the release). */
  readonly count: number;
  readonly userCount: number;
}

export interface ReleaseComparison {
  readonly release: string;
  readonly base?: string;
  readonly new: readonly ComparedIssue[];
  readonly regressed: readonly ComparedIssue[];
  readonly gone: readonly ComparedIssue[];
  readonly warnings: readonly string[];
}

export type ComparisonCategory = 'new' | 'regressed' | 'gone';
export const comparisonCategories: readonly ComparisonCategory[] = ['new', 'regressed', 'gone'];

/** Sentry's issue search window tops out at 90 days. */
export const defaultComparisonPeriod = '90d';

export async function compareReleases(
  client: SentryClient,
  target: ComparisonTarget,
): Promise<Result<ReleaseComparison, ApiError>> {
  const warnings: string[] = [];
  const base = await baseReleaseOf(client, target);
  if (!base.ok) return base;
  if (base.value.warning) warnings.push(base.value.warning);
  const baseVersion = base.value.version;

  const list = (query: string) =>
    client.issues(target.org, {
      projectId: target.projectId,
      query,
      environments: target.environments,
      statsPeriod: target.statsPeriod ?? defaultComparisonPeriod,
      sort: 'freq',
      signal: target.signal,
    });
  const inRelease = `release:${quoteSearchValue(target.release)}`;
  const canTellNew = client.backend.capabilities.firstReleaseQuery;
  if (!canTellNew)
    warnings.push(
      'This server does not record the release an issue started in, so no issue is listed as new or regressed.',
    );
  // Every status: an issue resolved since is still new in the release, and one of the base is gone whatever its status.
  const [current, started, previous] = await Promise.all([
    list(inRelease),
    canTellNew
      ? list(`firstRelease:${quoteSearchValue(target.release)} ${inRelease}`)
      : Promise.resolve(ok<Issue[]>([])),
    baseVersion ? list(`release:${quoteSearchValue(baseVersion)}`) : Promise.resolve(ok<Issue[]>([])),
  ]);
  if (!current.ok) return err(current.error);
  if (!started.ok) return err(started.error);
  if (!previous.ok) return err(previous.error);

  const currentIds = new Set(current.value.map((issue) => issue.id));
  const regressed = canTellNew
    ? current.value.filter((issue) => issue.status === 'unresolved' && issue.substatus === 'regressed')
    : [];
  const gone = previous.value.filter((issue) => !currentIds.has(issue.id));
  const [newFacts, regressedFacts, goneFacts] = await Promise.all(
    [started.value, regressed, gone].map((issues) =>
      withReleaseFacts(client, target.org, issues, warnings, { signal: target.signal }),
    ),
  );
  const compared = (issues: readonly Issue[]) =>
    issues.map((issue) => ({ issue, story: storyOf(issue, target.release), ...issueCounts(issue) })).sort(byImpact);
  return ok({
    release: target.release,
    ...(baseVersion ? { base: baseVersion } : {}),
    new: compared(newFacts ?? []),
    regressed: compared(regressedFacts ?? []),
    gone: compared(goneFacts ?? []),
    warnings: [...new Set(warnings)],
  });
}

function byImpact(a: ComparedIssue, b: ComparedIssue): number {
  return b.count - a.count || b.userCount - a.userCount || a.issue.id.localeCompare(b.issue.id);
}
