// Which issues of freshly loaded folders deserve attention, and why: a regression, a storm of events in the last hour,
// or a new issue of the workspace's release that raised or passed through a file of this workspace.
import type { Issue } from '../api/issueSchema';
import type { LineHit } from '../index/issueIndex';
import { storyOf } from '../tracking/issueStory';
import { alertReasons, type AlertReason } from './alertMemory';
import { eventsInLastHour } from './hourlyEvents';

/** What the policy needs of one folder's fresh snapshot. */
export interface AlertFolder {
  readonly issues: readonly Issue[];
  readonly hits: readonly LineHit[];
  readonly release?: { readonly version: string };
  /** The server and organization the issues are of: issue ids are only unique within one. */
  readonly connection?: { readonly url: string; readonly org: string };
}

export interface QualifyingIssue {
  readonly issue: Issue;
  /** What the alert memory knows the issue by: its id within its server and organization. */
  readonly key: string;
  readonly release?: string;
  /** Most pressing first (the order of `alertReasons`). */
  readonly reasons: readonly AlertReason[];
  readonly eventsLastHour: number;
}

/** `https://sentry.io acme 4711`: the local Sentry's issue 3 is not a self-hosted Sentry's issue 3. */
export function alertKey(connection: AlertFolder['connection'], issueId: string): string {
  return connection ? `${connection.url} ${connection.org} ${issueId}` : issueId;
}

/** Each issue once, even when several folders of one server list it; reasons found in any folder count. */
export function qualifyingIssues(
  folders: readonly AlertFolder[],
  eventsPerHourThreshold: number,
  now: Date,
): QualifyingIssue[] {
  const found = new Map<string, QualifyingIssue>();
  for (const folder of folders) {
    const touched = new Set(folder.hits.map((hit) => hit.issueId));
    for (const issue of folder.issues) {
      const eventsLastHour = eventsInLastHour(issue.stats?.['24h'], now);
      const reasons = reasonsOf(issue, {
        release: folder.release?.version,
        touchesWorkspace: touched.has(issue.id),
        eventsLastHour,
        eventsPerHourThreshold,
      });
      if (reasons.length === 0) continue;
      const key = alertKey(folder.connection, issue.id);
      const earlier = found.get(key);
      const merged = [...new Set([...(earlier?.reasons ?? []), ...reasons])].sort(
        (a, b) => alertReasons.indexOf(a) - alertReasons.indexOf(b),
      );
      found.set(key, {
        issue,
        key,
        release: earlier?.release ?? folder.release?.version,
        reasons: merged,
        eventsLastHour: Math.max(eventsLastHour, earlier?.eventsLastHour ?? 0),
      });
    }
  }
  return [...found.values()];
}

function reasonsOf(
  issue: Issue,
  facts: { release?: string; touchesWorkspace: boolean; eventsLastHour: number; eventsPerHourThreshold: number },
): AlertReason[] {
  const story = storyOf(issue, facts.release).kind;
  const reasons: AlertReason[] = [];
  if (story === 'regressed') reasons.push('regressed');
  if (facts.eventsPerHourThreshold > 0 && facts.eventsLastHour > facts.eventsPerHourThreshold)
    reasons.push('eventsPerHour');
  if (story === 'new' && facts.touchesWorkspace) reasons.push('newInRelease');
  return reasons;
}
