// An issue's distribution of one tag (`/tags/?key=`): total and unique values and the top values with their counts;
// for the `user` key these are the distinct users (sentry-api-notes §3.4).
import type { LocalIssue } from '../store/localIssue';
import { tagName } from './issueJson';

export function tagJson(issue: LocalIssue, key: string, limit: number): Record<string, unknown> {
  const values = [...issue.counts.tag(key).entries()].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b));
  const iso = (ms: number): string => new Date(ms).toISOString();
  return {
    key,
    name: tagName(key),
    totalValues: values.reduce((sum, [, count]) => sum + count.count, 0),
    uniqueValues: values.length,
    topValues: values.slice(0, limit).map(([value, count]) => ({
      key,
      name: value,
      value,
      count: count.count,
      firstSeen: iso(count.firstSeen),
      lastSeen: iso(count.lastSeen),
    })),
  };
}
