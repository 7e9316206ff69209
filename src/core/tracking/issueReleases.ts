// Adds where each issue started and was last seen (`firstRelease`, `lastRelease`) to issues from the issue list, which
// leaves them out: one issue-detail request per issue, concurrent within the client's limits.
import type { SentryClient } from '../api/client';
import type { Issue } from '../api/issueSchema';

/**
 * Issues that already carry both fields (the local Sentry sends them in lists) cost nothing, and so do issues `known`
 * from an earlier load with the same `lastSeen` (no new event, so no new last release). A backend that never records
 * releases per issue (GlitchTip) is not asked. A failed detail leaves the issue as listed, with a warning.
 */
export async function withReleaseFacts(
  client: SentryClient,
  org: string,
  issues: readonly Issue[],
  warnings: string[],
  options: { signal?: AbortSignal; known?: ReadonlyMap<string, Issue> } = {},
): Promise<Issue[]> {
  if (!client.backend.capabilities.firstReleaseQuery) return [...issues];
  const { signal, known } = options;
  return Promise.all(
    issues.map(async (issue) => {
      if (issue.firstRelease !== undefined && issue.lastRelease !== undefined) return issue;
      const earlier = known?.get(issue.id);
      if (earlier?.firstRelease !== undefined && earlier.lastSeen === issue.lastSeen)
        return { ...issue, firstRelease: earlier.firstRelease, lastRelease: earlier.lastRelease };
      const detail = await client.issue(org, issue.id, signal);
      if (!detail.ok) {
        warnings.push(`Could not tell which release ${issue.shortId} started in: ${detail.error.message}`);
        return issue;
      }
      return { ...issue, firstRelease: detail.value.firstRelease, lastRelease: detail.value.lastRelease };
    }),
  );
}
