// A bar chart in one line of text for hovers: Sentry's `stats` buckets (`[[unixSeconds, count], ...]`) as unicode
// block characters, oldest first. An empty bucket is the lowest bar and any event lifts a bucket above it, so a quiet
// hour and a rare error stay distinguishable.

const bars = '▁▂▃▄▅▆▇█';
const top = bars.length - 1;

export type StatsBucket = readonly [unixSeconds: number, count: number, ...rest: unknown[]];

export function textSparkline(buckets: readonly StatsBucket[]): string {
  const counts = [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(([, count]) => (Number.isFinite(count) && count > 0 ? count : 0));
  const max = Math.max(0, ...counts);
  return counts.map((count) => bars[count === 0 ? 0 : Math.max(1, Math.ceil((count / max) * top))]).join('');
}

export function bucketTotal(buckets: readonly StatsBucket[]): number {
  return buckets.reduce((sum, [, count]) => sum + (Number.isFinite(count) && count > 0 ? count : 0), 0);
}
