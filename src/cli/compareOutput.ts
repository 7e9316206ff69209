// What `sentry-insight compare` prints: the JSON contract (`--json`) and the human listing of the three categories.
import { eventsAndUsers, plural } from '../core/format/counts';
import { oneLine } from '../core/format/untrustedText';
import type { WorkspaceComparison } from './compareWorkspace';
import type { ComparedIssue, ComparisonCategory } from '../core/tracking/releaseComparison';
import { issueJson, levelMarks, type IssueJson } from './scanOutput';

export interface CompareJson {
  release: string;
  base: string | null;
  new: IssueJson[];
  regressed: IssueJson[];
  gone: IssueJson[];
}

export function compareJson(comparison: WorkspaceComparison): CompareJson {
  const issues = (list: readonly ComparedIssue[]) =>
    list.map((entry) => issueJson(entry.issue, entry, comparison.release));
  return {
    release: comparison.release,
    base: comparison.base ?? null,
    new: issues(comparison.new),
    regressed: issues(comparison.regressed),
    gone: issues(comparison.gone),
  };
}

/** The categories named by `--fail-on` that hold at least one issue. */
export function failingCategories(
  comparison: WorkspaceComparison,
  failOn: readonly ComparisonCategory[],
): ComparisonCategory[] {
  return failOn.filter((category) => comparison[category].length > 0);
}

export function compareText(comparison: WorkspaceComparison): string {
  const release = oneLine(comparison.release);
  const base = comparison.base ? oneLine(comparison.base) : undefined;
  const sections: Array<[ComparisonCategory, string]> = [
    ['new', `New in ${release}`],
    ['regressed', `Regressed in ${release}`],
    ['gone', base ? `Gone since ${base} (no events in ${release})` : 'Gone (no base release)'],
  ];
  const lines = [`Release ${release} (${comparison.releaseSource}) compared with ${base ?? 'no earlier release'}`, ''];
  for (const [category, heading] of sections) {
    const entries = comparison[category];
    lines.push(`${heading}: ${entries.length === 0 ? 'none' : entries.length}`);
    const width = Math.min(24, Math.max(0, ...entries.map((entry) => oneLine(entry.issue.shortId, 40).length)));
    for (const entry of entries) lines.push(`  ${issueLine(entry, category, width, base)}`);
    lines.push('');
  }
  lines.push(
    `${plural(comparison.new.length, 'new issue')}, ${comparison.regressed.length} regressed, ${comparison.gone.length} gone`,
  );
  return `${lines.join('\n')}\n`;
}

function issueLine(
  entry: ComparedIssue,
  category: ComparisonCategory,
  width: number,
  base: string | undefined,
): string {
  const { issue } = entry;
  const mark = levelMarks[issue.level] ?? '✖';
  const where = category === 'gone' && base ? ` in ${base}` : '';
  const since =
    entry.story.firstRelease && category !== 'new' ? `  (first seen in ${oneLine(entry.story.firstRelease, 80)})` : '';
  return `${oneLine(issue.shortId, 40).padEnd(width)}  ${mark} ${eventsAndUsers(entry.count, entry.userCount)}${where}  ${oneLine(issue.title, 100)}${since}`;
}
