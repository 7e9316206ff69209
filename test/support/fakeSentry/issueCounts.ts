// Event counts of an issue under filters: environment-scoped totals, the release-scoped `filtered` block, stats buckets.
import { JsonObject } from './json';
import { FakeEventCount, FakeIssue } from './model';

export interface CountScope {
  /** Only rows of these environments; empty means all. */
  environments: string[];
  /** Only rows of these releases; `null` means no release filter. */
  releases: string[] | null;
}

export interface CountSummary {
  count: number;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
}

export function rowsInScope(issue: FakeIssue, scope: CountScope): FakeEventCount[] {
  return issue.eventCounts.filter(
    (row) =>
      (scope.environments.length === 0 || scope.environments.includes(row.environment)) &&
      (scope.releases === null || (row.release !== null && scope.releases.includes(row.release))),
  );
}

export function summarize(rows: FakeEventCount[]): CountSummary | null {
  if (rows.length === 0) return null;
  return {
    count: rows.reduce((sum, row) => sum + row.count, 0),
    userCount: rows.reduce((sum, row) => sum + row.userCount, 0),
    firstSeen: rows.map((row) => row.firstSeen).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? '',
    lastSeen: rows.map((row) => row.lastSeen).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? '',
  };
}

/** The issue's `count`/`userCount`/`firstSeen`/`lastSeen`: all-time totals, or sums over the filtered environments. */
export function scopedTotals(issue: FakeIssue, environments: string[]): CountSummary {
  const whole = {
    count: issue.count,
    userCount: issue.userCount,
    firstSeen: issue.firstSeen,
    lastSeen: issue.lastSeen,
  };
  if (environments.length === 0) return whole;
  return summarize(rowsInScope(issue, { environments, releases: null })) ?? { ...whole, count: 0, userCount: 0 };
}

export type StatsPeriod = '24h' | '14d' | '30d';

const bucketSeconds: Record<StatsPeriod, number> = { '24h': 3600, '14d': 86_400, '30d': 86_400 };
const bucketCount: Record<StatsPeriod, number> = { '24h': 24, '14d': 14, '30d': 30 };

/**
 * `[[unixSeconds, n], ...]` ending at the data clock. Each row's events land in the bucket holding its `lastSeen`
 * (a coarse but deterministic spread), so a row older than the window adds nothing.
 */
export function statsBuckets(rows: FakeEventCount[], now: string, period: StatsPeriod): Array<[number, number]> {
  const size = bucketSeconds[period];
  const last = Math.floor(Date.parse(now) / 1000 / size) * size;
  const buckets: Array<[number, number]> = [];
  for (let n = bucketCount[period] - 1; n >= 0; n--) buckets.push([last - n * size, 0]);
  for (const row of rows) {
    const at = Math.floor(Date.parse(row.lastSeen) / 1000 / size) * size;
    const bucket = buckets.find(([start]) => start === at);
    if (bucket) bucket[1] += row.count;
  }
  return buckets;
}

export function statsJson(rows: FakeEventCount[], now: string, periods: StatsPeriod[]): JsonObject {
  const stats: JsonObject = {};
  for (const period of periods) stats[period] = statsBuckets(rows, now, period);
  return stats;
}

/** Sentry's `filtered` block: counts within the queried releases (and environments). */
export function filteredJson(issue: FakeIssue, scope: CountScope, now: string, period: StatsPeriod): JsonObject {
  const rows = rowsInScope(issue, scope);
  const summary = summarize(rows);
  if (!summary)
    return { count: '0', userCount: 0, firstSeen: null, lastSeen: null, stats: statsJson([], now, [period]) };
  return {
    count: String(summary.count),
    userCount: summary.userCount,
    firstSeen: summary.firstSeen,
    lastSeen: summary.lastSeen,
    stats: statsJson(rows, now, [period]),
  };
}
