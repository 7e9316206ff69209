// Two releases compared, as an AI assistant reads it: the issues new in the workspace's release, those that came back in
// it after a fix, and those of the base release with no events in it any more, each with its counts and first release.
import { eventsAndUsers } from '../format/counts';
import { oneLine } from '../format/untrustedText';
import { scrubText } from '../privacy/sensitiveData';
import type { ComparedIssue, ComparisonCategory, ReleaseComparison } from '../tracking/releaseComparison';

/** Issues listed per category: the ones with the most events come first, and the rest are counted. */
const maxListed = 25;

export function comparisonText(comparison: ReleaseComparison): string {
  const release = oneLine(comparison.release, 200);
  const base = comparison.base ? oneLine(comparison.base, 200) : undefined;
  const headings: Array<[ComparisonCategory, string]> = [
    ['new', `New in ${release} (first seen in it)`],
    ['regressed', `Regressed in ${release} (resolved before, back with events in it)`],
    [
      'gone',
      base
        ? `Gone since ${base} (events in ${base}, none in ${release})`
        : 'Gone (there is no earlier release to compare with)',
    ],
  ];
  const lines = [
    `Release ${release} compared with ${base ?? 'no earlier release'}: ${comparison.new.length} new, ${comparison.regressed.length} regressed, ${comparison.gone.length} gone.`,
  ];
  for (const [category, heading] of headings) {
    const entries = comparison[category];
    lines.push('', `## ${heading}: ${entries.length === 0 ? 'none' : entries.length}`);
    for (const entry of entries.slice(0, maxListed)) lines.push(entryLine(entry, category, base));
    if (entries.length > maxListed) lines.push(`(${entries.length - maxListed} more with fewer events not listed)`);
  }
  for (const warning of comparison.warnings) lines.push(`Warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

function entryLine(entry: ComparedIssue, category: ComparisonCategory, base: string | undefined): string {
  const { issue, story } = entry;
  const where = category === 'gone' && base ? ` in ${base}` : '';
  const since = story.firstRelease && category !== 'new' ? `; first seen in ${oneLine(story.firstRelease, 100)}` : '';
  return (
    `- ${oneLine(issue.shortId, 100)} (id ${issue.id}) · ${issue.level} · ${issue.status} · ` +
    `${eventsAndUsers(entry.count, entry.userCount)}${where}${since}: ` +
    `${scrubText(oneLine(issue.title, 300))}`
  );
}
