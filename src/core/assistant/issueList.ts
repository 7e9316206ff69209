// The workspace release's issues as an AI assistant reads them: those whose frames resolve to workspace files, each
// with its lines, counts and story, narrowed by the assistant's filters.
import type { Issue } from '../api/issueSchema';
import { oneLine } from '../format/untrustedText';
import type { LineHit } from '../index/issueIndex';
import { scrubText } from '../privacy/sensitiveData';
import { issueCounts } from '../scan/eventHits';
import type { WorkspaceIssues } from '../session/loadWorkspaceIssues';
import { storyOf, type IssueStoryKind } from '../tracking/issueStory';

/** The stories an assistant can ask for; resolved issues are not in the release's unresolved list. */
export const issueFilterKinds = ['new', 'regressed', 'carried'] as const satisfies readonly IssueStoryKind[];

export interface IssueFilter {
  /** Text in the path of a workspace file one of the issue's frames resolves to. */
  readonly file?: string;
  readonly level?: string;
  readonly story?: (typeof issueFilterKinds)[number];
  /** Text in the title, culprit or short id, case-insensitive. */
  readonly text?: string;
}

const storyWords: Readonly<Record<IssueStoryKind, string>> = {
  new: 'new in this release',
  regressed: 'regressed (back after a fix)',
  carried: 'carried over from an earlier release',
  resolved: 'resolved',
};

export function issueListText(loaded: WorkspaceIssues, filter: IssueFilter): string {
  const release = loaded.release?.version;
  const hits = hitsByIssue(loaded.index.allHits());
  const touching = loaded.issues.filter((issue) => hits.has(issue.id));
  const shown = touching.filter((issue) => matches(issue, hits.get(issue.id) ?? [], filter, release));
  const scope = release
    ? `release ${oneLine(release, 200)} (from ${loaded.release?.source})`
    : 'all releases (the project has none)';
  const filters = Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  const lines = [
    `${shown.length} of the ${touching.length} unresolved issues of ${scope} that touch the ` +
      `workspace${filters.length > 0 ? ` match ${filters.join(', ')}` : ''}; ` +
      `${elsewhere(loaded.issues.length - touching.length)}.`,
  ];
  for (const issue of shown) lines.push('', ...issueLines(issue, hits.get(issue.id) ?? [], release));
  if (loaded.missing.length > 0)
    lines.push(
      '',
      `Incomplete: the server was too busy to give the events of ${loaded.missing.map((entry) => entry.shortId).join(', ')}; ask again later.`,
    );
  for (const warning of loaded.warnings) lines.push(`Warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function elsewhere(count: number): string {
  return `${count} more ${count === 1 ? 'has' : 'have'} no frame in the workspace`;
}

function hitsByIssue(hits: readonly LineHit[]): Map<string, LineHit[]> {
  const byIssue = new Map<string, LineHit[]>();
  for (const hit of hits) byIssue.set(hit.issueId, [...(byIssue.get(hit.issueId) ?? []), hit]);
  return byIssue;
}

function matches(issue: Issue, hits: readonly LineHit[], filter: IssueFilter, release: string | undefined): boolean {
  if (filter.level && issue.level !== filter.level) return false;
  if (filter.story && storyOf(issue, release).kind !== filter.story) return false;
  const file = filter.file?.trim().toLowerCase();
  if (file && !hits.some((hit) => hit.file.toLowerCase().includes(file))) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && ![issue.title, issue.culprit ?? '', issue.shortId].some((field) => field.toLowerCase().includes(text)))
    return false;
  return true;
}

function issueLines(issue: Issue, hits: readonly LineHit[], release: string | undefined): string[] {
  const { count, userCount } = issueCounts(issue);
  const raised = hits.filter((hit) => hit.role === 'raised').map(place);
  const callers = hits.filter((hit) => hit.role === 'caller').map(place);
  return [
    `${oneLine(issue.shortId, 100)} (id ${issue.id}) · ${issue.level} · ${storyWords[storyOf(issue, release).kind]} · ${count} events, ${userCount} users`,
    `  ${scrubText(oneLine(issue.title, 300))}`,
    ...(raised.length > 0 ? [`  raised at ${raised.join(', ')}`] : []),
    ...(callers.length > 0 ? [`  called from ${callers.join(', ')}`] : []),
  ];
}

function place(hit: LineHit): string {
  const drift = hit.stale ? ' (code changed since the release)' : hit.moved ? ' (line moved since the release)' : '';
  return `${hit.file}:${hit.line}${drift}`;
}
