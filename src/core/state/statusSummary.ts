// Sums up the folders' states for the status bar: what to show (release and open issue count), whether to spin,
// and whether to warn because the data may be out of date, with a tooltip that says why and how old the data is.
import { describeAge } from '../format/dataAge';
import { plural } from '../format/counts';
import { releaseSourceLabel, shortReleaseName } from '../format/releaseName';
import { describeMissing, incompleteAdvice } from '../session/incompleteLoad';
import { storyOf } from '../tracking/issueStory';
import type { FolderState } from './issueStore';
import type { IssueSnapshot } from './snapshot';

export interface SummaryFolder {
  readonly name: string;
  readonly state: FolderState;
}

export interface StatusSummary {
  /** A codicon name: `sync~spin` while loading, `warning` when nothing could be loaded, else `bug`. */
  readonly icon: string;
  readonly label: string;
  /** Plain text, one line per workspace folder, then what a click does. */
  readonly tooltip: string;
  /** Data may be out of date: restored from the cache and not refreshed, or the last refresh failed. */
  readonly warning: boolean;
}

/** Issues still open: those resolved or archived from the editor stay in the snapshot until the next refresh. */
export function openIssueCount(snapshot: IssueSnapshot): number {
  return snapshot.issues.filter((issue) => issue.status === 'unresolved').length;
}

export function statusSummary(
  folders: readonly SummaryFolder[],
  focusPath: string | undefined,
  now: Date,
): StatusSummary {
  const focus =
    folders.find((folder) => folder.state.folderPath === focusPath) ??
    folders.find((folder) => folder.state.snapshot) ??
    folders[0];
  const loading = folders.some((folder) => folder.state.status.kind === 'loading');
  const warning = folders.some(
    ({ state }) =>
      state.status.kind === 'failed' ||
      (state.status.kind !== 'loading' && (state.stale || (state.snapshot?.missing?.length ?? 0) > 0)),
  );
  const snapshot = focus?.state.snapshot;
  const label = snapshot
    ? `${snapshot.release ? shortReleaseName(snapshot.release.version) : 'all releases'} · ${openIssueCount(snapshot)}`
    : 'Sentry';
  const icon = loading ? 'sync~spin' : !snapshot && focus?.state.status.kind === 'failed' ? 'warning' : 'bug';
  const lines = folders.map((folder) =>
    folders.length > 1 ? `${folder.name}: ${describeFolder(folder.state, now)}` : describeFolder(folder.state, now),
  );
  return { icon, label, warning, tooltip: ['Sentry Insight', ...lines, 'Click for Sentry actions.'].join('\n') };
}

function describeFolder(state: FolderState, now: Date): string {
  const parts: string[] = [];
  if (state.snapshot) parts.push(describeData(state.snapshot));
  const status = state.status;
  if (status.kind === 'loading') parts.push(status.message ? `Refreshing: ${status.message}.` : 'Refreshing…');
  if (status.kind === 'failed') parts.push(`The last refresh failed: ${status.message}`);
  if (state.snapshot && state.stale) parts.push(describeStaleness(state.snapshot, status.kind, now));
  const missing = describeMissing(state.snapshot?.missing ?? []);
  if (missing && status.kind !== 'loading') parts.push(`Marks are incomplete: ${missing} ${incompleteAdvice}`);
  if (!state.snapshot && status.kind === 'idle') parts.push('Not loaded yet.');
  return parts.join(' ');
}

function describeData(snapshot: IssueSnapshot): string {
  const release = snapshot.release
    ? `Release ${snapshot.release.version} (from ${releaseSourceLabel(snapshot.release.source)})`
    : 'All releases';
  const environments = snapshot.environments.length > 0 ? snapshot.environments.join(', ') : 'all environments';
  return `${release}, ${environments}: ${plural(openIssueCount(snapshot), 'open issue')}${describeStories(snapshot)}.`;
}

/** " (2 new in this release, 1 regressed)": what changed in the release, at a glance; empty when nothing did. */
function describeStories(snapshot: IssueSnapshot): string {
  const open = snapshot.issues.filter((issue) => issue.status === 'unresolved');
  const kinds = open.map((issue) => storyOf(issue, snapshot.release?.version).kind);
  const fresh = kinds.filter((kind) => kind === 'new').length;
  const regressed = kinds.filter((kind) => kind === 'regressed').length;
  const parts = [fresh > 0 ? `${fresh} new in this release` : '', regressed > 0 ? `${regressed} regressed` : ''].filter(
    Boolean,
  );
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function describeStaleness(snapshot: IssueSnapshot, status: FolderState['status']['kind'], now: Date): string {
  const age = describeAge(snapshot.loadedAt, now);
  const when = age ? `${age} (${new Date(snapshot.loadedAt).toLocaleString()})` : 'at an unknown time';
  return status === 'failed'
    ? `Showing the last good data, loaded ${when}.`
    : `Showing cached data loaded ${when}, not refreshed yet.`;
}
