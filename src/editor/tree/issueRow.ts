// How one issue reads as a row of the Sentry view: counts, status, level icon, tooltip text, and the context value
// whose flags decide which triage actions its context menu offers (package.json tests them with `viewItem =~`).
import type { BackendCapabilities } from '../../core/api/backend';
import type { Issue } from '../../core/api/issueSchema';
import { compactEventsAndUsers } from '../../core/format/compactCounts';
import { describeAge } from '../../core/format/dataAge';
import { issueStoryText, storyTag } from '../../core/format/issueStoryText';
import { issueCounts } from '../../core/scan/eventHits';
import type { IssueStory } from '../../core/tracking/issueStory';

/** A codicon and the theme colour to draw it in. */
export interface RowIcon {
  readonly id: string;
  readonly color?: string;
}

/** `resolved`, `archived`…; undefined for an open issue, which needs no word. */
export function statusLabel(issue: Issue): string | undefined {
  if (issue.status === 'unresolved') return undefined;
  if (issue.status === 'resolved')
    return issue.statusDetails?.inNextRelease === true ? 'resolved in next release' : 'resolved';
  if (issue.status === 'ignored') return 'archived';
  return issue.status.replace(/_/g, ' ');
}

/** `1.2k events · 87 users`, then `new` or `regressed` when the story calls for it, then the status once closed. */
export function issueDescription(issue: Issue, withUsers: boolean, story?: IssueStory): string {
  const { count, userCount } = issueCounts(issue);
  const status = statusLabel(issue);
  return [compactEventsAndUsers(count, userCount, withUsers), story && storyTag(story), status]
    .filter(Boolean)
    .join(' · ');
}

/**
 * `issue:<status>` followed by the actions this issue's server can take (`:nextRelease:inRelease:archiveUntil:assign:bookmark`).
 * `inRelease` also needs a current release to resolve in.
 */
export function issueContextValue(
  issue: Issue,
  capabilities: BackendCapabilities,
  hasRelease: boolean,
  hasPage = true,
): string {
  const flags = [
    hasPage && 'page',
    capabilities.resolveInNextRelease && 'nextRelease',
    capabilities.resolveInRelease && hasRelease && 'inRelease',
    capabilities.archiveUntil && 'archiveUntil',
    capabilities.assign && 'assign',
    capabilities.bookmark && 'bookmark',
  ].filter((flag): flag is string => typeof flag === 'string');
  return ['issue', issue.status, ...flags].join(':');
}

/** Closed issues show their status; open ones their level, in the contributed marker colours. */
export function issueIcon(issue: Issue): RowIcon {
  if (issue.status === 'resolved') return { id: 'pass', color: 'testing.iconPassed' };
  if (issue.status === 'ignored') return { id: 'archive', color: 'disabledForeground' };
  switch (issue.level) {
    case 'fatal':
    case 'error':
      return { id: 'error', color: 'sentryInsight.errorOverviewRuler' };
    case 'warning':
      return { id: 'warning', color: 'sentryInsight.warningOverviewRuler' };
    case 'info':
      return { id: 'info', color: 'editorInfo.foreground' };
    default:
      return { id: 'circle-outline' };
  }
}

/** Plain text (never Markdown: titles and culprits come from the monitored application). */
export function issueTooltip(
  issue: Issue,
  withUsers: boolean,
  now: Date,
  story?: { readonly story: IssueStory; readonly release?: string },
): string {
  const { count, userCount } = issueCounts(issue);
  const scope = issue.filtered ? 'in this release' : 'in the chosen period';
  const firstSeen = issue.firstSeen ? describeAge(issue.firstSeen, now) : undefined;
  const lastSeen = issue.lastSeen ? describeAge(issue.lastSeen, now) : undefined;
  const seen = [firstSeen && `First seen ${firstSeen}`, lastSeen && `last seen ${lastSeen}`]
    .filter(Boolean)
    .join(' · ');
  const assignee = issue.assignedTo?.name ?? issue.assignedTo?.email;
  const told = story ? issueStoryText(story.story, story.release) : undefined;
  return [
    [issue.shortId, issue.level, statusLabel(issue) ?? 'unresolved'].join(' · '),
    issue.title,
    issue.culprit,
    `${compactEventsAndUsers(count, userCount, withUsers)} ${scope}`,
    told && [told.headline, told.releases].filter(Boolean).join(' · '),
    seen,
    assignee && `Assigned to ${assignee}`,
    issue.isBookmarked ? 'Bookmarked' : undefined,
  ]
    .filter((line): line is string => typeof line === 'string' && line !== '')
    .join('\n');
}
