// The Compare Releases view's content as plain data: per folder what is being compared with what, then three groups
// (new in the release, regressed in it, gone since the base) with their counts and issues, and rows that say what is
// going on (loading, a failed refresh over the last good result, the comparison's warnings). No vscode import, so it
// is unit-tested in Node; comparisonItems.ts turns nodes into TreeItems.
import { compactEventsAndUsers, compactPlural } from '../../core/format/compactCounts';
import { issueStoryText } from '../../core/format/issueStoryText';
import { oneLine } from '../../core/format/untrustedText';
import type { ComparedIssue, ComparisonCategory, ReleaseComparison } from '../../core/tracking/releaseComparison';
import { comparisonCategories } from '../../core/tracking/releaseComparison';
import type { MessageSeverity } from '../tree/issueTreeModel';

/** One folder's comparison as the view keeps it: the last good result survives a failed or running refresh. */
export interface FolderComparison {
  readonly folderPath: string;
  readonly name: string;
  /** The folder has loaded issues (and so a connection and a release to compare). */
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly comparison?: ReleaseComparison;
  /** The last attempt's failure, shown over the kept result. */
  readonly error?: string;
  /** False where the backend does not count users (GlitchTip). */
  readonly withUsers: boolean;
}

export interface ComparisonFolderNode {
  readonly kind: 'folder';
  readonly id: string;
  readonly name: string;
  readonly children: readonly ComparisonNode[];
}

export interface ComparisonHeaderNode {
  readonly kind: 'header';
  readonly id: string;
  readonly folderPath: string;
  readonly label: string;
  readonly description?: string;
}

export interface ComparisonGroupNode {
  readonly kind: 'group';
  readonly id: string;
  readonly folderPath: string;
  readonly category: ComparisonCategory;
  readonly label: string;
  /** `3 issues · 340 events`. */
  readonly description: string;
  readonly tooltip: string;
  readonly children: readonly ComparedIssueNode[];
}

export interface ComparedIssueNode {
  readonly kind: 'issue';
  readonly id: string;
  readonly folderPath: string;
  readonly category: ComparisonCategory;
  /** What the triage commands read from a row (`issueIdsFromArgs`). */
  readonly issueId: string;
  readonly label: string;
  readonly description: string;
  /** Plain text: titles come from the monitored application. */
  readonly tooltip: string;
  /** The issue's page on Sentry, for issues the store does not have (gone ones usually). */
  readonly url?: string;
}

export interface ComparisonMessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly folderPath: string;
  readonly severity: MessageSeverity;
  readonly text: string;
}

export type ComparisonNode =
  ComparisonFolderNode | ComparisonHeaderNode | ComparisonGroupNode | ComparedIssueNode | ComparisonMessageNode;

/** One folder's rows directly in a single-root workspace, else a row per folder. */
export function comparisonRoots(folders: readonly FolderComparison[]): ComparisonNode[] {
  const [only] = folders;
  if (folders.length === 1 && only) return comparisonRows(only);
  return folders.map((folder) => ({
    kind: 'folder',
    id: `comparison-folder:${folder.folderPath}`,
    name: folder.name,
    children: comparisonRows(folder),
  }));
}

export function comparisonRows(folder: FolderComparison): ComparisonNode[] {
  const path = folder.folderPath;
  const { comparison } = folder;
  const status: ComparisonMessageNode[] = [];
  if (!folder.loaded && !comparison)
    status.push(message(path, 'status', 'info', 'Waiting for the issues of this folder to load.'));
  if (folder.loading)
    status.push(message(path, 'status', 'loading', comparison ? 'Refreshing the comparison…' : 'Comparing releases…'));
  if (folder.error)
    status.push(
      message(
        path,
        'error',
        'error',
        comparison ? `Refresh failed, showing the last comparison: ${folder.error}` : folder.error,
      ),
    );
  if (!comparison) return status;
  const warnings = comparison.warnings.map((warning, index) => message(path, `warning-${index}`, 'warning', warning));
  return [
    headerOf(path, comparison),
    ...status,
    ...warnings,
    ...comparisonCategories.map((category) => groupOf(folder, comparison, category)),
  ];
}

function headerOf(folderPath: string, comparison: ReleaseComparison): ComparisonHeaderNode {
  return {
    kind: 'header',
    id: `comparison-header:${folderPath}`,
    folderPath,
    label: oneLine(comparison.release, 80),
    description: comparison.base
      ? `compared with ${oneLine(comparison.base, 80)}`
      : 'no earlier release to compare with',
  };
}

function groupLabel(category: ComparisonCategory, comparison: ReleaseComparison): string {
  const release = oneLine(comparison.release, 80);
  switch (category) {
    case 'new':
      return `New in ${release}`;
    case 'regressed':
      return `Regressed in ${release}`;
    case 'gone':
      return comparison.base ? `Gone since ${oneLine(comparison.base, 80)}` : 'Gone since the previous release';
  }
}

const groupTooltips: Readonly<Record<ComparisonCategory, string>> = {
  new: 'Issues first seen in this release.',
  regressed: 'Issues that were resolved and came back in this release.',
  gone: 'Issues with events in the base release and none in this one, whatever their status. Counts are of the base release.',
};

function groupOf(
  folder: FolderComparison,
  comparison: ReleaseComparison,
  category: ComparisonCategory,
): ComparisonGroupNode {
  const issues = comparison[category];
  const events = issues.reduce((sum, compared) => sum + compared.count, 0);
  return {
    kind: 'group',
    id: `comparison-group:${folder.folderPath}:${category}`,
    folderPath: folder.folderPath,
    category,
    label: groupLabel(category, comparison),
    description:
      issues.length > 0 ? `${compactPlural(issues.length, 'issue')} · ${compactPlural(events, 'event')}` : 'none',
    tooltip: groupTooltips[category],
    children: issues.map((compared) => issueNodeOf(folder, comparison, category, compared)),
  };
}

function issueNodeOf(
  folder: FolderComparison,
  comparison: ReleaseComparison,
  category: ComparisonCategory,
  compared: ComparedIssue,
): ComparedIssueNode {
  const { issue } = compared;
  const counts = compactEventsAndUsers(compared.count, compared.userCount, folder.withUsers);
  const story = issueStoryText(compared.story, comparison.release);
  const scope =
    category === 'gone'
      ? `in ${oneLine(comparison.base ?? 'the base release', 80)}`
      : `in ${oneLine(comparison.release, 80)}`;
  return {
    kind: 'issue',
    id: `comparison-issue:${folder.folderPath}:${category}:${issue.id}`,
    folderPath: folder.folderPath,
    category,
    issueId: issue.id,
    label: oneLine(issue.title, 200),
    description: `${oneLine(issue.shortId, 40)} · ${counts}`,
    tooltip: [
      `${issue.shortId} · ${issue.level} · ${issue.status}`,
      issue.title,
      `${counts} ${scope}`,
      story.headline,
      story.releases,
    ]
      .filter((line): line is string => typeof line === 'string' && line !== '')
      .map((line) => oneLine(line, 300))
      .join('\n'),
    ...(issue.permalink ? { url: issue.permalink } : {}),
  };
}

function message(folderPath: string, what: string, severity: MessageSeverity, text: string): ComparisonMessageNode {
  return { kind: 'message', id: `comparison-message:${what}:${folderPath}`, folderPath, severity, text };
}
