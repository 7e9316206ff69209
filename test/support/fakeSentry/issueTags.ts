// An issue's tag distributions: release, environment and level derived from its counts, plus the tags a test set.
import { FakeEventCount, FakeIssue, FakeTag, FakeTagValue } from './model';

export function issueTags(issue: FakeIssue): FakeTag[] {
  const derived: FakeTag[] = [
    tagFromRows('environment', issue.eventCounts, (row) => row.environment),
    tagFromRows('release', issue.eventCounts, (row) => row.release),
    {
      key: 'level',
      name: 'Level',
      values: [{ value: issue.level, count: issue.count, firstSeen: issue.firstSeen, lastSeen: issue.lastSeen }],
    },
  ];
  const own = new Set(issue.tags.map((tag) => tag.key));
  return [...derived.filter((tag) => !own.has(tag.key) && tag.values.length > 0), ...issue.tags];
}

export function tagTotal(tag: FakeTag): number {
  return tag.values.reduce((sum, value) => sum + value.count, 0);
}

/** Values by count, most frequent first, as Sentry's topValues. */
export function topValues(tag: FakeTag, limit?: number): FakeTagValue[] {
  const sorted = [...tag.values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return limit === undefined ? sorted : sorted.slice(0, limit);
}

export function tagName(key: string): string {
  return key
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

function tagFromRows(key: string, rows: FakeEventCount[], valueOf: (row: FakeEventCount) => string | null): FakeTag {
  const byValue = new Map<string, FakeTagValue>();
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null) continue;
    const seen = byValue.get(value);
    if (!seen) {
      byValue.set(value, { value, count: row.count, firstSeen: row.firstSeen, lastSeen: row.lastSeen });
      continue;
    }
    seen.count += row.count;
    if (Date.parse(row.firstSeen) < Date.parse(seen.firstSeen)) seen.firstSeen = row.firstSeen;
    if (Date.parse(row.lastSeen) > Date.parse(seen.lastSeen)) seen.lastSeen = row.lastSeen;
  }
  return { key, name: tagName(key), values: [...byValue.values()] };
}
