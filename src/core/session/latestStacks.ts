// Many issues' latest frames in two requests per hundred issues (Sentry's organization events endpoint): each issue's
// latest event id in the release, then those events' frames. What it cannot answer is asked one issue at a time.
import type { SentryClient } from '../api/client';
import type { EventStackRow } from '../api/discoverSchema';
import type { ApiError } from '../api/errors';
import type { Issue } from '../api/issueSchema';
import { ok, type Result } from '../result';
import { quoteSearchValue } from '../scan/searchQuoting';

export interface StacksFilter {
  readonly projectId: string;
  readonly release?: string;
  readonly environments?: readonly string[];
  readonly statsPeriod: string;
  readonly signal?: AbortSignal;
}

/**
 * The latest event's frames of each of these issues (at most `discoverBatchSize`), by issue id. An issue with no event
 * in the release within the period, or whose row did not read, is not in the answer.
 */
export async function latestStacks(
  client: SentryClient,
  org: string,
  issues: readonly Issue[],
  filter: StacksFilter,
): Promise<Result<Map<string, EventStackRow>, ApiError>> {
  const scope = {
    projectId: filter.projectId,
    environments: filter.environments,
    statsPeriod: filter.statsPeriod,
    signal: filter.signal,
  };
  const query = filter.release ? `release:${quoteSearchValue(filter.release)}` : undefined;
  const latest = await client.latestEventIds(
    org,
    issues.map((issue) => issue.id),
    { ...scope, query },
  );
  if (!latest.ok) return latest;
  const stacks = new Map<string, EventStackRow>();
  if (latest.value.size === 0) return ok(stacks);
  const issueOfEvent = new Map([...latest.value].map(([issueId, eventId]) => [eventId, issueId]));
  const rows = await client.eventStacks(org, [...issueOfEvent.keys()], scope);
  if (!rows.ok) return rows;
  for (const row of rows.value) {
    // The row must be the event asked for that issue: any other row is not its latest event.
    const issueId = issueOfEvent.get(row.eventId);
    if (issueId !== undefined && issueId === row.issueId) stacks.set(issueId, row);
  }
  return ok(stacks);
}
