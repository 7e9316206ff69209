// Event charts of the issue panel: the 24 hour and 14 day series picked from an issue's `stats`, and the bar geometry
// the page draws them with. Pure, so the host builds the series and the page only lays them out.
import { plural } from './counts';
import type { ChartView } from './issueViewModel';

/** `[unixSeconds, count, ...]` buckets as Sentry sends them under `stats["24h"]`, `stats["14d"]` or `stats["30d"]`. */
export type StatsSeries = ReadonlyArray<readonly [number, number, ...unknown[]]>;
export type IssueStats = Readonly<Record<string, StatsSeries>>;

function chartOf(id: ChartView['id'], label: string, series: StatsSeries): ChartView {
  const buckets = series
    .filter(([time, value]) => Number.isFinite(time) && Number.isFinite(value))
    .map(([time, value]) => ({ iso: new Date(time * 1000).toISOString(), count: Math.max(0, Math.round(value)) }));
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  return { id, label, total: plural(total, 'event'), buckets };
}

/**
 * The last 24 hours (hourly) and the last 14 days (daily). The issue detail sends `30d` rather than `14d`, so the
 * 14 day chart is its last 14 daily buckets.
 */
export function chartsOfStats(stats: IssueStats | undefined): ChartView[] {
  if (!stats) return [];
  const charts: ChartView[] = [];
  const hourly = stats['24h'];
  if (hourly) charts.push(chartOf('24h', 'Last 24 hours', hourly));
  const daily = stats['14d'] ?? stats['30d']?.slice(-14);
  if (daily) charts.push(chartOf('14d', 'Last 14 days', daily));
  return charts;
}

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly iso: string;
}

/** Bars filling `width` x `height`, tallest at full height; a bucket with events is never drawn invisibly thin. */
export function barsOf(buckets: ChartView['buckets'], width: number, height: number, gap = 1): Bar[] {
  if (buckets.length === 0) return [];
  const peak = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const slot = width / buckets.length;
  const barWidth = Math.max(0.5, slot - gap);
  return buckets.map((bucket, index) => {
    const scaled = (bucket.count / peak) * height;
    const barHeight = bucket.count > 0 ? Math.max(1, scaled) : 0;
    return {
      x: index * slot,
      y: height - barHeight,
      width: barWidth,
      height: barHeight,
      count: bucket.count,
      iso: bucket.iso,
    };
  });
}
